import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { DataDirectoryError } from "./dataDirectoryError.js";

/**
 * What `dir` holds, before anything is written to it: nothing ("new": initdb may run), or a
 * PostgreSQL data directory of the `major` version ("cluster"). Anything else is refused.
 */
export async function inspectDataDirectory(dir: string, major: number): Promise<"new" | "cluster"> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return "new";
    if (code === "ENOTDIR") throw new DataDirectoryError(dir, { code: "not_a_data_directory" });
    throw error;
  }
  if (entries.length === 0) return "new";
  if (!entries.includes("PG_VERSION"))
    throw new DataDirectoryError(dir, { code: "not_a_data_directory" });
  const found = (await readFile(join(dir, "PG_VERSION"), "utf8")).trim();
  if (found !== String(major))
    throw new DataDirectoryError(dir, { code: "other_major", found, expected: major });
  return "cluster";
}
