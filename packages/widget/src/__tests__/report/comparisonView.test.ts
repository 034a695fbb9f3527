import { aggregate, type Report, type Response, type Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { changeCells } from "../../report/changeText.js";
import { comparisonView } from "../../report/comparisonView.js";
import { reportMessages } from "../../report/reportMessages.js";

const rehab = templateVersion("rehab");
const round = (id: string, label: string): Round => ({
  id,
  label,
  cluster: "Klynge Syd",
  versionHash: rehab.hash,
});
const baseline = round("syd.2027-03", "Baseline");
const followUp = round("syd.2027-10", "Opfølgning");

function response(of: Round, n: number, answers: Response["answers"]): Response {
  return {
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${of === baseline ? "a" : "b"}${n.toString(16).padStart(11, "0")}`,
    roundId: of.id,
    versionHash: rehab.hash,
    channel: "kiosk",
    startedAt: "2027-03-04T09:00:00.000Z",
    answers,
  };
}

// "Kendskab" is answered by 12 in the baseline and by nobody in the follow-up (which answered
// only "oplysninger"); "barrierer" is answered by nobody in either round.
const report: Report = unwrap(
  aggregate({
    responses: [
      ...Array.from({ length: 12 }, (_, i) =>
        response(baseline, i, {
          "rehab.kendskab": { choice: i < 6 ? "i-nogen-grad" : "i-mindre-grad" },
          "rehab.oplysninger": { choices: ["kolleger"] },
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        response(followUp, i, { "rehab.oplysninger": { choices: ["kolleger"] } }),
      ),
    ],
    rounds: [baseline, followUp],
    versions: [rehab],
    k: 5,
  }),
);
const comparison = report.comparisons[0];
const view = comparison === undefined ? undefined : comparisonView(report, comparison);
const question = (id: string) => view?.questions.find((q) => q.id === id);

describe("comparisonView", () => {
  it("leaves out a question nobody answered in either round: there is nothing to compare", () => {
    expect(view).toBeDefined();
    expect(question("rehab.barrierer")).toBeUndefined();
  });

  it("shows the baseline's figure, no figure for a round nobody answered, and says why", () => {
    const lines = question("rehab.kendskab")?.lines ?? [];
    const nogen = lines.find((l) => l.option?.da === "I nogen grad");
    expect(nogen?.baseline).toEqual({ status: "shown", value: 0.5 });
    expect(nogen?.followUp).toEqual({ status: "none" });
    const cells = nogen === undefined ? undefined : changeCells(nogen, "da", reportMessages.da, 5);
    expect(cells).toEqual({
      label: "I nogen grad",
      baseline: "50\u00a0%",
      followUp: "–",
      change: "skjult",
      why: "Ingen ændring vist: ingen har besvaret spørgsmålet i den ene runde.",
    });
  });
});
