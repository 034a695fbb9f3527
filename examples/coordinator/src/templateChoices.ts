import {
  type ClusterPackage,
  createVersion,
  type LocalizedText,
  parsePackage,
  type QuestionnaireVersion,
} from "@klynge/engine";
import type { ClusterPackageEntry } from "@klynge/engine/contract";
import { getTemplate, listPackages, templateVersion } from "@klynge/question-bank";

/** A questionnaire a round can start from: the newest version of one of KiAP's packages. */
export interface TemplateChoice {
  /** The package's id (`template:<id>` in the pages' selects). */
  readonly id: string;
  /** The package version, as the admin page "Klyngepakker" numbers it. */
  readonly packageVersion: number;
  readonly title: LocalizedText;
  readonly questions: number;
  /** The package's questionnaire sealed as a version, its lineage naming the package version. */
  readonly version: QuestionnaireVersion;
}

const bankOrder = listPackages().map((pkg) => pkg.id);

/** The bank's packages, offered while the service's list loads or when it cannot be had. */
export const bankTemplateChoices: readonly TemplateChoice[] = listPackages().flatMap((pkg) => {
  const choice = choiceOf(pkg, 1);
  return choice === undefined ? [] : [choice];
});

/**
 * The newest version of each package `GET /api/packages` lists, the bank's first (in the bank's
 * order), then the uploaded ones by Danish title. A bank package's version 1 is the bank's own
 * template version, so rounds made before packages could be uploaded keep matching it.
 */
export function templateChoicesFrom(entries: readonly ClusterPackageEntry[]): TemplateChoice[] {
  const newest = new Map<string, ClusterPackageEntry>();
  for (const entry of entries) {
    const seen = newest.get(entry.id);
    if (seen === undefined || seen.version < entry.version) newest.set(entry.id, entry);
  }
  const choices = [...newest.values()].flatMap((entry) => {
    const pkg = parsePackage(entry.package);
    // The collector lists only packages the engine read; one that no longer reads is left out.
    const choice = pkg.success ? choiceOf(pkg.data, entry.version) : undefined;
    return choice === undefined ? [] : [choice];
  });
  const rank = (id: string) => {
    const index = bankOrder.indexOf(id);
    return index < 0 ? bankOrder.length : index;
  };
  return choices.sort(
    (a, b) => rank(a.id) - rank(b.id) || a.title.da.localeCompare(b.title.da, "da"),
  );
}

function choiceOf(pkg: ClusterPackage, packageVersion: number): TemplateChoice | undefined {
  const sealed = sealTemplate(pkg, packageVersion);
  if (sealed === undefined) return undefined;
  return {
    id: pkg.id,
    packageVersion,
    title: pkg.title,
    questions: pkg.template.questions.length,
    version: sealed,
  };
}

/**
 * The version a round on the package starts from; its lineage names the package version as
 * semver "N.0.0", so the bank's templates ("1.0.0") are version 1 as the collector counts.
 */
function sealTemplate(
  pkg: ClusterPackage,
  packageVersion: number,
): QuestionnaireVersion | undefined {
  const semver = `${packageVersion}.0.0`;
  const bank = getTemplate(pkg.id);
  if (bank !== undefined && bank.semver === semver) return templateVersion(bank.id);
  const version = createVersion(pkg.template, {
    label: `KiAP skabelon: ${pkg.title.da} version ${packageVersion}`,
    lineage: { base: null, edits: [], template: { id: pkg.id, semver } },
  });
  return version.success ? version.data : undefined;
}
