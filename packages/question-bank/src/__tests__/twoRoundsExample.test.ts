import { readFileSync } from "node:fs";
import { parseReport, type QuestionReport } from "@klynge/engine";
import { beforeAll, describe, expect, it } from "vitest";
import { templateVersion } from "../index.js";
import { between, engineReadmeUrl, runExample } from "./readmeExample.js";

// The engine README's second example: two rounds aggregated and compared. It lives in the bank
// for the same reason as rehab-edit.ts: it needs the bank, which depends on the engine.
const exampleUrl = new URL("../../examples/two-rounds.ts", import.meta.url);
const readmeUrl = engineReadmeUrl;

type Example = typeof import("../../examples/two-rounds.js");

describe("the engine README's two-round example (examples/two-rounds.ts)", () => {
  let logged: string[] = [];
  let example: Example;

  beforeAll(async () => {
    ({ module: example, logged } = await runExample(() => import("../../examples/two-rounds.js")));
  });

  const question = (id: string): QuestionReport => {
    const found = example.report.questions.find((q) => q.id === id);
    if (found === undefined) throw new Error(`no question ${id} in the report`);
    return found;
  };
  const compared = (id: string) => {
    const found = example.report.comparisons[0]?.questions.find((q) => q.id === id);
    if (found === undefined) throw new Error(`no comparison of ${id} in the report`);
    return found;
  };

  it("runs the baseline on the template and the follow-up on the edited version", () => {
    const template = templateVersion("rehab");
    const [baseline, followUp] = example.report.rounds;
    expect(baseline?.versions).toEqual([template.hash]);
    expect(followUp?.versions).toEqual([example.followUpVersion.hash]);
    expect(example.followUpVersion.lineage.base).toBe(template.hash);
  });

  it("counts 10 and 12 respondents of 14 invited, and rejects the uploaded copy", () => {
    const [baseline, followUp] = example.report.rounds;
    expect(baseline?.respondents).toEqual({ status: "shown", value: 10 });
    expect(baseline?.responseRate).toEqual({ status: "shown", value: 10 / 14 });
    expect(baseline?.rejected).toEqual([]);
    expect(followUp?.respondents).toEqual({ status: "shown", value: 12 });
    expect(followUp?.responseRate).toEqual({ status: "shown", value: 12 / 14 });
    expect(followUp?.rejected.map((r) => r.codes)).toEqual([["duplicate_response"]]);
  });

  it("gives the mean of rehab.kendskab in both rounds and its change", () => {
    const mean = compared("rehab.kendskab").means[0]?.mean;
    if (mean?.status !== "shown") throw new Error(`mean change not shown: ${JSON.stringify(mean)}`);
    expect(mean.baseline).toBe(2.5); // 5 × "I nogen grad" (3) + 5 × "I mindre grad" (2)
    expect(mean.followUp).toBeCloseTo(41 / 12, 12); // 5 × 4 + 7 × 3
    expect(mean.change).toBeCloseTo(41 / 12 - 2.5, 12);
    const perRound = question("rehab.kendskab").perRound;
    expect(perRound.map((r) => ("mean" in r ? r.mean : undefined))).toEqual([
      { status: "shown", value: 2.5, n: 10 },
      { status: "shown", value: 41 / 12, n: 12 },
    ]);
  });

  it("gives multiple-choice shares of respondents, not of ticks", () => {
    const share = (code: string) =>
      compared("rehab.henvisningsmaade").options.find((o) => o.code === code)?.share;
    expect(share("elektronisk-henvisning")).toEqual({
      status: "shown",
      baseline: 0.6,
      followUp: 10 / 12,
      change: 10 / 12 - 0.6,
    });
    expect(share("patienten-selv")).toEqual({
      status: "shown",
      baseline: 0.6,
      followUp: 5 / 12,
      change: 5 / 12 - 0.6,
    });
  });

  it("withholds a small count and its change, and says why", () => {
    const followUp = question("rehab.barrierer").perRound[1];
    if (followUp?.type !== "multi") throw new Error("rehab.barrierer is multiple choice");
    expect(followUp.answered).toEqual({ status: "shown", value: 8 });
    expect(followUp.options.find((o) => o.code === "manglende-kendskab")?.cell).toEqual({
      status: "suppressed",
      reason: "small_cell",
    });
    expect(followUp.options.find((o) => o.code === "ventetid")?.cell).toEqual({
      status: "shown",
      count: 6,
      share: 0.75,
    });
    const change = compared("rehab.barrierer").options.find((o) => o.code === "manglende-kendskab");
    expect(change?.share).toEqual({ status: "suppressed", reason: "derived" });
    const notes = example.report.suppressed.filter((n) => n.questionId === "rehab.barrierer");
    expect(notes.map((n) => [n.roundId, n.optionCode, n.reason])).toEqual([
      ["syd-2027-10", "manglende-kendskab", "small_cell"],
    ]);
    expect(notes[0]?.message.da).toContain("færre end 5");
  });

  it("counts a question only in the round that asked it", () => {
    expect(question("rehab.oplysninger").perRound.map((r) => r.type)).toEqual([
      "multi",
      "not_asked",
    ]);
    expect(question("vejle.ventetid").perRound.map((r) => r.type)).toEqual(["not_asked", "rating"]);
    expect(example.report.comparisons[0]).toMatchObject({
      added: ["vejle.ventetid"],
      removed: ["rehab.oplysninger"],
    });
  });

  it("produces a report that reads back through the public schema", () => {
    const read = parseReport(JSON.parse(JSON.stringify(example.report)));
    expect(read.success).toBe(true);
  });

  it("prints the summary", () => {
    expect(logged).toEqual([
      "Baseline, marts 2027: 10 of 14 answered (71 %); rejected: none",
      "Opfølgning, oktober 2027: 12 of 14 answered (86 %); rejected: duplicate_response",
      "rehab.kendskab",
      "  I høj grad: 0 % → 42 % (+42 points)",
      "  I nogen grad: 50 % → 58 % (+8 points)",
      "  I mindre grad: 50 % → 0 % (-50 points)",
      "  mean: 2.50 → 3.42 (+0.92)",
      "rehab.henvisningsmaade",
      "  Elektronisk kommunal henvisning fra lægesystemet: 60 % → 83 % (+23 points)",
      "  Patienten opfordres til selv at kontakte kommunen: 60 % → 42 % (-18 points)",
      "rehab.barrierer",
      "  Manglende kendskab til tilbuddene: withheld (derived)",
      "  Ventetid: 50 % → 75 % (+25 points)",
      "added: vejle.ventetid",
      "removed: rehab.oplysninger",
    ]);
  });

  it("is embedded in the engine README verbatim", () => {
    const readme = readFileSync(readmeUrl, "utf8");
    const source = readFileSync(exampleUrl, "utf8");
    const embedded = between(
      readme,
      "<!-- example:two-rounds:start -->",
      "<!-- example:two-rounds:end -->",
    );
    expect(embedded, "copy examples/two-rounds.ts into the README between the markers").toBe(
      `\n\`\`\`ts\n${source}\`\`\`\n`,
    );
  });

  it("shows in the engine README exactly what it prints", () => {
    const readme = readFileSync(readmeUrl, "utf8");
    const output = between(
      readme,
      "<!-- example:two-rounds:output:start -->",
      "<!-- example:two-rounds:output:end -->",
    );
    expect(output, "paste the example's output into the README between the output markers").toBe(
      `\n\`\`\`text\n${logged.join("\n")}\n\`\`\`\n`,
    );
  });
});
