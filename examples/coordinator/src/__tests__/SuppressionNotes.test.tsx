// @vitest-environment happy-dom
import type { Report } from "@klynge/engine";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { coordinatorMessages } from "../messages.js";
import { SuppressionNotes } from "../results/SuppressionNotes.js";
import { baseline, followUp, twoRoundReport } from "./fixtures/report.js";

afterEach(cleanup);

const kendskab =
  "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?";

function renderNotes(report: Report) {
  render(<SuppressionNotes report={report} locale="da" text={coordinatorMessages.da} />);
  return screen.getByRole("region", { name: "Skjulte tal og hvorfor" });
}

function linesUnder(section: HTMLElement, question: string): string[] {
  const heading = within(section).getByRole("heading", { level: 3, name: question });
  const list = heading.parentElement?.querySelector("ul");
  if (list === null || list === undefined) throw new Error(`no list under "${question}"`);
  return within(list)
    .getAllByRole("listitem")
    .map((li) => li.textContent ?? "");
}

/** The ids and codes of a report: what a note must never show (codes with a '-' or '.'). */
function internalIds(report: Report): string[] {
  const codes = report.questions.flatMap((q) =>
    q.perRound.flatMap((r) =>
      r.type === "matrix"
        ? r.rows.flatMap((row) => [row.code, ...row.options.map((o) => o.code)])
        : "options" in r
          ? r.options.map((o) => o.code)
          : [],
    ),
  );
  return [
    ...report.rounds.map((r) => r.id),
    ...report.questions.map((q) => q.id),
    ...codes.filter((code) => /[-.]/.test(code)),
  ];
}

describe("SuppressionNotes", () => {
  it("words the notes by question text, round label and option label, one line per round", () => {
    const section = renderNotes(twoRoundReport);
    expect(linesUnder(section, kendskab)).toEqual([
      "Baseline, marts 2027: antallet vises ikke for »I høj grad« og »I mindre grad«.",
      "Baseline, marts 2027: gennemsnittet vises ikke, fordi det sammen med de viste tal ville afsløre et skjult antal (anonymitet).",
      "Opfølgning, oktober 2027: antallet vises ikke for »I høj grad« og »I nogen grad«.",
      "Opfølgning, oktober 2027: gennemsnittet vises ikke, fordi det sammen med de viste tal ville afsløre et skjult antal (anonymitet).",
    ]);
    // Why counts are withheld is said once, not on every line.
    expect(within(section).getAllByText(/Et antal vises ikke, når færre end 5/)).toHaveLength(1);
  });

  it("shows no internal id: no round id, question id or option code", () => {
    const section = renderNotes(twoRoundReport);
    const text = section.textContent ?? "";
    for (const id of internalIds(twoRoundReport)) expect(text, id).not.toContain(id);
  });

  it("words a note itself when its sentence is not the engine's (a kept report's older wording)", () => {
    const report: Report = {
      ...twoRoundReport,
      suppressed: [
        {
          roundId: baseline.id,
          questionId: "rehab.kendskab",
          optionCode: "slet-ikke",
          reason: "small_cell",
          message: {
            da: `Runde ${baseline.id}, spørgsmål rehab.kendskab, svar slet-ikke: skjult.`,
            en: `Round ${baseline.id}, question rehab.kendskab, answer slet-ikke: hidden.`,
          },
        },
        {
          roundId: followUp.id,
          questionId: "rehab.kendskab",
          reason: "derived",
          message: {
            da: `Runde ${followUp.id}, spørgsmål rehab.kendskab: skjult.`,
            en: `Round ${followUp.id}, question rehab.kendskab: hidden.`,
          },
        },
        {
          roundId: followUp.id,
          reason: "few_respondents",
          message: { da: `Runde ${followUp.id}: skjult.`, en: `Round ${followUp.id}: hidden.` },
        },
      ],
    };
    const section = renderNotes(report);
    expect(linesUnder(section, kendskab)).toEqual([
      "Baseline, marts 2027: antallet vises ikke for »Slet ikke«.",
      "Opfølgning, oktober 2027: tallene vises ikke, fordi de sammen med de viste tal ville afsløre et skjult antal (anonymitet).",
    ]);
    expect(linesUnder(section, "Runderne som helhed")).toEqual([
      "Opfølgning, oktober 2027: ingen tal vises, fordi færre end 5 har svaret (anonymitet).",
    ]);
    const text = section.textContent ?? "";
    for (const id of internalIds(report)) expect(text, id).not.toContain(id);
  });

  it("says when nothing is withheld", () => {
    const section = renderNotes({ ...twoRoundReport, suppressed: [] });
    expect(within(section).getByText("Ingen tal er skjult.")).toBeTruthy();
  });
});
