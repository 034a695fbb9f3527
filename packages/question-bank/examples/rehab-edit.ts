import { applyEdits, diff, formatIssue, formatPath } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";

// KiAP's draft of the rehabilitation questionnaire, sealed as a version.
const template = templateVersion("rehab");

// The cluster drops one question and the municipality adds its own as the third.
const result = applyEdits(
  template,
  [
    { op: "remove", questionId: "rehab.oplysninger" },
    {
      op: "add",
      at: 2,
      question: {
        id: "vejle.ventetid",
        type: "rating",
        text: {
          da: "Hvor lang ventetid oplever dine patienter på kommunens rehabiliteringstilbud?",
        },
        options: [
          { code: "under-2-uger", label: { da: "Under 2 uger" }, ordinal: 3 },
          { code: "2-4-uger", label: { da: "2-4 uger" }, ordinal: 2 },
          { code: "over-4-uger", label: { da: "Over 4 uger" }, ordinal: 1 },
          { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow" },
        ],
      },
    },
  ],
  { label: "Klynge Syd + Vejle Kommune, marts 2027" },
);

// Bad edits come back as issues (code, path, parameters); nothing throws. Words at the edge.
if (!result.success) {
  for (const issue of result.issues) {
    console.error(`${formatPath(issue.path)}: ${formatIssue(issue, "da")}`);
  }
  throw new Error("The local edits were refused.");
}

export const edited = result.data;
export const changes = diff(template, edited);

console.log(`${edited.label}: ${edited.hash}`);
console.log(JSON.stringify(changes, null, 2));
