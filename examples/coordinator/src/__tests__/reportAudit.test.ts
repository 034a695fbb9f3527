import { auditReport, auditReports } from "@klynge/engine";
import { describe, expect, it } from "vitest";
import { oneRoundReport, rehab, twoRoundReport } from "./fixtures/report.js";

describe("the reports the pages and the deck are tested on", () => {
  it("pass the engine's audit, alone and together (the same rounds, the same k)", () => {
    const versions = [rehab];
    expect(auditReport(twoRoundReport, { versions })).toEqual({ success: true, data: [] });
    expect(auditReport(oneRoundReport, { versions })).toEqual({ success: true, data: [] });
    expect(auditReports([oneRoundReport, twoRoundReport], { versions })).toEqual({
      success: true,
      data: [],
    });
  });
});
