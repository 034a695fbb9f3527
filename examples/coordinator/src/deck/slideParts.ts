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

/** Items as bullet paragraphs; the text goes in as text (pptxgenjs escapes it as XML). */
export function addBullets(slide: PptxGenJS.Slide, items: readonly string[]): void {
  slide.addText(
    items.map((item) => ({ text: item, options: { bullet: true, breakLine: true } })),
    {
      x: margin,
      y: bodyTop,
      w: contentWidth,
      h: bodyHeight,
      fontFace,
      fontSize: 18,
      color: colours.text,
      valign: "top",
      paraSpaceAfter: 6,
      fit: "shrink",
    },
  );
}
