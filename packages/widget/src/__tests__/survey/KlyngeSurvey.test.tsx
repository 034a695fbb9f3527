import "fake-indexeddb/auto";
import type { QuestionnaireInput } from "@klynge/engine";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ResponseStore } from "../../storage/responseStore.js";
import { StorageError } from "../../storage/storageError.js";
import { KlyngeSurvey } from "../../survey/KlyngeSurvey.js";
import { createSurveyNames } from "../../surveyjs/createSurveyNames.js";
import type { Transport } from "../../sync/transport.js";
import { Uploader } from "../../sync/uploader.js";
import { madeModels } from "./fixtures/madeModels.js";
import { responseId, surveyFixture } from "./fixtures/surveyFixture.js";

vi.mock("../../surveyjs/createSurveyModel.js", async (importOriginal) =>
  (await import("./fixtures/madeModels.js")).recordingModels(await importOriginal()),
);

const questionnaire: QuestionnaireInput = {
  schemaVersion: 1,
  id: "widget-demo",
  title: { da: "Samarbejde med kommunen", en: "Working with the municipality" },
  questions: [
    {
      id: "kendskab",
      type: "rating",
      required: true,
      text: { da: "Hvad er dit kendskab til tilbuddene?", en: "How well do you know the offers?" },
      options: [
        { code: "hoej", label: { da: "I høj grad", en: "To a high degree" }, ordinal: 2 },
        { code: "lav", label: { da: "I mindre grad", en: "To a small degree" }, ordinal: 1 },
      ],
    },
    {
      id: "kommentar",
      type: "text",
      maxLength: 500,
      text: { da: "Har du andre kommentarer?", en: "Any other comments?" },
    },
    {
      id: "forslag",
      type: "text",
      required: true,
      text: {
        da: "Hvad skal kommunen gøre anderledes?",
        en: "What should the municipality change?",
      },
    },
    {
      id: "andet",
      type: "text",
      text: { da: "Sidste spørgsmål", en: "Last question" },
    },
  ],
};
const survey = surveyFixture(questionnaire);
const { version, round, props, lastModel } = survey;
const names = createSurveyNames(version);
const nameOf = (id: string) => names.nameOf(id) as string;

/** The title shown and the draft read. */
const ready = (title = "Hvad er dit kendskab til tilbuddene?") => survey.ready(title);

/** The test's store with `method`'s answer held back until `release()`. */
function gated(method: "saveAnswer" | "latestDraft"): {
  store: ResponseStore;
  release: () => void;
} {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const original = survey.store[method] as (...args: unknown[]) => Promise<unknown>;
  const held = async (...args: unknown[]) => {
    const result = await original(...args);
    await gate;
    return result;
  };
  return { store: { ...survey.store, [method]: held } as ResponseStore, release: () => release() };
}

function commentField(): HTMLTextAreaElement {
  const element = document.querySelector("textarea");
  if (!(element instanceof HTMLTextAreaElement)) throw new Error("no textarea rendered");
  return element;
}

describe("KlyngeSurvey", () => {
  it("renders the first page's questions in Danish, and in English with locale='en'", async () => {
    const { unmount } = render(<KlyngeSurvey {...props()} />);
    await ready();
    expect(screen.getByText("Har du andre kommentarer?")).toBeTruthy();
    expect(screen.getByText("I høj grad")).toBeTruthy();
    unmount();
    render(<KlyngeSurvey {...props({ locale: "en" })} />);
    await ready("How well do you know the offers?");
    expect(screen.getByText("To a high degree")).toBeTruthy();
  });

  it("shows 'Gemt' only after the save resolved, and the draft holds the answer", async () => {
    const { store: slow, release } = gated("saveAnswer");
    render(<KlyngeSurvey {...props({ store: slow })} />);
    await ready();
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await screen.findByText("Gemmer…");
    expect(screen.queryByText("Gemt")).toBeNull();
    await act(async () => release());
    await screen.findByText("Gemt");
    const draft = await survey.store.getDraft(responseId);
    expect(draft?.answers).toEqual({ kendskab: { choice: "hoej" } });
  });

  it("starts an answer's save inside SurveyJS's value change, with that question's answer only", async () => {
    const calls: unknown[][] = [];
    const store: ResponseStore = {
      ...survey.store,
      saveAnswer: (...args) => {
        calls.push(args);
        return survey.store.saveAnswer(...args);
      },
    };
    render(<KlyngeSurvey {...props({ store })} />);
    await ready();
    await waitFor(() => expect(document.querySelector("[aria-busy=false]")).not.toBeNull());
    const model = lastModel();
    act(() => model.setValue(nameOf("kommentar"), "  Fra i dag "));
    expect(calls).toEqual([[responseId, "kommentar", { text: "Fra i dag" }, 0]]);
    await screen.findByText("Gemt");
    act(() => model.setValue(nameOf("kendskab"), "lav"));
    expect(calls.at(-1)).toEqual([responseId, "kendskab", { choice: "lav" }, 0]);
    await screen.findByText("Gemt");
    expect((await survey.store.getDraft(responseId))?.answers).toEqual({
      kommentar: { text: "Fra i dag" },
      kendskab: { choice: "lav" },
    });
  });

  it("keeps typed text and the same model while the host re-renders", async () => {
    const { rerender } = render(<KlyngeSurvey {...props({ onComplete: () => {} })} />);
    await ready();
    const model = lastModel();
    const field = commentField();
    let typed = "";
    for (const [index, letter] of [..."Godt samarbejde"].entries()) {
      typed += letter;
      fireEvent.input(field, { target: { value: typed } });
      // New, unrelated props on every keystroke, as a host state update would give.
      rerender(<KlyngeSurvey {...props({ onComplete: () => index, channel: "app" })} />);
    }
    expect(commentField()).toBe(field);
    expect(field.value).toBe("Godt samarbejde");
    expect(lastModel()).toBe(model);
    expect(madeModels).toHaveLength(1);
    expect(model.getValue(nameOf("kommentar"))).toBe("Godt samarbejde");
    await waitFor(async () => {
      const draft = await survey.store.getDraft(responseId);
      expect(draft?.answers).toEqual({ kommentar: { text: "Godt samarbejde" } });
    });
  });

  it("resumes the answers on the same page after a remount", async () => {
    const first = render(<KlyngeSurvey {...props()} />);
    await ready();
    fireEvent.click(screen.getByRole("radio", { name: "I mindre grad" }));
    await screen.findByText("Gemt");
    await act(async () => {
      lastModel().nextPage();
    });
    await screen.findByText("Sidste spørgsmål");
    await waitFor(async () => expect((await survey.store.getDraft(responseId))?.page).toBe(1));
    first.unmount();

    render(<KlyngeSurvey {...props({ newId: () => "7d1e2f3a-4b5c-4d6e-9f70-8a9b0c1d2e3f" })} />);
    await screen.findByText("Sidste spørgsmål");
    const model = lastModel();
    expect(model.currentPageNo).toBe(1);
    expect(model.getValue(nameOf("kendskab"))).toBe("lav");
  });

  it("shows the form before the draft is read; an answer given meanwhile wins over the stored one", async () => {
    await survey.store.createDraft({
      responseId,
      roundId: round.id,
      versionHash: version.hash,
      channel: "app",
    });
    await survey.store.saveAnswer(responseId, "kendskab", { choice: "lav" }, 0);
    await survey.store.saveAnswer(responseId, "kommentar", { text: "Fra sidst" }, 0);
    const { store: slow, release } = gated("latestDraft");
    render(<KlyngeSurvey {...props({ store: slow })} />);
    await screen.findByText("Hvad er dit kendskab til tilbuddene?");
    expect(document.querySelector(".klynge-survey[aria-busy=true]")).not.toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    expect(screen.queryByText("Gemt")).toBeNull();
    await act(async () => release());
    await screen.findByText("Gemt");
    const model = lastModel();
    expect(madeModels).toHaveLength(1);
    expect(model.getValue(nameOf("kendskab"))).toBe("hoej");
    expect(model.getValue(nameOf("kommentar"))).toBe("Fra sidst");
    expect((await survey.store.getDraft(responseId))?.answers).toEqual({
      kendskab: { choice: "hoej" },
      kommentar: { text: "Fra sidst" },
    });
  });

  it("moves to the draft's page when it arrives, unless the respondent already changed page", async () => {
    await survey.store.createDraft({
      responseId,
      roundId: round.id,
      versionHash: version.hash,
      channel: "app",
    });
    await survey.store.savePage(responseId, 1);
    const first = render(<KlyngeSurvey {...props()} />);
    await ready("Sidste spørgsmål");
    expect(lastModel().currentPageNo).toBe(1);
    first.unmount();

    const { store: slow, release } = gated("latestDraft");
    render(<KlyngeSurvey {...props({ store: slow })} />);
    await screen.findByText("Hvad er dit kendskab til tilbuddene?");
    const model = lastModel();
    // There and back: the respondent chose page 1 → 0 themselves, before the draft (page 1) came.
    await act(async () => {
      model.nextPage();
      model.prevPage();
    });
    expect(model.currentPageNo).toBe(0);
    await act(async () => release());
    await waitFor(async () => expect((await survey.store.getDraft(responseId))?.page).toBe(0));
    expect(model.currentPageNo).toBe(0);
  });

  it("shows the engine's Danish message at a required question left empty and does not submit", async () => {
    const onComplete = vi.fn();
    render(<KlyngeSurvey {...props({ onComplete })} />);
    await ready();
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await screen.findByText("Gemt");
    await act(async () => {
      lastModel().nextPage();
    });
    await screen.findByText("Sidste spørgsmål");
    await act(async () => {
      lastModel().completeLastPage();
    });
    // "forslag" is on page 1 with "kendskab"; the form goes back there to show it.
    expect(await screen.findByText("Spørgsmålet skal besvares.")).toBeTruthy();
    expect(lastModel().currentPageNo).toBe(0);
    expect(lastModel().state).toBe("running");
    expect(onComplete).not.toHaveBeenCalled();
    expect((await survey.store.counts()).pending).toBe(0);
    expect(await survey.store.getDraft(responseId)).toBeDefined();
  });

  it("moves a valid response to the outbox and calls onComplete", async () => {
    const onComplete = vi.fn();
    // The collector cannot be reached: the response stays pending and the status line says so.
    const put = vi.fn<Transport["put"]>(async () => ({ kind: "retry", reason: "offline" }));
    render(
      <KlyngeSurvey
        {...props({ onComplete, transport: { put }, now: () => new Date("2027-03-01T10:04:00Z") })}
      />,
    );
    await ready();
    const model = lastModel();
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await act(async () => {
      model.setValue(nameOf("forslag"), "Kortere ventetid");
    });
    await act(async () => {
      model.nextPage();
    });
    await act(async () => {
      model.completeLastPage();
    });
    await waitFor(() =>
      expect(onComplete).toHaveBeenCalledWith({
        responseId,
        queued: true,
        response: expect.objectContaining({ id: responseId, roundId: round.id }),
      }),
    );
    expect(model.state).toBe("completed");
    const counts = await survey.store.counts();
    expect(counts.pending).toBe(1);
    const [entry] = await survey.store.outbox();
    expect(entry?.response).toMatchObject({
      id: responseId,
      roundId: round.id,
      versionHash: version.hash,
      channel: "app",
      submittedAt: "2027-03-01T10:04:00.000Z",
      answers: { kendskab: { choice: "hoej" }, forslag: { text: "Kortere ventetid" } },
    });
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0]?.[0]).toEqual(entry?.response);
    const line = await screen.findByText(/serveren kunne ikke nås/);
    expect(line.getAttribute("role")).toBe("status");
    expect((await survey.store.counts()).pending).toBe(1);
  });

  it("uses the host's uploader when given one: flushed after the submit, its status shown", async () => {
    const onComplete = vi.fn();
    const put = vi.fn<Transport["put"]>(async () => ({ kind: "stored" }));
    const uploader = new Uploader({
      outbox: survey.store,
      transport: { put },
      locks: null,
      events: { isOnline: () => true, subscribe: () => () => {} },
    });
    render(<KlyngeSurvey {...props({ onComplete, uploader })} />);
    await ready();
    const model = lastModel();
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await act(async () => {
      model.setValue(nameOf("forslag"), "Kortere ventetid");
    });
    await act(async () => {
      model.nextPage();
    });
    await act(async () => {
      model.completeLastPage();
    });
    await waitFor(() =>
      expect(onComplete).toHaveBeenCalledWith(expect.objectContaining({ queued: false })),
    );
    expect(put).toHaveBeenCalledTimes(1);
    expect(await survey.store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });
    await screen.findByText("Alle svar er sendt");
  });

  it("never says 'Alle svar er sendt' after a submit before the server has the response", async () => {
    let release: (() => void) | undefined;
    const put = vi.fn<Transport["put"]>(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ kind: "stored" });
        }),
    );
    render(<KlyngeSurvey {...props({ transport: { put } })} />);
    await ready();
    const model = lastModel();
    // Every text the status line shows, in order, from before the submit on.
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const line = document.querySelector(".klynge-survey__sync");
      if (line !== null && seen.at(-1) !== line.textContent) seen.push(line.textContent ?? "");
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await act(async () => {
      model.setValue(nameOf("forslag"), "Kortere ventetid");
    });
    await act(async () => {
      model.nextPage();
    });
    await act(async () => {
      model.completeLastPage();
    });
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    // A check that something does NOT happen: give it a few turns to go wrong (this wait can
    // only make the test weaker on a busy machine, never fail it falsely).
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(seen).not.toContain("Alle svar er sendt");
    await act(async () => {
      release?.();
    });
    await screen.findByText("Alle svar er sendt");
    observer.disconnect();
    expect(seen.at(-1)).toBe("Alle svar er sendt");
    expect(seen.indexOf("Alle svar er sendt")).toBe(seen.length - 1);
  });

  it("shows a storage error in Danish and stays usable; the next save clears it", async () => {
    let fail = true;
    const flaky: ResponseStore = {
      ...survey.store,
      saveAnswer: async (...args) => {
        if (fail) throw new StorageError("quota_exceeded");
        return survey.store.saveAnswer(...args);
      },
    };
    render(<KlyngeSurvey {...props({ store: flaky })} />);
    await ready();
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Enheden er løbet tør for lagerplads");
    expect(screen.queryByText("Gemt")).toBeNull();
    fail = false;
    fireEvent.click(screen.getByRole("radio", { name: "I mindre grad" }));
    await screen.findByText("Gemt");
    expect(screen.queryByRole("alert")).toBeNull();
    expect((await survey.store.getDraft(responseId))?.answers).toEqual({
      kendskab: { choice: "lav" },
    });
  });

  it("shows an offline banner while the browser is offline", async () => {
    const onLine = vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    try {
      render(<KlyngeSurvey {...props()} />);
      await ready();
      expect(screen.getByText(/Du er offline/)).toBeTruthy();
      onLine.mockReturnValue(true);
      act(() => {
        window.dispatchEvent(new Event("online"));
      });
      expect(screen.queryByText(/Du er offline/)).toBeNull();
    } finally {
      onLine.mockRestore();
    }
  });

  it("asks the browser to keep its storage when it opens its own store", async () => {
    const persist = vi.fn(async () => true);
    // happy-dom has no StorageManager: give the navigator one for this test.
    Object.defineProperty(navigator, "storage", {
      configurable: true,
      value: { persisted: async () => false, persist },
    });
    try {
      const { store: _own, ...withoutStore } = props();
      render(<KlyngeSurvey {...withoutStore} />);
      await ready();
      expect(persist).toHaveBeenCalledTimes(1);
    } finally {
      Reflect.deleteProperty(navigator, "storage");
    }
  });
});
