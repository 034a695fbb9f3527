import { createHash } from "node:crypto";
import { buildIifeBundle } from "@klynge/test-support/bundle";
import { launchChromium } from "@klynge/test-support/chromium";
import { arbQuestionnaire, makeQuestionnaire } from "@klynge/test-support/questionnaires";
import fc from "fast-check";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sha256Hex, utf8Encode } from "../../../internal/sha256.js";
import type { Questionnaire } from "../../../questionnaire/model.js";
import { parseQuestionnaire } from "../../../questionnaire/parseQuestionnaire.js";
import { hashQuestionnaire } from "../../../versions/questionnaireVersion.js";

// The content hash names a questionnaire version everywhere: in the widget (browser), in the
// collector (Node) and in files moved between them. This proves both give the same bytes, in a
// real Chromium running the engine as a browser bundle.

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const code = await buildIifeBundle(new URL("./hashingEntry.ts", import.meta.url), "KlyngeEngine");
  browser = await launchChromium();
  page = await browser.newPage();
  // A localhost origin is a secure context, so the page has Web Crypto to compare with.
  const origin = "http://127.0.0.1:9";
  await page.route(`${origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>engine</title><script>${code.replaceAll("</script", "<\\/script")}</script>`,
    }),
  );
  await page.goto(`${origin}/`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function inBrowser<T>(fn: string, arg: unknown): Promise<T> {
  return page.evaluate(
    ([name, value]) =>
      (globalThis as unknown as Record<string, Record<string, (v: unknown) => T>>).KlyngeEngine?.[
        name as string
      ]?.(value) as T,
    [fn, arg] as const,
  );
}

function parsed(input: unknown): Questionnaire {
  const result = parseQuestionnaire(input);
  if (!result.success) throw new Error(`fixture is not valid: ${JSON.stringify(result.issues)}`);
  return result.data;
}

describe("content hash in Chromium", () => {
  test("the bundle runs in the page", async () => {
    const type = await page.evaluate(
      () =>
        typeof (globalThis as unknown as { KlyngeEngine?: { hashQuestionnaire?: unknown } })
          .KlyngeEngine?.hashQuestionnaire,
    );
    expect(type).toBe("function");
  });

  test("a fixed questionnaire hashes the same in Node and in Chromium", async () => {
    const questionnaire = parsed(makeQuestionnaire());
    const node = hashQuestionnaire(questionnaire);
    expect(node).toMatch(/^[0-9a-f]{64}$/);
    expect(await inBrowser<string>("hashQuestionnaire", questionnaire)).toBe(node);
  });

  test("generated questionnaires hash the same in Node and in Chromium", async () => {
    const samples = fc.sample(arbQuestionnaire, { numRuns: 40, seed: 20261123 });
    const browserHashes = await page.evaluate(
      (qs) =>
        qs.map((q) =>
          (
            globalThis as unknown as { KlyngeEngine: { hashQuestionnaire(q: unknown): string } }
          ).KlyngeEngine.hashQuestionnaire(q),
        ),
      samples,
    );
    expect(browserHashes).toEqual(samples.map((q) => hashQuestionnaire(q)));
  });

  test("the engine's SHA-256 in Chromium equals Web Crypto and node:crypto on unicode text", async () => {
    const texts = [
      "",
      "abc",
      "Ved ikke — æøå ÆØÅ",
      "emoji 🩺🏥",
      "lone \ud800 surrogate",
      "x".repeat(1000),
    ];
    const fromBrowser = await page.evaluate(async (items) => {
      const engine = (
        globalThis as unknown as {
          KlyngeEngine: { sha256Hex(b: Uint8Array): string; utf8Encode(s: string): Uint8Array };
        }
      ).KlyngeEngine;
      return Promise.all(
        items.map(async (text) => {
          const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
          const webCrypto = Array.from(new Uint8Array(digest), (b) =>
            b.toString(16).padStart(2, "0"),
          ).join("");
          return { engine: engine.sha256Hex(engine.utf8Encode(text)), webCrypto };
        }),
      );
    }, texts);
    texts.forEach((text, i) => {
      const node = createHash("sha256")
        .update(Buffer.from(new TextEncoder().encode(text)))
        .digest("hex");
      expect(fromBrowser[i]).toEqual({ engine: node, webCrypto: node });
      expect(sha256Hex(utf8Encode(text))).toBe(node);
    });
  });
});
