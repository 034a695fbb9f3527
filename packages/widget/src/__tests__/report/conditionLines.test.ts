import type { QuestionReport, RoundSummary } from "@klynge/engine";
import { describe, expect, it } from "vitest";
import { conditionLines } from "../../report/conditionLines.js";
import { reportMessages } from "../../report/reportMessages.js";

const round = (id: string, label: string, respondents: RoundSummary["respondents"]) =>
  ({
    id,
    label,
    cluster: "Klynge Syd",
    versionHash: "h",
    versions: ["h"],
    respondents,
    responseRate: { status: "unknown" },
    rejected: [],
  }) satisfies RoundSummary;

const rounds = [
  round("a", "Baseline", { status: "shown", value: 12 }),
  round("b", "Opfølgning", { status: "shown", value: 9 }),
  round("c", "Tredje runde", { status: "suppressed", reason: "few_respondents" }),
];

const participation = (asked: number | "hidden" | "derived", roundId: string) => ({
  type: "text" as const,
  roundId,
  asked:
    asked === "hidden" || asked === "derived"
      ? {
          status: "suppressed" as const,
          reason: asked === "hidden" ? ("few_respondents" as const) : ("derived" as const),
        }
      : { status: "shown" as const, value: asked },
  answered: { status: "suppressed" as const, reason: "few_respondents" as const },
  skipped: { status: "suppressed" as const, reason: "few_respondents" as const },
  texts: { status: "suppressed" as const, reason: "few_respondents" as const },
});

const question = {
  id: "lokal.hvilke",
  type: "text",
  text: { da: "Hvis ja: hvilke?" },
  shownIf: {
    question: "lokal.bruger",
    text: { da: "Bruger du tilbuddene?", en: "Do you use the offers?" },
    options: [
      { da: "Ja, ofte", en: "Yes, often" },
      { da: "Ja, sjældent", en: "Yes, rarely" },
    ],
  },
  perRound: [
    participation(7, "a"),
    { type: "not_asked", roundId: "b" },
    participation("hidden", "c"),
  ],
} as unknown as QuestionReport;

describe("conditionLines", () => {
  it("names the answers and the question, then per round how many of the respondents were asked", () => {
    expect(conditionLines(question, rounds, 5, "da", reportMessages.da)).toEqual([
      "Spurgt dem, der svarede «Ja, ofte» eller «Ja, sjældent» på «Bruger du tilbuddene?».",
      "Baseline: Spurgt 7 af 12",
      "Tredje runde: Antal spurgte skjult (færre end 5)",
    ]);
    expect(conditionLines(question, rounds, 5, "en", reportMessages.en)[0]).toBe(
      "Asked those who answered “Yes, often” or “Yes, rarely” to “Do you use the offers?”.",
    );
  });

  it("says the number asked is hidden, without «fewer than k», when it is withheld to protect another count", () => {
    const derived = { ...question, perRound: [participation("derived", "a")] };
    expect(conditionLines(derived, rounds.slice(0, 1), 5, "da", reportMessages.da)[1]).toBe(
      "Antal spurgte skjult (anonymitet)",
    );
    expect(conditionLines(derived, rounds.slice(0, 1), 5, "en", reportMessages.en)[1]).toBe(
      "Number asked hidden (anonymity)",
    );
  });

  it("says nothing of a question asked of everyone, and leaves out the round's label when there is one round", () => {
    const { shownIf: _, ...everyone } = question;
    expect(conditionLines(everyone, rounds, 5, "da", reportMessages.da)).toEqual([]);
    const one = { ...question, perRound: [participation(7, "a")] };
    expect(conditionLines(one, rounds.slice(0, 1), 5, "da", reportMessages.da)[1]).toBe(
      "Spurgt 7 af 12",
    );
  });
});
