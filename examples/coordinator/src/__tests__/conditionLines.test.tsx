// @vitest-environment happy-dom
import {
  type Answer,
  aggregate,
  applyEdits,
  type Report,
  type Response,
  type Round,
} from "@klynge/engine";
import { ReportResults } from "@klynge/example-meeting-app/results";
import { templateVersion } from "@klynge/question-bank";
import { unwrap } from "@klynge/test-support/unwrap";
import { cleanup, render, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coordinatorMessages } from "../messages.js";
import { ReportView } from "../results/ReportView.js";
import { stubChartSize } from "./fixtures/chartSize.js";
import { generatedAt } from "./fixtures/report.js";
import { textOf, unzipDeck } from "./fixtures/unzipDeck.js";

// A conditional question's results say on what it was asked, in every rendering of the report:
// the results page, the meeting tablet and the deck.

beforeEach(() => stubChartSize());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rehab = templateVersion("rehab");
const source = "Bruger du kommunens rygestopkursus?";
const follow = "Hvis ja: hvordan fungerer det?";
const version = unwrap(
  applyEdits(
    rehab,
    [
      {
        op: "add",
        question: {
          id: "lokal.rygestop",
          type: "single",
          text: { da: source, en: "Do you use the smoking cessation course?" },
          required: true,
          options: [
            { code: "ja", label: { da: "Ja", en: "Yes" } },
            { code: "nej", label: { da: "Nej", en: "No" } },
          ],
        },
      },
      {
        op: "add",
        question: {
          id: "lokal.hvordan",
          type: "text",
          text: { da: follow },
          required: false,
          maxLength: 500,
          showIf: { question: "lokal.rygestop", anyOf: ["ja"] },
        },
      },
    ],
    { label: "Klynge Syd, marts 2027" },
  ),
);
const round: Round = {
  id: "klynge-syd.2027-03",
  label: "Baseline, marts 2027",
  cluster: "Klynge Syd",
  versionHash: version.hash,
};

/** Six GPs answered «Ja» (and were asked the follow-up), five «Nej»: every count at least k = 5, so nothing is withheld (with two «Nej» the follow-up's asked would give «Ja» away and is withheld). */
function report(): Report {
  const responses: Response[] = Array.from({ length: 11 }, (_, i) => {
    const yes = i < 6;
    const answers: Record<string, Answer> = {
      "lokal.rygestop": { choice: yes ? "ja" : "nej" },
      ...(yes ? { "lokal.hvordan": { text: `Svar ${i}` } } : {}),
    };
    return {
      schemaVersion: 1,
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
      roundId: round.id,
      versionHash: version.hash,
      channel: "embed",
      startedAt: "2027-03-04T09:00:00.000Z",
      submittedAt: "2027-03-04T09:04:00.000Z",
      answers,
    };
  });
  return unwrap(aggregate({ rounds: [round], versions: [version], responses, k: 5 }));
}

const condition = `Spurgt dem, der svarede «Ja» på «${source}».`;

describe("a conditional question's results", () => {
  it("say on the results page and the tablet whom it was asked, and how many of the respondents", () => {
    const data = report();
    const page = render(
      <ReportView
        report={data}
        referrals={null}
        generatedAt={generatedAt}
        locale="da"
        text={coordinatorMessages.da}
        chartWidth={800}
      />,
    );
    const article = within(page.container).getByRole("article", { name: follow });
    expect(within(article).getByText(condition)).toBeTruthy();
    expect(within(article).getByText("Spurgt 6 af 11")).toBeTruthy();
    expect(within(article).getByText("Besvaret af 6")).toBeTruthy();
    // A question asked of everyone says nothing of the kind.
    const sourceArticle = within(page.container).getByRole("article", { name: source });
    expect(within(sourceArticle).queryByText(/^Spurgt/)).toBeNull();
    cleanup();

    const tablet = render(<ReportResults report={data} locale="da" />);
    const onTablet = within(tablet.container).getByRole("article", { name: follow });
    expect(within(onTablet).getByText(condition)).toBeTruthy();
    expect(within(onTablet).getByText("Spurgt 6 af 11")).toBeTruthy();
  });

  it("say it in English too", () => {
    render(<ReportResults report={report()} locale="en" />);
    expect(
      within(document.body).getByText(
        "Asked those who answered “Yes” to “Do you use the smoking cessation course?”.",
      ),
    ).toBeTruthy();
    expect(within(document.body).getByText("Asked 6 of 11")).toBeTruthy();
  });

  it("say it on the question's slide of the deck", async () => {
    const deck = await unzipDeck({
      report: report(),
      referrals: null,
      locale: "da",
      generatedAt,
      plan: null,
    });
    const slides = deck.slides.map(textOf);
    const followSlides = slides.filter((text) => text.includes(follow));
    expect(followSlides.length).toBeGreaterThan(0);
    expect(followSlides[0]).toContain(`${condition} · Spurgt 6 af 11`);
    expect(slides.filter((text) => text.includes(condition))).toHaveLength(1);
  });
});
