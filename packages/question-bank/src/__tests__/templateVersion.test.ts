import { createVersion, hashPattern, parseQuestionnaireVersion } from "@klynge/engine";
import { describe, expect, it } from "vitest";
import { templateIds } from "../bank.js";
import { getTemplate, type TemplateId, templateVersion } from "../index.js";

// Pinned on purpose: a failure here means a bank text, option or code changed. That is a new
// questionnaire — bump the template's semver, describe the change in the README, then update
// the hash here.
const pinnedHashes: Record<TemplateId, string> = {
  rehab: "35f01f53aaa504dc18cab6771450414458ac99539fd07578e4fa349c52afb8bb",
  akut: "efcdf2eee6145f2e0918d7bba07e4a821bda1b6d42d8de396f7da38058153108",
};

describe.each(templateIds.map((id) => [id] as const))("templateVersion(%s)", (id) => {
  it("has the pinned 64-hex content hash", () => {
    const version = templateVersion(id);
    expect(version.hash).toMatch(hashPattern);
    expect(version.hash).toBe(pinnedHashes[id]);
  });

  it("hashes the template's questionnaire as it is", () => {
    const template = getTemplate(id);
    expect(template).toBeDefined();
    if (template === undefined) return;
    expect(templateVersion(id).questionnaire).toEqual(template.questionnaire);
    // The hash is of the questionnaire alone: another label or lineage gives the same.
    const again = createVersion(template.questionnaire, { label: "Samme indhold" });
    expect(again.success && again.data.hash).toBe(templateVersion(id).hash);
  });

  it("points its lineage at the template and labels itself with the title and semver", () => {
    const template = getTemplate(id);
    const version = templateVersion(id);
    expect(version.lineage).toEqual({
      base: null,
      edits: [],
      template: { id, semver: template?.semver },
    });
    expect(version.label).toBe(`KiAP skabelon: ${template?.title.da} ${template?.semver}`);
  });

  it("is made once and reused", () => {
    expect(templateVersion(id)).toBe(templateVersion(id));
  });

  it("survives a round trip through storage", () => {
    const stored: unknown = JSON.parse(JSON.stringify(templateVersion(id)));
    const read = parseQuestionnaireVersion(stored);
    expect(read.success && read.data).toEqual(templateVersion(id));
  });
});

describe("templateVersion", () => {
  it("gives the two templates different hashes", () => {
    expect(templateVersion("rehab").hash).not.toBe(templateVersion("akut").hash);
  });

  it("throws, naming the known ids, for an id outside the bank", () => {
    expect(() => templateVersion("diabetes" as TemplateId)).toThrow(
      /unknown template id "diabetes"; the bank has rehab, akut/,
    );
  });
});
