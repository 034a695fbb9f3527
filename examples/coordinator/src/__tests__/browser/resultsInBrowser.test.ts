// @vitest-environment node
import { seriousViolations } from "@klynge/test-support/axe";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { generatedAt, referrals, twoRoundReport } from "../fixtures/report.js";
import { bundledPageInChromium } from "./fixtures/chromiumPage.js";

// The results page's report in a real Chromium at phone, tablet and projector widths: recharts
// measures its container there, which happy-dom cannot.

const widths = [320, 360, 412, 800, 1280] as const;
/** Round ids, question ids and option codes that cannot be words (a '-' or '.'): never in a note. */
const internalIds = [
  ...twoRoundReport.rounds.map((r) => r.id),
  ...twoRoundReport.questions.map((q) => q.id),
  ...twoRoundReport.suppressed.flatMap((n) =>
    n.optionCode !== undefined && /[-.]/.test(n.optionCode) ? [n.optionCode] : [],
  ),
];

const chromiumPage = bundledPageInChromium({
  entry: new URL("./fixtures/reportPage.ts", import.meta.url),
  title: "Resultater",
  data: { name: "klyngeReport", value: { report: twoRoundReport, referrals, generatedAt } },
});

interface FigureBox {
  readonly labels: string[];
  readonly cells: string[];
  /** Bars drawn with a width (a shown share above zero). */
  readonly drawn: number;
}

/** Per chart: its bars' labels, the figures of the table beside it, and how many bars have a width. */
function figureBoxes(page: Page): Promise<FigureBox[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".coordinator-figures")].map((box) => {
      const chart = box.querySelector(".coordinator-chart");
      // A label too long for its bar wraps into lines (tspans): read them as the words they are.
      const labels = [...(chart?.querySelectorAll(".recharts-label-list text") ?? [])].map((t) => {
        const lines = [...t.querySelectorAll("tspan")].map((line) => line.textContent?.trim());
        return (lines.length > 0 ? lines.join(" ") : (t.textContent ?? "")).trim();
      });
      const drawn = [...(chart?.querySelectorAll("path.recharts-rectangle") ?? [])].filter(
        (p) => (p as SVGGraphicsElement).getBBox().width > 0.5,
      ).length;
      const table = box.querySelector("table");
      const referral = box.closest(".coordinator-referrals") !== null;
      // Option tables: count, share per round (the share is what a bar draws); referrals: the rate.
      const cells = [...(table?.querySelectorAll("tbody tr") ?? [])].flatMap((row) =>
        [...row.querySelectorAll("td")]
          .filter((_, i) => referral || i % 2 === 1)
          .map((td) => td.textContent?.trim() ?? ""),
      );
      return { labels, cells, drawn };
    }),
  );
}

/** A share or rate above zero ("52 %", "3,4"; the space before % is a no-break space). */
const isFigure = (text: string) => /^\d[\d.,]*(\s%)?$/.test(text) && !/^0(\s%)?$/.test(text);

describe("results page in Chromium", () => {
  for (const width of widths) {
    test(`at ${width} px every chart draws a bar or says why for each figure in its table; notes name no id; axe finds nothing serious`, async () => {
      const { context, page, errors } = await chromiumPage.open(width);
      await page
        .getByRole("heading", { name: "Henvisninger pr. 1.000 tilknyttede patienter" })
        .waitFor()
        .catch((error: unknown) => {
          throw new Error(`the page did not draw: ${errors.join("; ")}`, { cause: error });
        });
      // recharts draws after it has measured its container: wait until every chart has.
      await page.waitForFunction(() => {
        const charts = [...document.querySelectorAll(".coordinator-chart")];
        return (
          charts.length > 0 &&
          charts.every((chart) => chart.querySelector(".recharts-yAxis") !== null)
        );
      });
      const boxes = await figureBoxes(page);
      expect(boxes.length).toBeGreaterThan(5);
      for (const box of boxes) {
        expect([...box.labels].sort(), JSON.stringify(box)).toEqual([...box.cells].sort());
        expect(box.drawn, JSON.stringify(box)).toBe(box.cells.filter(isFigure).length);
      }
      expect(boxes.flatMap((b) => b.labels)).toContain("skjult");
      // Nothing wider than the screen but what scrolls inside its own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      const notes = await page.locator(".coordinator-notes li").allTextContents();
      expect(notes.length).toBeGreaterThan(5);
      for (const note of notes) for (const id of internalIds) expect(note).not.toContain(id);
      expect(await seriousViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
