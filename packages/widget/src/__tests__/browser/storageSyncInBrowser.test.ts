// @vitest-environment node
import type { Response } from "@klynge/engine";
import { launchChromium } from "@klynge/test-support/chromium";
import { type CollectorServer, startCollectorServer } from "@klynge/test-support/collectorServer";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { buildWidgetBundle } from "./fixtures/buildWidgetBundle.js";
import "./fixtures/pageGlobals.js";
import {
  responseFor,
  responseId,
  roundId,
  submitInPage,
  versionHash,
} from "./fixtures/responses.js";

// Storage and sync in a real Chromium, against a collector on a real 127.0.0.1 origin: what the
// fake IndexedDB and fake transport in the unit tests cannot show.

let server: CollectorServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startCollectorServer(await buildWidgetBundle());
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  server.reset();
  context = await browser.newContext();
});

afterEach(async () => {
  await context?.close();
});

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  return page;
}

/** Queues the responses in the page's outbox. */
function submitAll(page: Page, responses: readonly Response[]): Promise<string[]> {
  return page.evaluate(submitInPage, responses);
}

/** Runs one uploader flush in the page; returns the outbox and the uploader's status after it. */
function flushInPage(page: Page, baseUrl: string, locks: "browser" | "none" = "browser") {
  return page.evaluate(
    async ([url, lockMode]) => {
      const { openResponseStore, Uploader, createHttpTransport } = window.KlyngeWidget;
      const store = await openResponseStore();
      try {
        const uploader = new Uploader({
          outbox: store,
          transport: createHttpTransport({ baseUrl: url, timeoutMs: 5_000 }),
          ...(lockMode === "none" ? { locks: null } : {}),
        });
        await uploader.flush();
        const status = uploader.status.getSnapshot();
        return {
          outbox: (await store.outbox()).map((r) => ({ id: r.response.id, state: r.state })),
          counts: await store.counts(),
          lastError: status.lastError?.code,
        };
      } finally {
        await store.close();
      }
    },
    [baseUrl, locks] as const,
  );
}

describe("drafts in Chromium", () => {
  test("answers saved, then a reload: the round's latest draft resumes with every answer and the page", async () => {
    const page = await openPage();
    const id = responseId(1);
    await page.evaluate(
      async ([draftId, round, hash]) => {
        const store = await window.KlyngeWidget.openResponseStore();
        await store.createDraft({
          responseId: draftId,
          roundId: round,
          versionHash: hash,
          channel: "kiosk",
        });
        await store.saveAnswer(draftId, "q1", { choice: "ja" }, 0);
        await store.saveAnswer(draftId, "q2", { text: "Længere åbningstid" }, 1);
        await store.saveAnswer(draftId, "q3", { choice: "nej" }, 2);
        await store.close();
      },
      [id, roundId, versionHash] as const,
    );

    await page.reload();
    const resumed = await page.evaluate(async (round) => {
      const store = await window.KlyngeWidget.openResponseStore();
      try {
        return await store.latestDraft(round);
      } finally {
        await store.close();
      }
    }, roundId);

    expect(resumed).toMatchObject({
      responseId: id,
      roundId,
      versionHash,
      page: 2,
      answers: {
        q1: { choice: "ja" },
        q2: { text: "Længere åbningstid" },
        q3: { choice: "nej" },
      },
    });
    expect(Object.keys(resumed?.answers ?? {}).sort()).toEqual(["q1", "q2", "q3"]);
  });
});

describe("uploads from Chromium to the collector", () => {
  test("submitted offline: nothing reaches the server and it stays pending; online, one flush stores it once", async () => {
    const page = await openPage();
    const response = responseFor(responseId(2));
    await context.setOffline(true);
    expect(await submitAll(page, [response])).toEqual(["queued"]);

    const offline = await flushInPage(page, server.origin);
    expect(server.stats.puts).toBe(0);
    expect(server.rows.size).toBe(0);
    expect(offline.outbox).toEqual([{ id: response.id, state: "pending" }]);
    expect(offline.lastError).toBe("unavailable");

    await context.setOffline(false);
    const online = await flushInPage(page, server.origin);
    expect(online.outbox).toEqual([]);
    expect(online.lastError).toBeUndefined();
    expect([...server.rows.keys()]).toEqual([`${roundId}/${response.id}`]);
    expect(server.stats).toMatchObject({ puts: 1, created: 1, conflicts: 0 });
  });

  test("the server stores, then drops the connection: the uploader PUTs again and the server keeps one row", async () => {
    const page = await openPage();
    const response = responseFor(responseId(3));
    await submitAll(page, [response]);
    server.dropNext(2);

    // Each dropped reply is a failed attempt the uploader records; a forced flush PUTs again.
    const outboxes: number[] = [];
    for (let flush = 0; flush < 4; flush += 1) {
      const after = await flushInPage(page, server.origin);
      outboxes.push(after.outbox.length);
      if (after.outbox.length === 0) break;
    }

    expect(outboxes).toEqual([1, 1, 0]);
    expect(server.stats.dropped).toBe(2);
    expect(server.stats).toMatchObject({ puts: 3, created: 1, repeated: 2, conflicts: 0 });
    expect([...server.rows.keys()]).toEqual([`${roundId}/${response.id}`]);
    expect(server.rows.get(`${roundId}/${response.id}`)).toContain('"choice":"ja"');
  });

  test.each([
    ["one uploader at a time (Web Locks)", "browser"],
    ["no locks, both tabs PUT at once", "none"],
  ] as const)(
    "two tabs share the outbox, %s: each response stored once, no 409",
    async (_name, locks) => {
      const first = await openPage();
      const second = await openPage();
      const responses = Array.from({ length: 6 }, (_, n) => responseFor(responseId(n, 4), `c${n}`));
      await submitAll(first, responses.slice(0, 3));
      await submitAll(second, responses.slice(3));

      const [a, b] = await Promise.all([
        flushInPage(first, server.origin, locks),
        flushInPage(second, server.origin, locks),
      ]);
      // With Web Locks the tab that lost the race leaves everything to the other.
      const after = await flushInPage(first, server.origin, locks);

      expect(after.outbox).toEqual([]);
      expect([a.lastError, b.lastError]).toEqual([undefined, undefined]);
      expect(server.rows.size).toBe(responses.length);
      expect(server.stats.created).toBe(responses.length);
      expect(server.stats.conflicts).toBe(0);
      for (const response of responses) {
        expect(server.rows.has(`${roundId}/${response.id}`)).toBe(true);
        expect(server.putsById.get(response.id)).toBeLessThanOrEqual(2);
      }
    },
  );
});
