import type { Comparison, Report } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { changeCells, comparisonView } from "@klynge/widget/report";
import type PptxGenJS from "pptxgenjs";
import type { CoordinatorMessages, Locale } from "../messages.js";
import {
  addFootnote,
  addHeading,
  bodyTop,
  colours,
  contentWidth,
  fontFace,
  margin,
} from "./slideParts.js";

/** Table rows per slide under the header row, so 14-point text fits. */
const rowsPerSlide = 13;

type Row = PptxGenJS.TableRow;

/** A question's rows: its title, then one row per line (or "not comparable"). */
function blockOf(
  question: ReturnType<typeof comparisonView>["questions"][number],
  locale: Locale,
  text: CoordinatorMessages,
  k: number,
): { title: string; lines: Row[] } {
  const title = localize(question.text, locale).text;
  if (!question.comparable) {
    return {
      title,
      lines: [[{ text: text.notComparableShort, options: { colspan: 4, italic: true } }]],
    };
  }
  const lines = question.lines.map((line): Row => {
    const cells = changeCells(line, locale, text, k);
    return [
      { text: cells.label },
      { text: cells.baseline, options: { align: "right" } },
      { text: cells.followUp, options: { align: "right" } },
      { text: cells.change, options: { align: "right", bold: true } },
    ];
  });
  return { title, lines };
}

/**
 * The comparison of two rounds as tables: per question, each option's share in both rounds and
 * the engine's change in percentage points. Questions are packed onto slides whole where they
 * fit; a longer one continues on the next slide under its title again.
 */
export function addComparisonSlides(
  pptx: PptxGenJS,
  report: Report,
  comparison: Comparison,
  locale: Locale,
  text: CoordinatorMessages,
): void {
  const view = comparisonView(report, comparison);
  const header: Row = [
    text.comparisonQuestion,
    view.baseline,
    view.followUp,
    text.comparisonChange,
  ].map((cell) => ({
    text: cell,
    options: { bold: true, color: "FFFFFF", fill: { color: colours.accent } },
  }));

  const pages: Row[][] = [];
  let page: Row[] = [];
  const titleRow = (title: string): Row => [
    { text: title, options: { colspan: 4, bold: true, fill: { color: "E8F0F2" } } },
  ];
  for (const question of view.questions) {
    const block = blockOf(question, locale, text, report.k);
    if (page.length > 0 && page.length + 1 + block.lines.length > rowsPerSlide) {
      pages.push(page);
      page = [];
    }
    page.push(titleRow(block.title));
    for (const line of block.lines) {
      if (page.length >= rowsPerSlide) {
        pages.push(page);
        page = [titleRow(`${block.title} ${text.deckContinued}`)];
      }
      page.push(line);
    }
  }
  if (page.length > 0) pages.push(page);

  const title = text.comparisonTitle(view.baseline, view.followUp);
  const notes = [
    view.added > 0 ? text.addedQuestions(view.added) : null,
    view.removed > 0 ? text.removedQuestions(view.removed) : null,
  ].filter((note) => note !== null);
  pages.forEach((rows, i) => {
    const slide = pptx.addSlide();
    addHeading(slide, i === 0 ? title : `${title} ${text.deckContinued}`, text.comparisonIntro);
    slide.addTable([header, ...rows], {
      x: margin,
      y: bodyTop,
      w: contentWidth,
      colW: [contentWidth - 3 * 2.2, 2.2, 2.2, 2.2],
      fontFace,
      fontSize: 14,
      color: colours.text,
      border: { type: "solid", pt: 0.5, color: "BFBFBF" },
      rowH: 0.36,
    });
    if (notes.length > 0) addFootnote(slide, notes.join(" "));
  });
}
