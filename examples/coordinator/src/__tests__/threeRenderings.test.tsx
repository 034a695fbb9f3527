// @vitest-environment happy-dom
import type { ReferralRateReport, Report } from "@klynge/engine";
import { ReportResults } from "@klynge/example-meeting-app/results";
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
// its comparison and referral tables), the meeting tablet's results, and the deck (its charts'
// data, its slide text and tables). Every figure each shows is read back from what it drew and
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

async function renderAll(
  report: Report,
  referralReport: ReferralRateReport | null,
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
    deck: await deckFigures(deckReport, referralReport),
  };
}

/** Which questions the deck states how many answered for: a text question only when withheld. */
function deckSaysAnswered(report: Report) {
  const withTexts = new Set(
    report.questions
      .filter(
        (q) =>
          q.type === "text" &&
          q.perRound.some(
            (r) => r.type === "text" && r.texts.status === "shown" && r.texts.items.length > 0,
          ),
      )
      .map((q) => q.text.da),
  );
  return (figureKey: string) => !withTexts.has(figureKey.split(" ¦ ")[0] ?? "");
}

describe.each([
  ["akut: a matrix, means, 'Andet' texts, texts shown in one round only", akutReport],
  ["rehab: baseline and follow-up with withheld cells and free texts", twoRoundReport],
])("the three renderings of one report agree on every figure (%s)", (_, report) => {
  it("shows the engine's count, share or 'skjult', mean and respondents in the page's tables, its charts, the tablet and the deck", async () => {
    const { expected, page, pageCharts, meeting, deck } = await renderAll(report, referrals);
    const all = ["answered", "count", "share", "mean", "texts"];
    const shownTexts = (figureKey: string) =>
      kindOf(figureKey) !== "texts" || expected.get(figureKey) !== "skjult";
    expect(only(page, all)).toEqual(only(expected, all, shownTexts));
    expect(only(meeting, all)).toEqual(only(expected, all));
    expect(only(pageCharts, ["share"])).toEqual(only(expected, ["share"]));
    // The deck has no count per option and no mean on a question's slide (only in the comparison).
    expect(only(deck, ["answered"])).toEqual(
      only(expected, ["answered"], deckSaysAnswered(report)),
    );
    expect(only(deck, ["share", "texts"])).toEqual(only(expected, ["share", "texts"], shownTexts));
    // Some of every kind was read, so an empty reading cannot pass.
    for (const kind of all) expect(Object.keys(only(page, [kind])).length).toBeGreaterThan(0);
    expect(Object.values(only(deck, ["share"]))).toContain("skjult");
  });

  it("compares the rounds in the deck as on the page, each side as the question's table shows it", async () => {
    const { expected, page, deck } = await renderAll(report, referrals);
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
    const { expected, page, deck } = await renderAll(report, referrals);
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
    const { expected, deck } = await renderAll(akutReport, referrals, altered);
    const differing = Object.entries(only(deck, ["share"])).filter(
      ([k, v]) => expected.get(k) !== v,
    );
    expect(differing.map(([k]) => k)).toEqual([
      key(kendskab?.text.da ?? "", "", option.label.da, akutReport.rounds[1]?.label ?? "", "share"),
    ]);
  });
});
