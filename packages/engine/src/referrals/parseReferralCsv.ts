import { type CsvRow, parseCsv } from "../internal/csv.js";
import { previewValue } from "../internal/describeValue.js";
import { createIssue, fail, type Issue, type IssuePath, ok, type Result } from "../issues/issue.js";
import { offerKey, type ReferralRow } from "./referralRow.js";

/** Bounds on a referral file; far above a cluster's size (≈ 40 practices × a handful of offers). */
export const referralLimits = {
  rows: 10_000,
  practiceLength: 32,
  offerLength: 100,
  count: 10_000_000,
} as const;

type Field = "practice" | "offer" | "referrals" | "listedPatients";

/** Accepted header names per field, after `normalizeHeader`; the first is the Danish name. */
const headerNames: Record<Field, readonly string[]> = {
  practice: [
    "ydernummer",
    "ydernr",
    "yder_nr",
    "yder",
    "praksis",
    "praksisnummer",
    "practice",
    "practice_id",
    "provider_number",
  ],
  offer: [
    "tilbud",
    "tilbudsgruppe",
    "diagnosegruppe",
    "diagnose",
    "gruppe",
    "forløb",
    "offer",
    "group",
    "diagnosis_group",
  ],
  referrals: ["henvisninger", "antal_henvisninger", "henvist", "referrals", "referral_count"],
  listedPatients: [
    "tilknyttede_patienter",
    "antal_tilknyttede_patienter",
    "tilknyttede",
    "listede_patienter",
    "antal_patienter",
    "patienter",
    "listestørrelse",
    "listed_patients",
    "listed",
    "list_size",
    "patients",
  ],
};

const fields = Object.keys(headerNames) as Field[];

/**
 * Reads a municipality's referral file: one row per practice and offer with the columns
 * ydernummer; tilbud; henvisninger; tilknyttede_patienter (or practice, offer, referrals,
 * listed_patients; any case, `;` or `,`). Other columns are ignored. Counts are whole numbers,
 * optionally with Danish thousands separators ("1.234", "1 234"); "1,5" and "1.5" are refused.
 * Issue paths are `["line", n]` or `["line", n, field]` with n the row number Excel shows.
 * Messages never repeat a provider number; they point at the line instead.
 */
export function parseReferralCsv(text: string): Result<ReferralRow[]> {
  const table = parseCsv(text, { maxRows: referralLimits.rows });
  if (!table.success) return table;
  const { header, headerLine, rows } = table.data;
  if (header.length === 0) return fail([createIssue("csv_empty", ["line", 1])]);

  const columns = findColumns(header, headerLine);
  if (!columns.success) return columns;
  if (rows.length === 0) return fail([createIssue("csv_empty", ["line", headerLine + 1])]);

  const issues: Issue[] = [];
  const out: ReferralRow[] = [];
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const parsed = parseRow(row, header.length, columns.data);
    if (!parsed.success) {
      issues.push(...parsed.issues);
      continue;
    }
    // JSON keeps the pair unambiguous whatever characters the cells hold.
    const key = JSON.stringify([parsed.data.practice, offerKey(parsed.data.offer)]);
    const seen = firstLine.get(key);
    if (seen !== undefined) {
      issues.push(createIssue("csv_duplicate_row", ["line", row.line], { value: String(seen) }));
      continue;
    }
    firstLine.set(key, row.line);
    out.push(parsed.data);
  }
  return issues.length > 0 ? fail(issues) : ok(out);
}

function normalizeHeader(cell: string): string {
  return cell
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/[\s\-./]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function findColumns(header: readonly string[], line: number): Result<Record<Field, number>> {
  const found: Partial<Record<Field, number>> = {};
  const issues: Issue[] = [];
  header.forEach((cell, index) => {
    const name = normalizeHeader(cell);
    const field = fields.find((f) => headerNames[f].includes(name));
    if (field === undefined) return;
    if (found[field] !== undefined) {
      issues.push(
        createIssue("csv_duplicate_column", ["line", line, field], { value: cell.trim() }),
      );
    } else found[field] = index;
  });
  for (const field of fields) {
    if (found[field] === undefined) {
      issues.push(
        createIssue("csv_missing_column", ["line", line, field], {
          value: headerNames[field][0] ?? field,
          expected: headerNames[field].join(", "),
        }),
      );
    }
  }
  return issues.length > 0 ? fail(issues) : ok(found as Record<Field, number>);
}

function parseRow(row: CsvRow, width: number, columns: Record<Field, number>): Result<ReferralRow> {
  const at = (field: Field) => ["line", row.line, field] as const;
  // Excel pads short rows with empty cells when another row is wider; only real cells count.
  const padded = row.cells.slice(width).every((c) => c.trim() === "");
  if (row.cells.length < width || !padded) {
    return fail([
      createIssue("csv_cell_count", ["line", row.line], {
        expected: String(width),
        received: String(row.cells.length),
      }),
    ]);
  }
  const cell = (field: Field) => (row.cells[columns[field]] ?? "").trim();
  const issues: Issue[] = [];

  const text = (field: "practice" | "offer", max: number): string => {
    const value = cell(field).replace(/\s+/g, " ");
    if (value === "") issues.push(createIssue("csv_empty_cell", at(field)));
    else if (value.length > max) {
      issues.push(
        createIssue("too_big", at(field), { limit: max, received: String(value.length) }),
      );
    }
    return value;
  };
  const practice = text("practice", referralLimits.practiceLength);
  const offer = text("offer", referralLimits.offerLength);

  const count = (field: "referrals" | "listedPatients"): number | undefined => {
    const parsed = parseCount(cell(field), at(field));
    if (parsed.success) return parsed.data;
    issues.push(...parsed.issues);
    return undefined;
  };
  const referrals = count("referrals");
  const listedPatients = count("listedPatients");
  if (listedPatients === 0) {
    issues.push(createIssue("too_small", at("listedPatients"), { limit: 1, received: "0" }));
  }
  if (
    referrals !== undefined &&
    listedPatients !== undefined &&
    listedPatients > 0 &&
    referrals > listedPatients
  ) {
    issues.push(
      createIssue("csv_referrals_exceed_listed", at("referrals"), {
        received: String(referrals),
        expected: String(listedPatients),
      }),
    );
  }
  if (issues.length > 0 || referrals === undefined || listedPatients === undefined)
    return fail(issues);
  return ok({ practice, offer, referrals, listedPatients });
}

const plainDigits = /^\d+$/;
const thousandsWithDot = /^\d{1,3}(?:\.\d{3})+$/;
const thousandsWithSpace = /^\d{1,3}(?: \d{3})+$/;

/** A whole, non-negative count: "1234", "1.234" or "1 234". */
function parseCount(raw: string, path: IssuePath): Result<number> {
  const cell = raw.replace(/[\u00a0\u202f]/g, " ");
  if (cell === "") return fail([createIssue("csv_empty_cell", path)]);
  const negative = /^[-\u2212]/.test(cell);
  const digits = negative ? cell.slice(1).trim() : cell;
  if (
    !plainDigits.test(digits) &&
    !thousandsWithDot.test(digits) &&
    !thousandsWithSpace.test(digits)
  ) {
    return fail([createIssue("csv_bad_number", path, { received: previewValue(raw) })]);
  }
  const value = Number(digits.replace(/[. ]/g, ""));
  if (negative) return fail([createIssue("csv_negative", path, { received: previewValue(raw) })]);
  if (value > referralLimits.count) {
    return fail([
      createIssue("too_big", path, { limit: referralLimits.count, received: String(value) }),
    ]);
  }
  return ok(value);
}
