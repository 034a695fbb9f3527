import type { Locale } from "@klynge/widget";

/** The viewer's own words; the questionnaire's words come from the widget and the bank. */
export interface ViewerMessages {
  readonly documentTitle: string;
  readonly appTitle: string;
  readonly intro: string;
  readonly languageLegend: string;
  readonly templatesLabel: string;
  readonly version: (semver: string) => string;
  readonly versionLabel: string;
  readonly aboutTemplate: string;
  readonly clusterPackage: string;
  readonly seed: string;
  readonly optionsOrigin: string;
  readonly questionCount: (n: number) => string;
  readonly empty: string;
  readonly notFound: (id: string) => string;
}

const da: ViewerMessages = {
  documentTitle: "Klynge – spørgeskemabank",
  appTitle: "Spørgeskemabank",
  intro:
    "Spørgeskemaerne fra KiAP's klyngepakker, som klyngen og kommunen kan tilpasse ved at tilføje eller fjerne spørgsmål. Her kan de kun ses, ikke besvares.",
  languageLegend: "Sprog",
  templatesLabel: "Skabeloner",
  version: (semver) => `Version ${semver}`,
  versionLabel: "Version",
  aboutTemplate: "Om skabelonen",
  clusterPackage: "Klyngepakke",
  seed: "Kilde (spørgsmålenes ordlyd)",
  optionsOrigin: "Svarmuligheder",
  questionCount: (n) => (n === 1 ? "1 spørgsmål" : `${n} spørgsmål`),
  empty: "Spørgeskemabanken er tom.",
  notFound: (id) => `Der findes ingen skabelon med id'et "${id}". Vælg en af skabelonerne ovenfor.`,
};

const en: ViewerMessages = {
  documentTitle: "Klynge – question bank",
  appTitle: "Question bank",
  intro:
    "The questionnaires of KiAP's cluster packages, which the cluster and the municipality may adapt by adding or removing questions. They can be viewed here, not answered.",
  languageLegend: "Language",
  templatesLabel: "Templates",
  version: (semver) => `Version ${semver}`,
  versionLabel: "Version",
  aboutTemplate: "About this template",
  clusterPackage: "Cluster package",
  seed: "Source (wording of the questions)",
  optionsOrigin: "Answer options",
  questionCount: (n) => (n === 1 ? "1 question" : `${n} questions`),
  empty: "The question bank is empty.",
  notFound: (id) => `There is no template with the id "${id}". Choose one of the templates above.`,
};

export const viewerMessages: { readonly [L in Locale]: ViewerMessages } = { da, en };
