import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Issue,
  type OfferReferralRates,
  parseReferralCsv,
  pseudonymKey,
  type ReferralRateReport,
  type ReferralRow,
  type Result,
  referralLimits,
  referralRates,
} from "../index.js";
import { expectSingleIssue, expectWellFormed, issuesOf } from "./fixtures/issues.js";
import { assertProperty } from "./fixtures/withSeed.js";

function unwrap<T>(result: Result<T>): T {
  if (!result.success)
    throw new Error(`expected success, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.data;
}

const header = "ydernummer;tilbud;henvisninger;tilknyttede_patienter";
const ids = ["481516", "234200", "909012", "777101"];

/** 4 practices × 2 offers, as a municipality's Excel writes it (`;`, CRLF, BOM, "1.234"). */
const fixtureCsv = `\uFEFF${[
  header,
  "481516;Diabetes;12;1600",
  "234200;Diabetes;3;2000",
  "909012;Diabetes;0;1.234",
  "777101;Diabetes;25;3000",
  "481516;KOL;8;1600",
  "234200;KOL;10;2000",
  "909012;KOL;5;1.234",
  "777101;KOL;30;3.000",
].join("\r\n")}\r\n`;

const seed = "rapport-klynge-syd-2027-03-a1b2c3";
const rows = unwrap(parseReferralCsv(fixtureCsv));

/** The figures of one practice in one offer, found through the coordinator's key. */
function figuresOf(report: ReferralRateReport, practice: string, offer: string) {
  const pseudonym = pseudonymKey(rows, seed).find((e) => e.practice === practice)?.pseudonym;
  const group = report.offers.find((o) => o.offer === offer) as OfferReferralRates;
  return group.practices.find((p) => p.pseudonym === pseudonym);
}

const row = (cells: string) => `${header}\r\n${cells}\r\n`;

describe("parseReferralCsv: good files", () => {
  it("reads the fixture, with Danish thousands separators", () => {
    expect(rows).toHaveLength(8);
    expect(rows[2]).toEqual({
      practice: "909012",
      offer: "Diabetes",
      referrals: 0,
      listedPatients: 1234,
    });
    expect(rows[7]?.listedPatients).toBe(3000);
  });

  it("reads English headers with `,`, and keeps leading zeros of a ydernummer", () => {
    const data = unwrap(
      parseReferralCsv("practice,offer,referrals,listed_patients\n012345,KOL,7,1 234\n"),
    );
    expect(data).toEqual([
      { practice: "012345", offer: "KOL", referrals: 7, listedPatients: 1234 },
    ]);
  });

  it("accepts header synonyms in any case and order, and ignores other columns", () => {
    const text =
      "Antal patienter;Praksisnavn;Diagnosegruppe;YDERNR;Antal henvisninger\n2000;Lægerne i Byen;Kræft;481516;6\n";
    expect(unwrap(parseReferralCsv(text))).toEqual([
      { practice: "481516", offer: "Kræft", referrals: 6, listedPatients: 2000 },
    ]);
  });

  it("reads quoted cells holding `;` and line breaks, and counts rows as Excel does", () => {
    const text = `${header}\r\n481516;"Lænd/ryg; inkl.\r\nnakke";6;2000\r\n481516;"Hjerte";x;2000\r\n`;
    const issues = issuesOf(parseReferralCsv(text));
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["csv_bad_number", ["line", 3, "referrals"]],
    ]);
    const good = unwrap(
      parseReferralCsv(`${header}\r\n481516;"Lænd/ryg; inkl.\r\nnakke";6;2000\r\n`),
    );
    expect(good[0]?.offer).toBe("Lænd/ryg; inkl. nakke");
  });

  it("accepts Excel's padding of empty cells after the last column", () => {
    expect(unwrap(parseReferralCsv(row("481516;KOL;8;1600;;")))).toHaveLength(1);
  });
});

describe("parseReferralCsv: one issue per fault, with the row Excel shows", () => {
  it.each<[string, string, Partial<Issue>]>([
    ["an empty file", "", { code: "csv_empty", path: ["line", 1] }],
    ["a header without rows", `${header}\r\n\r\n`, { code: "csv_empty", path: ["line", 2] }],
    [
      "a missing column",
      "ydernummer;tilbud;henvisninger\n1;KOL;2\n",
      {
        code: "csv_missing_column",
        path: ["line", 1, "listedPatients"],
        value: "tilknyttede_patienter",
      },
    ],
    [
      "a column given twice",
      `${header};praksis\n481516;KOL;8;1600;481516\n`,
      { code: "csv_duplicate_column", path: ["line", 1, "practice"], value: "praksis" },
    ],
    [
      "a short row",
      row("481516;KOL;8"),
      { code: "csv_cell_count", path: ["line", 2], expected: "4", received: "3" },
    ],
    [
      "a long row",
      row("481516;KOL;8;1600;x"),
      { code: "csv_cell_count", path: ["line", 2], received: "5" },
    ],
    [
      "an empty ydernummer",
      row(" ;KOL;8;1600"),
      { code: "csv_empty_cell", path: ["line", 2, "practice"] },
    ],
    [
      "an empty count",
      row("481516;KOL;;1600"),
      { code: "csv_empty_cell", path: ["line", 2, "referrals"] },
    ],
    [
      "a decimal comma",
      row("481516;KOL;12,5;1600"),
      { code: "csv_bad_number", path: ["line", 2, "referrals"] },
    ],
    [
      "a decimal point",
      row("481516;KOL;1.5;1600"),
      { code: "csv_bad_number", path: ["line", 2, "referrals"] },
    ],
    [
      "a bad thousands group",
      row("481516;KOL;8;1.60"),
      { code: "csv_bad_number", path: ["line", 2, "listedPatients"] },
    ],
    [
      "text for a count",
      row("481516;KOL;otte;1600"),
      { code: "csv_bad_number", path: ["line", 2, "referrals"] },
    ],
    [
      "a negative count",
      row("481516;KOL;-3;1600"),
      { code: "csv_negative", path: ["line", 2, "referrals"] },
    ],
    [
      "negative list size",
      row("481516;KOL;0;-1600"),
      { code: "csv_negative", path: ["line", 2, "listedPatients"] },
    ],
    [
      "no listed patients",
      row("481516;KOL;0;0"),
      { code: "too_small", path: ["line", 2, "listedPatients"], limit: 1 },
    ],
    [
      "more referrals than patients",
      row("481516;KOL;1700;1600"),
      {
        code: "csv_referrals_exceed_listed",
        path: ["line", 2, "referrals"],
        received: "1700",
        expected: "1600",
      },
    ],
    [
      "an absurd count",
      row("481516;KOL;0;99.000.000"),
      { code: "too_big", path: ["line", 2, "listedPatients"], limit: referralLimits.count },
    ],
    [
      "an overlong ydernummer",
      row(`${"1".repeat(40)};KOL;8;1600`),
      { code: "too_big", path: ["line", 2, "practice"], limit: referralLimits.practiceLength },
    ],
    [
      "a practice and offer twice (offer case and spaces ignored)",
      `${header}\n481516;KOL;8;1600\n\n481516; kol ;9;1600\n`,
      { code: "csv_duplicate_row", path: ["line", 4], value: "2" },
    ],
    [
      "a quote never closed",
      `${header}\n481516;"KOL;8;1600\n`,
      { code: "csv_unclosed_quote", path: ["line", 2] },
    ],
  ])("%s", (_name, text, expected) => {
    expectSingleIssue(parseReferralCsv(text), expected);
  });

  it("refuses more than the row limit at the first row over it", () => {
    const lines = Array.from(
      { length: referralLimits.rows + 1 },
      (_, i) => `${100000 + i};KOL;1;100`,
    );
    expectSingleIssue(parseReferralCsv(`${header}\n${lines.join("\n")}\n`), {
      code: "csv_too_many_lines",
      path: ["line", referralLimits.rows + 2],
      limit: referralLimits.rows,
    });
    expect(unwrap(parseReferralCsv(`${header}\n${lines.slice(1).join("\n")}\n`))).toHaveLength(
      referralLimits.rows,
    );
  });

  it("reports every bad row, not just the first, and never repeats a ydernummer", () => {
    const text = `${header}\n481516;KOL;x;1600\n234200;KOL;8;1600\n234200;KOL;8;1600\n909012;KOL;-1;0\n`;
    const issues = issuesOf(parseReferralCsv(text));
    expectWellFormed(issues);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["csv_bad_number", ["line", 2, "referrals"]],
      ["csv_duplicate_row", ["line", 4]],
      ["csv_negative", ["line", 5, "referrals"]],
      ["too_small", ["line", 5, "listedPatients"]],
    ]);
    for (const issue of issues) {
      for (const id of ids) expect(JSON.stringify(issue)).not.toContain(id);
    }
    expect(issues[1]?.message.da).toContain("række 3");
  });

  it("reports every missing column at once", () => {
    const issues = issuesOf(parseReferralCsv("navn;by\nx;y\n"));
    expect(issues.map((i) => i.path)).toEqual([
      ["line", 1, "practice"],
      ["line", 1, "offer"],
      ["line", 1, "referrals"],
      ["line", 1, "listedPatients"],
    ]);
  });
});

describe("referralRates: exact figures on the fixture", () => {
  const report = referralRates(rows, { seed });

  it("lists four pseudonyms and the offers sorted", () => {
    expect(report.k).toBe(5);
    expect(report.pseudonyms).toEqual(["Praksis A", "Praksis B", "Praksis C", "Praksis D"]);
    expect(report.offers.map((o) => o.offer)).toEqual(["Diabetes", "KOL"]);
    for (const offer of report.offers) {
      expect(offer.practices.map((p) => p.pseudonym)).toEqual(report.pseudonyms);
    }
  });

  it("gives each practice's rate per 1,000 to one decimal", () => {
    expect(figuresOf(report, "481516", "Diabetes")).toMatchObject({
      referrals: { status: "shown", value: 12 },
      perThousand: { status: "shown", value: 7.5 },
    });
    expect(figuresOf(report, "777101", "Diabetes")?.perThousand).toEqual({
      status: "shown",
      value: 8.3,
    });
    expect(figuresOf(report, "909012", "KOL")?.perThousand).toEqual({
      status: "shown",
      value: 4.1,
    });
    expect(figuresOf(report, "777101", "KOL")?.perThousand).toEqual({ status: "shown", value: 10 });
  });

  it("shows a count of 3 as <5 and withholds its rate", () => {
    expect(figuresOf(report, "234200", "Diabetes")).toMatchObject({
      referrals: { status: "suppressed", reason: "small_cell", display: "<5" },
      perThousand: { status: "suppressed", reason: "derived", display: "<5" },
    });
  });

  it("shows 0 and 5", () => {
    expect(figuresOf(report, "909012", "Diabetes")).toMatchObject({
      referrals: { status: "shown", value: 0 },
      perThousand: { status: "shown", value: 0 },
    });
    expect(figuresOf(report, "909012", "KOL")?.referrals).toEqual({ status: "shown", value: 5 });
  });

  it("gives the cluster total and the mean of the shown practice rates", () => {
    const [diabetes, kol] = report.offers;
    // 40 / 7834 × 1000 = 5.106; shown rates 7.5, 0 and 8.333 average 5.278.
    expect(diabetes).toMatchObject({
      clusterPerThousand: { status: "shown", value: 5.1 },
      averagePerThousand: 5.3,
      practicesInAverage: 3,
    });
    // 53 / 7834 × 1000 = 6.765; rates 5, 5, 4.052 and 10 average 6.013.
    expect(kol).toMatchObject({
      clusterPerThousand: { status: "shown", value: 6.8 },
      averagePerThousand: 6,
      practicesInAverage: 4,
    });
  });

  it("uses k for the threshold and the display", () => {
    const strict = referralRates(rows, { seed, k: 6 });
    expect(strict.k).toBe(6);
    expect(figuresOf(strict, "909012", "KOL")?.referrals).toEqual({
      status: "suppressed",
      reason: "small_cell",
      display: "<6",
    });
  });

  it("rounds half up exactly (201 / 20,000 × 1000 = 10.05 → 10.1)", () => {
    const r = referralRates(
      [{ practice: "1", offer: "KOL", referrals: 201, listedPatients: 20000 }],
      { seed },
    );
    expect(r.offers[0]?.practices[0]?.perThousand).toEqual({ status: "shown", value: 10.1 });
  });

  it("withholds the cluster rate when the whole cluster referred 1 to k−1", () => {
    const r = referralRates(
      [
        { practice: "1", offer: "KOL", referrals: 2, listedPatients: 1000 },
        { practice: "2", offer: "KOL", referrals: 0, listedPatients: 1000 },
      ],
      { seed },
    );
    expect(r.offers[0]).toMatchObject({
      clusterPerThousand: { status: "suppressed", display: "<5" },
      averagePerThousand: 0,
      practicesInAverage: 1,
    });
  });

  it("never contains a ydernummer, a list size or the seed", () => {
    const json = JSON.stringify(report);
    for (const id of ids) expect(json).not.toContain(id);
    for (const listed of ["1600", "2000", "1234", "3000"]) expect(json).not.toContain(listed);
    expect(json).not.toContain(seed);
  });

  it("refuses a k below 3 and a short seed", () => {
    expect(() => referralRates(rows, { seed, k: 2 })).toThrow(/at least 3/);
    expect(() => referralRates(rows, { seed: "2027" })).toThrow(/at least 16 characters/);
  });

  it("refuses rows that did not come through parseReferralCsv", () => {
    expect(() =>
      referralRates([{ practice: "1", offer: "KOL", referrals: 1, listedPatients: 0 }], { seed }),
    ).toThrow(/parseReferralCsv/);
    const twice: ReferralRow[] = [
      { practice: "1", offer: "KOL", referrals: 1, listedPatients: 10 },
      { practice: "1", offer: "kol", referrals: 1, listedPatients: 10 },
    ];
    expect(() => referralRates(twice, { seed })).toThrow(/once/);
  });
});

describe("pseudonyms", () => {
  const mapping = (s: string, r: readonly ReferralRow[] = rows) =>
    Object.fromEntries(pseudonymKey(r, s).map((e) => [e.practice, e.pseudonym]));

  it("are the same for the same seed", () => {
    expect(mapping(seed)).toEqual(mapping(seed));
    expect(referralRates(rows, { seed })).toEqual(referralRates(rows, { seed }));
  });

  it("are re-drawn for other seeds", () => {
    const first = mapping(seed);
    const others = [
      "rapport-klynge-syd-2027-09-x",
      "rapport-klynge-nord-2027-03-y",
      "f2a7c9e0-1b4d-4c8e-9a3f-5d6e7f8a9b0c",
    ];
    expect(others.some((s) => JSON.stringify(mapping(s)) !== JSON.stringify(first))).toBe(true);
  });

  it("are the key the coordinator gets, one per practice", () => {
    const key = pseudonymKey(rows, seed);
    expect(key.map((e) => e.pseudonym)).toEqual([
      "Praksis A",
      "Praksis B",
      "Praksis C",
      "Praksis D",
    ]);
    expect(key.map((e) => e.practice).sort()).toEqual([...ids].sort());
  });

  it("go on with AA after Z", () => {
    const many = Array.from({ length: 28 }, (_, i) => ({
      practice: String(500000 + i),
      offer: "KOL",
      referrals: 10,
      listedPatients: 1000,
    }));
    const names = referralRates(many, { seed }).pseudonyms;
    expect(names.slice(24)).toEqual(["Praksis Y", "Praksis Z", "Praksis AA", "Praksis AB"]);
  });

  it("take a prefix", () => {
    expect(referralRates(rows, { seed, pseudonymPrefix: "Practice" }).pseudonyms[0]).toBe(
      "Practice A",
    );
  });
});

describe("referralRates: properties", () => {
  const arbRows = fc
    .uniqueArray(fc.integer({ min: 900000, max: 999999 }).map(String), {
      minLength: 1,
      maxLength: 12,
    })
    .chain((practices) =>
      fc.tuple(
        ...practices.map((practice) =>
          fc
            .subarray(["Diabetes", "KOL", "Hjerte", "Kræft", "Lænd/ryg"], { minLength: 1 })
            .chain((offers) =>
              fc.tuple(
                ...offers.map((offer) =>
                  fc.integer({ min: 1, max: 5000 }).chain((listed) =>
                    fc.integer({ min: 0, max: listed }).map(
                      (referrals): ReferralRow => ({
                        practice,
                        offer,
                        referrals,
                        listedPatients: listed,
                      }),
                    ),
                  ),
                ),
              ),
            ),
        ),
      ),
    )
    .map((groups) => groups.flat());

  it("give the same report whatever the row order, and never a ydernummer", () => {
    assertProperty(
      fc.property(
        arbRows.chain((r) =>
          fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length })),
        ),
        fc.string({ minLength: 16, maxLength: 40 }),
        ([original, shuffled], s) => {
          const report = referralRates(original, { seed: s });
          expect(referralRates(shuffled, { seed: s })).toEqual(report);
          const json = JSON.stringify(report);
          for (const r of original) expect(json).not.toContain(r.practice);
        },
      ),
    );
  });
});
