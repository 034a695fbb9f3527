import { templateVersion } from "@klynge/question-bank";
import { matrixRowsReport } from "@klynge/test-support/responses";
import { describe, expect, it } from "vitest";
import { chartGroups, hasFigures } from "../../report/chartGroups.js";

describe("chartGroups: a matrix question (akut)", () => {
  const report = matrixRowsReport(templateVersion("akut"));
  const behov = report.questions.find((q) => q.id === "akut.behov");

  it("gives one chart group per row, with the row's own respondents", () => {
    const groups = behov === undefined ? null : chartGroups(behov);
    expect(groups?.map((g) => g.key)).toEqual([
      "akut-sygdom",
      "kronisk-sygdom",
      "psykisk-sygdom",
      "komplekse-tilstande",
    ]);
    expect(groups?.[0]?.answered).toEqual([{ status: "shown", value: 6 }]);
    // All 6 rated "Godt": withheld in a group under 10 (the engine's group-disclosure rule).
    expect(groups?.[0]?.bars.find((b) => b.code === "godt")?.values).toEqual([{ kind: "hidden" }]);
    expect(groups?.[2]?.answered).toEqual([{ status: "suppressed", reason: "few_respondents" }]);
    expect(groups?.[3]?.bars.every((b) => b.values[0]?.kind === "none")).toBe(true);
    expect(groups?.map((g) => hasFigures(g))).toEqual([true, true, false, false]);
  });

  it("has no chart for a free-text question", () => {
    const text = report.questions.find((q) => q.type === "text");
    expect(text).toBeDefined();
    expect(text === undefined ? undefined : chartGroups(text)).toBeNull();
  });
});
