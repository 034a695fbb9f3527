import type { Questionnaire } from "@klynge/engine";
import { QuestionnairePreview } from "@klynge/widget";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

const questionnaire: Questionnaire = {
  schemaVersion: 1,
  id: "demo",
  title: { da: "Samarbejde med kommunen", en: "Working with the municipality" },
  description: { da: "Et lille testskema." },
  questions: [
    {
      id: "kendskab",
      type: "rating",
      required: true,
      text: { da: "Hvad er dit kendskab til tilbuddene?", en: "How well do you know the offers?" },
      options: [
        { code: "hoej", label: { da: "I høj grad", en: "To a high degree" }, ordinal: 2 },
        { code: "lav", label: { da: "I mindre grad", en: "To a small degree" }, ordinal: 1 },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
    {
      id: "henvisning",
      type: "multi",
      required: false,
      text: { da: "Hvordan henviser du? (sæt gerne flere krydser)" },
      options: [
        { code: "elektronisk", label: { da: "Elektronisk henvisning" } },
        { code: "ingen", label: { da: "Jeg henviser ikke" }, kind: "none" },
        { code: "andet", label: { da: "Andet (skriv)", en: "Other (write)" }, kind: "other" },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
    {
      id: "kommentar",
      type: "text",
      required: false,
      maxLength: 500,
      text: { da: "Har du andre kommentarer?", en: "Any other comments?" },
    },
    {
      id: "behov",
      type: "matrix",
      required: false,
      text: { da: "Hvor godt opfyldes behovet?", en: "How well is the need met?" },
      rows: [
        { code: "akut", label: { da: "Akut sygdom", en: "Acute illness" } },
        { code: "kronisk", label: { da: "Kronisk sygdom", en: "Chronic illness" } },
      ],
      columns: [
        { code: "godt", label: { da: "Godt", en: "Well" }, ordinal: 2 },
        { code: "daarligt", label: { da: "Dårligt", en: "Poorly" }, ordinal: 1 },
        { code: "ved-ikke", label: { da: "Ved ikke", en: "Don't know" }, kind: "dontKnow" },
      ],
    },
  ],
};

afterEach(cleanup);

function questionItems(): HTMLElement[] {
  const [questions] = screen.getAllByRole("list");
  if (questions === undefined) throw new Error("expected the question list to render");
  return within(questions)
    .getAllByRole("listitem")
    .filter((item) => item.parentElement === questions);
}

describe("QuestionnairePreview", () => {
  it("shows the title as a heading and every question, numbered, in order, in Danish by default", () => {
    render(<QuestionnairePreview questionnaire={questionnaire} />);

    expect(screen.getByRole("region", { name: "Samarbejde med kommunen" })).toHaveProperty(
      "lang",
      "da",
    );
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Samarbejde med kommunen");
    expect(screen.getByText("Et lille testskema.")).toBeTruthy();
    expect(screen.getByText("4 spørgsmål")).toBeTruthy();

    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      "1. Hvad er dit kendskab til tilbuddene?",
      "2. Hvordan henviser du? (sæt gerne flere krydser)",
      "3. Har du andre kommentarer?",
      "4. Hvor godt opfyldes behovet?",
    ]);
    expect(questionItems()).toHaveLength(4);
  });

  it("names each question type in words and says whether it must be answered", () => {
    render(<QuestionnairePreview questionnaire={questionnaire} />);
    const [rating, multi, text, matrix] = questionItems();

    expect(within(rating as HTMLElement).getByText("Skala · Skal besvares")).toBeTruthy();
    expect(within(multi as HTMLElement).getByText("Flere svar mulige · Frivilligt")).toBeTruthy();
    expect(within(text as HTMLElement).getByText("Fritekst · Frivilligt")).toBeTruthy();
    expect(within(text as HTMLElement).getByText("Højst 500 tegn")).toBeTruthy();
    expect(
      within(matrix as HTMLElement).getByText("Skema med rækker og svarmuligheder · Frivilligt"),
    ).toBeTruthy();
  });

  it("lists the answer options and marks the Ved ikke, none and Andet kinds", () => {
    render(<QuestionnairePreview questionnaire={questionnaire} />);
    const [rating, multi] = questionItems();

    const scale = within(rating as HTMLElement).getByRole("list", { name: "Svarmuligheder" });
    expect(
      within(scale)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["I høj grad", "I mindre grad", "Ved ikke (uden for skalaen)"]);

    const choices = within(multi as HTMLElement).getByRole("list", { name: "Svarmuligheder" });
    expect(
      within(choices)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Elektronisk henvisning",
      "Jeg henviser ikke (udelukker andre svar)",
      "Andet (skriv) (med tekstfelt)",
      "Ved ikke (udelukker andre svar)",
    ]);
  });

  it("shows a matrix as its rows and the answer options each row takes", () => {
    render(<QuestionnairePreview questionnaire={questionnaire} />);
    const matrix = questionItems()[3] as HTMLElement;

    const rows = within(matrix).getByRole("list", { name: "Rækker" });
    expect(
      within(rows)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Akut sygdom", "Kronisk sygdom"]);
    const columns = within(matrix).getByRole("list", { name: "Svarmuligheder for hver række" });
    expect(
      within(columns)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Godt", "Dårligt", "Ved ikke (uden for skalaen)"]);
  });

  it("switches texts and labels to English, keeping Danish (marked lang=da) where no English exists", () => {
    render(<QuestionnairePreview questionnaire={questionnaire} locale="en" />);

    const region = screen.getByRole("region", { name: "Working with the municipality" });
    expect(region).toHaveProperty("lang", "en");
    expect(screen.getByText("4 questions")).toBeTruthy();
    const [rating, multi, text, matrix] = questionItems();

    expect(within(rating as HTMLElement).getByText("Scale · Required")).toBeTruthy();
    expect(within(rating as HTMLElement).getByText("(outside the scale)")).toBeTruthy();
    expect(
      within(multi as HTMLElement).getByText("Multiple answers possible · Optional"),
    ).toBeTruthy();
    expect(within(text as HTMLElement).getByText("At most 500 characters")).toBeTruthy();
    expect(within(matrix as HTMLElement).getByRole("list", { name: "Rows" })).toBeTruthy();

    const fallback = within(multi as HTMLElement).getByText(
      "Hvordan henviser du? (sæt gerne flere krydser)",
    );
    expect(fallback.getAttribute("lang")).toBe("da");
    expect(
      within(multi as HTMLElement)
        .getByText("Other (write)")
        .getAttribute("lang"),
    ).toBeNull();
    expect(within(multi as HTMLElement).getByText("(with a text field)")).toBeTruthy();
  });

  it("lets an embedding page choose the heading level", () => {
    render(<QuestionnairePreview questionnaire={questionnaire} headingLevel={3} />);
    expect(screen.getByRole("heading", { level: 3, name: "Samarbejde med kommunen" })).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 4 })).toHaveLength(4);
  });
});
