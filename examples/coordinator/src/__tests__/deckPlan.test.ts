import { localize, type MeetingPlan, type Report } from "@klynge/engine";
import { getPackage } from "@klynge/question-bank";
import { chartGroups, comparisonView } from "@klynge/widget/report";
import { describe, expect, it } from "vitest";
import { coordinatorMessages } from "../messages.js";
import { akutReport } from "./fixtures/akutReport.js";
import { k, planReport, repeatedOften, repeatedTwice } from "./fixtures/planReports.js";
import { generatedAt, referrals } from "./fixtures/report.js";
import { bulletsOf, textOf, titleOf, unzipDeck } from "./fixtures/unzipDeck.js";

const da = coordinatorMessages.da;

function packageOf(id: "rehab" | "akut") {
  const pkg = getPackage(id);
  if (pkg === undefined) throw new Error(`the bank has no package ${id}`);
  return pkg;
}

/** Titles in order, a run of slides with one title (a question's chart and texts, "fortsat") once. */
function titleRuns(slides: readonly string[]): string[] {
  const titles = slides.map((xml) => titleOf(xml).replace(` ${da.deckContinued}`, ""));
  return titles.filter((title, i) => i === 0 || titles[i - 1] !== title);
}

/**
 * The titles the plan calls for, in its order, worked out from the plan and the report alone:
 * a block's intro, the slots for its talks at the start, its questions' results (and how they
 * changed, when the rounds show any change), its referral figures, the slots at the end, its
 * reflections, "Fælles dialog"; the questions no block names (and the referral figures when no
 * block has them) before "Opsamling og opfølgning".
 */
function expectedTitles(plan: MeetingPlan, report: Report, packageTitle: string): string[] {
  const t = (text: { da: string }) => localize(text, "da").text;
  const questionTitles = (ids: readonly string[]) => {
    const questions = ids.flatMap((id) => report.questions.filter((q) => q.id === id));
    const comparison = report.comparisons[0];
    const changed =
      comparison !== undefined &&
      comparisonView(report, {
        ...comparison,
        questions: comparison.questions.filter((q) => ids.includes(q.id)),
      }).questions.length > 0;
    const view = comparison === undefined ? null : comparisonView(report, comparison);
    return [
      ...questions.map((q) => t(q.text)),
      ...(changed && view !== null ? [da.comparisonTitle(view.baseline, view.followUp)] : []),
    ];
  };
  const planned = plan.items.flatMap((i) => (i.kind === "block" ? i.questions : []));
  const others = report.questions.map((q) => q.id).filter((id) => !planned.includes(id));
  const titles = [packageTitle, da.deckProgramme];
  let block = 0;
  for (const item of plan.items) {
    if (item.kind === "block") {
      block += 1;
      const name = da.deckBlock(block, t(item.title));
      titles.push(name);
      for (const talk of item.talks) if (talk.at === "start") titles.push(t(talk.title));
      titles.push(...questionTitles(item.questions));
      if (item.referrals) titles.push(da.referralTitle);
      for (const talk of item.talks) if (talk.at === "end") titles.push(t(talk.title));
      if (item.reflections.length > 0) titles.push(da.deckReflections(name));
      titles.push(da.deckDialog);
    } else if (item.kind === "follow-up") {
      // Referral figures no block takes come with the other questions.
      const unplanned = !plan.items.some((i) => i.kind === "block" && i.referrals);
      if (others.length > 0 || unplanned)
        titles.push(
          da.deckOtherQuestions,
          ...questionTitles(others),
          ...(unplanned ? [da.referralTitle] : []),
        );
      titles.push(t(item.title), da.deckActions(t(item.title)));
    } else titles.push(t(item.title));
  }
  return titles;
}

describe.each(["rehab", "akut"] as const)("the deck follows the %s package's plan", (id) => {
  const pkg = packageOf(id);
  const report = planReport(id);
  const packageTitle = localize(pkg.title, "da").text;
  const deck = unzipDeck({
    report,
    referrals,
    locale: "da",
    generatedAt,
    plan: pkg.plan,
    packageTitle,
    referralPeriod: "1. januar – 31. december 2026",
  });

  it("has its slides' titles in the plan's order", async () => {
    const { slides } = await deck;
    expect(titleRuns(slides)).toEqual(expectedTitles(pkg.plan, report, packageTitle));
  });

  it("has a results slide for each question of each block, inside that block", async () => {
    const titles = (await deck).slides.map(titleOf);
    let block = 0;
    for (const item of pkg.plan.items) {
      if (item.kind !== "block") continue;
      block += 1;
      const start = titles.indexOf(da.deckBlock(block, localize(item.title, "da").text));
      const end = titles.indexOf(da.deckDialog, start);
      expect(start).toBeGreaterThan(-1);
      for (const qid of item.questions) {
        const question = report.questions.find((q) => q.id === qid);
        const at = titles.indexOf(localize(question?.text ?? { da: qid }, "da").text, start);
        expect({ qid, inBlock: at > start && at < end }).toEqual({ qid, inBlock: true });
      }
    }
  });

  it("puts the package, cluster, municipality and each round's response rate on the title slide", async () => {
    const title = textOf((await deck).slides[0] ?? "");
    expect(title).toContain(packageTitle);
    expect(title).toContain("Klynge Øst + Aarhus Kommune");
    const [first, second] = report.rounds;
    const respondents = first?.respondents.status === "shown" ? first.respondents.value : -1;
    expect(title).toContain(
      `Baseline, marts 2027: ${respondents} af 20 inviterede har svaret (svarprocent ${Math.round((respondents / 20) * 100)}\u00a0%)`,
    );
    // No number invited in the follow-up: the count alone.
    expect(second?.respondents).toEqual({ status: "shown", value: 11 });
    expect(title).toContain("Opfølgning, oktober 2027: 11 har svaret");
  });

  it("writes 'skjult' where each withheld bar would be, and notes the figures behind each chart", async () => {
    const { slides, notes } = await deck;
    let hiddenBars = 0;
    for (const question of report.questions) {
      const groups = chartGroups(question);
      if (groups === null || question.type === "matrix") continue;
      const group = groups[0];
      if (group === undefined) continue;
      const index = slides.findIndex(
        (xml) => titleOf(xml) === question.text.da && xml.includes("<p:graphicFrame"),
      );
      expect(index, question.id).toBeGreaterThan(-1);
      const hidden = group.bars.flatMap((bar) => bar.values.filter((v) => v.kind === "hidden"));
      hiddenBars += hidden.length;
      const boxes = (slides[index]?.match(/<a:t>skjult<\/a:t>/g) ?? []).length;
      expect({ id: question.id, boxes }).toEqual({ id: question.id, boxes: hidden.length });
      const note = textOf(notes[index] ?? "");
      group.bars.forEach((bar) => {
        const value = bar.values[0];
        if (value?.kind === "shown") expect(note).toContain(`${bar.label.da}: ${value.count} (`);
        if (value?.kind === "hidden") expect(note).toContain(`${bar.label.da}: skjult`);
      });
      expect(note).toContain("Baseline, marts 2027: Besvaret af");
      expect(note, "a sentence then a semicolon").not.toMatch(/\.;/);
    }
    expect(hiddenBars).toBeGreaterThan(0);
  });

  it("never leaves one bullet alone on a slide", async () => {
    const { slides } = await deck;
    const counts = slides.map(bulletsOf);
    expect(counts.filter((n) => n === 1)).toEqual([]);
    expect(counts.some((n) => n > 1)).toBe(true);
  });

  it("merges identical written answers, with their count only when at least k wrote them", async () => {
    const all = (await deck).slides.map(textOf).join(" ");
    expect(all).toContain(`${repeatedOften.toLowerCase()} (×${k})`);
    // Twice is below k: one line, marked as written by several, no count.
    expect(all).toContain(`${repeatedTwice} (skrevet af flere)`);
    for (let n = 1; n < k; n++) expect(all).not.toContain(`(×${n})`);
  });
});

describe("the rehab deck's referral slide and its English", () => {
  const pkg = packageOf("rehab");
  const report = planReport("rehab");

  it("names the period and the source of the referral figures", async () => {
    const { slides, notes } = await unzipDeck({
      report,
      referrals,
      locale: "da",
      generatedAt,
      plan: pkg.plan,
      referralPeriod: "1. januar – 31. december 2026",
    });
    const index = slides.findIndex((xml) => titleOf(xml) === da.referralTitle);
    const slide = textOf(slides[index] ?? "");
    expect(slide).toContain("Kilde: kommunens henvisningsfil");
    expect(slide).toContain("Periode: 1. januar – 31. december 2026.");
    expect(textOf(notes[index] ?? "")).toMatch(/Diabetes: Praksis [A-D] /);
  });

  it("says the period is not in the file when the coordinator has not given it", async () => {
    const { slides } = await unzipDeck({
      report,
      referrals,
      locale: "da",
      generatedAt,
      plan: pkg.plan,
    });
    const slide = slides.find((xml) => titleOf(xml) === da.referralTitle) ?? "";
    expect(textOf(slide)).toContain("Periode: står ikke i kommunens fil");
  });

  it("speaks English with the English catalogue", async () => {
    const { slides } = await unzipDeck({
      report,
      referrals: null,
      locale: "en",
      generatedAt,
      plan: pkg.plan,
    });
    const titles = slides.map(titleOf);
    const en = coordinatorMessages.en;
    expect(titles).toContain(en.deckProgramme);
    expect(titles).toContain(en.deckDialog);
    expect(titles).toContain(en.deckOtherQuestions);
    expect(textOf(slides.find((xml) => titleOf(xml) === "Oplæg fra kommunen") ?? "")).toContain(
      "The municipality's talk (25 min) – insert slides here",
    );
  });

  it("without a plan shows the questions in the questionnaire's order, as before", async () => {
    const { slides } = await unzipDeck({ report, referrals: null, locale: "da", generatedAt });
    const titles = titleRuns(slides).slice(1);
    const questions = report.questions.map((q) => q.text.da);
    expect(titles.filter((title) => questions.includes(title))).toEqual(questions);
    expect(titles).not.toContain(da.deckProgramme);
  });
});

describe("the speaker notes", () => {
  it("read as sentences: a withheld count's own sentence is not followed by a semicolon", async () => {
    const { notes } = await unzipDeck({
      report: akutReport,
      referrals: null,
      generatedAt,
      locale: "da",
      plan: packageOf("akut").plan,
    });
    const texts = notes.map((xml) => textOf(xml)).filter((text) => text !== "");
    // The akut report has a matrix row fewer than k answered: its count is withheld in the notes.
    expect(texts.join(" ")).toContain("Skjult");
    for (const text of texts) expect(text).not.toMatch(/\.;/);
  });
});
