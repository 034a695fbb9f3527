import { versionOf } from "@klynge/test-support/responses";
import { describe, expect, it } from "vitest";
import { Accumulator, type RejectedResponse } from "../../aggregation/accumulator.js";
import { accumulate, aggregate } from "../../aggregation/aggregate.js";
import { buildReport } from "../../aggregation/buildReport.js";
import type { Report } from "../../aggregation/report.js";
import { formatIssue } from "../../issues/formatIssue.js";
import type { Issue } from "../../issues/issue.js";
import type { Question } from "../../questionnaire/model.js";
import type { Response } from "../../responses/response.js";
import { applyEdits } from "../../versions/applyEdits.js";
import type { QuestionnaireVersion } from "../../versions/questionnaireVersion.js";
import {
  cell,
  cellsOf,
  localQuestion,
  replaceQuestion,
  reportOf,
  respond,
  respondMany,
  resultOf,
  roundOf,
  roundResult,
  shown,
  v1,
  v2,
  withheld,
} from "../fixtures/aggregation.js";

const few = withheld("few_respondents");
const zero = { status: "shown", count: 0, share: 0 } as const;

/** Every figure of one round's question results, flattened, to check them all at once. */
function figuresOf(report: Report, roundId: string): unknown[] {
  const figures: unknown[] = [];
  for (const question of report.questions) {
    const result = question.perRound.find((r) => r.roundId === roundId);
    if (result === undefined || result.type === "not_asked") continue;
    figures.push(result.asked, result.answered, result.skipped);
    if ("options" in result) figures.push(...result.options.map((o) => o.cell));
    if ("mean" in result) figures.push(result.mean);
    if ("otherTexts" in result) figures.push(result.otherTexts);
    if ("texts" in result) figures.push(result.texts);
    if ("rows" in result) {
      for (const row of result.rows)
        figures.push(row.answered, row.mean, ...row.options.map((o) => o.cell));
    }
  }
  return figures;
}

describe("aggregate: a cluster smaller than k", () => {
  const round = roundOf("vejle-2027-03", v1, { invited: 6 });
  const responses = respondMany(4, v1, round.id, {
    "akut.kendskab": { choice: "hoej" },
    "akut.henvisning": { choices: ["telefon", "andet"], otherText: "Via vagtlægen" },
    "akut.tilbagemelding": { choice: "andet", otherText: "Kun ved udskrivelse" },
    "akut.ideer": { text: "Fælles telefonnummer" },
    "akut.behov": { rows: { akut: "godt", kronisk: "delvist" } },
  });
  const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));

  it("withholds the respondents and the response rate", () => {
    expect(report.k).toBe(5);
    expect(report.rounds[0]).toMatchObject({
      invited: 6,
      respondents: few,
      responseRate: few,
      rejected: [],
    });
  });

  it("withholds every count, cell, mean and text of every question", () => {
    const figures = figuresOf(report, round.id);
    expect(figures.length).toBeGreaterThan(30);
    for (const figure of figures) expect(figure).toEqual(few);
    expect(resultOf(report, "akut.kendskab", round.id, "rating")).toEqual({
      type: "rating",
      roundId: round.id,
      asked: few,
      answered: few,
      skipped: few,
      options: [
        { code: "hoej", label: { da: "I høj grad" }, ordinal: 4, cell: few },
        { code: "nogen", label: { da: "I nogen grad" }, ordinal: 3, cell: few },
        { code: "mindre", label: { da: "I mindre grad" }, ordinal: 2, cell: few },
        { code: "slet", label: { da: "Slet ikke" }, ordinal: 1, cell: few },
        { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow", cell: few },
      ],
      mean: few,
    });
  });

  it("says so once, in Danish, for the whole round", () => {
    expect(report.suppressed).toEqual([
      {
        roundId: round.id,
        reason: "few_respondents",
        message: {
          da: "Runden »Runde vejle-2027-03«: ingen tal vises, fordi færre end 5 har svaret (anonymitet).",
          en: "Round »Runde vejle-2027-03«: no figures are shown because fewer than 5 answered (anonymity).",
        },
      },
    ]);
  });

  it("is not lifted over k by sending the same responses twice", () => {
    const twice = aggregate({
      rounds: [round],
      versions: [v1],
      responses: [...responses, ...responses],
    });
    const again = reportOf(twice);
    expect(again.rounds[0]?.respondents).toEqual(few);
    expect(again.rounds[0]?.rejected).toHaveLength(4);
    for (const rejected of again.rounds[0]?.rejected ?? []) {
      expect(rejected.codes).toEqual(["duplicate_response"]);
    }
  });

  it("trusts the source's unique ids when told to, and then counts a copy", () => {
    const trusted = reportOf(
      aggregate({
        rounds: [round],
        versions: [v1],
        responses: [...responses, ...responses],
        assumeUniqueIds: true,
      }),
    );
    expect(trusted.rounds[0]?.respondents).toEqual(shown(8));
    expect(trusted.rounds[0]?.rejected).toEqual([]);
  });
});

describe("aggregate: a cluster of 6 with one rare answer", () => {
  const round = roundOf("vejle", v1, { invited: 8 });
  const ideas = [
    "Åbenhed om ventetider",
    "Zoneterapi? Nej tak",
    "Ærlig tilbagemelding",
    "bedre telefontid",
    "Øget bemanding om natten",
    "Fælles journal",
  ];
  const responses = ideas.map((idea, i) =>
    respond(v1, round.id, {
      "akut.kendskab": { choice: i < 5 ? "nogen" : "slet" },
      "akut.henvisning":
        i < 5
          ? { choices: ["elektronisk", "telefon"] }
          : { choices: ["telefon", "andet"], otherText: "Via vagtlægen" },
      "akut.tilbagemelding": { choice: "nej" },
      "akut.ideer": { text: idea },
      "akut.behov": { rows: i < 4 ? { akut: "godt", kronisk: "delvist" } : { akut: "godt" } },
    }),
  );
  const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));

  it("shows the respondents and the response rate", () => {
    expect(report.rounds[0]).toMatchObject({
      respondents: shown(6),
      responseRate: { status: "shown", value: 0.75 },
    });
  });

  it("withholds the rare cell and one more under the same reason, and the mean", () => {
    const rating = resultOf(report, "akut.kendskab", round.id, "rating");
    expect(rating).toMatchObject({ asked: shown(6), answered: shown(6), skipped: shown(0) });
    expect(cellsOf(rating.options)).toEqual({
      hoej: zero,
      nogen: withheld("small_cell"),
      mindre: zero,
      slet: withheld("small_cell"),
      "ved-ikke": zero,
    });
    expect(rating.mean).toEqual(withheld("derived"));
  });

  it("does not take a zero as the complementary cell, so the rare count cannot be worked out", () => {
    // With "hoej" (0) withheld instead and "nogen" shown as 5, "slet" would be 6 − 5 − 0 = 1.
    const rating = resultOf(report, "akut.kendskab", round.id, "rating");
    const shownTotal = rating.options.reduce(
      (sum, o) => sum + (o.cell.status === "shown" ? o.cell.count : 0),
      0,
    );
    expect(shownTotal).toBe(0);
  });

  it("gives multiple-choice shares of respondents, not of ticks, and withholds a rare tick and a unanimous one", () => {
    // All 6 ticked "Telefonisk": in a group under 10 (the default unanimousBelow) that tells each
    // one's answer, so it is withheld too; it could be anything from 1 to 6 for a reader.
    const multi = resultOf(report, "akut.henvisning", round.id, "multi");
    expect(cellsOf(multi.options)).toEqual({
      elektronisk: { status: "shown", count: 5, share: 5 / 6 },
      telefon: withheld("small_cell"),
      forloebsplan: zero,
      andet: withheld("small_cell"),
      ingen: zero,
    });
    expect(multi.otherTexts).toEqual(withheld("small_cell"));
  });

  it("withholds a single choice everyone in a group under 10 agreed on, and the zeros that would give it away", () => {
    const single = resultOf(report, "akut.tilbagemelding", round.id, "single");
    const hidden = withheld("small_cell");
    expect(cellsOf(single.options)).toEqual({
      "ja-ofte": hidden,
      "ja-nogle": hidden,
      nej: hidden,
      andet: hidden,
      "ved-ikke": hidden,
    });
    expect(single.answered).toEqual(shown(6));
    expect(single.otherTexts).toEqual(hidden);
  });

  it("shows a single choice everyone agreed on in a group of 10 or more", () => {
    const responses = respondMany(10, v1, round.id, { "akut.tilbagemelding": { choice: "nej" } });
    const ten = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
    const single = resultOf(ten, "akut.tilbagemelding", round.id, "single");
    expect(cellsOf(single.options)).toMatchObject({ nej: cell(10, 10), "ja-ofte": zero });
    expect(single.otherTexts).toEqual({ status: "shown", items: [] });
  });

  it("lists the free texts in code-unit order, whatever order they came in", () => {
    expect(resultOf(report, "akut.ideer", round.id, "text").texts).toEqual({
      status: "shown",
      items: [
        "Fælles journal",
        "Zoneterapi? Nej tak",
        "bedre telefontid",
        "Åbenhed om ventetider",
        "Ærlig tilbagemelding",
        "Øget bemanding om natten",
      ],
    });
  });

  it("orders texts that look alike (é and e + combining accent) by code point, not by arrival", () => {
    // "Café" written with é, and with e + combining accent: equal to the collator, not the same text.
    const texts = ["Caf\u00e9", "Cafe\u0301", "Ok", "Caf\u00e9", "Cafe\u0301"];
    const byOrder = (list: string[]) => {
      const responses = list.map((text) => respond(v1, round.id, { "akut.ideer": { text } }));
      return resultOf(
        reportOf(aggregate({ rounds: [round], versions: [v1], responses })),
        "akut.ideer",
        round.id,
        "text",
      );
    };
    expect(byOrder(texts).texts).toEqual({
      status: "shown",
      items: ["Cafe\u0301", "Cafe\u0301", "Caf\u00e9", "Caf\u00e9", "Ok"],
    });
    expect(byOrder([...texts].reverse())).toEqual(byOrder(texts));
  });

  it("shows how many answered a matrix row of 6, not that all 6 chose the same, and withholds a row of 4", () => {
    const [akut, kronisk] = resultOf(report, "akut.behov", round.id, "matrix").rows;
    expect(akut).toMatchObject({ code: "akut", answered: shown(6), mean: withheld("derived") });
    const hidden = withheld("small_cell");
    expect(cellsOf(akut?.options ?? [])).toEqual({
      godt: hidden,
      delvist: hidden,
      daarligt: hidden,
      "ved-ikke": hidden,
    });
    expect(kronisk).toMatchObject({ code: "kronisk", answered: few, mean: few });
    expect(Object.values(cellsOf(kronisk?.options ?? []))).toEqual([few, few, few, few]);
  });

  it("notes every withheld figure in Danish, by question text and option label", () => {
    expect(report.suppressed.map((n) => [n.questionId, n.rowCode, n.optionCode, n.reason])).toEqual(
      [
        ["akut.kendskab", undefined, "nogen", "small_cell"],
        ["akut.kendskab", undefined, "slet", "small_cell"],
        ["akut.kendskab", undefined, undefined, "derived"],
        ["akut.henvisning", undefined, "andet", "small_cell"],
        ["akut.henvisning", undefined, "telefon", "small_cell"],
        ["akut.tilbagemelding", undefined, "nej", "small_cell"],
        ["akut.tilbagemelding", undefined, "ja-ofte", "small_cell"],
        ["akut.tilbagemelding", undefined, "ja-nogle", "small_cell"],
        ["akut.tilbagemelding", undefined, "andet", "small_cell"],
        ["akut.tilbagemelding", undefined, "ved-ikke", "small_cell"],
        ["akut.behov", "kronisk", undefined, "few_respondents"],
        ["akut.behov", "akut", "godt", "small_cell"],
        ["akut.behov", "akut", undefined, "derived"],
        ["akut.behov", "akut", "delvist", "small_cell"],
        ["akut.behov", "akut", "daarligt", "small_cell"],
        ["akut.behov", "akut", "ved-ikke", "small_cell"],
      ],
    );
    expect(report.suppressed.slice(1, 3).map((n) => n.message.da)).toEqual([
      "»Hvad er dit kendskab til indholdet i kommunens akutfunktioner?«, svaret »Slet ikke« (runden »Runde vejle«): antallet vises ikke (anonymitet). Enten valgte færre end 5 svaret, eller alle i en lille gruppe valgte det, eller antallet er skjult, så sådan et tal ikke kan regnes ud.",
      "»Hvad er dit kendskab til indholdet i kommunens akutfunktioner?« (runden »Runde vejle«): gennemsnittet vises ikke, fordi det sammen med de viste tal ville afsløre et skjult antal (anonymitet).",
    ]);
    expect(report.suppressed[10]?.message.da).toBe(
      "»Hvor godt oplever du, at akutfunktionerne opfylder behovet for de henviste patienter?«, rækken »Kronisk sygdom« (runden »Runde vejle«): svarene vises ikke, fordi færre end 5 har svaret på rækken (anonymitet).",
    );
    for (const note of report.suppressed) {
      expect(note.message.da).not.toContain(note.questionId ?? "-");
      expect(note.message.en).toMatch(/^».+« .*\(round »Runde vejle«\)/);
    }
  });
});

describe("aggregate: ratings and means", () => {
  it("averages the ordinal codes without 'Ved ikke', which is its own cell", () => {
    const round = roundOf("r", v1);
    const responses = [
      ...respondMany(3, v1, round.id, { "akut.kendskab": { choice: "hoej" } }),
      ...respondMany(4, v1, round.id, { "akut.kendskab": { choice: "nogen" } }),
      ...respondMany(3, v1, round.id, { "akut.kendskab": { choice: "ved-ikke" } }),
    ];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses, k: 3 }));
    const rating = resultOf(report, "akut.kendskab", round.id, "rating");
    expect(rating.mean).toEqual({ status: "shown", value: (3 * 4 + 4 * 3) / 7, n: 7 });
    expect(cellsOf(rating.options)).toEqual({
      hoej: cell(3, 10),
      nogen: cell(4, 10),
      mindre: zero,
      slet: zero,
      "ved-ikke": cell(3, 10),
    });
    expect(rating.options[4]).toEqual({
      code: "ved-ikke",
      label: { da: "Ved ikke" },
      kind: "dontKnow",
      cell: cell(3, 10),
    });
    expect(report.suppressed.filter((n) => n.questionId === "akut.kendskab")).toEqual([]);
  });

  it("gives the exact mean of 10 respondents with the default k", () => {
    const round = roundOf("r", v1);
    const responses = [
      ...respondMany(5, v1, round.id, {
        "akut.kendskab": { choice: "hoej" },
        "akut.behov": { rows: { akut: "godt" } },
      }),
      ...respondMany(5, v1, round.id, {
        "akut.kendskab": { choice: "ved-ikke" },
        "akut.behov": { rows: { akut: "delvist" } },
      }),
    ];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
    expect(resultOf(report, "akut.kendskab", round.id, "rating").mean).toEqual({
      status: "shown",
      value: 4,
      n: 5,
    });
    const [akut] = resultOf(report, "akut.behov", round.id, "matrix").rows;
    expect(akut?.mean).toEqual({ status: "shown", value: 2.5, n: 10 });
    const aboutThese = (n: Report["suppressed"][number]) =>
      n.questionId === "akut.kendskab" || (n.questionId === "akut.behov" && n.rowCode === "akut");
    expect(report.suppressed.filter(aboutThese)).toEqual([]);
  });

  it("notes a question that was asked but answered by nobody, saying so (rule 10)", () => {
    const round = roundOf("r", v1);
    const responses = respondMany(6, v1, round.id, { "akut.kendskab": { choice: "hoej" } });
    const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
    const ideas = resultOf(report, "akut.ideer", round.id, "text");
    expect([ideas.asked, ideas.answered, ideas.texts]).toEqual([shown(6), shown(0), few]);
    expect(report.suppressed.filter((n) => n.questionId === "akut.ideer")).toEqual([
      {
        roundId: "r",
        questionId: "akut.ideer",
        reason: "few_respondents",
        message: {
          da: "»Har du ideer til forbedringer?« (runden »Runde r«): ingen har svaret på spørgsmålet, så der er ingen svar at vise.",
          en: "»Har du ideer til forbedringer?« (round »Runde r«): nobody answered this question, so there are no answers to show.",
        },
      },
    ]);
  });

  it("withholds a mean of fewer than k scale answers, with its own note", () => {
    const round = roundOf("r", v1);
    const responses = [
      ...respondMany(4, v1, round.id, { "akut.kendskab": { choice: "hoej" } }),
      ...respondMany(6, v1, round.id, { "akut.kendskab": { choice: "ved-ikke" } }),
    ];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
    const rating = resultOf(report, "akut.kendskab", round.id, "rating");
    expect(rating.mean).toEqual(few);
    expect(cellsOf(rating.options)).toMatchObject({
      hoej: withheld("small_cell"),
      "ved-ikke": withheld("small_cell"),
    });
    expect(
      report.suppressed.filter(
        (n) => n.questionId === "akut.kendskab" && n.optionCode === undefined,
      ),
    ).toEqual([
      {
        roundId: "r",
        questionId: "akut.kendskab",
        reason: "few_respondents",
        message: {
          da: '»Hvad er dit kendskab til indholdet i kommunens akutfunktioner?« (runden »Runde r«): gennemsnittet vises ikke, fordi færre end 5 har svaret på skalaen ("Ved ikke" tæller ikke med) (anonymitet).',
          en: '»Hvad er dit kendskab til indholdet i kommunens akutfunktioner?« (round »Runde r«): the mean is not shown because fewer than 5 answered on the scale ("Don\'t know" does not count) (anonymity).',
        },
      },
    ]);
  });
});

describe("aggregate: multiple choice whose ticks add up", () => {
  it("withholds a second cell when only one regular option was ticked", () => {
    // 9 ticked "telefon" only, 1 "Jeg henviser ikke": shown 9 would give the 1 away (10 − 9).
    const round = roundOf("r", v1);
    const responses = [
      ...respondMany(9, v1, round.id, { "akut.henvisning": { choices: ["telefon"] } }),
      respond(v1, round.id, { "akut.henvisning": { choices: ["ingen"] } }),
    ];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
    expect(cellsOf(resultOf(report, "akut.henvisning", round.id, "multi").options)).toEqual({
      elektronisk: zero,
      telefon: withheld("small_cell"),
      forloebsplan: zero,
      andet: zero,
      ingen: withheld("small_cell"),
    });
  });
});

describe("aggregate: response rate", () => {
  it("is respondents over invited when invited is known", () => {
    const round = roundOf("r", v1, { invited: 20 });
    const answers = { "akut.kendskab": { choice: "hoej" } };
    const report = reportOf(
      aggregate({ rounds: [round], versions: [v1], responses: respondMany(5, v1, "r", answers) }),
    );
    expect(report.rounds[0]).toMatchObject({
      invited: 20,
      respondents: shown(5),
      responseRate: { status: "shown", value: 0.25 },
    });
  });

  it("is unknown when invited is not given", () => {
    const round = roundOf("r", v1);
    const report = reportOf(
      aggregate({ rounds: [round], versions: [v1], responses: respondMany(5, v1, "r", {}) }),
    );
    expect(report.rounds[0]?.responseRate).toEqual({ status: "unknown" });
    expect(report.rounds[0] !== undefined && "invited" in report.rounds[0]).toBe(false);
  });

  it("is 0 for a round nobody answered yet", () => {
    const report = reportOf(
      aggregate({ rounds: [roundOf("r", v1, { invited: 12 })], versions: [v1], responses: [] }),
    );
    expect(report.rounds[0]).toMatchObject({
      respondents: shown(0),
      responseRate: { status: "shown", value: 0 },
    });
  });
});

describe("aggregate: an answer set with no answers", () => {
  const answers = { "akut.kendskab": { choice: "hoej" } };

  it("is not a respondent: not in respondents, asked or the response rate, and not rejected", () => {
    const round = roundOf("r", v1, { invited: 10 });
    const responses = [...respondMany(5, v1, "r", answers), ...respondMany(3, v1, "r", {})];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
    expect(report.rounds[0]).toMatchObject({
      respondents: shown(5),
      responseRate: { status: "shown", value: 0.5 },
      rejected: [],
    });
    expect(resultOf(report, "akut.kendskab", "r", "rating")).toMatchObject({ asked: shown(5) });
    expect(report.rejected).toEqual([]);
  });

  it("is counted nowhere by Accumulator.add either", () => {
    const empty = respond(v1, "r", {}) as unknown as Response;
    const state = new Accumulator().add(v1, empty).state;
    expect(state).toEqual(new Accumulator().state);
  });

  it("does not keep a copy of its id with answers from counting, in either order", () => {
    const round = roundOf("r", v1);
    const full = respondMany(5, v1, "r", answers);
    const first = full[0] as { id: string };
    const emptyCopy = { ...respond(v1, "r", {}), id: first.id };
    for (const responses of [
      [emptyCopy, ...full],
      [...full, emptyCopy],
    ]) {
      const report = reportOf(aggregate({ rounds: [round], versions: [v1], responses }));
      expect(report.rounds[0]).toMatchObject({ respondents: shown(5), rejected: [] });
    }
  });
});

describe("aggregate: across questionnaire versions", () => {
  const onV1 = {
    "akut.kendskab": { choice: "hoej" },
    "akut.henvisning": { choices: ["forloebsplan"] },
    "akut.ideer": { text: "Fælles telefonnummer" },
  };
  const onV2 = {
    "akut.kendskab": { choice: "hoej" },
    "akut.henvisning": { choices: ["telefon"] },
    "akut.vejle": { text: "Hurtig respons" },
  };

  it("version 2 is version 1 with one question removed, one added and one option removed", () => {
    expect(v2.questionnaire.questions.map((q) => q.id)).toEqual([
      "akut.kendskab",
      "akut.henvisning",
      "akut.tilbagemelding",
      "akut.behov",
      localQuestion.id,
    ]);
    const multi = v2.questionnaire.questions[1];
    expect(multi?.type === "multi" && multi.options.map((o) => o.code)).toEqual([
      "elektronisk",
      "telefon",
      "andet",
      "ingen",
    ]);
  });

  describe("one round answered on both versions", () => {
    const round = roundOf("vejle", v2);
    const responses = [
      ...respondMany(6, v1, round.id, onV1),
      ...respondMany(5, v2, round.id, onV2),
    ];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1, v2], responses }));

    it("lists both versions and counts everyone", () => {
      expect(report.rounds[0]).toMatchObject({
        versions: [v1.hash, v2.hash],
        respondents: shown(11),
      });
    });

    it("orders the questions as the newest version, then those only older versions asked", () => {
      expect(report.questions.map((q) => q.id)).toEqual([
        "akut.kendskab",
        "akut.henvisning",
        "akut.tilbagemelding",
        "akut.behov",
        "akut.vejle",
        "akut.ideer",
      ]);
    });

    it("counts a question only where it was asked", () => {
      expect(resultOf(report, "akut.kendskab", round.id, "rating")).toMatchObject({
        asked: shown(11),
        answered: shown(11),
        skipped: shown(0),
        mean: { status: "shown", value: 4, n: 11 },
      });
      expect(resultOf(report, "akut.ideer", round.id, "text")).toMatchObject({
        asked: shown(6),
        answered: shown(6),
        skipped: shown(0),
        texts: { status: "shown", items: Array(6).fill("Fælles telefonnummer") },
      });
      expect(resultOf(report, "akut.vejle", round.id, "text")).toMatchObject({
        asked: shown(5),
        answered: shown(5),
        texts: { status: "shown", items: Array(5).fill("Hurtig respons") },
      });
    });

    it("still counts an option removed in version 2 for the version 1 responses", () => {
      const question = report.questions.find((q) => q.id === "akut.henvisning");
      expect(question?.options?.map((o) => o.code)).toEqual([
        "elektronisk",
        "telefon",
        "andet",
        "ingen",
        "forloebsplan",
      ]);
      expect(cellsOf(resultOf(report, "akut.henvisning", round.id, "multi").options)).toEqual({
        elektronisk: zero,
        telefon: cell(5, 11),
        andet: zero,
        ingen: zero,
        forloebsplan: cell(6, 11),
      });
    });

    it("shows 0 answered to a question nobody answered, and what it was asked of", () => {
      expect(resultOf(report, "akut.tilbagemelding", round.id, "single")).toMatchObject({
        asked: shown(11),
        answered: shown(0),
        skipped: shown(11),
      });
    });
  });

  describe("two rounds, each on its own version", () => {
    const baseline = roundOf("baseline", v1);
    const followUp = roundOf("opfoelgning", v2);
    const responses = [
      ...respondMany(6, v1, baseline.id, onV1),
      ...respondMany(5, v2, followUp.id, onV2),
    ];
    // Everyone gave the same answers: the group-disclosure rule is off here, where the subject is
    // how versions are laid out (it has tests of its own).
    const report = reportOf(
      aggregate({
        rounds: [baseline, followUp],
        versions: [v1, v2],
        responses,
        unanimousBelow: 0,
      }),
    );

    it("shows the local question only in the round that asked it", () => {
      expect(roundResult(report, "akut.vejle", baseline.id)).toEqual({
        type: "not_asked",
        roundId: baseline.id,
      });
      expect(resultOf(report, "akut.vejle", followUp.id, "text")).toMatchObject({
        asked: shown(5),
        answered: shown(5),
      });
      expect(resultOf(report, "akut.ideer", baseline.id, "text")).toMatchObject({
        asked: shown(6),
        answered: shown(6),
      });
      expect(roundResult(report, "akut.ideer", followUp.id)).toEqual({
        type: "not_asked",
        roundId: followUp.id,
      });
    });

    it("marks the removed option not offered in the round that only used version 2", () => {
      const before = cellsOf(resultOf(report, "akut.henvisning", baseline.id, "multi").options);
      const after = cellsOf(resultOf(report, "akut.henvisning", followUp.id, "multi").options);
      expect(before.forloebsplan).toEqual(cell(6, 6));
      expect(after.forloebsplan).toEqual({ status: "not_offered" });
      expect(after.telefon).toEqual(cell(5, 5));
    });

    it("counts each round's respondents on its own", () => {
      expect(resultOf(report, "akut.kendskab", baseline.id, "rating").asked).toEqual(shown(6));
      expect(resultOf(report, "akut.kendskab", followUp.id, "rating").asked).toEqual(shown(5));
    });
  });

  it("withholds how many were asked, and so what they skipped, when fewer than k were", () => {
    // 2 tablets still on version 1: "asked 2" and "skipped 2" would say so.
    const round = roundOf("vejle", v2);
    const responses = [
      ...respondMany(6, v2, round.id, { "akut.kendskab": { choice: "hoej" } }),
      ...respondMany(2, v1, round.id, { "akut.kendskab": { choice: "hoej" } }),
    ];
    const report = reportOf(aggregate({ rounds: [round], versions: [v1, v2], responses }));
    expect(resultOf(report, "akut.ideer", round.id, "text")).toMatchObject({
      asked: few,
      answered: shown(0),
      skipped: few,
      texts: few,
    });
    expect(report.suppressed.filter((n) => n.questionId === "akut.ideer")).toEqual([
      expect.objectContaining({
        reason: "few_respondents",
        message: expect.objectContaining({ da: expect.any(String) }),
      }),
    ]);
  });
});

describe("aggregate: a round's figures do not depend on the other rounds", () => {
  // Baseline: 3 "Ja, ofte", 6 "Ja, nogle gange", 6 "Nej". With k = 5 the 3 is withheld, and one
  // of the two 6s with it (the first in option order). Had the follow-up's version decided which,
  // the baseline report and the two-round report could withhold different 6s: 15 − 6 − 6 = 3.
  const feedback = (choice: string) => ({ "akut.tilbagemelding": { choice } });
  const baselineAnswers = (round: string) => [
    ...respondMany(3, v1, round, feedback("ja-ofte")),
    ...respondMany(6, v1, round, feedback("ja-nogle")),
    ...respondMany(6, v1, round, feedback("nej")),
  ];
  const edited = (change: (q: Question) => Question) => {
    const result = applyEdits(v1, replaceQuestion(v1, "akut.tilbagemelding", change), {
      label: "Opfølgning",
    });
    if (!result.success) expect.fail(JSON.stringify(result.issues));
    return result.data;
  };
  const baselineAloneAndBeside = (followUpVersion: QuestionnaireVersion) => {
    const baseline = roundOf("baseline", v1);
    const followUp = roundOf("opfoelgning", followUpVersion);
    const responses = [
      ...baselineAnswers(baseline.id),
      ...respondMany(5, followUpVersion, followUp.id, feedback("nej")),
    ];
    const versions = [v1, followUpVersion];
    const alone = reportOf(aggregate({ rounds: [baseline], versions, responses }));
    const both = reportOf(aggregate({ rounds: [baseline, followUp], versions, responses }));
    const notesOf = (r: Report) => r.suppressed.filter((n) => n.roundId === baseline.id);
    return {
      alone: roundResult(alone, "akut.tilbagemelding", baseline.id),
      beside: roundResult(both, "akut.tilbagemelding", baseline.id),
      notes: [notesOf(alone), notesOf(both)],
      options: both.questions.find((q) => q.id === "akut.tilbagemelding")?.options,
    };
  };

  it("withholds the same cells when the follow-up dropped an option in the middle", () => {
    const { alone, beside, notes, options } = baselineAloneAndBeside(
      edited((q) =>
        q.type === "single" ? { ...q, options: q.options.filter((o) => o.code !== "ja-nogle") } : q,
      ),
    );
    // The report lists the dropped option last; the baseline still withholds by its own order.
    expect(options?.map((o) => o.code)).toEqual([
      "ja-ofte",
      "nej",
      "andet",
      "ved-ikke",
      "ja-nogle",
    ]);
    expect(beside.type === "single" && cellsOf(beside.options)).toEqual({
      "ja-ofte": withheld("small_cell"),
      nej: cell(6, 15),
      andet: zero,
      "ved-ikke": zero,
      "ja-nogle": withheld("small_cell"),
    });
    expect(alone.type === "single" && cellsOf(alone.options)).toEqual(
      beside.type === "single" && cellsOf(beside.options),
    );
    expect(notes[1]).toEqual(notes[0]);
  });

  it("keeps a round's own type when a later version changed the question's", () => {
    // As multiple choice (three options ticked, so not linked) only the 3 would be withheld.
    const { alone, beside, notes } = baselineAloneAndBeside(
      edited((q) => (q.type === "single" ? { ...q, type: "multi" } : q)),
    );
    expect(beside).toEqual(alone);
    expect(beside.type).toBe("single");
    expect(notes[1]).toEqual(notes[0]);
  });
});

describe("aggregate: rejected responses", () => {
  const round = roundOf("vejle", v1);
  const valid = respondMany(5, v1, round.id, { "akut.kendskab": { choice: "hoej" } });
  const unknownOption = respond(v1, round.id, { "akut.kendskab": { choice: "meget" } });
  const unknownVersion = respond(
    v1,
    round.id,
    { "akut.kendskab": { choice: "hoej" } },
    { versionHash: "f".repeat(64) },
  );
  const wrongVersion = respond(v2, round.id, { "akut.ideer": { text: "Skrevet til version 1" } });
  const noStart = respond(v1, round.id, {}, { startedAt: undefined });
  const unknownRound = respond(v1, "ukendt-runde", { "akut.kendskab": { choice: "hoej" } });
  const copy = { ...valid[0] };
  const garbage = [42, null, "svar", { id: 7 }, [valid[1]]];
  const responses = [
    ...valid,
    unknownOption,
    unknownVersion,
    wrongVersion,
    noStart,
    unknownRound,
    copy,
    ...garbage,
  ];
  const report = reportOf(aggregate({ rounds: [round], versions: [v1, v2], responses }));
  const summary = (r: RejectedResponse) => ({
    responseId: r.responseId,
    issues: r.issues.map((i) => [i.code, i.path]),
  });
  const state = accumulate({ rounds: [round], versions: [v1, v2], responses }).state;

  it("counts only the valid responses", () => {
    expect(report.rounds[0]?.respondents).toEqual(shown(5));
    expect(resultOf(report, "akut.kendskab", round.id, "rating").answered).toEqual(shown(5));
  });

  it("keeps every rejected response with its issues in the accumulator, for the coordinator", () => {
    const rejected = state.rejected.filter((r) => r.roundId === round.id).map(summary);
    expect(rejected).toHaveLength(5);
    expect(rejected).toEqual(
      expect.arrayContaining([
        {
          responseId: unknownOption.id,
          issues: [["unknown_option", ["answers", "akut.kendskab", "choice"]]],
        },
        { responseId: unknownVersion.id, issues: [["unknown_version", ["versionHash"]]] },
        { responseId: wrongVersion.id, issues: [["unknown_question", ["answers", "akut.ideer"]]] },
        { responseId: noStart.id, issues: [["invalid_type", ["startedAt"]]] },
        { responseId: copy.id, issues: [["duplicate_response", ["id"]]] },
      ]),
    );
  });

  it("lists a tampered response under its round in the report, by issue code only", () => {
    expect(report.rounds[0]?.rejected.map((r) => [r.responseId, r.codes])).toEqual(
      expect.arrayContaining([
        [unknownOption.id, ["unknown_option"]],
        [unknownVersion.id, ["unknown_version"]],
        [wrongVersion.id, ["unknown_question"]],
        [noStart.id, ["invalid_type"]],
        [copy.id, ["duplicate_response"]],
      ]),
    );
    expect(report.rounds[0]?.rejected).toHaveLength(5);
  });

  it("never quotes what a rejected response said", () => {
    // The wrong-version response wrote this text; a report is shown at the meeting.
    expect(JSON.stringify(report)).not.toContain("Skrevet til version 1");
    expect(JSON.stringify(state.rejected)).toContain("akut.ideer");
  });

  it("lists responses naming no round of the report, and garbage, at the top", () => {
    const rejected = state.rejected.filter((r) => r.roundId !== round.id).map(summary);
    expect(rejected).toHaveLength(6);
    expect(rejected).toEqual(
      expect.arrayContaining([
        { responseId: unknownRound.id, issues: [["unknown_round", ["roundId"]]] },
        ...garbage.map(() => ({ responseId: null, issues: [["unknown_round", ["roundId"]]] })),
      ]),
    );
    expect(report.rejected.map((r) => r.codes)).toEqual(rejected.map(() => ["unknown_round"]));
    for (const r of state.rejected.filter((r) => r.roundId !== round.id))
      expect(formatIssue(r.issues[0] as Issue, "da")).toMatch(/^Runden ".*" er ukendt\.$/);
  });

  it("lists them in an order that does not depend on the order they came in", () => {
    const reversed = reportOf(
      aggregate({ rounds: [round], versions: [v1, v2], responses: [...responses].reverse() }),
    );
    expect(reversed).toEqual(report);
  });
});

describe("aggregate: options", () => {
  const round = roundOf("r", v1);

  it.each([2, 0, -5, 4.5, Number.NaN])("refuses k = %s", (k) => {
    const result = aggregate({ rounds: [round], versions: [v1], responses: [], k });
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((i) => [i.code, i.path])).toEqual([
      ["too_small", ["k"]],
    ]);
  });

  it("accepts k = 3 and applies it", () => {
    const responses = respondMany(3, v1, round.id, { "akut.kendskab": { choice: "slet" } });
    // All 3 chose "Slet ikke": the group-disclosure rule would withhold it; off, to see k alone.
    const report = reportOf(
      aggregate({ rounds: [round], versions: [v1], responses, k: 3, unanimousBelow: 0 }),
    );
    expect(report.unanimousBelow).toBe(0);
    expect(report.k).toBe(3);
    expect(resultOf(report, "akut.kendskab", round.id, "rating").mean).toEqual({
      status: "shown",
      value: 1,
      n: 3,
    });
  });

  it("refuses a round on a version it was not given", () => {
    const result = aggregate({ rounds: [roundOf("r", v2)], versions: [v1], responses: [] });
    expect(!result.success && result.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_version", ["rounds", 0, "versionHash"]],
    ]);
  });
});

describe("aggregate: a saved accumulator state", () => {
  // Ids and codes may be "constructor": a revived plain object must not reach Object.prototype.
  const questionnaire = {
    schemaVersion: 1,
    id: "proto",
    title: { da: "Proto" },
    questions: [
      {
        id: "constructor",
        type: "single",
        text: { da: "Hvilken?" },
        options: [
          { code: "constructor", label: { da: "Den ene" } },
          { code: "tostring", label: { da: "Den anden" } },
        ],
      },
    ],
  };
  const version = versionOf(questionnaire, "proto");
  const round = roundOf("constructor", version);
  const answers = { constructor: { choice: "constructor" } };

  it("counts on correctly after a JSON round trip of its state", () => {
    // The saved state has neither the round nor the option "constructor" yet.
    const other = roundOf("other", version);
    const rounds = [other, round];
    const first = accumulate({
      rounds,
      versions: [version],
      responses: respondMany(5, version, other.id, { constructor: { choice: "tostring" } }),
    });
    const revived = new Accumulator(JSON.parse(JSON.stringify(first.state)));
    accumulate(
      { rounds, versions: [version], responses: respondMany(6, version, round.id, answers) },
      revived,
    );
    // All 6 chose the same: the group-disclosure rule is off, this test is about the state.
    const report = reportOf(
      buildReport(revived.state, { rounds, versions: [version], unanimousBelow: 0 }),
    );
    const result = resultOf(report, "constructor", "constructor", "single");
    const none = { status: "shown", count: 0, share: 0 };
    expect(cellsOf(result.options)).toEqual({ constructor: cell(6, 6), tostring: none });
  });
});
