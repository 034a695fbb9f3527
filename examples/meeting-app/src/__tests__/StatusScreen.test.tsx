// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import type { Response, Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { openResponseStore, type ResponseStore } from "@klynge/widget/core";
import { cleanup, render, screen } from "@testing-library/react";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StatusScreen } from "../StatusScreen.js";

// The tablet's own list: each response sent, waiting, or refused with the reason in plain words;
// a refused response is never called waiting.

const rehab = templateVersion("rehab");
const round: Round = {
  id: "klynge-syd.2027-05",
  label: "Klyngemøde",
  cluster: "Klynge Syd",
  versionHash: rehab.hash,
};

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

function responseFor(n: number, roundId = round.id): Response {
  return {
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`,
    roundId,
    versionHash: rehab.hash,
    channel: "kiosk",
    startedAt: "2027-05-04T09:00:00.000Z",
    submittedAt: `2027-05-04T09:0${n}:00.000Z`,
    answers: { "rehab.kendskab": { choice: "i-hoej-grad" } },
  };
}

const error = (code: string) => ({ code, message: `HTTP 4xx: ${code}` });

describe("StatusScreen", () => {
  it("says of each response whether it was sent, waits, or was refused, and why", async () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7]) await store.submit(responseFor(n));
    await store.submit(responseFor(8, "another-round"));
    await store.markSent(responseFor(1).id);
    await store.markFailed(responseFor(3).id, error("meeting_key_revoked"));
    await store.markFailed(responseFor(4).id, error("invitation_spent"));
    await store.markConflict(responseFor(5).id, error("conflict"));
    await store.markFailed(responseFor(6).id, error("invalid_response"));
    await store.markFailed(responseFor(7).id, error("meeting_key_expired"));

    render(<StatusScreen store={store} round={round} locale="da" />);
    const items = await screen.findAllByRole("listitem");
    expect(items.map((item) => item.textContent?.replace(/^Svar \d+, givet [^A-Z]*/, ""))).toEqual([
      "Sendt",
      "Venter – sendes automatisk, når der er forbindelse",
      "Afvist: Mødenøglen er trukket tilbage. Svaret er ikke sendt; det ligger stadig på denne enhed og kan eksporteres.",
      "Afvist: Dette link er allerede brugt. Kontakt koordinatoren, hvis du ikke har svaret.",
      "Afvist: Der findes allerede et svar med dette id og et andet indhold.",
      "Afvist: Svaret blev afvist, fordi det ikke passer til spørgeskemaet.",
      "Afvist: Mødenøglen gælder ikke længere (mødets tidsrum er slut). Svaret ligger stadig på denne enhed og kan eksporteres.",
    ]);
    expect(items[0]?.textContent).toMatch(/^Svar 1, givet /);
    expect(screen.getByText(/Afviste svar bliver ikke sendt igen/)).toBeTruthy();
    // Waiting is said only of the one that waits.
    expect(items.filter((item) => item.textContent?.includes("Venter"))).toHaveLength(1);
  });

  it("says a refusal it has no words for plainly, and in English with locale='en'", async () => {
    await store.submit(responseFor(1));
    await store.markFailed(responseFor(1).id, error("rejected"));
    render(<StatusScreen store={store} round={round} locale="en" />);
    const [item] = await screen.findAllByRole("listitem");
    expect(item?.textContent).toContain(
      "Refused: The server refused the response. It was not sent, but it is still on this device.",
    );
  });

  it("says so when the device has no responses", async () => {
    render(<StatusScreen store={store} round={round} locale="da" />);
    await screen.findByText("Der er endnu ingen svar på denne enhed.");
  });
});
