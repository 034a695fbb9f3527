import type { LocalizedText, Questionnaire } from "@klynge/engine";

export type TemplateId = "rehab" | "akut";

/** Where a template's words come from, so a reader can check them against the source. */
export interface TemplateSource {
  /** The seed file (in the shared folder's `seeds/`) that lists the question stems. */
  readonly seed: string;
  /** The slide heading in the seed above the numbered stems. */
  readonly section: string;
  /** The KiAP cluster package (klyngepakke) the questionnaire belongs to. */
  readonly package: string;
  /** Where the answer options come from: the seed gives none, so Klynge wrote them. */
  readonly options: string;
}

/**
 * A bank questionnaire as KiAP drafts it, before a cluster and its municipality add or
 * remove questions. Any change to `questionnaire` needs a new `semver` (and changes its hash).
 */
export interface Template {
  readonly id: TemplateId;
  readonly semver: string;
  readonly title: LocalizedText;
  readonly source: TemplateSource;
  readonly questionnaire: Questionnaire;
}
