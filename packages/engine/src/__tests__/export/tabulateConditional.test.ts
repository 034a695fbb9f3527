import { unwrap } from "@klynge/test-support/unwrap";
import { describe, expect, it } from "vitest";
import { tabulateResponses } from "../../export/tabulateResponses.js";
import { applyEdits } from "../../versions/applyEdits.js";
import { response, uuid, v1 } from "./exportFixtures.js";

// A conditional question's empty cells mean "not asked" for those its condition did not show: the
// codebook says so beside the question's type.

const version = unwrap(
  applyEdits(
    v1,
    [
      {
        op: "add",
        question: {
          id: "lokal.hvilke",
          type: "text",
          text: { da: "Hvis læge: hvilke opgaver?" },
          showIf: { question: "rehab.rolle", anyOf: ["laege", "sygeplejerske"] },
        },
      },
    ],
    { label: "Klynge Syd" },
  ),
);

describe("tabulateResponses, conditional questions", () => {
  it("says in the codebook whom a conditional question was asked; other questions' type cells stay as they were", () => {
    const { codebook } = tabulateResponses({
      versions: [version],
      responses: [
        response(
          version,
          { "rehab.rolle": { choice: "andet", otherText: "Sekretær" } },
          { id: uuid(1), roundId: "syd.2027-03" },
        ),
      ],
    });
    const typeOf = (question: string) =>
      codebook.rows.find((row) => row[1] === question)?.[2] ?? null;
    expect(typeOf("Hvis læge: hvilke opgaver?")).toBe(
      `Fritekst; stillet kun til dem, der svarede «Læge» eller «Sygeplejerske» på «${
        v1.questionnaire.questions.find((q) => q.id === "rehab.rolle")?.text.da
      }» (ellers tom)`,
    );
    const rolle = v1.questionnaire.questions.find((q) => q.id === "rehab.rolle")?.text.da ?? "";
    expect(typeOf(rolle)).toBe("Ét svar");
  });
});
