import type PptxGenJS from "pptxgenjs";

/** The wide 16:9 layout, in inches. */
export const slideWidth = 13.333;
export const margin = 0.5;
export const contentWidth = slideWidth - 2 * margin;
export const bodyTop = 1.75;
export const bodyHeight = 5.1;

export const colours = {
  text: "1A1A1A",
  muted: "4D4D4D",
  accent: "0B4F5C",
  rounds: ["0B4F5C", "B35900", "5A3D8A"],
} as const;

export const fontFace = "Calibri";

/** Title and an optional subtitle line at the top of a content slide. */
export function addHeading(slide: PptxGenJS.Slide, title: string, subtitle?: string): void {
  slide.addText(title, {
    x: margin,
    y: 0.3,
    w: contentWidth,
    h: 0.95,
    fontFace,
    fontSize: 24,
    bold: true,
    color: colours.accent,
    valign: "top",
    fit: "shrink",
  });
  if (subtitle !== undefined && subtitle !== "") {
    slide.addText(subtitle, {
      x: margin,
      y: 1.25,
      w: contentWidth,
      h: 0.45,
      fontFace,
      fontSize: 16,
      color: colours.text,
      fit: "shrink",
    });
  }
}

/** A small line at the foot of the slide: what "skjult" means, what rates are rounded to. */
export function addFootnote(slide: PptxGenJS.Slide, note: string): void {
  slide.addText(note, {
    x: margin,
    y: 6.9,
    w: contentWidth,
    h: 0.45,
    fontFace,
    fontSize: 12,
    color: colours.muted,
    fit: "shrink",
  });
}

/** One paragraph of a text box: a bullet, or a line of its own (a heading over bullets). */
export interface Paragraph {
  readonly text: string;
  readonly bullet: boolean;
  /** A line over bullets, in the accent colour. */
  readonly heading?: boolean;
}

/**
 * Paragraphs in the body of a slide; the text goes in as text (pptxgenjs escapes it as XML). A
 * lone bullet is written as a plain line: one item needs no bullet.
 */
export function addParagraphs(
  slide: PptxGenJS.Slide,
  paragraphs: readonly Paragraph[],
  box: { y?: number; h?: number; fontSize?: number } = {},
): void {
  const bullets = paragraphs.filter((p) => p.bullet).length;
  slide.addText(
    paragraphs.map((p) => ({
      text: p.text,
      options:
        p.heading === true
          ? { breakLine: true, bold: true, color: colours.accent }
          : p.bullet && bullets > 1
            ? { bullet: true, breakLine: true }
            : { breakLine: true },
    })),
    {
      x: margin,
      y: box.y ?? bodyTop,
      w: contentWidth,
      h: box.h ?? bodyHeight,
      fontFace,
      fontSize: box.fontSize ?? 18,
      color: colours.text,
      valign: "top",
      paraSpaceAfter: 6,
      fit: "shrink",
    },
  );
}

/** Items as bullet paragraphs (one item as a plain line). */
export function addBullets(slide: PptxGenJS.Slide, items: readonly string[]): void {
  addParagraphs(
    slide,
    items.map((text) => ({ text, bullet: true })),
  );
}
