import "fake-indexeddb/auto";
import type { QuestionnaireVersion } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { polyfillSurveyJs } from "@klynge/test-support/happyDom";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type ClosableEditorDraftStore,
  openEditorDraftStore,
} from "../../editor/openEditorDraftStore.js";
import { QuestionnaireEditor } from "../../editor/QuestionnaireEditor.js";

beforeAll(polyfillSurveyJs);

let store: ClosableEditorDraftStore;
beforeEach(() => {
  store = openEditorDraftStore({ indexedDB: new IDBFactory() });
});
afterEach(() => {
  cleanup();
  store.close();
});

function renderEditor(base: QuestionnaireVersion) {
  const onPublish = vi.fn<(version: QuestionnaireVersion) => void>();
  render(
    <QuestionnaireEditor
      base={base}
      draftKey="klynge-syd.2027-03"
      storage={store}
      onPublish={onPublish}
      initialLabel="Klynge Syd, marts 2027"
    />,
  );
  return onPublish;
}

const card = (name: string | RegExp) => screen.getByRole("article", { name });
const publishButton = () => screen.getByRole("button", { name: "Udgiv" }) as HTMLButtonElement;
/** "Udgiv" is always enabled (GOV.UK): a refused publish shows the error summary instead. */
const errorSummary = () => screen.queryByRole("alert", { name: "Der er et problem" });
async function publishRefused() {
  fireEvent.click(publishButton());
  await waitFor(() => expect(errorSummary()).not.toBeNull());
}

function addQuestion(type: "rating" | "single" | "multi" | "text" | "matrix"): HTMLElement {
  fireEvent.change(screen.getByLabelText("Type for nyt spørgsmål"), { target: { value: type } });
  fireEvent.click(screen.getByRole("button", { name: "Tilføj spørgsmål" }));
  return screen.getAllByRole("article").at(-1) as HTMLElement;
}

function type(scope: HTMLElement, label: string, value: string) {
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
}

const pickerSelect = (scope: HTMLElement) =>
  within(scope).getByLabelText("Vis kun hvis dette spørgsmål er besvaret") as HTMLSelectElement;

async function published(onPublish: ReturnType<typeof renderEditor>) {
  await waitFor(() => expect(publishButton().disabled).toBe(false));
  fireEvent.click(publishButton());
  await waitFor(() => expect(onPublish).toHaveBeenCalledTimes(1));
  return onPublish.mock.calls[0]?.[0] as QuestionnaireVersion;
}

/** A local "Ja/Nej" question (9th) and a local text question after it (10th) on the rehab template. */
function yesNoAndFollowUp() {
  const source = addQuestion("single");
  type(source, "Spørgsmål (dansk)", "Bruger du kommunens rygestop?");
  const named = card("Spørgsmål 9: Bruger du kommunens rygestop?");
  type(named, "Svarmulighed 1 (dansk)", "Ja");
  type(named, "Svarmulighed 2 (dansk)", "Nej");
  const follow = addQuestion("text");
  type(follow, "Spørgsmål (dansk)", "Hvis ja: hvordan fungerer det?");
  return card("Spørgsmål 10: Hvis ja: hvordan fungerer det?");
}

describe("the condition picker", () => {
  it("offers only earlier questions with answer options, then their answers, and publishes showIf", async () => {
    const onPublish = renderEditor(templateVersion("rehab"));
    const follow = yesNoAndFollowUp();
    const select = pickerSelect(follow);
    const offered = [...select.options].map((o) => o.textContent);
    // Free-text bank questions (3, 5, 6, 8) are not offered, nor the question itself.
    expect(offered).toEqual([
      "Altid (ingen betingelse)",
      "Spørgsmål 1: I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?",
      "Spørgsmål 2: Hvordan henviser du til kommunens forebyggende og rehabiliterende tilbud? (sæt gerne flere krydser)",
      "Spørgsmål 4: Er der noget, der afholder dig fra at henvise patienter til kommunens forebyggende tilbud? (sæt gerne flere krydser)",
      "Spørgsmål 7: Hvor får du oplysninger om kommunens tilbud?",
      "Spørgsmål 9: Bruger du kommunens rygestop?",
    ]);
    fireEvent.change(select, { target: { value: "lokal.bruger-du-kommunens-rygestop" } });
    const answers = within(follow).getByRole("group", {
      name: "… med et af disse svar på «Bruger du kommunens rygestop?»",
    });
    expect(
      within(answers)
        .getAllByRole("checkbox")
        .map((box) => box.nextElementSibling?.textContent),
    ).toEqual(["Ja", "Nej", "Andet (skriv)"]);
    // Nothing ticked yet: no condition, and the page says so.
    expect(within(follow).getByText(/Sæt kryds ved mindst ét svar\. Indtil da/)).toBeTruthy();
    fireEvent.click(within(answers).getByLabelText("Ja"));
    expect((within(answers).getByLabelText("Ja") as HTMLInputElement).checked).toBe(true);

    const version = await published(onPublish);
    expect(version.questionnaire.questions.at(-1)?.showIf).toEqual({
      question: "lokal.bruger-du-kommunens-rygestop",
      anyOf: ["ja"],
    });
  });

  it("follows the source question when its text and answers are retyped", async () => {
    const onPublish = renderEditor(templateVersion("rehab"));
    const follow = yesNoAndFollowUp();
    fireEvent.change(pickerSelect(follow), {
      target: { value: "lokal.bruger-du-kommunens-rygestop" },
    });
    fireEvent.click(within(follow).getByLabelText("Ja"));
    const source = card("Spørgsmål 9: Bruger du kommunens rygestop?");
    type(source, "Spørgsmål (dansk)", "Bruger du kommunens rygestopkursus?");
    type(
      card(/^Spørgsmål 9: Bruger du kommunens rygestopkursus/),
      "Svarmulighed 1 (dansk)",
      "Ja, ofte",
    );

    const version = await published(onPublish);
    expect(version.questionnaire.questions.at(-1)?.showIf).toEqual({
      question: "lokal.bruger-du-kommunens-rygestopkursus",
      anyOf: ["ja-ofte"],
    });
  });

  it("says in words when the conditional question is moved above its source, and blocks publishing", async () => {
    renderEditor(templateVersion("rehab"));
    const follow = yesNoAndFollowUp();
    fireEvent.change(pickerSelect(follow), {
      target: { value: "lokal.bruger-du-kommunens-rygestop" },
    });
    fireEvent.click(within(follow).getByLabelText("Nej"));
    // One place up: the place before its own, chosen in "Flyt til plads", then "Flyt".
    const place = within(follow).getByRole("combobox", {
      name: "Flyt til plads: Hvis ja: hvordan fungerer det?",
    }) as HTMLSelectElement;
    fireEvent.change(place, { target: { value: String(Number(place.value) - 1) } });
    fireEvent.click(
      within(follow).getByRole("button", { name: "Flyt: Hvis ja: hvordan fungerer det?" }),
    );
    const moved = card("Spørgsmål 9: Hvis ja: hvordan fungerer det?");
    const message =
      "«Bruger du kommunens rygestop?» står nu efter dette spørgsmål. Flyt det op over dette spørgsmål, eller vælg et andet.";
    await waitFor(() => expect(within(moved).getByText(message)).toBeTruthy());
    const group = within(moved).getByRole("group", { name: "Hvornår vises spørgsmålet?" });
    const describedBy = group.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toBe(message);
    expect(pickerSelect(moved).selectedOptions[0]?.textContent).toBe(
      "Bruger du kommunens rygestop? (står ikke før dette spørgsmål)",
    );
    await publishRefused();
    expect(group.textContent).not.toMatch(/lokal\./);

    fireEvent.click(within(moved).getByRole("button", { name: "Fjern betingelsen" }));
    await waitFor(() => expect(errorSummary()).toBeNull());
    expect(pickerSelect(moved).value).toBe("");
  });

  it("says so when the question a condition depends on is deleted", async () => {
    renderEditor(templateVersion("rehab"));
    const follow = yesNoAndFollowUp();
    fireEvent.change(pickerSelect(follow), {
      target: { value: "lokal.bruger-du-kommunens-rygestop" },
    });
    fireEvent.click(within(follow).getByLabelText("Ja"));
    fireEvent.click(screen.getByRole("button", { name: "Slet: Bruger du kommunens rygestop?" }));
    const left = card("Spørgsmål 9: Hvis ja: hvordan fungerer det?");
    await waitFor(() =>
      expect(
        within(left).getByText(
          "Spørgsmålet, som betingelsen bygger på, er fjernet. Vælg et andet, eller fjern betingelsen.",
        ),
      ).toBeTruthy(),
    );
    expect(pickerSelect(left).selectedOptions[0]?.textContent).toBe("(fjernet spørgsmål)");
    await publishRefused();
    // Choosing "always" takes the condition away.
    fireEvent.change(pickerSelect(left), { target: { value: "" } });
    await waitFor(() => expect(errorSummary()).toBeNull());
  });

  it("offers nothing to pick when no earlier question has answer options, and says why", () => {
    renderEditor(templateVersion("rehab"));
    for (const remove of screen.getAllByRole("button", { name: /^Fjern: / })) {
      fireEvent.click(remove);
    }
    const first = addQuestion("text");
    type(first, "Spørgsmål (dansk)", "Hvad vil du gerne tale om på mødet?");
    const only = card("Spørgsmål 1: Hvad vil du gerne tale om på mødet?");
    expect(within(only).queryByLabelText("Vis kun hvis dette spørgsmål er besvaret")).toBeNull();
    expect(within(only).getByText(/Der er intet sådant spørgsmål før dette\.$/)).toBeTruthy();
  });
});

describe("local and bank matrix questions", () => {
  it("adds a local matrix: rows and a scale best first, «Ved ikke» outside the scale", async () => {
    const onPublish = renderEditor(templateVersion("rehab"));
    const added = addQuestion("matrix");
    type(added, "Spørgsmål (dansk)", "Hvor godt fungerer samarbejdet om disse grupper?");
    const matrix = card(/^Spørgsmål 9: Hvor godt fungerer samarbejdet/);
    expect(within(matrix).getByRole("group", { name: "Rækker" })).toBeTruthy();
    type(matrix, "Række 1 (dansk)", "Diabetes");
    type(matrix, "Række 2 (dansk)", "KOL");
    type(matrix, "Svarmulighed 1 (dansk)", "Godt");
    type(matrix, "Svarmulighed 2 (dansk)", "Dårligt");
    expect((within(matrix).getByLabelText("Tilføj «Ved ikke»") as HTMLInputElement).checked).toBe(
      true,
    );

    const version = await published(onPublish);
    expect(version.questionnaire.questions.at(-1)).toEqual({
      id: "lokal.hvor-godt-fungerer-samarbejdet-om-disse-grupper",
      type: "matrix",
      text: { da: "Hvor godt fungerer samarbejdet om disse grupper?" },
      required: false,
      rows: [
        { code: "diabetes", label: { da: "Diabetes" } },
        { code: "kol", label: { da: "KOL" } },
      ],
      columns: [
        { code: "godt", label: { da: "Godt" }, ordinal: 2 },
        { code: "daarligt", label: { da: "Dårligt" }, ordinal: 1 },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    });
  });

  it("shows the errors of a matrix's rows at the row", async () => {
    renderEditor(templateVersion("rehab"));
    const added = addQuestion("matrix");
    type(added, "Spørgsmål (dansk)", "Hvor godt fungerer samarbejdet?");
    const matrix = card(/^Spørgsmål 9: Hvor godt fungerer samarbejdet/);
    type(matrix, "Række 1 (dansk)", "Diabetes");
    type(matrix, "Række 2 (dansk)", "diabetes");
    type(matrix, "Svarmulighed 1 (dansk)", "Godt");
    type(matrix, "Svarmulighed 2 (dansk)", "Dårligt");
    await waitFor(() =>
      expect(within(matrix).getByLabelText("Række 2 (dansk)").getAttribute("aria-invalid")).toBe(
        "true",
      ),
    );
    expect(
      within(matrix).getByLabelText("Række 1 (dansk)").getAttribute("aria-invalid"),
    ).toBeNull();
    await publishRefused();
  });

  it("shows the acute template's matrix as a grid: rows down, the scale across", () => {
    renderEditor(templateVersion("akut"));
    const grid = screen.getByRole("table", { name: /^Rækker og svarmuligheder: Hvor godt/ });
    const columns = within(grid)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    const rows = within(grid)
      .getAllByRole("rowheader")
      .map((th) => th.textContent);
    const akut = templateVersion("akut").questionnaire.questions.find((q) => q.type === "matrix");
    if (akut?.type !== "matrix") throw new Error("the acute template has no matrix");
    expect(columns).toEqual(["Række", ...akut.columns.map((c) => c.label.da)]);
    expect(rows).toEqual(akut.rows.map((r) => r.label.da));
    expect(rows).toContain("Akut sygdom");
  });
});
