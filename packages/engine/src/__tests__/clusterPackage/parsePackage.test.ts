import { assertProperty } from "@klynge/test-support/property";
import { makeQuestionnaire } from "@klynge/test-support/questionnaires";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClusterPackageInput } from "../../clusterPackage/clusterPackage.js";
import { parseMeetingPlan, parsePackage } from "../../clusterPackage/parsePackage.js";
import { undiscussedQuestions } from "../../clusterPackage/undiscussedQuestions.js";
import { formatIssue } from "../../issues/formatIssue.js";
import { expectSingleIssue, expectWellFormed, issuesOf } from "../fixtures/issues.js";
import { arbJunk } from "../fixtures/junk.js";

const da = (text: string) => ({ da: text });

/** A small package on the test questionnaire (rehab.kendskab, .kanaler, .rolle, .kommentar, .grupper). */
function makePackage(): Doc {
  const input: ClusterPackageInput = {
    format: "klynge-package",
    formatVersion: 1,
    id: "test",
    title: { da: "Testpakke", en: "Test package" },
    template: makeQuestionnaire(),
    plan: {
      items: [
        { kind: "introduction", title: da("Introduktion"), minutes: 10 },
        {
          kind: "block",
          title: da("Kommunens tilbud"),
          minutes: 60,
          questions: ["rehab.kendskab", "rehab.kanaler"],
          referrals: true,
          talks: [{ by: "municipality", title: da("Oplæg fra kommunen"), minutes: 25 }],
          reflections: [da("Skal vi henvise flere?")],
          dialog: da("Er der noget, der skal ændres?"),
        },
        { kind: "pause", title: da("Pause"), minutes: 20, draft: true },
        {
          kind: "block",
          title: da("Henvisningsprocedurer"),
          minutes: 20,
          questions: ["rehab.rolle"],
          talks: [{ by: "municipality", title: da("Oplæg"), minutes: 5, at: "end" }],
          dialog: da("Skal procedurerne justeres?"),
        },
        {
          kind: "follow-up",
          title: da("Opsamling og opfølgning"),
          minutes: 20,
          actions: [{ kind: "klu-agenda", text: da("Sæt resultatet på KLU-dagsordenen.") }],
        },
      ],
    },
  };
  return input as Doc;
}

/** A package to break: its items loosely typed, so a test may put anything in them. */
type Doc = Omit<ClusterPackageInput, "template" | "plan"> & {
  template: ReturnType<typeof makeQuestionnaire>;
  plan: { minutes?: number; items: Record<string, unknown>[] };
};

describe("parsePackage accepts", () => {
  it("a package, filling in the defaults and the plan's minutes", () => {
    const result = parsePackage(makePackage());
    if (!result.success) expect.fail(JSON.stringify(result.issues));
    const { plan, template } = result.data;
    expect(plan.minutes).toBe(130);
    expect(template.questions.map((q) => q.id)).toContain("rehab.kommentar");
    const [, block] = plan.items;
    if (block?.kind !== "block") expect.fail("item 1 is a block");
    expect(block.talks[0]?.at).toBe("start");
    expect(block.points).toEqual([]);
    expect(plan.items[2]?.draft).toBe(true);
  });

  it("a stated total that is the sum of the items", () => {
    const doc = makePackage();
    doc.plan.minutes = 130;
    expect(parsePackage(doc).success).toBe(true);
  });

  it("its own output, printed as JSON, unchanged", () => {
    const first = parsePackage(makePackage());
    expect(parsePackage(JSON.parse(JSON.stringify(first.success && first.data)))).toEqual(first);
  });

  it("and says which questions no block discusses, in questionnaire order", () => {
    const result = parsePackage(makePackage());
    if (!result.success) expect.fail("valid");
    expect(
      undiscussedQuestions(result.data.plan, result.data.template.questions).map((q) => q.id),
    ).toEqual(["rehab.kommentar", "rehab.grupper"]);
  });
});

/** A change to a valid package, the one issue it must give, and words of its Danish text. */
const refusals: [string, (doc: Doc) => void, Record<string, unknown>, string][] = [
  [
    "a question the template lacks",
    (doc) => {
      (doc.plan.items[3] as { questions: string[] }).questions.push("rehab.ukendt");
    },
    {
      code: "plan_unknown_question",
      path: ["plan", "items", 3, "questions", 1],
      value: "rehab.ukendt",
    },
    'Mødeplanen nævner spørgsmålet "rehab.ukendt", som ikke findes i spørgeskemaet.',
  ],
  [
    "a question in two blocks",
    (doc) => {
      (doc.plan.items[3] as { questions: string[] }).questions.push("rehab.kendskab");
    },
    { code: "question_in_two_blocks", path: ["plan", "items", 3, "questions", 1], block: 1 },
    'Spørgsmålet "rehab.kendskab" drøftes allerede i punkt 2 af mødeplanen; et spørgsmål hører til én blok.',
  ],
  [
    "zero minutes",
    (doc) => {
      (doc.plan.items[0] as { minutes: number }).minutes = 0;
    },
    { code: "invalid_minutes", path: ["plan", "items", 0, "minutes"], limit: 600, received: "0" },
    "Minuttallet skal være et helt tal fra 1 til 600 (fik 0).",
  ],
  [
    "fractional minutes of a talk",
    (doc) => {
      const block = doc.plan.items[1] as { talks: { minutes: number }[] };
      (block.talks[0] as { minutes: number }).minutes = 2.5;
    },
    { code: "invalid_minutes", path: ["plan", "items", 1, "talks", 0, "minutes"], received: "2.5" },
    "Minuttallet skal være et helt tal fra 1 til 600 (fik 2.5).",
  ],
  [
    "minutes as text",
    (doc) => {
      (doc.plan.items[2] as { minutes: unknown }).minutes = "20";
    },
    { code: "invalid_type", path: ["plan", "items", 2, "minutes"], expected: "number" },
    "Forventede et tal",
  ],
  [
    "talks longer than their block",
    (doc) => {
      (doc.plan.items[3] as { minutes: number }).minutes = 4;
    },
    { code: "talks_exceed_block", path: ["plan", "items", 3, "talks"], limit: 4, received: "5" },
    "Oplæggene varer tilsammen 5 minutter, men blokken kun 4.",
  ],
  [
    "a stated total that is not the sum",
    (doc) => {
      doc.plan.minutes = 150;
    },
    { code: "plan_minutes_mismatch", path: ["plan", "minutes"], expected: "150", received: "130" },
    "Mødeplanen siger 150 minutter, men punkterne varer tilsammen 130.",
  ],
  [
    "an item of an unknown kind",
    (doc) => {
      doc.plan.items[2] = { kind: "frokost", title: da("Frokost"), minutes: 30 };
    },
    { code: "invalid_value", path: ["plan", "items", 2, "kind"] },
    "introduction | block | pause | follow-up",
  ],
  [
    "a block without its closing dialog question",
    (doc) => {
      delete doc.plan.items[1]?.dialog;
    },
    { code: "invalid_type", path: ["plan", "items", 1, "dialog"], expected: "object" },
    "Forventede et objekt",
  ],
  [
    "an unknown key on an item",
    (doc) => {
      (doc.plan.items[0] as Record<string, unknown>).varighed = 10;
    },
    { code: "unknown_key", path: ["plan", "items", 0, "varighed"], value: "varighed" },
    'Ukendt felt "varighed".',
  ],
  [
    "an empty plan",
    (doc) => {
      doc.plan.items = [];
    },
    { code: "too_small", path: ["plan", "items"], limit: 1 },
    "mindst 1",
  ],
  [
    "another format",
    (doc) => {
      (doc as { format: string }).format = "klynge-questionnaire";
    },
    { code: "invalid_value", path: ["format"] },
    "klynge-package",
  ],
  [
    "an invalid template, reported under template",
    (doc) => {
      (doc.template.questions[1] as { id: string }).id = "rehab.kendskab";
    },
    { code: "duplicate_question_id", path: ["template", "questions", 1, "id"] },
    'Spørgsmåls-id\'et "rehab.kendskab" findes allerede.',
  ],
];

describe("parsePackage refuses", () => {
  it.each(refusals)("%s", (_, change, expected, danish) => {
    const doc = makePackage();
    change(doc);
    const issue = expectSingleIssue(parsePackage(doc), expected);
    expect(formatIssue(issue, "da")).toContain(danish);
  });

  it.each([2, 0, "1", null])("formatVersion %j, clearly and alone", (formatVersion) => {
    const doc = { ...makePackage(), formatVersion, plan: "a future plan shape" };
    const issue = expectSingleIssue(parsePackage(doc), {
      code: "unsupported_format_version",
      path: ["formatVersion"],
      expected: "1",
    });
    expect(formatIssue(issue, "da")).toMatch(
      /^Pakkefilen er i formatversion .+, men kan kun læses i version 1; den kræver en nyere udgave af Klynge\.$/,
    );
  });

  it("a missing formatVersion as a wrong value, naming the one it reads", () => {
    const { formatVersion: _, ...doc } = makePackage();
    const issue = expectSingleIssue(parsePackage(doc), {
      code: "invalid_value",
      path: ["formatVersion"],
      expected: "1",
    });
    expect(formatIssue(issue, "da")).toBe("Ugyldig værdi; tilladt er 1 (fik undefined).");
  });

  it.each([[null], [[]], ["klynge-package"], [42]])("%j as no package", (input) => {
    expectSingleIssue(parsePackage(input), { code: "invalid_type", path: [] });
  });

  it("reports every problem at once", () => {
    const doc = makePackage();
    (doc.plan.items[0] as { minutes: number }).minutes = -1;
    (doc.plan.items[3] as { questions: string[] }).questions.push("rehab.ukendt", "rehab.kanaler");
    const issues = issuesOf(parsePackage(doc));
    expectWellFormed(issues);
    expect(issues.map((i) => i.code)).toEqual([
      "invalid_minutes",
      "plan_unknown_question",
      "question_in_two_blocks",
    ]);
  });
});

describe("parsePackage properties", () => {
  const ids = [
    "rehab.kendskab",
    "rehab.kanaler",
    "rehab.rolle",
    "rehab.kommentar",
    "rehab.grupper",
  ];
  // For each question: -1 (no block) or the block (0 or 1) that discusses it.
  const arbAssignment = fc.array(fc.integer({ min: -1, max: 1 }), {
    minLength: ids.length,
    maxLength: ids.length,
  });

  function withBlocks(assignment: readonly number[], extra?: string): Doc {
    const doc = makePackage();
    const blocks = [doc.plan.items[1], doc.plan.items[3]] as { questions: string[] }[];
    for (const block of blocks) block.questions = [];
    ids.forEach((id, i) => {
      const block = blocks[assignment[i] ?? -1];
      block?.questions.push(id);
    });
    if (extra !== undefined) blocks[1]?.questions.push(extra);
    return doc;
  }

  it("accepts any split of the questions into blocks; the rest are undiscussed", () => {
    assertProperty(
      fc.property(arbAssignment, (assignment) => {
        const result = parsePackage(withBlocks(assignment));
        if (!result.success) return false;
        const rest = ids.filter((_, i) => assignment[i] === -1);
        return (
          JSON.stringify(
            undiscussedQuestions(result.data.plan, result.data.template.questions).map((q) => q.id),
          ) === JSON.stringify(rest)
        );
      }),
    );
  });

  it("refuses a question named in a second block, naming the first", () => {
    assertProperty(
      fc.property(arbAssignment, fc.nat({ max: ids.length - 1 }), (assignment, pick) => {
        const first = [...assignment];
        first[pick] = 0;
        const id = ids[pick] as string;
        const issues = issuesOf(parsePackage(withBlocks(first, id)));
        expect(issues).toEqual([
          expect.objectContaining({ code: "question_in_two_blocks", value: id, block: 1 }),
        ]);
      }),
    );
  });

  it("never throws on junk; issues are coded and translated", () => {
    assertProperty(
      fc.property(arbJunk, (input) => {
        const result = parsePackage(input);
        if (!result.success) expectWellFormed(result.issues);
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseMeetingPlan: a plan alone, for a questionnaire", () => {
  it("reads a package's plan for its questionnaire and sums its minutes", () => {
    const doc = makePackage();
    const result = parseMeetingPlan(doc.plan, makeQuestionnaire());
    expect(result.success).toBe(true);
    if (!result.success) return;
    const pkg = parsePackage(doc);
    expect(pkg.success && result.data).toEqual(pkg.success && pkg.data.plan);
  });

  it("refuses a block naming a question the questionnaire does not have, at the question's place", () => {
    const doc = makePackage();
    const questionnaire = makeQuestionnaire();
    const without = {
      ...questionnaire,
      questions: questionnaire.questions.filter((q) => q.id !== "rehab.kanaler"),
    };
    expect(issuesOf(parseMeetingPlan(doc.plan, without))).toEqual([
      expect.objectContaining({
        code: "plan_unknown_question",
        path: ["items", 1, "questions", 1],
        value: "rehab.kanaler",
      }),
    ]);
  });

  it("never throws on junk", () => {
    assertProperty(
      fc.property(arbJunk, (input) => {
        const result = parseMeetingPlan(input, makeQuestionnaire());
        if (!result.success) expectWellFormed(result.issues);
      }),
      { numRuns: 100 },
    );
  });
});
