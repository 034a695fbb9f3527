import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";

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
  return (violations as Violation[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target).slice(0, 3))}`,
    );
}
