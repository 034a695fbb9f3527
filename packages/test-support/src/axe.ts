import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";
import type { EnginePage } from "./engines/engine.js";

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown }[];
}

/**
 * axe-core's serious and critical violations in the page or frame as it is now, each as
 * `rule (impact): help — first targets`. axe is evaluated through the DevTools protocol, so a
 * page's CSP (which rightly refuses it as a script tag) does not stand in the way.
 */
export async function seriousViolations(target: Page | Frame): Promise<string[]> {
  if (!(await target.evaluate(() => "axe" in globalThis))) await target.evaluate(axeSource);
  const violations = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run()).violations;
  });
  return seriousOf(violations as Violation[]);
}

/** The same check in any of the three engines, through the engine interface. */
export async function seriousViolationsIn(page: EnginePage): Promise<string[]> {
  // A script element of the page's own (the engine test pages have no CSP), run as appended.
  await page.evaluate((source) => {
    if (!("axe" in globalThis)) {
      const script = document.createElement("script");
      script.textContent = source;
      document.head.append(script);
    }
    return "axe" in globalThis;
  }, axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run();
    // Only what the check reads: the whole result is not all JSON.
    return (result.violations as Violation[]).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, undefined);
  return seriousOf(violations);
}

function seriousOf(violations: readonly Violation[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`,
    );
}
