import { fileURLToPath } from "node:url";

/** The monorepo's root directory, with a trailing separator. */
export const workspaceRoot: string = fileURLToPath(new URL("../../../", import.meta.url));

/** A path in the workspace, e.g. `workspacePath("examples/coordinator")` for a build's root. */
export function workspacePath(relativePath: string): string {
  return fileURLToPath(new URL(relativePath, new URL("../../../", import.meta.url)));
}
