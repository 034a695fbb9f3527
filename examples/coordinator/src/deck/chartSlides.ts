import type { QuestionReport } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { answeredText, type ChartGroup, hasFigures } from "@klynge/widget/report";
import type PptxGenJS from "pptxgenjs";
import { chunk } from "./chunk.js";
import { withCondition } from "./conditionNote.js";
import type { DeckContext } from "./deckContext.js";
import { figureNotes } from "./figureNotes.js";
import {
  addFootnote,
  addHeading,
  bodyHeight,
  bodyTop,
  colours,
  contentWidth,
  fontFace,
  margin,
} from "./slideParts.js";

/** Matrix rows per slide, side by side. */
const matrixRowsPerSlide = 2;
const legendHeight = 0.35;
/** Where the bars are drawn inside a chart's frame (fractions): fixed, so a "skjult" box can sit where a bar would be. */
const plotArea = { x: 0.36, y: 0.02, w: 0.56, h: 0.96 } as const;
/** The gap between options, in % of a bar's thickness (PowerPoint's default). */
const gapWidth = 150;

type Box = { x: number; y: number; w: number; h: number };

/** "Baseline: besvaret af 12 · Opfølgning: besvaret af 9". */
function participation(c: DeckContext, group: ChartGroup): string {
  return group.answered
    .map((answered, i) => {
      const line = answeredText(answered, c.report.k, c.text);
      return c.roundLabels.length > 1 ? `${c.roundLabels[i]}: ${line}` : line;
    })
    .join(" · ");
}

/** Which bars are withheld, per round; empty when none is. */
function hiddenNote(c: DeckContext, group: ChartGroup): string {
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
 * label says it too, for a reader who edits the chart and loses the boxes over it.
 */
function categoryLabel(c: DeckContext, bar: ChartGroup["bars"][number]): string {
  const label = localize(bar.label, c.locale).text;
  const hidden = bar.values.map((value) => value.kind === "hidden");
  if (!hidden.some(Boolean)) return label;
  if (c.roundLabels.length === 1 || hidden.every(Boolean)) return `${label} (${c.text.hidden})`;
  const rounds = c.roundLabels.filter((_, i) => hidden[i]);
  return `${label} (${c.text.hidden}: ${rounds.join(", ")})`;
}

function chartData(c: DeckContext, group: ChartGroup) {
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

/**
 * A grey box reading "skjult" (or "ikke med i runden") where each missing bar would be, so a
 * gap never reads as 0. The plot area is fixed, so the bars' places follow from the layout.
 */
function addGapBoxes(c: DeckContext, slide: PptxGenJS.Slide, group: ChartGroup, box: Box): void {
  const area = plotArea;
  const top = box.y + area.y * box.h;
  const band = (area.h * box.h) / group.bars.length;
  const series = c.roundLabels.length;
  const bar = band / (series + gapWidth / 100);
  const fontSize = Math.max(8, Math.min(12, Math.floor(bar * 72 * 0.8)));
  group.bars.forEach((option, i) => {
    option.values.forEach((value, round) => {
      if (value.kind !== "hidden" && value.kind !== "not_offered") return;
      // A round that did not ask the question at all says so above the chart, once.
      if (value.kind === "not_offered" && group.answered[round] === null) return;
      const y = top + i * band + (gapWidth / 200) * bar + round * bar;
      slide.addText(value.kind === "hidden" ? c.text.hidden : c.text.deckNotOffered, {
        x: box.x + area.x * box.w,
        y,
        w: value.kind === "hidden" ? 0.8 : 1.6,
        h: bar,
        fontFace,
        fontSize,
        italic: true,
        color: colours.muted,
        fill: { color: "EDEDED" },
        line: { color: "A6A6A6", dashType: "dash", width: 0.75 },
        margin: 0,
        align: "center",
        valign: "middle",
      });
    });
  });
}

function addChart(c: DeckContext, slide: PptxGenJS.Slide, group: ChartGroup, box: Box): void {
  slide.addChart(c.pptx.ChartType.bar, chartData(c, group), {
    ...box,
    barDir: "bar",
    barGrouping: "clustered",
    barGapWidthPct: gapWidth,
    layout: { ...plotArea },
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
  });
  addGapBoxes(c, slide, group, box);
  if (c.roundLabels.length > 1) addLegend(c, slide, { ...box, y: box.y + box.h, h: legendHeight });
}

/** The rounds' colours and labels in a row, in the bars' order. */
function addLegend(c: DeckContext, slide: PptxGenJS.Slide, box: Box): void {
  const w = box.w / c.roundLabels.length;
  c.roundLabels.forEach((label, i) => {
    const x = box.x + i * w;
    const colour = colours.rounds[i % colours.rounds.length] as string;
    slide.addShape(c.pptx.ShapeType.rect, {
      x,
      y: box.y + 0.08,
      w: 0.2,
      h: 0.2,
      fill: { color: colour },
      line: { color: colour },
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

/** The chart slide(s) of a question with options: one chart, or a matrix's rows four a slide. */
export function addChartSlides(
  c: DeckContext,
  question: QuestionReport,
  groups: ChartGroup[],
): void {
  const title = localize(question.text, c.locale).text;
  if (question.type !== "matrix") {
    const group = groups[0];
    if (group === undefined) return;
    const slide = c.pptx.addSlide();
    addHeading(slide, title, withCondition(c, question, participation(c, group)));
    if (hasFigures(group)) {
      const legend = c.roundLabels.length > 1 ? legendHeight : 0;
      addChart(c, slide, group, { x: margin, y: bodyTop, w: contentWidth, h: bodyHeight - legend });
    }
    const note = hiddenNote(c, group);
    if (note !== "") addFootnote(slide, note);
    slide.addNotes(figureNotes(c, [group]));
    return;
  }
  // A matrix: its rows side by side, two a slide, each under its own name and participation.
  const pages = chunk(
    groups.map((g) => g.key),
    { items: matrixRowsPerSlide, chars: Number.POSITIVE_INFINITY },
  );
  pages.forEach((keys, page) => {
    const slide = c.pptx.addSlide();
    if (page === 0) addHeading(slide, title, withCondition(c, question, undefined));
    else addHeading(slide, `${title} ${c.text.deckContinued}`);
    const onPage = groups.filter((g) => keys.includes(g.key));
    let hidden = false;
    onPage.forEach((group, i) => {
      const w = contentWidth / 2 - 0.15;
      const x = margin + i * (w + 0.3);
      const legend = c.roundLabels.length > 1 ? legendHeight : 0;
      slide.addText(
        [
          {
            text: localize(group.row ?? { da: group.key }, c.locale).text,
            options: { bold: true, breakLine: true },
          },
          { text: participation(c, group), options: { fontSize: 12 } },
        ],
        {
          x,
          y: bodyTop - 0.5,
          w,
          h: 0.75,
          fontFace,
          fontSize: 16,
          color: colours.text,
          valign: "top",
          fit: "shrink",
        },
      );
      const box = { x, y: bodyTop + 0.3, w, h: bodyHeight - 0.35 - legend };
      if (hasFigures(group)) addChart(c, slide, group, box);
      hidden ||= hiddenNote(c, group) !== "";
    });
    // The boxes on the bars say which are withheld; the foot says what that means.
    if (hidden) addFootnote(slide, c.text.deckHiddenNote(c.report.k));
    slide.addNotes(figureNotes(c, onPage));
  });
}
