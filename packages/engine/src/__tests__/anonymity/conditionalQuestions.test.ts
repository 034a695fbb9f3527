import { makeResponse, versionOf } from "@klynge/test-support/responses";
import { describe, expect, it } from "vitest";
import { aggregate } from "../../aggregation/aggregate.js";
import type { Count, QuestionRoundResult, Report } from "../../aggregation/report.js";
import { auditReport } from "../../anonymity/auditReport.js";
import type { Answer, QuestionInput } from "../../questionnaire/model.js";
import type { Round } from "../../responses/round.js";
import type { QuestionnaireVersion } from "../../versions/questionnaireVersion.js";
import { uuidOf } from "../fixtures/aggregation.js";

const label = (da: string) => ({ da });

const source: QuestionInput = {
  id: "q.henviser",
  type: "single",
  text: label("Henviser du til tilbuddet?"),
  options: [
    { code: "ja", label: label("Ja") },
    { code: "nej", label: label("Nej") },
  ],
};

const multiSource: QuestionInput = {
  id: "q.kanaler",
  type: "multi",
  text: label("Hvordan henviser du?"),
  options: [
    { code: "tlf", label: label("Telefon") },
    { code: "mail", label: label("Mail") },
    { code: "ingen", label: label("Jeg henviser ikke"), kind: "none" },
  ],
};

const followUp = (on: string, anyOf: string[]): QuestionInput => ({
  id: "q.hvorfor",
  type: "single",
  text: label("Hvad virker bedst?"),
  options: [
    { code: "a", label: label("Hurtigt svar") },
    { code: "b", label: label("Nem henvisning") },
  ],
  showIf: { question: on, anyOf },
});

function versionWith(questions: QuestionInput[], name = "Udkast"): QuestionnaireVersion {
  return versionOf({ schemaVersion: 1, id: "betinget", title: label("Betinget"), questions }, name);
}

const round = (version: QuestionnaireVersion): Round => ({
  id: "syd-2027-03",
  label: "Baseline",
  cluster: "Klynge Syd",
  versionHash: version.hash,
});

/** One response per entry: (version, answers); ids in order. */
function reportOf(
  own: QuestionnaireVersion,
  answered: readonly (readonly [QuestionnaireVersion, Record<string, Answer>])[],
  versions: readonly QuestionnaireVersion[] = [own],
  k = 5,
): Report {
  const result = aggregate({
    rounds: [round(own)],
    versions: [...versions],
    responses: answered.map(([v, answers], i) =>
      makeResponse(v, answers, { id: uuidOf(i + 1), roundId: "syd-2027-03" }),
    ),
    k,
  });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

function resultOf(report: Report, id: string): QuestionRoundResult {
  return report.questions.find((q) => q.id === id)?.perRound[0] as QuestionRoundResult;
}

function countOf(result: QuestionRoundResult, figure: "asked" | "answered" | "skipped"): Count {
  if (result.type === "not_asked") throw new Error("not asked");
  return result[figure];
}

/** n answers "ja" then follow-up `a`/`b` alternately; m answers "nej". */
function yesNo(v: QuestionnaireVersion, yes: number, no: number) {
  return [
    ...Array.from(
      { length: yes },
      (_, i) =>
        [
          v,
          { "q.henviser": { choice: "ja" }, "q.hvorfor": { choice: i % 2 ? "a" : "b" } },
        ] as const,
    ),
    ...Array.from({ length: no }, () => [v, { "q.henviser": { choice: "nej" } }] as const),
  ];
}

describe("conditional questions and the anonymity audit", () => {
  const v = versionWith([source, followUp("q.henviser", ["ja"])]);

  /** «Ja» and «Nej» withheld, the follow-up's asked and skipped too, and the audit passes. */
  const expectAskedWithheld = (report: Report) => {
    const henviser = resultOf(report, "q.henviser");
    expect(henviser.type === "single" && henviser.options.map((o) => o.cell.status)).toEqual([
      "suppressed",
      "suppressed",
    ]);
    expect(countOf(resultOf(report, "q.hvorfor"), "asked")).toEqual({
      status: "suppressed",
      reason: "derived",
    });
    expect(countOf(resultOf(report, "q.hvorfor"), "skipped").status).toBe("suppressed");
    expect(auditReport(report, { versions: [v] })).toEqual({ success: true, data: [] });
  };

  it("Ja 6 / Nej 4: the follow-up's figures do not give the withheld «Nej» away", () => {
    const report = reportOf(v, yesNo(v, 6, 4));
    // Shown, «Spurgt 6» would be «Ja» = 6, so «Nej» = 4.
    expectAskedWithheld(report);
    expect(
      report.suppressed.filter((n) => n.questionId === "q.hvorfor" && n.optionCode === undefined),
    ).toEqual([
      expect.objectContaining({
        reason: "derived",
        message: expect.objectContaining({
          da: "»Hvad virker bedst?« (runden »Baseline«): hvor mange der fik spørgsmålet, vises ikke, fordi det er dem, der gav et bestemt svar på et tidligere spørgsmål, og det antal er skjult (anonymitet).",
        }),
      }),
    ]);
  });

  it("Ja 16 / Nej 4, the follow-up answered 8 and 8: its «Spurgt 16» would give «Nej» = 4", () => {
    const report = reportOf(v, yesNo(v, 16, 4));
    expectAskedWithheld(report);
  });

  it("a report that shows the follow-up's «asked» beside a withheld «Nej»: the audit finds «Nej»", () => {
    // Made with k = 3 (nothing withheld), then «Ja» and «Nej» withheld as k = 5 would.
    const open = reportOf(v, yesNo(v, 6, 4), [v], 3);
    const leaky: Report = {
      ...open,
      k: 5,
      questions: open.questions.map((q) =>
        q.id !== "q.henviser"
          ? q
          : {
              ...q,
              perRound: q.perRound.map((r) =>
                r.type !== "single"
                  ? r
                  : {
                      ...r,
                      options: r.options.map((o) => ({
                        ...o,
                        cell: { status: "suppressed", reason: "small_cell" } as const,
                      })),
                    },
              ),
            },
      ),
    };
    expect(countOf(resultOf(leaky, "q.hvorfor"), "asked")).toEqual({ status: "shown", value: 6 });
    const audited = auditReport(leaky, { versions: [v] });
    if (!audited.success) throw new Error("audit failed");
    expect(
      audited.data.map((d) => `${d.code} ${d.questionId} ${d.optionCode ?? d.figure}`),
    ).toEqual(expect.arrayContaining(["pinned q.henviser ja", "pinned q.henviser nej"]));
  });

  it("Ja 5 / Nej 5: the condition needs nothing withheld; every count is shown", () => {
    const report = reportOf(v, yesNo(v, 5, 5));
    // Only the follow-up's own small cells (2 and 3 of 5) are withheld.
    expect(report.suppressed.map((n) => `${n.questionId} ${n.optionCode}`)).toEqual([
      "q.hvorfor a",
      "q.hvorfor b",
    ]);
    const henviser = resultOf(report, "q.henviser");
    expect(henviser.type === "single" && henviser.options.map((o) => o.cell)).toEqual([
      { status: "shown", count: 5, share: 0.5 },
      { status: "shown", count: 5, share: 0.5 },
    ]);
    expect(countOf(resultOf(report, "q.hvorfor"), "answered")).toEqual({
      status: "shown",
      value: 5,
    });
    expect(countOf(resultOf(report, "q.hvorfor"), "asked")).toEqual({ status: "shown", value: 5 });
    expect(auditReport(report, { versions: [v] })).toEqual({ success: true, data: [] });
  });

  it("a multiple-choice source: the follow-up's «asked» is bounded by the ticks, and passes", () => {
    const m = versionWith([multiSource, followUp("q.kanaler", ["tlf", "mail"])]);
    const answers: [QuestionnaireVersion, Record<string, Answer>][] = [
      ...Array.from(
        { length: 6 },
        (_, i) =>
          [
            m,
            {
              "q.kanaler": { choices: i < 3 ? ["tlf", "mail"] : ["tlf"] },
              "q.hvorfor": { choice: "a" },
            },
          ] as [QuestionnaireVersion, Record<string, Answer>],
      ),
      ...Array.from(
        { length: 4 },
        () =>
          [m, { "q.kanaler": { choices: ["ingen"] } }] as [
            QuestionnaireVersion,
            Record<string, Answer>,
          ],
      ),
    ];
    const report = reportOf(m, answers);
    expect(report.rounds[0]?.respondents).toEqual({ status: "shown", value: 10 });
    expect(auditReport(report, { versions: [m] })).toEqual({ success: true, data: [] });
    const kanaler = resultOf(report, "q.kanaler");
    expect(kanaler.type === "multi" && kanaler.options.map((o) => o.cell.status)).toContain(
      "suppressed",
    );
  });

  it("two versions with different conditions: the report passes the audit", () => {
    const w = versionWith([source, followUp("q.henviser", ["nej"])], "Lokal");
    const answers = [
      ...yesNo(v, 4, 2),
      ...Array.from(
        { length: 4 },
        (_, i) =>
          [
            w,
            i < 2
              ? { "q.henviser": { choice: "nej" }, "q.hvorfor": { choice: "b" } }
              : { "q.henviser": { choice: "ja" } },
          ] as [QuestionnaireVersion, Record<string, Answer>],
      ),
    ];
    const report = reportOf(v, answers, [v, w]);
    expect(report.rounds[0]?.respondents).toEqual({ status: "shown", value: 10 });
    expect(auditReport(report, { versions: [v, w] })).toEqual({ success: true, data: [] });
  });

  it("a chain of conditions, everyone alike: protection ends and nothing is derivable", () => {
    // A multi-choice source → a scale shown on «Mail» → a question shown on any scale point. Five
    // identical answers: the last question's «Spurgt 5» would say all five ticked «Mail». (Found
    // by the property test: the moves stopped at the scale, which the last question's asked
    // still bounds, and protection ran for minutes.)
    const scale: QuestionInput = {
      id: "q.tilfreds",
      type: "rating",
      text: label("Hvor tilfreds er du?"),
      options: [
        { code: "hoej", label: label("Meget"), ordinal: 3 },
        { code: "mellem", label: label("Noget"), ordinal: 2 },
        { code: "lav", label: label("Lidt"), ordinal: 1 },
      ],
      showIf: { question: "q.kanaler", anyOf: ["mail"] },
    };
    const chain = versionWith([
      multiSource,
      scale,
      followUp("q.tilfreds", ["hoej", "mellem", "lav"]),
    ]);
    const alike = Array.from(
      { length: 5 },
      () =>
        [
          chain,
          {
            "q.kanaler": { choices: ["mail"] },
            "q.tilfreds": { choice: "lav" },
            "q.hvorfor": { choice: "a" },
          },
        ] as [QuestionnaireVersion, Record<string, Answer>],
    );
    const report = reportOf(chain, alike, [chain], 3);
    expect(report.rounds[0]?.respondents).toEqual({ status: "shown", value: 5 });
    expect(countOf(resultOf(report, "q.hvorfor"), "asked").status).toBe("suppressed");
    expect(auditReport(report, { versions: [chain] })).toEqual({ success: true, data: [] });
  });
});
