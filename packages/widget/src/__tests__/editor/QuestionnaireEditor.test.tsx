import { applyEdits, type QuestionnaireVersion } from "@klynge/engine";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { QuestionnaireEditorProps } from "../../editor/QuestionnaireEditor.js";
import {
  draftKey,
  freshDraftStoreEachTest,
  label,
  rehab,
  renderEditor as renderWithStore,
} from "./editorTestSetup.js";

const oplysninger = "Hvor får du oplysninger om kommunens tilbud?";
const kendskab =
  "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?";

const drafts = freshDraftStoreEachTest();
const renderEditor = (overrides: Partial<QuestionnaireEditorProps> = {}) =>
  renderWithStore(drafts.store, overrides);

const card = (name: string | RegExp) => screen.getByRole("article", { name });
const publishButton = () => screen.getByRole("button", { name: "Udgiv" }) as HTMLButtonElement;

/** Adds a local question of `type` the way a person does, and returns its card. */
function addQuestion(type: "rating" | "single" | "multi" | "text"): HTMLElement {
  fireEvent.change(screen.getByLabelText("Type for nyt spørgsmål"), { target: { value: type } });
  fireEvent.click(screen.getByRole("button", { name: "Tilføj spørgsmål" }));
  const cards = screen.getAllByRole("article");
  return cards.at(-1) as HTMLElement;
}

function type(scope: HTMLElement, label: string, value: string) {
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
}

describe("QuestionnaireEditor", () => {
  it("removes a bank question, adds a local multi-choice question and publishes the engine's version", async () => {
    const onPublish = renderEditor();
    fireEvent.click(screen.getByRole("button", { name: `Fjern: ${oplysninger}` }));
    const added = addQuestion("multi");
    expect(within(added).getByLabelText("Spørgsmål (dansk)")).toBe(document.activeElement);
    type(added, "Spørgsmål (dansk)", "Hvilke kommunale tilbud kender du?");
    const local = card("Spørgsmål 8: Hvilke kommunale tilbud kender du?");
    type(local, "Svarmulighed 1 (dansk)", "Rygestop");
    type(local, "Svarmulighed 2 (dansk)", "Diabetesskole");
    fireEvent.click(within(local).getByRole("button", { name: "Tilføj svarmulighed" }));
    type(local, "Svarmulighed 3 (dansk)", "Genoptræning");
    type(local, "Svarmulighed 3 (engelsk, valgfrit)", "Rehabilitation");
    fireEvent.click(within(local).getByLabelText("Tilføj «Ved ikke»"));
    expect(
      (within(local).getByLabelText("Tilføj «Andet (skriv)»") as HTMLInputElement).checked,
    ).toBe(true);

    expect(publishButton().disabled).toBe(false);
    fireEvent.click(publishButton());
    await waitFor(() => expect(onPublish).toHaveBeenCalledTimes(1));
    const version = onPublish.mock.calls[0]?.[0] as QuestionnaireVersion;
    expect(version.lineage.base).toBe(rehab.hash);
    expect(version.label).toBe(label);
    expect(version.questionnaire.questions.map((q) => q.id)).toEqual([
      "rehab.kendskab",
      "rehab.henvisningsmaade",
      "rehab.oplevelse",
      "rehab.barrierer",
      "rehab.henvise-flere",
      "rehab.manglende-tilbud",
      "rehab.kommentarer",
      "lokal.hvilke-kommunale-tilbud-kender-du",
    ]);
    expect(version.questionnaire.questions.at(-1)).toEqual({
      id: "lokal.hvilke-kommunale-tilbud-kender-du",
      type: "multi",
      text: { da: "Hvilke kommunale tilbud kender du?" },
      required: false,
      options: [
        { code: "rygestop", label: { da: "Rygestop" } },
        { code: "diabetesskole", label: { da: "Diabetesskole" } },
        { code: "genoptraening", label: { da: "Genoptræning", en: "Rehabilitation" } },
        {
          code: "andet",
          label: { da: "Andet (skriv)", en: "Other (please specify)" },
          kind: "other",
        },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    });
    // The same content as the engine makes from the same edits.
    const again = applyEdits(rehab, version.lineage.edits, { label });
    expect(again.success && again.data.hash).toBe(version.hash);
    await screen.findByText("Versionen er udgivet.");
    await waitFor(async () => expect(await drafts.store.load(draftKey)).toBeUndefined());
  });

  it("says a touched blank question text in a coordinator's words, and a duplicate option by its label", async () => {
    const onPublish = renderEditor();
    const added = addQuestion("single");
    const field = within(added).getByLabelText("Spørgsmål (dansk)");
    // Untouched, a new blank question says nothing yet.
    expect(field.getAttribute("aria-invalid")).toBeNull();
    type(added, "Spørgsmål (dansk)", "Hvor");
    type(added, "Spørgsmål (dansk)", "");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = field.getAttribute("aria-describedby") ?? "";
    const message = document.getElementById(describedBy.split(" ").at(-1) ?? "");
    expect(message?.textContent).toBe("Skriv spørgsmålets tekst");
    expect(screen.getByText(/^Ret \d+ fejl før udgivelse\.$/)).toBeTruthy();
    // happy-dom's window is 1024 px wide: the preview waits below the questions, folded.
    fireEvent.click(screen.getByRole("button", { name: "Vis forhåndsvisning" }));
    expect(screen.getByText("Forhåndsvisningen vises, når fejlene er rettet.")).toBeTruthy();

    type(added, "Spørgsmål (dansk)", "Hvor ofte henviser du?");
    const named = card("Spørgsmål 9: Hvor ofte henviser du?");
    expect(
      within(named).getByLabelText("Spørgsmål (dansk)").getAttribute("aria-invalid"),
    ).toBeNull();
    type(named, "Svarmulighed 1 (dansk)", "Ofte");
    type(named, "Svarmulighed 2 (dansk)", "ofte");
    const second = within(named).getByLabelText("Svarmulighed 2 (dansk)");
    expect(second.getAttribute("aria-invalid")).toBe("true");
    expect(within(named).getByText("To svarmuligheder hedder «ofte»")).toBeTruthy();
    expect(within(named).queryByText(/Svarkode/)).toBeNull();
    expect(
      within(named).getByLabelText("Svarmulighed 1 (dansk)").getAttribute("aria-invalid"),
    ).toBeNull();
    fireEvent.click(publishButton());
    expect(onPublish).not.toHaveBeenCalled();

    type(named, "Svarmulighed 2 (dansk)", "Sjældent");
    await waitFor(() => expect(screen.queryByText(/fejl før udgivelse/)).toBeNull());
    fireEvent.click(publishButton());
    await waitFor(() => expect(onPublish).toHaveBeenCalledTimes(1));
  });

  it("shows bank questions verbatim with no input for their text", () => {
    renderEditor();
    const bank = card(`Spørgsmål 1: ${kendskab}`);
    expect(within(bank).queryAllByRole("textbox")).toHaveLength(0);
    expect(within(bank).queryAllByRole("checkbox")).toHaveLength(0);
    expect(within(bank).getByText("I høj grad")).toBeTruthy();
    expect(within(bank).getByText("Fra skabelonen")).toBeTruthy();
    expect(within(bank).queryByRole("button", { name: `Kopiér: ${kendskab}` })).toBeNull();
    expect(within(bank).getByRole("button", { name: `Flyt: ${kendskab}` })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("lists the added and removed question in the diff panel and marks comparable questions", () => {
    renderEditor();
    expect(screen.getAllByText("Kan sammenlignes")).toHaveLength(8);
    fireEvent.click(screen.getByRole("button", { name: `Fjern: ${oplysninger}` }));
    const added = addQuestion("text");
    type(added, "Spørgsmål (dansk)", "Hvad mangler du fra kommunen?");
    const panel = screen.getByRole("region", { name: "Ændringer" });
    expect(
      within(within(panel).getByRole("list", { name: "Tilføjet" })).getByText(
        "Hvad mangler du fra kommunen?",
      ),
    ).toBeTruthy();
    expect(
      within(within(panel).getByRole("list", { name: "Fjernet" })).getByText(oplysninger),
    ).toBeTruthy();
    // Seven kept bank questions stay comparable; the new one has nothing to compare with.
    expect(screen.getAllByText("Kan sammenlignes")).toHaveLength(7);
    expect(
      within(card("Spørgsmål 8: Hvad mangler du fra kommunen?")).queryByText("Kan sammenlignes"),
    ).toBeNull();
  });

  it("compares with the previous round when given: a question it did not ask is not comparable", () => {
    const previous = applyEdits(rehab, [{ op: "remove", questionId: "rehab.kendskab" }], {
      label: "Baseline",
    });
    if (!previous.success) throw new Error("the previous round's edits were refused");
    renderEditor({ previous: previous.data });
    expect(within(card(`Spørgsmål 1: ${kendskab}`)).queryByText("Kan sammenlignes")).toBeNull();
    expect(screen.getAllByText("Kan sammenlignes")).toHaveLength(7);
    const panel = screen.getByRole("region", { name: "Ændringer" });
    expect(within(panel).getByText("I forhold til forrige runde")).toBeTruthy();
    expect(
      within(within(panel).getByRole("list", { name: "Tilføjet" })).getByText(kendskab),
    ).toBeTruthy();
  });

  it("undoes from the UI and restores a removed question with 'Fortryd fjernelse', moving focus", () => {
    renderEditor();
    const undo = screen.getByRole("button", { name: "Fortryd" }) as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: `Fjern: ${kendskab}` }));
    expect(screen.queryByRole("article", { name: `Spørgsmål 1: ${kendskab}` })).toBeNull();
    // Focus moves to the card that took the removed one's place.
    expect(document.activeElement?.textContent).toMatch(/^Spørgsmål 1: Hvordan henviser du/);
    fireEvent.click(undo);
    expect(card(`Spørgsmål 1: ${kendskab}`)).toBeTruthy();
    expect(undo.disabled).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: `Fjern: ${oplysninger}` }));
    const removed = screen.getByRole("list", { name: "Fjernede spørgsmål" });
    fireEvent.click(
      within(removed).getByRole("button", { name: `Fortryd fjernelse: ${oplysninger}` }),
    );
    expect(card(`Spørgsmål 7: ${oplysninger}`)).toBeTruthy();
    expect(document.activeElement?.textContent).toBe(`Spørgsmål 7: ${oplysninger}`);
  });

  it("moves a question to a chosen place and keeps focus on the moved question", () => {
    renderEditor();
    fireEvent.change(screen.getByRole("combobox", { name: `Flyt til plads: ${kendskab}` }), {
      target: { value: "4" },
    });
    fireEvent.click(screen.getByRole("button", { name: `Flyt: ${kendskab}` }));
    expect(card(`Spørgsmål 5: ${kendskab}`)).toBeTruthy();
    expect(document.activeElement?.getAttribute("aria-label")).toBe(`Flyt til plads: ${kendskab}`);
    expect((document.activeElement as HTMLSelectElement).value).toBe("4");
  });

  it("puts what no field stands for in the summary at once: removing every question", () => {
    const onPublish = renderEditor();
    for (const question of rehab.questionnaire.questions) {
      fireEvent.click(screen.getByRole("button", { name: `Fjern: ${question.text.da}` }));
    }
    const summary = screen.getByRole("alert");
    expect(within(summary).getByRole("heading", { name: "Der er et problem" })).toBeTruthy();
    const link = within(summary).getByRole("link", {
      name: "Spørgeskemaet skal have mindst ét spørgsmål: fortryd en fjernelse, eller tilføj et spørgsmål",
    });
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText("Type for nyt spørgsmål"));
    fireEvent.click(publishButton());
    expect(onPublish).not.toHaveBeenCalled();
  });

  it("checks the label through the engine, at the label field, in words", () => {
    renderEditor();
    fireEvent.change(screen.getByLabelText("Versionens navn"), {
      target: { value: "x".repeat(301) },
    });
    const field = screen.getByLabelText("Versionens navn");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Versionens navn må højst have 300 tegn")).toBeTruthy();
  });

  it("publishes the base itself when nothing was edited", async () => {
    const onPublish = renderEditor();
    fireEvent.click(publishButton());
    await waitFor(() => expect(onPublish).toHaveBeenCalledWith(rehab));
  });

  it("shows a live SurveyJS preview of the current version, in English with locale='en'", async () => {
    renderEditor({ locale: "en" });
    const preview = screen.getByRole("region", { name: "Preview" });
    fireEvent.click(within(preview).getByRole("button", { name: "Show the preview" }));
    await within(preview).findByText(
      "To what extent are you familiar with the content of the municipality's prevention and rehabilitation services?",
    );
    expect(screen.getByRole("button", { name: "Publish" })).toBeTruthy();
    fireEvent.click(
      screen.getByRole("button", {
        name: "Remove: Where do you get information about the municipality's services?",
      }),
    );
    await waitFor(() =>
      expect(
        within(preview).queryByText(
          "Where do you get information about the municipality's services?",
        ),
      ).toBeNull(),
    );
  });
});
