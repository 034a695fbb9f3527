// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import type { Response, Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { openResponseStore, type ResponseStore } from "@klynge/widget";
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
    const table = within(kendskab()).getByRole("table");
    const row = within(table).getByRole("row", { name: /I nogen grad/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["5", "100 %"]);
    expect(within(kendskab()).getByText("Besvaret af 5")).toBeTruthy();
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
