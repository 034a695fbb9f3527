import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { canonicalJson, hashPattern, parseQuestionnaireVersion } from "@klynge/engine";
import { beforeAll, describe, expect, it } from "vitest";
import { templateVersion } from "../index.js";
import { between, engineReadmeUrl, runExample } from "./readmeExample.js";

// The engine README's example lives here because it needs the bank, and the bank depends on
// the engine: the engine cannot depend on the bank without a cycle.
const exampleUrl = new URL("../../examples/rehab-edit.ts", import.meta.url);
const readmeUrl = engineReadmeUrl;

type Example = typeof import("../../examples/rehab-edit.js");

describe("the engine README's example (examples/rehab-edit.ts)", () => {
  let logged: string[] = [];
  let example: Example;

  beforeAll(async () => {
    ({ module: example, logged } = await runExample(() => import("../../examples/rehab-edit.js")));
  });

  it("removes one template question and adds the local one as the third", () => {
    const template = templateVersion("rehab");
    const ids = template.questionnaire.questions
      .map((q) => q.id)
      .filter((id) => id !== "rehab.oplysninger");
    ids.splice(2, 0, "vejle.ventetid");
    expect(example.edited.questionnaire.questions.map((q) => q.id)).toEqual(ids);
    expect(example.edited.label).toBe("Klynge Syd + Vejle Kommune, marts 2027");
    expect(example.edited.lineage.base).toBe(template.hash);
    expect(example.edited.lineage.edits.map((edit) => edit.op)).toEqual(["remove", "add"]);
  });

  it("gives the diff: one added, one removed, nothing moved or changed, the rest comparable", () => {
    const template = templateVersion("rehab");
    expect(example.changes).toEqual({
      added: ["vejle.ventetid"],
      removed: ["rehab.oplysninger"],
      moved: [],
      changed: [],
      comparable: template.questionnaire.questions
        .map((q) => q.id)
        .filter((id) => id !== "rehab.oplysninger"),
    });
  });

  it("has a content hash that node:crypto agrees with and that survives storage", () => {
    const { edited } = example;
    expect(edited.hash).toMatch(hashPattern);
    expect(edited.hash).toBe(
      createHash("sha256").update(canonicalJson(edited.questionnaire), "utf8").digest("hex"),
    );
    const read = parseQuestionnaireVersion(JSON.parse(JSON.stringify(edited)));
    expect(read.success && read.data.hash).toBe(edited.hash);
  });

  it("prints the label with the hash, then the diff", () => {
    expect(logged).toEqual([
      `Klynge Syd + Vejle Kommune, marts 2027: ${example.edited.hash}`,
      JSON.stringify(example.changes, null, 2),
    ]);
  });

  it("is embedded in the engine README verbatim", () => {
    const readme = readFileSync(readmeUrl, "utf8");
    const source = readFileSync(exampleUrl, "utf8");
    const embedded = between(
      readme,
      "<!-- example:rehab-edit:start -->",
      "<!-- example:rehab-edit:end -->",
    );
    expect(embedded, "copy examples/rehab-edit.ts into the README between the markers").toBe(
      `\n\`\`\`ts\n${source}\`\`\`\n`,
    );
  });

  it("shows in the engine README exactly what it prints", () => {
    const readme = readFileSync(readmeUrl, "utf8");
    const output = between(
      readme,
      "<!-- example:rehab-edit:output:start -->",
      "<!-- example:rehab-edit:output:end -->",
    );
    expect(output, "paste the example's output into the README between the output markers").toBe(
      `\n\`\`\`text\n${logged.join("\n")}\n\`\`\`\n`,
    );
  });
});
