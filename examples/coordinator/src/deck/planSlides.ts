import type { LocalizedText, MeetingPlan, PlanItem, RoundSummary } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { formatPercent } from "@klynge/widget/report";
import type PptxGenJS from "pptxgenjs";
import { formatDate } from "../format.js";
import type { DeckContext } from "./deckContext.js";
import { sentences } from "./figureNotes.js";
import {
  addHeading,
  addParagraphs,
  bodyTop,
  colours,
  contentWidth,
  fontFace,
  margin,
  type Paragraph,
} from "./slideParts.js";

export type Block = Extract<PlanItem, { kind: "block" }>;
type Talk = Block["talks"][number];
type FollowUp = Extract<PlanItem, { kind: "follow-up" }>;

const loc = (c: DeckContext, text: LocalizedText) => localize(text, c.locale).text;

/** "Baseline: 12 af 15 inviterede har svaret (svarprocent 80 %)", or why not. */
function responseLine(c: DeckContext, round: RoundSummary): string {
  const { respondents, responseRate, invited } = round;
  if (respondents.status === "suppressed")
    return c.text.deckRespondentsHidden(round.label, c.report.k);
  if (invited === undefined || responseRate.status === "unknown")
    return c.text.deckRespondents(round.label, String(respondents.value));
  if (responseRate.status === "suppressed")
    return c.text.deckResponseRateHidden(round.label, String(invited));
  return c.text.deckResponseRate(
    round.label,
    String(respondents.value),
    String(invited),
    formatPercent(responseRate.value, c.locale),
  );
}

/** Package, cluster and municipality, each round's response rate, and the date. */
export function addTitleSlide(c: DeckContext, packageTitle: string, generatedAt: string): void {
  const first = c.report.rounds[0];
  const slide = c.pptx.addSlide();
  slide.background = { color: colours.accent };
  const place = [first?.cluster, first?.municipality].filter((p) => p !== undefined).join(" + ");
  slide.addText(packageTitle, {
    x: margin,
    y: 0.9,
    w: contentWidth,
    h: 1.5,
    fontFace,
    fontSize: 36,
    bold: true,
    color: "FFFFFF",
    valign: "bottom",
    fit: "shrink",
  });
  slide.addText(
    [
      { text: place, options: { fontSize: 28, bold: true, breakLine: true } },
      ...(packageTitle === c.text.deckTitle
        ? []
        : [{ text: c.text.deckTitle, options: { fontSize: 20, breakLine: true } }]),
      ...c.report.rounds.map((round) => ({
        text: responseLine(c, round),
        options: { fontSize: 18, breakLine: true },
      })),
      { text: c.text.deckDate(formatDate(generatedAt, c.locale)), options: { fontSize: 16 } },
    ],
    {
      x: margin,
      y: 2.6,
      w: contentWidth,
      h: 4.2,
      fontFace,
      color: "FFFFFF",
      valign: "top",
      paraSpaceAfter: 8,
      fit: "shrink",
    },
  );
}

/** Block number n (1, 2, …) in the plan's order, for "Blok 2: …". */
export function blockTitle(c: DeckContext, plan: MeetingPlan, block: Block): string {
  const n = plan.items.filter((i) => i.kind === "block").indexOf(block) + 1;
  return c.text.deckBlock(n, loc(c, block.title));
}

export function itemTitle(c: DeckContext, plan: MeetingPlan, item: PlanItem): string {
  return item.kind === "block" ? blockTitle(c, plan, item) : loc(c, item.title);
}

function talkTitle(c: DeckContext, talk: Talk): string {
  return `${loc(c, talk.title)} (${c.text.deckMinutes(talk.minutes)})`;
}

/** The programme: every item with its minutes, the talks inside the blocks, the total. */
export function addProgrammeSlide(c: DeckContext, plan: MeetingPlan): void {
  const slide = c.pptx.addSlide();
  addHeading(slide, c.text.deckProgramme);
  const cell = (text: string, options: PptxGenJS.TableCellProps = {}) => ({ text, options });
  const rows: PptxGenJS.TableRow[] = [];
  for (const item of plan.items) {
    rows.push([
      cell(itemTitle(c, plan, item), { bold: item.kind === "block" }),
      cell(c.text.deckMinutes(item.minutes), { align: "right" }),
    ]);
    if (item.kind !== "block") continue;
    for (const talk of item.talks) {
      rows.push([
        cell(`    ${loc(c, talk.title)}`, { color: colours.muted }),
        cell(c.text.deckMinutes(talk.minutes), { align: "right", color: colours.muted }),
      ]);
    }
  }
  rows.push([
    cell(c.text.deckTotal, { bold: true }),
    cell(c.text.deckMinutes(plan.minutes), { align: "right", bold: true }),
  ]);
  const rowH = Math.min(0.5, 5.2 / rows.length);
  slide.addTable(rows, {
    x: margin + 1,
    y: bodyTop - 0.2,
    w: contentWidth - 2,
    h: rowH * rows.length,
    colW: [contentWidth - 2 - 2, 2],
    rowH,
    fontFace,
    fontSize: rows.length > 12 ? 14 : 18,
    color: colours.text,
    border: { type: "none" },
    valign: "middle",
  });
  slide.addNotes(
    sentences(rows.map((row) => row.map((cell) => (cell as { text: string }).text).join(": "))),
  );
}

function minutesLine(c: DeckContext, minutes: number): string {
  return c.text.deckMinutes(minutes);
}

/** An item's own slide: its title and minutes, what it is about, its points. */
function addItemSlide(
  c: DeckContext,
  title: string,
  minutes: number,
  intro: LocalizedText | undefined,
  points: readonly LocalizedText[],
  extra: readonly Paragraph[] = [],
): PptxGenJS.Slide {
  const slide = c.pptx.addSlide();
  addHeading(slide, title, minutesLine(c, minutes));
  const paragraphs: Paragraph[] = [
    ...(intro === undefined ? [] : [{ text: loc(c, intro), bullet: false, heading: true }]),
    ...points.map((p) => ({ text: loc(c, p), bullet: true })),
    ...extra,
  ];
  if (paragraphs.length > 0) addParagraphs(slide, paragraphs, { fontSize: 22 });
  return slide;
}

export function addIntroductionSlide(
  c: DeckContext,
  item: Extract<PlanItem, { kind: "introduction" }>,
): void {
  addItemSlide(c, loc(c, item.title), item.minutes, item.intro, item.points);
}

/** A block's first slide: title, minutes, what it goes through, and its talks. */
export function addBlockSlide(c: DeckContext, plan: MeetingPlan, block: Block): void {
  addItemSlide(
    c,
    blockTitle(c, plan, block),
    block.minutes,
    block.intro,
    block.points,
    block.talks.map((talk) => ({ text: talkTitle(c, talk), bullet: true })),
  );
}

/** A slot for a talk's own slides, plainly a placeholder. */
export function addTalkSlide(c: DeckContext, talk: Talk): void {
  const slide = c.pptx.addSlide();
  addHeading(slide, loc(c, talk.title), c.text.deckMinutes(talk.minutes));
  slide.addText(c.text.deckTalkSlot(talk.by, talk.minutes), {
    x: margin + 0.5,
    y: bodyTop + 0.3,
    w: contentWidth - 1,
    h: 2,
    fontFace,
    fontSize: 28,
    bold: true,
    color: colours.muted,
    align: "center",
    valign: "middle",
    line: { color: "A6A6A6", dashType: "dash", width: 1.5 },
  });
  if (talk.points.length > 0) {
    const points = talk.points.map((p) => ({ text: loc(c, p), bullet: true }));
    addParagraphs(slide, points, { y: bodyTop + 2.6, h: 1.6 });
  }
  slide.addText(c.text.deckTalkSlotHint, {
    x: margin,
    y: bodyTop + 4.3,
    w: contentWidth,
    h: 0.5,
    fontFace,
    fontSize: 14,
    italic: true,
    color: colours.muted,
  });
}

export function addReflectionSlide(c: DeckContext, plan: MeetingPlan, block: Block): void {
  if (block.reflections.length === 0) return;
  const slide = c.pptx.addSlide();
  addHeading(slide, c.text.deckReflections(blockTitle(c, plan, block)));
  addParagraphs(
    slide,
    block.reflections.map((r) => ({ text: loc(c, r), bullet: true })),
    { fontSize: block.reflections.length > 6 ? 20 : 24 },
  );
}

/** "Fælles dialog": the block's closing question, large. */
export function addDialogSlide(c: DeckContext, plan: MeetingPlan, block: Block): void {
  const slide = c.pptx.addSlide();
  slide.background = { color: "E8F0F2" };
  addHeading(slide, c.text.deckDialog, blockTitle(c, plan, block));
  slide.addText(loc(c, block.dialog), {
    x: margin + 0.5,
    y: bodyTop + 0.2,
    w: contentWidth - 1,
    h: 4.2,
    fontFace,
    fontSize: 36,
    bold: true,
    color: colours.accent,
    align: "center",
    valign: "middle",
    fit: "shrink",
  });
}

export function addPauseSlide(c: DeckContext, item: Extract<PlanItem, { kind: "pause" }>): void {
  const slide = c.pptx.addSlide();
  slide.background = { color: colours.accent };
  slide.addText(
    [
      { text: loc(c, item.title), options: { fontSize: 54, bold: true, breakLine: true } },
      { text: minutesLine(c, item.minutes), options: { fontSize: 28 } },
    ],
    { x: margin, y: 2, w: contentWidth, h: 3, fontFace, color: "FFFFFF", align: "center" },
  );
}

/** "Opsamling og opfølgning": its questions, then what is agreed for after the meeting. */
export function addFollowUpSlides(c: DeckContext, item: FollowUp): void {
  addItemSlide(c, loc(c, item.title), item.minutes, item.intro, item.points);
  if (item.actions.length === 0) return;
  const slide = c.pptx.addSlide();
  addHeading(slide, c.text.deckActions(loc(c, item.title)));
  addParagraphs(
    slide,
    item.actions.map((action) => ({
      text: `${c.text.deckActionKind[action.kind]}: ${loc(c, action.text)}`,
      bullet: true,
    })),
    { fontSize: 22 },
  );
}

/** The block of questions the plan does not discuss. */
export function addOtherQuestionsSlide(c: DeckContext): void {
  const slide = c.pptx.addSlide();
  addHeading(slide, c.text.deckOtherQuestions);
  addParagraphs(slide, [{ text: c.text.deckOtherQuestionsIntro, bullet: false }], { fontSize: 22 });
}
