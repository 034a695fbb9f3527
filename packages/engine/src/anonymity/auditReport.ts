import type { Cell, Mean, QuestionRoundResult, Report } from "../aggregation/report.js";
import { createIssue, fail, type Issue, ok, type Result } from "../issues/issue.js";
import { inBothLocales } from "../locales/catalogues.js";
import type { LocalizedMessage } from "../questionnaire/localize.js";
import type { QuestionnaireVersion } from "../versions/questionnaireVersion.js";
import { defaultUnanimousBelow } from "./anonymityPolicy.js";
import { auditRounds, type DisclosureCode, type Finding } from "./auditRounds.js";
import type { FigureKind, RoundView } from "./readRoundView.js";

export type { DisclosureCode } from "./auditRounds.js";

/** Which figure a disclosure is about. */
export type DisclosedFigure = FigureKind | "change";

/** A figure a reader of the audited reports can work out though it is withheld, or should not see. */
export interface Disclosure {
  readonly code: DisclosureCode;
  readonly figure: DisclosedFigure;
  /** Index of the report in the list audited; parts are counted after the reports. */
  readonly report: number;
  readonly roundId: string;
  readonly questionId?: string;
  readonly rowCode?: string;
  readonly optionCode?: string;
  /** For the number who answered on one version. */
  readonly versionHash?: string;
  /** Set when the figure is of the round's responses outside this part (by its index). */
  readonly restOf?: number;
  /** What a reader can tell of the value: from `min` to `max` (null: no upper limit). */
  readonly interval: { readonly min: number; readonly max: number | null };
  readonly message: LocalizedMessage;
}

export interface AuditOptions {
  /** Every version the reports' rounds name. */
  readonly versions: readonly QuestionnaireVersion[];
  /**
   * Reports of part of a round's responses (a meeting tablet's results on this device), audited
   * with the reports of the whole round: their difference is a figure too. Default none.
   */
  readonly parts?: readonly Report[];
}

/** The audit of one report alone: `auditReports([report], options)`. */
export function auditReport(report: Report, options: AuditOptions): Result<Disclosure[]> {
  return auditReports([report], options);
}

/**
 * Every disclosure a reader who holds all these reports (and the public rules) can make: reports
 * of the same round are of the same responses, so their figures are read together (engine
 * README, "Anonymity policy"). Fails only for a version the reports name but were not given.
 */
export function auditReports(
  reports: readonly Report[],
  options: AuditOptions,
): Result<Disclosure[]> {
  const parts = options.parts ?? [];
  const versions = new Map(options.versions.map((v) => [v.hash, v]));
  const issues = [
    ...unknownVersions(reports, versions, "reports"),
    ...unknownVersions(parts, versions, "parts"),
  ];
  if (issues.length > 0) return fail(issues);
  const all = [...reports, ...parts];
  const findings = [
    ...auditRounds({
      views: reports.flatMap((r, i) => viewsOf(r, i)),
      parts: parts.flatMap((r, i) => viewsOf(r, reports.length + i)),
      versions,
    }),
    ...all.flatMap((r, i) => changesBesideWithheld(r, i)),
  ];
  return ok(findings.map((f) => disclosureOf(f, all)));
}

function unknownVersions(
  reports: readonly Report[],
  versions: ReadonlyMap<string, QuestionnaireVersion>,
  key: string,
): Issue[] {
  return reports.flatMap((report, i) =>
    report.rounds.flatMap((round, j) =>
      [round.versionHash, ...round.versions]
        .filter((hash, at, all) => all.indexOf(hash) === at && !versions.has(hash))
        .map((hash) =>
          createIssue("unknown_version", [key, i, "rounds", j, "versions"], { value: hash }),
        ),
    ),
  );
}

function viewsOf(report: Report, index: number): RoundView[] {
  return report.rounds.map((summary) => ({
    report: index,
    k: report.k,
    unanimousBelow: report.unanimousBelow ?? defaultUnanimousBelow,
    summary,
    results: new Map(
      report.questions.flatMap((q) => {
        const result = q.perRound.find((r) => r.roundId === summary.id);
        return result === undefined ? [] : [[q.id, result] as const];
      }),
    ),
  }));
}

/** A shown change carries both sides: beside a withheld side it gives that side away. */
function changesBesideWithheld(report: Report, index: number): Finding[] {
  const findings: Finding[] = [];
  for (const comparison of report.comparisons) {
    for (const compared of comparison.questions) {
      const question = report.questions.find((q) => q.id === compared.id);
      for (const side of [comparison.baselineRoundId, comparison.followUpRoundId]) {
        const result = question?.perRound.find((r) => r.roundId === side);
        if (result === undefined) continue;
        for (const o of compared.options) {
          if (
            o.share.status !== "shown" ||
            cellOf(result, o.code, o.rowCode)?.status !== "suppressed"
          )
            continue;
          findings.push(changeFinding(index, side, compared.id, o.rowCode, o.code));
        }
        for (const m of compared.means) {
          if (m.mean.status !== "shown" || meanOf(result, m.rowCode)?.status !== "suppressed")
            continue;
          findings.push(changeFinding(index, side, compared.id, m.rowCode));
        }
      }
    }
  }
  return findings;
}

function changeFinding(
  report: number,
  roundId: string,
  questionId: string,
  rowCode?: string,
  optionCode?: string,
): Finding {
  return {
    code: "change_shown",
    figure: "change",
    report,
    place: {
      roundId,
      questionId,
      ...(rowCode === undefined ? {} : { rowCode }),
      ...(optionCode === undefined ? {} : { optionCode }),
    },
    interval: { min: 0, max: null },
  };
}

function cellOf(result: QuestionRoundResult, code: string, rowCode?: string): Cell | undefined {
  if (result.type === "matrix")
    return result.rows.find((r) => r.code === rowCode)?.options.find((o) => o.code === code)?.cell;
  return "options" in result ? result.options.find((o) => o.code === code)?.cell : undefined;
}

function meanOf(result: QuestionRoundResult, rowCode?: string): Mean | undefined {
  if (result.type === "matrix") return result.rows.find((r) => r.code === rowCode)?.mean;
  return "mean" in result ? result.mean : undefined;
}

/** The finding with the report's texts: round label, question text, row and option labels. */
function disclosureOf(f: Finding, reports: readonly Report[]): Disclosure {
  const report = reports[f.report] as Report;
  const round = report.rounds.find((r) => r.id === f.place.roundId);
  const question = report.questions.find((q) => q.id === f.place.questionId);
  const result = question?.perRound.find((r) => r.roundId === f.place.roundId);
  const row =
    result?.type === "matrix" ? result.rows.find((r) => r.code === f.place.rowCode) : undefined;
  const options =
    row?.options ?? (result !== undefined && "options" in result ? result.options : []);
  const option = options.find((o) => o.code === f.place.optionCode);
  return {
    code: f.code,
    figure: f.figure,
    report: f.report,
    roundId: f.place.roundId,
    ...(f.place.questionId === undefined ? {} : { questionId: f.place.questionId }),
    ...(f.place.rowCode === undefined ? {} : { rowCode: f.place.rowCode }),
    ...(f.place.optionCode === undefined ? {} : { optionCode: f.place.optionCode }),
    ...(f.place.versionHash === undefined ? {} : { versionHash: f.place.versionHash }),
    ...(f.restOf === undefined ? {} : { restOf: f.restOf }),
    interval: f.interval,
    message: inBothLocales((words) =>
      words.disclosure({
        code: f.code,
        figure: f.figure,
        k: report.k,
        round: round?.label ?? f.place.roundId,
        rest: f.restOf !== undefined,
        interval: f.interval,
        ...(question === undefined ? {} : { question: question.text }),
        ...(row === undefined ? {} : { row: row.label }),
        ...(option === undefined ? {} : { option: option.label }),
        ...(f.place.versionHash === undefined ? {} : { version: f.place.versionHash.slice(0, 8) }),
      }),
    ),
  };
}
