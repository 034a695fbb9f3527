import { fileURLToPath } from "node:url";
import { entryNames } from "@klynge/test-support/entryNames";
import { describe, expect, it } from "vitest";
import * as entry from "../index.js";

// Every name the entry exports: a new public name, or one taken away, is a decision made here.
describe("@klynge/question-bank", () => {
  const { values, types } = entryNames(fileURLToPath(new URL("../index.ts", import.meta.url)));

  it("exports these values and no others", () => {
    expect(Object.keys(entry).sort()).toEqual(values);
    expect(values.length).toBe(5);
    expect(values).toEqual([
      "getPackage",
      "getTemplate",
      "listPackages",
      "listTemplates",
      "templateVersion",
    ]);
  });

  it("exports these types and no others", () => {
    expect(types.length).toBe(2);
    expect(types).toEqual(["Template", "TemplateId"]);
  });
});
