// @vitest-environment happy-dom
import type { MeetingPlan, ReferralRateReport, Report } from "@klynge/engine";
import { ReportResults } from "@klynge/example-meeting-app/results";
import { getPackage } from "@klynge/question-bank";
import { cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coordinatorMessages } from "../messages.js";
import { ReportView } from "../results/ReportView.js";
import { akutReport } from "./fixtures/akutReport.js";
import { stubChartSize } from "./fixtures/chartSize.js";
import { deckFigures } from "./fixtures/deckFigures.js";
import { engineFigures } from "./fixtures/engineFigures.js";
import { type Figures, key, kindOf, only, shareOf } from "./fixtures/figures.js";
import { meetingFigures, pageChartFigures, pageFigures } from "./fixtures/renderedFigures.js";
import { generatedAt, referrals, twoRoundReport } from "./fixtures/report.js";

// One report, three renderings: the coordinator's results page (its tables, its charts' labels,
// its comparison and referral tables), the meeting tablet's results, and the deck as a meeting
// gets it, built with the package's meeting plan (its charts' data and "skjult" boxes, its slide
// text and tables, its speaker notes). Every figure each shows is read back from what it drew and
// must be the engine's: a count, a share, "skjult", a mean, how many answered, the free texts, a
// change, a referral rate. What one rendering shows and another does not is said per kind below.

beforeEach(() => stubChartSize());

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

interface Renderings {
  readonly expected: Figures;
  readonly page: Figures;
  readonly pageCharts: Figures;
  readonly meeting: Figures;
  readonly deck: Figures;
}

/** The meeting plan of the bank package, as the app builds the deck for a round of it. */
function planOf(id: "rehab" | "akut"): MeetingPlan {
  const plan = getPackage(id)?.plan;
  if (plan === undefined) throw new Error(`the bank has no package "${id}"`);
  return plan;
}

async function renderAll(
  report: Report,
  referralReport: ReferralRateReport | null,
  plan: MeetingPlan,
  deckReport: Report = report,
): Promise<Renderings> {
  const rounds = report.rounds.map((r) => r.label);
  const page = render(
    <ReportView
      report={report}
      referrals={referralReport}
      generatedAt={generatedAt}
      locale="da"
      text={coordinatorMessages.da}
      chartWidth={800}
    />,
  );
  const meeting = render(<ReportResults report={report} locale="da" />);
  return {
    expected: engineFigures(report, referralReport),
    page: pageFigures(page.container, rounds),
    pageCharts: pageChartFigures(page.container, rounds),
    meeting: meetingFigures(meeting.container, rounds),
    deck: await deckFigures(deckReport, referralReport, plan),
  };
}

/**
 * The written answers as the deck has them: a round's shown ones, and "skjult" for a withheld
 * round someone answered (fewer than k, or "skjult", too), every round of a free-text question,
 * the "Andet" texts of a list only beside another round's shown ones.
 */
function deckTexts(report: Report): Record<string, string> {
  const figures: Figures = new Map();
  for (const question of report.questions) {
    const texts = question.perRound.map((r) =>
      r.type === "text" ? r.texts : r.type === "single" || r.type === "multi" ? r.otherTexts : null,
    );
    const kind = question.type === "text" ? "texts" : "other";
    const anyShown = texts.some((t) => t?.status === "shown" && t.items.length > 0);
    question.perRound.forEach((result, i) => {
      const round = report.rounds[i]?.label ?? "";
      const list = texts[i];
      if (result.type === "not_asked" || list === null || list === undefined) return;
      const nobody = result.answered.status === "shown" && result.answered.value === 0;
      const textsKey = key(question.text.da, round, kind, "texts");
      if (list.status === "shown" && list.items.length > 0)
        figures.set(textsKey, list.items.join(" | "));
      else if (list.status !== "shown" && !nobody && (kind === "texts" || anyShown))
        figures.set(textsKey, "skjult");
    });
  }
  return only(figures, ["texts"]);
}

describe.each([
  ["akut: a matrix, means, 'Andet' texts, texts shown in one round only", akutReport, "akut"],
  ["rehab: baseline and follow-up with withheld cells and free texts", twoRoundReport, "rehab"],
] as const)("the three renderings of one report agree on every figure (%s)", (_, report, id) => {
  const plan = planOf(id);
  it("shows the engine's count, share or 'skjult', mean and respondents in the page's tables, its charts, the tablet and the deck", async () => {
    const { expected, page, pageCharts, meeting, deck } = await renderAll(report, referrals, plan);
    const all = ["answered", "count", "share", "mean", "texts"];
    const shownTexts = (figureKey: string) =>
      kindOf(figureKey) !== "texts" || expected.get(figureKey) !== "skjult";
    expect(only(page, all)).toEqual(only(expected, all, shownTexts));
    expect(only(meeting, all)).toEqual(only(expected, all));
    expect(only(pageCharts, ["share"])).toEqual(only(expected, ["share"]));
    // The deck: shares and "skjult" on its charts and boxes, who answered on the slides, counts
    // and means in the speaker notes (which repeat the rest, and must agree with the slides).
    const figures = ["answered", "count", "share", "mean"];
    expect(only(deck, figures)).toEqual(only(expected, figures));
    expect(only(deck, ["texts"])).toEqual(deckTexts(report));
    // Where both show written answers, they are the same.
    for (const [figureKey, texts] of Object.entries(only(expected, ["texts"], shownTexts)))
      expect({ figureKey, deck: deck.get(figureKey) }).toEqual({ figureKey, deck: texts });
    // Some of every kind was read, so an empty reading cannot pass.
    for (const kind of all) {
      expect(Object.keys(only(page, [kind])).length).toBeGreaterThan(0);
      expect(Object.keys(only(deck, [kind])).length).toBeGreaterThan(0);
    }
    expect(Object.values(only(deck, ["share"]))).toContain("skjult");
  });

  it("compares the rounds in the deck as on the page, each side as the question's table shows it", async () => {
    const { expected, page, deck } = await renderAll(report, referrals, plan);
    expect(only(deck, ["baseline", "followUp", "change"])).toEqual(
      only(page, ["baseline", "followUp", "change"]),
    );
    const [baseline, followUp] = report.rounds.map((r) => r.label) as [string, string];
    const sides = Object.entries(only(page, ["baseline", "followUp"]));
    expect(sides.length).toBeGreaterThan(0);
    for (const [figureKey, value] of sides) {
      const [, question = "", line = "", side] = figureKey.split(" ¦ ");
      const round = side === "baseline" ? baseline : followUp;
      const mean = /^(?:(.*) – )?Gennemsnit \(skalatrin\)$/.exec(line);
      const [row, option] =
        mean !== null
          ? [mean[1] ?? "", undefined]
          : line.includes(" – ")
            ? (line.split(" – ") as [string, string])
            : ["", line];
      const table =
        option === undefined
          ? expected.get(key(question, row, round, "mean"))
          : expected.get(key(question, row, option, round, "share"));
      const shown =
        value === "skjult" || value === "–" ? value : option === undefined ? value : shareOf(value);
      expect({ figureKey, shown }).toEqual({ figureKey, shown: table ?? "–" });
    }
  });

  it("shows the same referral rates on the page and in the deck", async () => {
    const { expected, page, deck } = await renderAll(report, referrals, plan);
    expect(only(page, ["rate"])).toEqual(only(expected, ["rate"]));
    expect(only(deck, ["rate"])).toEqual(only(expected, ["rate"]));
    expect(Object.values(only(deck, ["rate"]))).toContain("skjult");
  });
});

describe("the agreement check itself", () => {
  it("catches one figure that differs in one rendering", async () => {
    // The deck is built from a report with one shown share changed; the page and the tablet not.
    const altered: Report = structuredClone(akutReport);
    const kendskab = altered.questions.find((q) => q.id === "akut.kendskab");
    const followUp = kendskab?.perRound[1];
    const option =
      followUp !== undefined && "options" in followUp
        ? followUp.options.find((o) => o.cell.status === "shown" && o.cell.count > 0)
        : undefined;
    if (option === undefined || option.cell.status !== "shown")
      throw new Error("the fixture has no shown share to alter");
    option.cell = { ...option.cell, share: option.cell.share - 0.1 };
    const { expected, deck } = await renderAll(akutReport, referrals, planOf("akut"), altered);
    const differing = Object.entries(only(deck, ["share"])).filter(
      ([k, v]) => expected.get(k) !== v,
    );
    expect(differing.map(([k]) => k)).toEqual([
      key(kendskab?.text.da ?? "", "", option.label.da, akutReport.rounds[1]?.label ?? "", "share"),
    ]);
  });
});
