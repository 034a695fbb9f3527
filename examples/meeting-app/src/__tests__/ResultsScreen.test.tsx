// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { aggregate, auditReport, type Response, type Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { openResponseStore, type ResponseStore } from "@klynge/widget/core";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResultsScreen } from "../ResultsScreen.js";

const rehab = templateVersion("rehab");
const round: Round = {
  id: "klynge-syd.2027-03",
  label: "Baseline",
  cluster: "Klynge Syd",
  versionHash: rehab.hash,
};
const xss = '<img src=x onerror="window.__pwned=1">';

let store: ResponseStore;

beforeEach(async () => {
  store = await openResponseStore({
    indexedDB: new IDBFactory(),
    createChannel: null,
    keepSent: true,
  });
});

afterEach(async () => {
  cleanup();
  await store.close();
});

function responseFor(n: number, choice: string, comment?: string): Response {
  return {
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
    roundId: round.id,
    versionHash: rehab.hash,
    channel: "kiosk",
    startedAt: "2027-03-04T09:00:00.000Z",
    submittedAt: "2027-03-04T09:04:00.000Z",
    answers: {
      "rehab.kendskab": { choice },
      ...(comment === undefined ? {} : { "rehab.kommentarer": { text: comment } }),
    },
  };
}

function kendskab(): HTMLElement {
  const heading = screen.getByRole("heading", {
    name: rehab.questionnaire.questions[0]?.text.da ?? "",
  });
  const article = heading.closest("article");
  if (article === null) throw new Error("no article around the question");
  return article;
}

describe("ResultsScreen (results on this device)", () => {
  it("withholds every figure below k and shows them once k respondents are on the device", async () => {
    for (let n = 1; n <= 4; n += 1) await store.submit(responseFor(n, "i-nogen-grad", xss));
    render(<ResultsScreen store={store} round={round} version={rehab} locale="da" />);
    await screen.findByText(/^4 besvarelser på denne enhed\./);
    expect(
      within(kendskab()).getByText("Skjult: færre end 5 har besvaret spørgsmålet."),
    ).toBeTruthy();
    expect(document.querySelectorAll("table")).toHaveLength(0);

    // The fifth arrives (here: sent and kept), and the screen follows the store by itself.
    await act(async () => {
      await store.submit(responseFor(5, "i-nogen-grad", xss));
      await store.markSent(responseFor(5, "x").id);
    });
    await screen.findByText(/^5 besvarelser på denne enhed\./);
    expect(within(kendskab()).getByText("Besvaret af 5")).toBeTruthy();
    // All 5 chose "I nogen grad": "5 — 100 %" would tell each one's answer, so the engine's
    // group-disclosure rule withholds it (and the zeros beside it) in a group under 10. Its share
    // says "skjult" too, as on the results page and in the deck (the shared report view-model).
    const table = within(kendskab()).getByRole("table");
    const row = within(table).getByRole("row", { name: /I nogen grad/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["skjult", "skjult"]);
  });

  it("shows a count everyone on the device chose once 10 or more have answered", async () => {
    for (let n = 1; n <= 10; n += 1) await store.submit(responseFor(n, "i-nogen-grad"));
    render(<ResultsScreen store={store} round={round} version={rehab} locale="da" />);
    await screen.findByText(/^10 besvarelser på denne enhed\./);
    const row = within(within(kendskab()).getByRole("table")).getByRole("row", {
      name: /I nogen grad/,
    });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
      // The results page's percent: Danish, with a no-break space.
    ).toEqual(["10", "100\u00a0%"]);
  });

  it("computes the report the engine's audit passes", async () => {
    const responses = [
      ...[1, 2, 3, 4].map((n) => responseFor(n, "i-nogen-grad")),
      responseFor(5, "i-hoej-grad"),
      responseFor(6, "slet-ikke"),
    ];
    for (const response of responses) await store.submit(response);
    render(<ResultsScreen store={store} round={round} version={rehab} locale="da" />);
    await screen.findByText(/^6 besvarelser på denne enhed\./);
    const report = aggregate({ responses, rounds: [round], versions: [rehab] });
    if (!report.success) throw new Error("refused");
    expect(auditReport(report.data, { versions: [rehab] })).toEqual({ success: true, data: [] });
    // 4 × "I nogen grad", 1 × "I høj grad", 1 × "Slet ikke": every count is withheld, the zeros
    // too, so none of them is known to be 1 to 4.
    const cells = within(within(kendskab()).getByRole("table"))
      .getAllByRole("row")
      .slice(1)
      .map((r) => within(r).getAllByRole("cell")[0]?.textContent);
    expect(cells.every((text) => text === "skjult")).toBe(true);
  });

  it("shows free text as text, never as HTML", async () => {
    for (let n = 1; n <= 5; n += 1) await store.submit(responseFor(n, "slet-ikke", xss));
    render(<ResultsScreen store={store} round={round} version={rehab} locale="da" />);
    const items = await screen.findAllByText(xss);
    expect(items.length).toBe(5);
    expect(document.querySelector("img")).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("says so when the device has no responses, in English too", async () => {
    render(<ResultsScreen store={store} round={round} version={rehab} locale="en" />);
    await screen.findByText("There are no responses on this device yet.");
  });
});
