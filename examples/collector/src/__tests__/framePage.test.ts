import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { brotliDecompressSync } from "node:zlib";
import type { Round } from "@klynge/engine";
import * as widgetServer from "@klynge/widget/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FramePrerenderer } from "../framePages.js";
import { baseline, rehab } from "./fixtures/rounds.js";
import { startService, type TestService } from "./fixtures/service.js";

// The survey page as the collector serves it for `?round=`: the first page rendered on the server
// and the round document embedded; anything else gets the built page as it is, never a 500.

// The widget's server entry has the shape the collector loads it as (checked here, where the DOM
// types its sources need are in scope).
const prerenderer: FramePrerenderer = widgetServer;

const builtPage = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Spørgeskema – Klynge</title></head>
<body><div id="root"></div></body></html>`;

/** Stands for the widget's built `early-save.js`, the page's one inline script. */
const earlySave = `window.klyngeEarlySave={settle(){}};`;
const earlySaveHash = `'sha256-${createHash("sha256").update(earlySave).digest("base64")}'`;

/** The page's CSP `script-src` sources. */
function scriptSources(reply: { headers: Record<string, unknown> }): string[] {
  const policy = String(reply.headers["content-security-policy"]);
  return /(?:^|; )script-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
}

const firstQuestion = rehab.questionnaire.questions[0];
const hostile: Round = {
  ...baseline,
  id: "klynge-syd.fjendtlig",
  label: "</script><script>alert(1)</script><!-- &amp; \u2028 -->",
};

/** The JSON in the page's `<script type="application/json" id="klynge-round">`. */
function embeddedRound(html: string): unknown {
  const match = /<script type="application\/json" id="klynge-round">([\s\S]*?)<\/script>/.exec(
    html,
  );
  return match === null ? undefined : JSON.parse(match[1] ?? "");
}

describe("the frame page with its first page rendered on the server", () => {
  let service: TestService;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "klynge-frame-"));
    writeFileSync(join(dir, "index.html"), builtPage);
    writeFileSync(join(dir, "app-12345678.js"), "export {};");
    writeFileSync(join(dir, "early-save.js"), earlySave);
    service = await startService({ sites: [{ prefix: "/frame/", root: dir, kind: "frame" }] });
    const created = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/rounds",
      payload: { round: hostile, version: rehab },
    });
    expect(created.statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    service.anonymous.request({ method: "GET", url, headers });

  it("holds the first question, its options and the intro's line, in Danish", async () => {
    const reply = await get(`/frame/?round=${baseline.id}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.headers["cache-control"]).toBe("no-cache");
    expect(String(reply.headers["content-security-policy"])).toContain(
      "frame-ancestors 'self' https://kiap.example",
    );
    expect(String(reply.headers["content-security-policy"])).not.toContain("script-src 'unsafe");
    const html = reply.body;
    expect(html).toContain(`<div id="klynge-prerender">`);
    expect(html).toContain(`<div id="root" class="klynge-offstage"></div>`);
    expect(html).toContain(firstQuestion?.text.da);
    for (const label of ["I høj grad", "I nogen grad", "I mindre grad", "Slet ikke", "Ved ikke"]) {
      expect(html).toContain(`<span class="sv-string-viewer">${label}</span>`);
    }
    expect(html).toContain("Cirka 4 minutter · 8 spørgsmål · anonymt");
    expect(html).toContain("tal fra færre end 5 personer vises ikke");
    // The icons SurveyJS would draw in the browser are there already.
    expect(html).toContain(`<symbol id="icon-radio-16x16"`);
    // Only the first page: question 4 is on the second (and in the embedded document only).
    const prerendered = html.slice(0, html.indexOf(`<div id="root"`));
    expect(prerendered).toContain(firstQuestion?.text.da);
    expect(prerendered).not.toContain(rehab.questionnaire.questions[3]?.text.da);
  });

  it("inlines the early save after the first page, allowed by its hash and nothing else", async () => {
    const reply = await get(`/frame/?round=${baseline.id}`);
    const html = reply.body;
    expect(html).toContain(`<script>${earlySave}</script>`);
    expect(html.indexOf(`<script>${earlySave}`)).toBeGreaterThan(html.indexOf(`id="klynge-round"`));
    expect(scriptSources(reply)).toEqual(["'self'", earlySaveHash]);
    // The built page (no round) has no inline script, and its CSP allows none.
    const plain = await get("/frame/");
    expect(plain.body).not.toContain(earlySave);
    expect(scriptSources(plain)).toEqual(["'self'"]);
    // Nor do the page's static files.
    expect(scriptSources(await get("/frame/app-12345678.js"))).toEqual(["'self'"]);
  });

  it("embeds the round document exactly as GET /api/rounds/:round answers it", async () => {
    const page = await get(`/frame/?round=${baseline.id}`);
    const api = await get(`/api/rounds/${baseline.id}`);
    expect(embeddedRound(page.body)).toEqual(api.json());
  });

  it("embeds a round whose label would close the script element as inert JSON", async () => {
    const reply = await get(`/frame/index.html?round=${hostile.id}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.body).not.toContain("<script>alert(1)");
    expect((embeddedRound(reply.body) as { round: Round }).round.label).toBe(hostile.label);
  });

  it("speaks English for ?locale=en", async () => {
    const html = (await get(`/frame/?round=${baseline.id}&locale=en`)).body;
    expect(html).toContain(firstQuestion?.text.en);
    expect(html).toContain("About 4 minutes · 8 questions · anonymous");
  });

  it("is validated, not sent again: the same ETag gives 304", async () => {
    const first = await get(`/frame/?round=${baseline.id}`);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get(`/frame/?round=${baseline.id}`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const other = await get(`/frame/?round=${hostile.id}`, { "if-none-match": etag });
    expect(other.statusCode).toBe(200);
  });

  it("is sent compressed: brotli when asked, the same page", async () => {
    const plain = await get(`/frame/?round=${baseline.id}`);
    const br = await get(`/frame/?round=${baseline.id}`, { "accept-encoding": "br, gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("accept-encoding");
    const bytes = br.rawPayload;
    expect(bytes.length).toBeLessThan(plain.rawPayload.length / 8);
    expect(brotliDecompressSync(bytes).toString()).toBe(plain.body);
  });

  it.each([
    ["no round", "/frame/"],
    ["an empty round", "/frame/?round="],
    ["an unknown round", "/frame/?round=klynge-syd.findes-ikke"],
    ["a malformed round", `/frame/?round=${encodeURIComponent("../../etc/passwd")}`],
    ["markup as a round", `/frame/?round=${encodeURIComponent("<script>x</script>")}`],
    ["an oversized round", `/frame/?round=klynge-syd.${"x".repeat(5000)}`],
    ["two rounds", `/frame/?round=${baseline.id}&round=${hostile.id}`],
    ["a round and an odd locale", `/frame/?round=%E0%A4%A&locale[]=x`],
  ])("%s: the built page as it is", async (_name, url) => {
    const reply = await get(url);
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe(builtPage);
    expect(reply.headers["cache-control"]).toBe("no-cache");
  });

  it("still serves the page's assets as static files", async () => {
    const reply = await get("/frame/app-12345678.js");
    expect(reply.statusCode).toBe(200);
    expect(reply.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("renders with the widget's server entry the collector loads", () => {
    const html = prerenderer.renderFirstPage(rehab, { locale: "da" });
    expect(html).toContain(firstQuestion?.text.da);
  });
});

describe("a first page that cannot be rendered", () => {
  let service: TestService;
  let dir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "klynge-frame-"));
    writeFileSync(join(dir, "index.html"), builtPage);
    service = await startService({
      sites: [{ prefix: "/frame/", root: dir, kind: "frame" }],
      prerenderFrame: {
        renderFirstPage() {
          throw new Error("a rendering bug");
        },
        fillFramePage: prerenderer.fillFramePage,
      },
      logger: {
        stream: new Writable({
          write(chunk, _encoding, done) {
            if (String(chunk).includes('"level":50')) errors.push(String(chunk));
            done();
          },
        }),
      },
    });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gets the built page (it works without), never a 500, and the error is logged", async () => {
    const reply = await service.anonymous.request({
      method: "GET",
      url: `/frame/?round=${baseline.id}`,
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toBe(builtPage);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("first page not rendered");
  });
});
