import "fake-indexeddb/auto";
import type { QuestionnaireInput } from "@klynge/engine";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { IDBFactory, IDBObjectStore } from "fake-indexeddb";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { messages } from "../../messages.js";
import { StorageError } from "../../storage/storageError.js";
import { KlyngeSurvey } from "../../survey/KlyngeSurvey.js";
import type { Transport } from "../../sync/transport.js";
import { responseId, surveyFixture } from "./fixtures/surveyFixture.js";

// The widget's own store when IndexedDB is refused (private mode, blocked storage) or fails on a
// write (a full device): the survey carries on from memory, says so, never says "Gemt", and sends.

vi.mock("../../surveyjs/createSurveyModel.js", async (importOriginal) =>
  (await import("./fixtures/madeModels.js")).recordingModels(await importOriginal()),
);

const questionnaire: QuestionnaireInput = {
  schemaVersion: 1,
  id: "huskes",
  title: { da: "Akutfunktionen", en: "The acute-care function" },
  questions: [
    {
      id: "dialog",
      type: "rating",
      text: {
        da: "Hvordan fungerer dialogen med akutfunktionen?",
        en: "How does the dialogue work?",
      },
      options: [
        { code: "godt", label: { da: "Godt", en: "Well" }, ordinal: 2 },
        { code: "daarligt", label: { da: "Dårligt", en: "Badly" }, ordinal: 1 },
      ],
    },
    {
      id: "henvisning",
      type: "single",
      text: { da: "Henviser du?", en: "Do you refer?" },
      options: [
        { code: "ja", label: { da: "Ja", en: "Yes" } },
        { code: "nej", label: { da: "Nej", en: "No" } },
      ],
    },
  ],
};
const survey = surveyFixture(questionnaire);
const { round, props, lastModel } = survey;
const da = messages.da;

/** The widget opens its own store: no `store` prop. */
function ownStoreProps(transport: Transport) {
  const { store: _test, ...rest } = props({ transport });
  return rest;
}

beforeEach(() => {
  // A fresh global IndexedDB per test: the widget's own store uses the global one.
  vi.stubGlobal("indexedDB", new IDBFactory());
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function finish(): Promise<void> {
  const model = lastModel();
  await act(async () => {
    model.completeLastPage();
  });
}

describe("KlyngeSurvey when IndexedDB is refused or fails", () => {
  it("refused at open (indexedDB.open throws, as in private mode): answers from memory, said honestly, never 'Gemt', sent once", async () => {
    vi.spyOn(indexedDB, "open").mockImplementation(() => {
      throw new DOMException("Access to the Indexed Database API is denied.", "SecurityError");
    });
    const put = vi.fn<Transport["put"]>(async () => ({ kind: "stored" }));
    render(<KlyngeSurvey {...ownStoreProps({ put })} />);
    await survey.ready("Hvordan fungerer dialogen med akutfunktionen?");

    const notice = await screen.findByText(da.memoryNotice);
    expect(notice.getAttribute("role")).toBe("alert");
    fireEvent.click(screen.getByRole("radio", { name: "Godt" }));
    await screen.findByText(da.savedInMemory);
    fireEvent.click(screen.getByRole("radio", { name: "Nej" }));
    await screen.findByText(da.savedInMemory);
    expect(screen.queryByText(da.saved)).toBeNull();

    await finish();
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0]?.[0]).toMatchObject({
      id: responseId,
      roundId: round.id,
      answers: { dialog: { choice: "godt" }, henvisning: { choice: "nej" } },
    });
    await screen.findByText(da.sync.allSent);
  });

  it("refused at open and the collector unreachable: the status says the response is only in this tab", async () => {
    vi.spyOn(indexedDB, "open").mockImplementation(() => {
      throw new DOMException("denied", "SecurityError");
    });
    const put = vi.fn<Transport["put"]>(async () => ({ kind: "retry", reason: "offline" }));
    render(<KlyngeSurvey {...ownStoreProps({ put })} />);
    await survey.ready("Hvordan fungerer dialogen med akutfunktionen?");
    fireEvent.click(screen.getByRole("radio", { name: "Godt" }));
    await screen.findByText(da.savedInMemory);
    await finish();
    await screen.findByText(da.sync.onlyInTab(1));
  });

  it("a quota error on an answer mid-survey: that answer and the earlier ones carry on from memory, the notice shows, all are sent", async () => {
    const put = vi.fn<Transport["put"]>(async () => ({ kind: "stored" }));
    render(<KlyngeSurvey {...ownStoreProps({ put })} />);
    await survey.ready("Hvordan fungerer dialogen med akutfunktionen?");
    fireEvent.click(screen.getByRole("radio", { name: "Godt" }));
    await screen.findByText(da.saved);
    expect(screen.queryByText(da.memoryNotice)).toBeNull();

    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    fireEvent.click(screen.getByRole("radio", { name: "Ja" }));
    await screen.findByText(da.memoryNotice);
    await screen.findByText(da.savedInMemory);
    // The quota's own error is not shown: the answer was not lost, it is kept in memory.
    expect(screen.queryByText(da.storageError.quota_exceeded)).toBeNull();

    await finish();
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0]?.[0]).toMatchObject({
      answers: { dialog: { choice: "godt" }, henvisning: { choice: "ja" } },
    });
    await screen.findByText(da.sync.allSent);
  });

  it("a host's own store is the host's: no fallback, the storage error is shown", async () => {
    const failing = {
      ...survey.store,
      latestDraft: async () => {
        throw new StorageError("unavailable");
      },
    };
    render(<KlyngeSurvey {...props({ store: failing })} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(da.surveyUnavailable);
    expect(screen.queryByText(da.memoryNotice)).toBeNull();
  });
});
