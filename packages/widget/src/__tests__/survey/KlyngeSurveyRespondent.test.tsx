import "fake-indexeddb/auto";
import type { QuestionnaireInput } from "@klynge/engine";
import { versionOf } from "@klynge/test-support/responses";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { RespondentPass } from "../../pass/respondentPass.js";
import { estimateMinutes } from "../../survey/estimateMinutes.js";
import { KlyngeSurvey } from "../../survey/KlyngeSurvey.js";
import type { Transport } from "../../sync/transport.js";
import { responseId, surveyFixture } from "./fixtures/surveyFixture.js";

// What a respondent meets around the form: the intro before the first question, the question
// before sending nothing, the credential kept with the draft and sent with the upload, and a
// refusal said in Danish instead of "waiting".

vi.mock("../../surveyjs/createSurveyModel.js", async (importOriginal) =>
  (await import("./fixtures/madeModels.js")).recordingModels(await importOriginal()),
);

/** Nothing required: a respondent can press "Færdig" with nothing answered. */
const questionnaire: QuestionnaireInput = {
  schemaVersion: 1,
  id: "frivillig",
  title: { da: "Samarbejde med kommunen", en: "Working with the municipality" },
  questions: [
    {
      id: "kendskab",
      type: "rating",
      text: { da: "Hvad er dit kendskab til tilbuddene?", en: "How well do you know the offers?" },
      options: [
        { code: "hoej", label: { da: "I høj grad", en: "To a high degree" }, ordinal: 2 },
        { code: "lav", label: { da: "I mindre grad", en: "To a small degree" }, ordinal: 1 },
      ],
    },
    {
      id: "kommentar",
      type: "text",
      text: { da: "Har du andre kommentarer?", en: "Any other comments?" },
    },
  ],
};
const survey = surveyFixture(questionnaire);
const { version, round, props, lastModel } = survey;
const invitation: RespondentPass = { kind: "invitation", token: "Inv1tati0n-token_0123456" };
const firstQuestion = "Hvad er dit kendskab til tilbuddene?";

/** The first question shown and the draft read. */
async function ready(): Promise<void> {
  await survey.ready(firstQuestion);
}

async function complete(): Promise<void> {
  await act(async () => {
    const model = lastModel();
    while (!model.isLastPage) model.nextPage();
    model.completeLastPage();
  });
}

describe("the intro", () => {
  it("comes before the first question: the time, who sees what with the cluster's k, anonymity", async () => {
    render(<KlyngeSurvey {...props({ intro: { k: 7 }, pass: invitation })} />);
    const heading = await screen.findByRole("heading", { name: "Før du begynder" });
    const intro = heading.closest("section");
    expect(intro?.textContent).toContain(`Det tager cirka ${estimateMinutes(version)} minut`);
    expect(intro?.textContent).toContain("(2 spørgsmål)");
    expect(intro?.textContent).toContain("tal fra færre end 7 personer vises ikke");
    expect(intro?.textContent).toContain(
      "Koordinatoren kan se, hvem der endnu ikke har svaret – men aldrig, hvad nogen har svaret.",
    );
    expect(intro?.textContent).toContain("Dine svar er anonyme");
    expect(screen.queryByText(firstQuestion)).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Begynd" }));
    await screen.findByText(firstQuestion);
    expect(screen.queryByRole("heading", { name: "Før du begynder" })).toBeNull();
  });

  it("speaks English with locale='en', and says no number when k is not known", async () => {
    render(<KlyngeSurvey {...props({ intro: {}, locale: "en" })} />);
    const heading = await screen.findByRole("heading", { name: "Before you start" });
    const intro = heading.closest("section");
    expect(intro?.textContent).toContain(
      "never figures from so few that anyone could be recognised",
    );
    expect(intro?.textContent).toContain("The coordinator can see how many have answered");
    expect(screen.getByRole("button", { name: "Start" })).toBeTruthy();
  });

  it("compact: a line above the first question, the rest folded, no Begynd; onFormReady once ready", async () => {
    const formReady = vi.fn();
    render(
      <KlyngeSurvey
        {...props({ intro: { k: 7, compact: true }, pass: invitation, onFormReady: formReady })}
      />,
    );
    const summary = await screen.findByRole("region", { name: "Før du begynder" });
    await ready();
    expect(summary.querySelector("p")?.textContent).toBe(
      `Cirka ${estimateMinutes(version)} ${estimateMinutes(version) === 1 ? "minut" : "minutter"} · 2 spørgsmål · anonymt`,
    );
    expect(summary.querySelector("details summary")?.textContent).toBe("Om undersøgelsen");
    expect(summary.querySelector("details")?.open).toBe(false);
    expect(summary.textContent).toContain("tal fra færre end 7 personer vises ikke");
    expect(summary.textContent).toContain("Koordinatoren kan se, hvem der endnu ikke har svaret");
    expect(screen.queryByRole("button", { name: "Begynd" })).toBeNull();
    await waitFor(() => expect(formReady).toHaveBeenCalledTimes(1));
    const [model, whenSaved] = formReady.mock.calls[0] ?? [];
    expect(model).toBe(lastModel());
    // A value set on it now is saved as any answer; whenSaved says when the draft holds it.
    act(() => model.setValue(model.getAllQuestions()[0].name, "hoej"));
    expect(await whenSaved()).toBe(true);
    expect((await survey.store.getDraft(responseId))?.answers).toEqual({
      kendskab: { choice: "hoej" },
    });
    await screen.findByText("Gemt");
  });

  it("is skipped when a draft with answers is resumed", async () => {
    await survey.store.createDraft({
      responseId,
      roundId: round.id,
      versionHash: version.hash,
      channel: "embed",
      pass: invitation,
    });
    await survey.store.saveAnswer(responseId, "kendskab", { choice: "lav" }, 0);
    render(<KlyngeSurvey {...props({ intro: {}, pass: invitation })} />);
    await ready();
    const resumed = screen.getByRole("radio", { name: "I mindre grad" }) as HTMLInputElement;
    await waitFor(() => expect(resumed.checked).toBe(true));
    expect(screen.queryByRole("heading", { name: "Før du begynder" })).toBeNull();
  });

  it("estimates from the questionnaire's size: more questions, more minutes", () => {
    const many = versionOf({
      ...questionnaire,
      questions: Array.from({ length: 30 }, (_, i) => ({
        ...(questionnaire.questions[0] as object),
        id: `q${i}`,
      })) as QuestionnaireInput["questions"],
    });
    expect(estimateMinutes(version)).toBe(1);
    expect(estimateMinutes(many)).toBeGreaterThan(4);
  });
});

describe("a response with no answers", () => {
  it("is not sent before the respondent says so; the way back goes to the first question", async () => {
    const onComplete = vi.fn();
    render(<KlyngeSurvey {...props({ onComplete })} />);
    await ready();
    await complete();
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain(
      "Du har ikke besvaret nogen spørgsmål. Vil du sende alligevel?",
    );
    expect(document.activeElement?.textContent).toBe("Tilbage til spørgsmålene");
    expect(await survey.store.counts()).toEqual({ pending: 0, conflict: 0, failed: 0 });

    fireEvent.click(screen.getByRole("button", { name: "Tilbage til spørgsmålene" }));
    await screen.findByText(firstQuestion);
    expect(lastModel().currentPageNo).toBe(0);
    expect(lastModel().state).toBe("running");
    expect(onComplete).not.toHaveBeenCalled();

    await complete();
    fireEvent.click(await screen.findByRole("button", { name: "Send alligevel" }));
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect((await survey.store.outbox())[0]?.response.answers).toEqual({});
  });

  it("is sent at once when something was answered", async () => {
    const onComplete = vi.fn();
    render(<KlyngeSurvey {...props({ onComplete })} />);
    await screen.findByText(firstQuestion);
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await screen.findByText("Gemt");
    await complete();
    await waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });
});

describe("the respondent's credential", () => {
  it("is kept with the draft and sent in the upload's header", async () => {
    const put = vi.fn<Transport["put"]>(async () => ({ kind: "stored" }));
    render(<KlyngeSurvey {...props({ pass: invitation, transport: { put } })} />);
    await screen.findByText(firstQuestion);
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await screen.findByText("Gemt");
    expect((await survey.store.getDraft(responseId))?.pass).toEqual(invitation);
    await complete();
    await waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(put.mock.calls[0]?.[2]).toEqual(invitation);
  });

  it("a refusal is said in Danish, not as waiting, and onComplete says refused", async () => {
    const onComplete = vi.fn();
    const put = vi.fn<Transport["put"]>(async () => ({
      kind: "rejected",
      status: 403,
      code: "invitation_spent",
      message: "spent",
    }));
    render(<KlyngeSurvey {...props({ pass: invitation, transport: { put }, onComplete })} />);
    await screen.findByText(firstQuestion);
    fireEvent.click(screen.getByRole("radio", { name: "I høj grad" }));
    await screen.findByText("Gemt");
    await complete();
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Dine svar blev ikke modtaget");
    expect(alert.textContent).toContain(
      "Dette link er allerede brugt. Kontakt koordinatoren, hvis du ikke har svaret.",
    );
    await waitFor(() =>
      expect(onComplete).toHaveBeenCalledWith(
        expect.objectContaining({ queued: false, refused: "invitation_spent" }),
      ),
    );
    expect(document.body.textContent).not.toMatch(/venter|sendes, når|Mange tak/);
  });
});
