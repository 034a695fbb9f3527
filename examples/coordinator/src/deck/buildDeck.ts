import { type MeetingPlan, type QuestionReport, undiscussedQuestions } from "@klynge/engine";
import { chartGroups } from "@klynge/widget/report";
import PptxGenJS from "pptxgenjs";
import { coordinatorMessages } from "../messages.js";
import { addChartSlides } from "./chartSlides.js";
import { addComparisonSlides } from "./comparisonSlides.js";
import type { DeckContext } from "./deckContext.js";
import type { DeckInput } from "./deckInput.js";
import {
  addBlockSlide,
  addDialogSlide,
  addFollowUpSlides,
  addIntroductionSlide,
  addOtherQuestionsSlide,
  addPauseSlide,
  addProgrammeSlide,
  addReflectionSlide,
  addTalkSlide,
  addTitleSlide,
  type Block,
} from "./planSlides.js";
import { addReferralSlides } from "./referralSlides.js";
import { addTextSlides } from "./textSlides.js";

export type { DeckInput } from "./deckInput.js";

/**
 * The meeting deck. With a plan it runs the meeting: title (with the response rates),
 * programme, then each item in order — a block's intro, the slots for its talks, the results of
 * its questions (native, editable bar charts; written answers; how they changed), its referral
 * figures, reflection questions and "Fælles dialog" — questions no block discusses (and referral
 * figures when no block has them) in "Øvrige spørgsmål", and "Opsamling og opfølgning" last.
 * Without one: the questions in order. Every figure comes from the report as the engine made it;
 * withheld figures read "skjult", never 0.
 */
export function buildDeck(input: DeckInput): PptxGenJS {
  const { report, locale, generatedAt } = input;
  const text = coordinatorMessages[locale];
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = input.packageTitle ?? text.deckTitle;
  pptx.company = "Klynge";
  const c: DeckContext = {
    pptx,
    report,
    locale,
    text,
    roundLabels: report.rounds.map((round) => round.label),
  };
  addTitleSlide(c, input.packageTitle ?? text.deckTitle, generatedAt);
  const plan = input.plan ?? null;
  if (plan === null) {
    addResults(c, report.questions);
    if (input.referrals !== null) addReferrals(c, input);
    return pptx;
  }
  addProgrammeSlide(c, plan);
  const others = undiscussedQuestions(plan, report.questions);
  // Referral figures no block takes (a plan without a referrals block) are not left out.
  const unplannedReferrals =
    input.referrals !== null && !plan.items.some((i) => i.kind === "block" && i.referrals);
  const addOthers = () => {
    if (others.length === 0 && !unplannedReferrals) return;
    addOtherQuestionsSlide(c);
    addResults(c, others);
    if (unplannedReferrals) addReferrals(c, input);
  };
  let othersAdded = false;
  for (const item of plan.items) {
    if (item.kind === "introduction") addIntroductionSlide(c, item);
    else if (item.kind === "pause") addPauseSlide(c, item);
    else if (item.kind === "block") addBlock(c, input, plan, item);
    else {
      addOthers();
      othersAdded = true;
      addFollowUpSlides(c, item);
    }
  }
  if (!othersAdded) addOthers();
  return pptx;
}

function addBlock(c: DeckContext, input: DeckInput, plan: MeetingPlan, block: Block): void {
  addBlockSlide(c, plan, block);
  for (const talk of block.talks) if (talk.at === "start") addTalkSlide(c, talk);
  const questions = block.questions.flatMap((id) => {
    const question = c.report.questions.find((q) => q.id === id);
    return question === undefined ? [] : [question];
  });
  addResults(c, questions);
  if (block.referrals && input.referrals !== null) addReferrals(c, input);
  for (const talk of block.talks) if (talk.at === "end") addTalkSlide(c, talk);
  addReflectionSlide(c, plan, block);
  addDialogSlide(c, plan, block);
}

/** Each question's chart and written answers, then how they changed between the rounds. */
function addResults(c: DeckContext, questions: readonly QuestionReport[]): void {
  for (const question of questions) {
    const groups = chartGroups(question);
    if (groups !== null) addChartSlides(c, question, groups);
    addTextSlides(c, question);
  }
  const ids = new Set(questions.map((q) => q.id));
  for (const comparison of c.report.comparisons) {
    const only = (list: readonly string[]) => list.filter((id) => ids.has(id));
    const part = {
      ...comparison,
      questions: comparison.questions.filter((q) => ids.has(q.id)),
      added: only(comparison.added),
      removed: only(comparison.removed),
    };
    addComparisonSlides(c.pptx, c.report, part, c.locale, c.text);
  }
}

function addReferrals(c: DeckContext, input: DeckInput): void {
  if (input.referrals === null) return;
  addReferralSlides(c.pptx, input.referrals, c.locale, c.text, input.referralPeriod);
}
