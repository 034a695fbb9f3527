import {
  type ClusterPackage,
  type ClusterPackageInput,
  formatIssue,
  formatPath,
  parsePackage,
} from "@klynge/engine";
import { deepFreeze } from "./deepFreeze.js";
import { akutPackage } from "./packages/akut.js";
import { rehabPackage } from "./packages/rehab.js";

/** The package files as written, in the bank's order (rehab, then akut); tests parse these. */
export const packageFiles: readonly ClusterPackageInput[] = deepFreeze([rehabPackage, akutPackage]);

let parsed: readonly ClusterPackage[] | undefined;

/**
 * The bank's cluster packages (questionnaire template + meeting plan), read by the engine's
 * `parsePackage` on first use and deep-frozen. A bank package the engine refuses is a
 * programmer error, so this throws with the issues.
 */
export function listPackages(): readonly ClusterPackage[] {
  parsed ??= deepFreeze(packageFiles.map(readBankPackage));
  return parsed;
}

/** Looks up an id that may come from outside; `undefined` when the bank has no such package. */
export function getPackage(id: string): ClusterPackage | undefined {
  return listPackages().find((p) => p.id === id);
}

function readBankPackage(file: ClusterPackageInput): ClusterPackage {
  const result = parsePackage(file);
  if (result.success) return result.data;
  const issues = result.issues
    .map((i) => `${formatPath(i.path, "en")}: ${formatIssue(i, "en")}`)
    .join("; ");
  throw new Error(`listPackages: the bank package "${file.id}" is not valid: ${issues}`);
}
