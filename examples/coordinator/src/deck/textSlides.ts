import type { QuestionReport, Texts } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { answeredText, resultTexts } from "@klynge/widget/report";
import { chunk } from "./chunk.js";
import { withCondition } from "./conditionNote.js";
import type { DeckContext } from "./deckContext.js";
import { sentences } from "./figureNotes.js";
import { mergeTexts } from "./mergeTexts.js";
import { addHeading, addParagraphs, type Paragraph } from "./slideParts.js";

/** Written answers per slide: few enough to read from the back of the room. */
const textLimits = { items: 10, chars: 1000 } as const;

interface Line {
  readonly text: string;
  readonly round: number;
  /** False for a line saying why a round has no answers to list. */
  readonly bullet: boolean;
}

/**
 * The written answers of a question, every round's on as few slides as read well: a round's
 * name over its answers, identical answers merged with their count when at least k wrote them,
 * long lists continued on the next slide ("fortsat"), never one bullet alone on a slide. A
 * free-text question whose answers are withheld still gets its slide, saying so.
 */
export function addTextSlides(c: DeckContext, question: QuestionReport): void {
  const title = localize(question.text, c.locale).text;
  const kind = question.type === "text" ? c.text.textsTitle : c.text.otherTextsTitle;
  const texts = question.perRound.map((result) => resultTexts(result)?.texts ?? null);
  const anyShown = texts.some((t) => t?.status === "shown" && t.items.length > 0);
  const lines: Line[] = [];
  texts.forEach((result, round) => {
    if (result?.status === "shown") {
      for (const line of mergeTexts(result.items, c.report.k)) {
        const text =
          line.count !== undefined
            ? `${line.text} (×${line.count})`
            : line.repeated
              ? `${line.text} (${c.text.deckTextRepeated})`
              : line.text;
        lines.push({ text, round, bullet: true });
      }
    }
    // Every round of a free-text question says what it has; "Andet" only beside shown ones.
    if (question.type !== "text" && !anyShown) return;
    const why = whyNone(c, question, round, result);
    if (why !== null) lines.push({ text: why, round, bullet: false });
  });
  const many = c.roundLabels.length > 1;
  const pages = chunk(lines, textLimits);
  pages.forEach((page, p) => {
    const slide = c.pptx.addSlide();
    addHeading(
      slide,
      title,
      p === 0 ? withCondition(c, question, kind) : `${kind} ${c.text.deckContinued}`,
    );
    const paragraphs: Paragraph[] = [];
    page.forEach((line, i) => {
      if (many && (i === 0 || page[i - 1]?.round !== line.round)) {
        const continued = p > 0 && pages[p - 1]?.at(-1)?.round === line.round;
        const round = c.roundLabels[line.round] as string;
        paragraphs.push({
          text: continued ? `${round} ${c.text.deckContinued}` : round,
          bullet: false,
          heading: true,
        });
      }
      paragraphs.push({ text: line.text, bullet: line.bullet });
    });
    addParagraphs(slide, paragraphs);
    slide.addNotes(textNotes(c, question, page.filter((line) => line.bullet).length));
  });
}

/** Why a round lists no written answers ("skjult", none, not asked); null when it need not say. */
function whyNone(
  c: DeckContext,
  question: QuestionReport,
  round: number,
  texts: Texts | null,
): string | null {
  const free = question.type === "text";
  if (texts === null) return free ? c.text.notAsked : null;
  const result = question.perRound[round];
  // A round nobody answered has nothing withheld: it says so, as the page does, not "skjult".
  const nobody =
    result !== undefined &&
    result.type !== "not_asked" &&
    result.answered.status === "shown" &&
    result.answered.value === 0;
  if (texts.status === "suppressed" && !nobody) return c.text.deckTextsHidden(c.report.k);
  if (texts.status === "shown" && texts.items.length > 0) return null;
  return free ? c.text.deckNoTexts : null;
}

/** Per round: how many answered, or why their answers are not shown. */
function participationLines(c: DeckContext, question: QuestionReport): string[] {
  return question.perRound.map((result, i) => {
    const line = answeredText(
      result.type === "not_asked" ? null : result.answered,
      c.report.k,
      c.text,
    );
    return c.roundLabels.length > 1 ? `${c.roundLabels[i]}: ${line}` : line;
  });
}

function textNotes(c: DeckContext, question: QuestionReport, shown: number): string {
  return sentences([...participationLines(c, question), c.text.deckNotesTexts(shown, c.report.k)]);
}
