import { assertProperty } from "@klynge/test-support/property";
import { unwrap } from "@klynge/test-support/unwrap";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Issue } from "../../issues/issue.js";
import { parseReferralCsv, referralLimits } from "../../referrals/parseReferralCsv.js";
import { pseudonymKey } from "../../referrals/pseudonyms.js";
import {
  type OfferReferralRates,
  type ReferralRateReport,
  referralRates,
} from "../../referrals/referralRates.js";
import type { ReferralRow } from "../../referrals/referralRow.js";
import { expectSingleIssue, expectWellFormed, issuesOf } from "../fixtures/issues.js";

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

/** The rate of one practice in one offer, found through the coordinator's key. */
function rateOf(report: ReferralRateReport, practice: string, offer: string, from = rows) {
  const pseudonym = pseudonymKey(from, seed).find((e) => e.practice === practice)?.pseudonym;
  const group = report.offers.find((o) => o.offer === offer) as OfferReferralRates;
  return group.practices.find((p) => p.pseudonym === pseudonym)?.rate;
}

/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

const shown = (perThousand: number) => ({ status: "shown", perThousand }) as const;
const small = { status: "suppressed", reason: "small_cell", display: "<5" } as const;
const derived = { status: "suppressed", reason: "derived" } as const;

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
    expect(formatIssue(issues[1] as Issue, "da")).toContain("række 3");
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

  it("gives rates only, per practice and offer, under pseudonyms", () => {
    // Praksis A = 777101, B = 481516, C = 909012, D = 234200 (see pseudonymKey below).
    // The smallest list is 1,234, so rates are whole numbers per 1,000 (1 × 1,234 ≥ 1,000).
    expect(report).toEqual({
      k: 5,
      perThousandStep: 1,
      pseudonyms: ["Praksis A", "Praksis B", "Praksis C", "Praksis D"],
      offers: [
        {
          offer: "Diabetes",
          practices: [
            { pseudonym: "Praksis A", rate: shown(8) }, // 25 / 3,000 = 8.33
            { pseudonym: "Praksis B", rate: shown(8) }, // 12 / 1,600 = 7.5, half up
            { pseudonym: "Praksis C", rate: shown(0) }, // 0 / 1,234
            { pseudonym: "Praksis D", rate: small }, // 3 referrals
          ],
          averageRate: derived,
        },
        {
          offer: "KOL",
          practices: [
            { pseudonym: "Praksis A", rate: shown(10) }, // 30 / 3,000
            { pseudonym: "Praksis B", rate: shown(5) }, // 8 / 1,600
            { pseudonym: "Praksis C", rate: shown(4) }, // 5 / 1,234 = 4.05
            { pseudonym: "Praksis D", rate: shown(5) }, // 10 / 2,000
          ],
          averageRate: shown(6), // (10 + 5 + 4 + 5) / 4, from the rates as shown
        },
      ],
    });
  });

  it("finds each practice through the coordinator's key", () => {
    expect(rateOf(report, "234200", "Diabetes")).toEqual(small);
    expect(rateOf(report, "909012", "Diabetes")).toEqual(shown(0));
    expect(rateOf(report, "909012", "KOL")).toEqual(shown(4));
  });

  it("holds no count, list size, ydernummer or seed", () => {
    const json = JSON.stringify(report);
    for (const id of ids) expect(json).not.toContain(id);
    expect(json).not.toContain(seed);
    expect(json).not.toMatch(/referrals|listed|count/i);
    const numbers = numbersIn(report);
    for (const listed of [1600, 2000, 1234, 3000]) expect(numbers).not.toContain(listed);
    // 0, 5 and 10 are counts too, but here they are rates (0, 8 / 1,600, 10 / 2,000) or k.
    for (const count of [12, 3, 25, 30]) expect(numbers).not.toContain(count);
  });

  it("adds the pooled cluster rate only when asked, withheld with any practice's", () => {
    for (const offer of report.offers) expect(offer).not.toHaveProperty("clusterRate");
    const pooled = referralRates(rows, { seed, includeClusterRate: true });
    expect(pooled.offers.map((o) => o.clusterRate)).toEqual([
      derived, // Diabetes: Praksis D's 3 is withheld
      shown(7), // KOL: 53 / 7,834 = 6.77
    ]);
  });

  it("uses k for the threshold and the display", () => {
    const strict = referralRates(rows, { seed, k: 6 });
    expect(strict.k).toBe(6);
    expect(rateOf(strict, "909012", "KOL")).toEqual({
      status: "suppressed",
      reason: "small_cell",
      display: "<6",
    });
    expect(strict.offers[1]?.averageRate).toEqual(derived);
  });

  it("refuses a k below 3, a short seed, and rows parseReferralCsv would refuse", () => {
    expect(() => referralRates(rows, { seed, k: 2 })).toThrow(/at least 3/);
    expect(() => referralRates(rows, { seed: "2027" })).toThrow(/at least 16 characters/);
    for (const bad of [
      { practice: "1", offer: "KOL", referrals: 1, listedPatients: 0 },
      { practice: "1", offer: "KOL", referrals: 11, listedPatients: 10 },
      { practice: "1", offer: "KOL", referrals: 1.5, listedPatients: 10 },
      { practice: "", offer: "KOL", referrals: 1, listedPatients: 10 },
    ]) {
      expect(() => referralRates([bad], { seed })).toThrow(/parseReferralCsv/);
    }
    const twice: ReferralRow[] = [
      { practice: "1", offer: "KOL", referrals: 1, listedPatients: 10 },
      { practice: "1", offer: "kol", referrals: 1, listedPatients: 10 },
    ];
    expect(() => referralRates(twice, { seed })).toThrow(/once/);
  });
});

describe("referralRates: a withheld count cannot be worked out", () => {
  // The review's example: counts next to rates gave the list sizes (count ÷ rate × 1,000), and
  // the cluster rate × the total list gave the cluster total, so A's "<5" = total − 9 − 10 = 3.
  const example = (aKol: number): ReferralRow[] => [
    { practice: "111111", offer: "Diabetes", referrals: 30, listedPatients: 1500 },
    { practice: "222222", offer: "Diabetes", referrals: 40, listedPatients: 2000 },
    { practice: "333333", offer: "Diabetes", referrals: 36, listedPatients: 1800 },
    { practice: "111111", offer: "KOL", referrals: aKol, listedPatients: 1500 },
    { practice: "222222", offer: "KOL", referrals: 10, listedPatients: 2000 },
    { practice: "333333", offer: "KOL", referrals: 9, listedPatients: 1800 },
  ];
  const options = { seed, includeClusterRate: true };
  const report = referralRates(example(3), options);
  const kol = report.offers.find((o) => o.offer === "KOL") as OfferReferralRates;

  it("withholds A's rate and the KOL cluster rate and average", () => {
    expect(rateOf(report, "111111", "KOL", example(3))).toEqual(small);
    expect(kol.clusterRate).toEqual(derived);
    expect(kol.averageRate).toEqual(derived);
    expect(kol.practices.filter((p) => p.rate.status === "shown")).toHaveLength(2);
  });

  it("has no figure equal to a count or a list size", () => {
    const numbers = numbersIn(report);
    for (const n of [30, 40, 36, 3, 10, 9, 1500, 2000, 1800]) expect(numbers).not.toContain(n);
  });

  it("is the same report whatever A's count from 1 to 4", () => {
    for (const aKol of [1, 2, 4]) expect(referralRates(example(aKol), options)).toEqual(report);
  });

  it("shows the cluster rate where nothing is withheld", () => {
    const diabetes = report.offers.find((o) => o.offer === "Diabetes");
    // 106 / 5,300 and (20 + 20 + 20) / 3.
    expect(diabetes).toMatchObject({ clusterRate: shown(20), averageRate: shown(20) });
  });
});

describe("referralRates: the rounding step", () => {
  const one = (referrals: number, listedPatients: number) =>
    referralRates([{ practice: "1", offer: "KOL", referrals, listedPatients }], { seed });

  it.each([
    [1, 1000],
    [400, 5],
    [999, 2],
    [1000, 1],
    [1999, 1],
    [2000, 0.5],
    [4999, 0.5],
    [5000, 0.2],
    [9999, 0.2],
    [10_000, 0.1],
    [3_000_000, 0.1],
  ])(
    "is %i listed → %f per 1,000: one referral of the smallest practice at most",
    (listed, step) => {
      expect(one(0, listed).perThousandStep).toBe(step);
    },
  );

  it("is set by the smallest practice of the whole report", () => {
    const r = referralRates(
      [
        { practice: "1", offer: "KOL", referrals: 13, listedPatients: 800 },
        { practice: "2", offer: "Hjerte", referrals: 40, listedPatients: 5000 },
      ],
      { seed },
    );
    expect(r.perThousandStep).toBe(2);
    // 13 / 800 = 16.25 → 16; 40 / 5,000 = 8 → 8.
    expect(r.offers.map((o) => o.practices[0]?.rate)).toEqual([shown(8), shown(16)]);
  });

  it("rounds half up exactly (201 / 20,000 × 1000 = 10.05 → 10.1)", () => {
    expect(one(201, 20_000).offers[0]?.practices[0]?.rate).toEqual(shown(10.1));
    expect(one(13, 2000).offers[0]?.practices[0]?.rate).toEqual(shown(6.5));
  });

  it("withholds the average and cluster rate when a count of 1 to k−1 hides among zeros", () => {
    const r = referralRates(
      [
        { practice: "1", offer: "KOL", referrals: 2, listedPatients: 1000 },
        { practice: "2", offer: "KOL", referrals: 0, listedPatients: 1000 },
      ],
      { seed, includeClusterRate: true },
    );
    expect(r.offers[0]).toMatchObject({ averageRate: derived, clusterRate: derived });
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
  const offerNames = ["Diabetes", "KOL", "Hjerte", "Kræft", "Lænd/ryg"];

  /** 1 to 12 practices, each in 1 to 5 offers, with its own list size per row. */
  const arbRows = (minListed: number, maxListed: number) =>
    fc
      .uniqueArray(fc.integer({ min: 900000, max: 999999 }).map(String), {
        minLength: 1,
        maxLength: 12,
      })
      .chain((practices) =>
        fc.tuple(
          ...practices.map((practice) =>
            fc.subarray(offerNames, { minLength: 1 }).chain((offers) =>
              fc.tuple(
                ...offers.map((offer) =>
                  fc.integer({ min: minListed, max: maxListed }).chain((listed) =>
                    fc
                      // Small counts often, so that withheld cells are common.
                      .oneof(
                        fc.integer({ min: 0, max: Math.min(12, listed) }),
                        fc.integer({ min: 0, max: listed }),
                      )
                      .map(
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

  const arbSeed = fc.string({ minLength: 16, maxLength: 40 });
  const arbK = fc.integer({ min: 3, max: 8 });

  it("give the same report whatever the row order, and never a ydernummer", () => {
    assertProperty(
      fc.property(
        arbRows(1, 5000).chain((r) =>
          fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length })),
        ),
        arbSeed,
        ([original, shuffled], s) => {
          const options = { seed: s, includeClusterRate: true };
          const report = referralRates(original, options);
          expect(referralRates(shuffled, options)).toEqual(report);
          const json = JSON.stringify(report);
          for (const r of original) expect(json).not.toContain(r.practice);
        },
      ),
    );
  });

  it("withhold an offer's average and cluster rate whenever a count in it is withheld", () => {
    assertProperty(
      fc.property(arbRows(1, 5000), arbSeed, arbK, (input, s, k) => {
        const report = referralRates(input, { seed: s, k, includeClusterRate: true });
        for (const offer of report.offers) {
          const counts = input
            .filter((r) => r.offer === offer.offer)
            .map((r) => r.referrals)
            .sort((a, b) => a - b);
          const withheld = counts.filter((c) => c > 0 && c < k).length;
          expect(offer.practices.filter((p) => p.rate.status === "suppressed")).toHaveLength(
            withheld,
          );
          const summary = withheld > 0 ? "suppressed" : "shown";
          expect(offer.averageRate.status).toBe(summary);
          expect(offer.clusterRate?.status).toBe(summary);
        }
        expect(referralRates(input, { seed: s, k }).offers.some((o) => "clusterRate" in o)).toBe(
          false,
        );
      }),
    );
  });

  it("are the same report whatever each withheld count is, from 1 to k−1", () => {
    assertProperty(
      fc.property(arbRows(1, 5000), arbSeed, arbK, fc.nat(), (input, s, k, shift) => {
        const options = { seed: s, k, includeClusterRate: true };
        const moved = input.map((r, i) =>
          r.referrals > 0 && r.referrals < k
            ? {
                ...r,
                referrals: 1 + ((r.referrals - 1 + shift + i) % Math.min(k - 1, r.listedPatients)),
              }
            : r,
        );
        expect(referralRates(moved, options)).toEqual(referralRates(input, options));
      }),
    );
  });

  it("never hold a list size or ydernummer as a number", () => {
    // Lists above 1,000 so that no rate (at most 1,000 per 1,000) can equal one by chance.
    assertProperty(
      fc.property(arbRows(1001, 20_000), arbSeed, arbK, (input, s, k) => {
        for (const includeClusterRate of [false, true]) {
          const numbers = new Set(
            numbersIn(referralRates(input, { seed: s, k, includeClusterRate })),
          );
          for (const r of input) {
            expect(numbers.has(r.listedPatients)).toBe(false);
            expect(numbers.has(Number(r.practice))).toBe(false);
          }
        }
      }),
    );
  });

  it("fit every list size of the report with some whole count, so rates do not match pseudonyms to lists", () => {
    assertProperty(
      fc.property(arbRows(1, 5000), arbSeed, (input, s) => {
        const report = referralRates(input, { seed: s });
        const step = Math.round(report.perThousandStep * 10);
        const lists = [...new Set(input.map((r) => r.listedPatients))];
        for (const offer of report.offers) {
          for (const { rate } of offer.practices) {
            if (rate.status !== "shown") continue;
            const tenths = Math.round(rate.perThousand * 10);
            for (const listed of lists) {
              // Counts c with (tenths − step/2) ≤ c × 10,000 / listed < (tenths + step/2).
              const c = Math.max(0, Math.ceil((listed * (2 * tenths - step)) / 20_000));
              expect(c <= listed && c * 20_000 < listed * (2 * tenths + step)).toBe(true);
            }
          }
        }
      }),
    );
  });
});
