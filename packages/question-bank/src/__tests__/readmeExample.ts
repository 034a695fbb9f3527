import { pathToFileURL } from "node:url";
import { workspacePath } from "@klynge/test-support/workspace";
import { vi } from "vitest";

/** The engine README, which embeds the bank's runnable examples verbatim. */
export const engineReadmeUrl = pathToFileURL(workspacePath("packages/engine/README.md"));

/** The text between two markers in a README. */
export function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from)
    throw new Error(`README: markers ${start} … ${end} are missing or out of order.`);
  return text.slice(from + start.length, to);
}

/** Imports an example module (which runs it) and returns what it printed, line by line. */
export async function runExample<T>(
  load: () => Promise<T>,
): Promise<{ module: T; logged: string[] }> {
  const logged: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(" "));
  });
  try {
    return { module: await load(), logged };
  } finally {
    log.mockRestore();
  }
}
