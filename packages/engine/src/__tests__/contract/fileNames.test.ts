import { describe, expect, it } from "vitest";
import { answersFileName } from "../../contract/fileNames.js";

describe("answersFileName", () => {
  it("names the spreadsheet by the round's label, Danish letters kept", () => {
    expect(answersFileName("Baseline, marts 2027 – Åbenrå")).toBe(
      "Svar – Baseline, marts 2027 – Åbenrå.xlsx",
    );
  });

  it("replaces what a file system or a header would not take, and never comes out empty", () => {
    expect(answersFileName('Runde 1/2: "test"\r\n<a>|b?*')).toBe(
      "Svar – Runde 1-2- -test-a-b-.xlsx",
    );
    expect(answersFileName("  ")).toBe("Svar – runde.xlsx");
    expect(answersFileName("x".repeat(300))).toBe(`Svar – ${"x".repeat(100)}.xlsx`);
  });
});
