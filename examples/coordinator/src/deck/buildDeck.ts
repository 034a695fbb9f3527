import type { QuestionReport, Report } from "@klynge/engine";
import { localize } from "@klynge/engine";
import {
  answeredText,
  type ChartGroup,
  chartGroups,
  hasFigures,
  resultTexts,
  resultTextsTitle,
} from "@klynge/widget/report";
import PptxGenJS from "pptxgenjs";
import { formatDate } from "../format.js";
import { type CoordinatorMessages, coordinatorMessages, type Locale } from "../messages.js";
import { chunk } from "./chunk.js";
import { addComparisonSlides } from "./comparisonSlides.js";
import type { DeckInput } from "./deckInput.js";
import { addReferralSlides } from "./referralSlides.js";
import {
  addBullets,
  addFootnote,
  addHeading,
  bodyHeight,
  bodyTop,
  colours,
  contentWidth,
  fontFace,
  margin,
} from "./slideParts.js";

export type { DeckInput } from "./deckInput.js";

/** Written answers per slide: few enough to read from the back of the room. */
const textLimits = { items: 8, chars: 900 } as const;
/** Matrix rows per slide, two charts a row. */
const matrixRowsPerSlide = 4;

interface Context {
  readonly pptx: PptxGenJS;
  readonly report: Report;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  readonly roundLabels: readonly string[];
}

/**
 * The meeting deck: a title slide, a slide with a native (editable) bar chart per question,
 * slides of written answers, the comparison, and the referral chart. Everything on the slides
 * comes from the report as the engine made it; withheld figures read "skjult", never 0.
 */
export function buildDeck(input: DeckInput): PptxGenJS {
  const { report, referrals, locale, generatedAt } = input;
  const text = coordinatorMessages[locale];
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = text.deckTitle;
  pptx.company = "Klynge";
  const context: Context = {
    pptx,
    report,
    locale,
    text,
    roundLabels: report.rounds.map((round) => round.label),
  };

  addTitleSlide(context, generatedAt);
  for (const question of report.questions) {
    const groups = chartGroups(question);
    if (groups !== null) addChartSlides(context, question, groups);
    addTextSlides(context, question);
  }
  for (const comparison of report.comparisons) {
    addComparisonSlides(pptx, report, comparison, locale, text);
  }
  if (referrals !== null) addReferralSlides(pptx, referrals, locale, text);
  return pptx;
}

function addTitleSlide(c: Context, generatedAt: string): void {
  const first = c.report.rounds[0];
  const slide = c.pptx.addSlide();
  slide.background = { color: colours.accent };
  const place = [first?.cluster, first?.municipality].filter((p) => p !== undefined).join(" + ");
  slide.addText(c.text.deckTitle, {
    x: margin,
    y: 1.4,
    w: contentWidth,
    h: 1.2,
    fontFace,
    fontSize: 40,
    bold: true,
    color: "FFFFFF",
  });
  slide.addText(
    [
      { text: place, options: { fontSize: 28, bold: true, breakLine: true } },
      { text: c.roundLabels.join(" → "), options: { fontSize: 22, breakLine: true } },
      { text: c.text.deckDate(formatDate(generatedAt, c.locale)), options: { fontSize: 18 } },
    ],
    { x: margin, y: 2.8, w: contentWidth, h: 2.6, fontFace, color: "FFFFFF", valign: "top" },
  );
}

/** "Baseline: besvaret af 12 · Opfølgning: besvaret af 9". */
function participation(c: Context, group: ChartGroup): string {
  return group.answered
    .map((answered, i) => {
      const line = answeredText(answered, c.report.k, c.text);
      return c.roundLabels.length > 1 ? `${c.roundLabels[i]}: ${line}` : line;
    })
    .join(" · ");
}

/** Which bars are withheld, per round; empty when none is. */
function hiddenNote(c: Context, group: ChartGroup): string {
  const parts = c.roundLabels.flatMap((round, i) => {
    const hidden = group.bars
      .filter((bar) => bar.values[i]?.kind === "hidden")
      .map((bar) => localize(bar.label, c.locale).text);
    if (hidden.length === 0) return [];
    return [c.roundLabels.length > 1 ? `${round}: ${hidden.join(", ")}` : hidden.join(", ")];
  });
  return parts.length === 0 ? "" : `${c.text.deckHiddenNote(c.report.k)}: ${parts.join("; ")}`;
}

/**
 * An option's label on the chart, with "skjult" beside it when a round's share is withheld: the
 * gap where its bar would be then says why (PowerPoint has no text of its own for a gap).
 */
function categoryLabel(c: Context, bar: ChartGroup["bars"][number]): string {
  const label = localize(bar.label, c.locale).text;
  const hidden = bar.values.map((value) => value.kind === "hidden");
  if (!hidden.some(Boolean)) return label;
  if (c.roundLabels.length === 1 || hidden.every(Boolean)) return `${label} (${c.text.hidden})`;
  const rounds = c.roundLabels.filter((_, i) => hidden[i]);
  return `${label} (${c.text.hidden}: ${rounds.join(", ")})`;
}

function chartData(c: Context, group: ChartGroup) {
  const labels = group.bars.map((bar) => categoryLabel(c, bar));
  // An empty value is a gap in PowerPoint: a withheld share gets no bar, not a bar of 0.
  return c.roundLabels.map((name, i) => ({
    name,
    labels,
    values: group.bars.map((bar) => {
      const value = bar.values[i];
      return value?.kind === "shown" ? value.share : null;
    }) as unknown as number[],
  }));
}

function addChart(
  c: Context,
  slide: PptxGenJS.Slide,
  group: ChartGroup,
  box: { x: number; y: number; w: number; h: number },
  title?: string,
): void {
  slide.addChart(c.pptx.ChartType.bar, chartData(c, group), {
    ...box,
    barDir: "bar",
    barGrouping: "clustered",
    // First option at the top, as on the page.
    catAxisOrientation: "maxMin" as "minMax",
    catAxisLabelFontSize: 14,
    catAxisLabelColor: colours.text,
    valAxisHidden: true,
    valAxisMinVal: 0,
    valAxisMaxVal: 1,
    valGridLine: { style: "none" },
    showValue: true,
    dataLabelFormatCode: "0%",
    dataLabelPosition: "outEnd",
    dataLabelFontSize: 12,
    dataLabelColor: colours.text,
    chartColors: [...colours.rounds],
    // The chart's own legend lists the rounds in the reverse of the bars' order on a reversed
    // axis; a legend drawn beside it lists them as the bars stand, baseline first.
    showLegend: false,
    ...(title === undefined ? {} : { showTitle: true, title, titleFontSize: 14 }),
  });
  if (c.roundLabels.length > 1) addLegend(c, slide, { ...box, y: box.y + box.h, h: legendHeight });
}

const legendHeight = 0.35;

/** The rounds' colours and labels in a row, in the bars' order. */
function addLegend(
  c: Context,
  slide: PptxGenJS.Slide,
  box: { x: number; y: number; w: number; h: number },
): void {
  const w = box.w / c.roundLabels.length;
  c.roundLabels.forEach((label, i) => {
    const x = box.x + i * w;
    slide.addShape(c.pptx.ShapeType.rect, {
      x,
      y: box.y + 0.08,
      w: 0.2,
      h: 0.2,
      fill: { color: colours.rounds[i % colours.rounds.length] as string },
      line: { color: colours.rounds[i % colours.rounds.length] as string },
    });
    slide.addText(label, {
      x: x + 0.28,
      y: box.y,
      w: w - 0.3,
      h: box.h,
      fontFace,
      fontSize: 14,
      color: colours.text,
      valign: "middle",
    });
  });
}

function addChartSlides(c: Context, question: QuestionReport, groups: ChartGroup[]): void {
  const title = localize(question.text, c.locale).text;
  if (question.type !== "matrix") {
    const group = groups[0];
    if (group === undefined) return;
    const slide = c.pptx.addSlide();
    addHeading(slide, title, participation(c, group));
    if (hasFigures(group)) {
      const legend = c.roundLabels.length > 1 ? legendHeight : 0;
      addChart(c, slide, group, { x: margin, y: bodyTop, w: contentWidth, h: bodyHeight - legend });
    }
    const note = hiddenNote(c, group);
    if (note !== "") addFootnote(slide, note);
    return;
  }
  // A matrix: its rows side by side, two a row, a few per slide.
  const pages = chunk(
    groups.map((g) => g.key),
    { items: matrixRowsPerSlide, chars: Number.POSITIVE_INFINITY },
  );
  pages.forEach((keys, page) => {
    const slide = c.pptx.addSlide();
    addHeading(slide, page === 0 ? title : `${title} ${c.text.deckContinued}`);
    const onPage = groups.filter((g) => keys.includes(g.key));
    const notes: string[] = [];
    onPage.forEach((group, i) => {
      const w = contentWidth / 2 - 0.1;
      const h = bodyHeight / 2 - 0.1 - (c.roundLabels.length > 1 ? legendHeight : 0);
      const box = {
        x: margin + (i % 2) * (w + 0.2),
        y: bodyTop - 0.4 + Math.floor(i / 2) * (bodyHeight / 2 + 0.1),
        w,
        h,
      };
      const rowTitle = `${localize(group.row ?? { da: group.key }, c.locale).text} (${participation(c, group)})`;
      if (hasFigures(group)) addChart(c, slide, group, box, rowTitle);
      else slide.addText(rowTitle, { ...box, fontFace, fontSize: 14, color: colours.text });
      const note = hiddenNote(c, group);
      if (note !== "") notes.push(note);
    });
    if (notes.length > 0) addFootnote(slide, notes.join(" | "));
  });
}

function addTextSlides(c: Context, question: QuestionReport): void {
  const title = localize(question.text, c.locale).text;
  let added = 0;
  question.perRound.forEach((result, i) => {
    const found = resultTexts(result);
    if (found === null || found.texts.status !== "shown" || found.texts.items.length === 0) return;
    const texts = found.texts;
    const kind = resultTextsTitle(found, c.text);
    const inRound = c.roundLabels.length > 1 ? `${kind} – ${c.roundLabels[i]}` : kind;
    chunk(texts.items, textLimits).forEach((items, page) => {
      const slide = c.pptx.addSlide();
      addHeading(slide, title, page === 0 ? inRound : `${inRound} ${c.text.deckContinued}`);
      addBullets(slide, items);
      added += 1;
    });
  });
  // A free-text question whose answers are all withheld still gets its slide, saying so.
  if (question.type === "text" && added === 0) {
    const slide = c.pptx.addSlide();
    addHeading(slide, title, c.text.textsTitle);
    addBullets(
      slide,
      question.perRound.map((result, i) => {
        const line = answeredText(
          result.type === "not_asked" ? null : result.answered,
          c.report.k,
          c.text,
        );
        return c.roundLabels.length > 1 ? `${c.roundLabels[i]}: ${line}` : line;
      }),
    );
  }
}
