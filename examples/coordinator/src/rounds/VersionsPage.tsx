import type { VersionEntry } from "@klynge/engine/contract";
import { getTemplate } from "@klynge/question-bank";
import { type ReactElement, useId, useMemo } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { formatDate } from "../format.js";
import type { Locale } from "../messages.js";
import { PageHeading } from "../PageHeading.js";
import type { ClusterPageProps } from "../pageProps.js";
import { may } from "../session/access.js";
import type { TemplateChoice } from "../templateChoices.js";
import { useApiResult } from "../useApiResult.js";
import { routeHash } from "../useHashRoute.js";
import { useTemplateChoices } from "../useTemplateChoices.js";
import { type RoundMessages, roundMessages } from "./roundMessages.js";

/** A version as this page can look it up: the cluster's, or a package template's own. */
type Known = Pick<VersionEntry, "hash" | "label" | "base" | "template">;

function templateVersions(choices: readonly TemplateChoice[]): Known[] {
  return choices.map(({ version }) => ({
    hash: version.hash,
    label: version.label,
    base: version.lineage.base,
    ...(version.lineage.template === undefined ? {} : { template: version.lineage.template }),
  }));
}

/**
 * The bank template a version descends from. Only a template's own version names it; an edited
 * version names its base, so the chain of bases is followed (to the cluster's versions or the bank's).
 */
function templateOf(entry: Known, known: readonly Known[]): Known["template"] {
  let current: Known | undefined = entry;
  for (let step = 0; current !== undefined && step < 50; step++) {
    if (current.template !== undefined) return current.template;
    const base: string | null = current.base;
    current = base === null ? undefined : known.find((v) => v.hash === base);
  }
  return undefined;
}

function templateText(
  entry: Known,
  known: readonly Known[],
  choices: readonly TemplateChoice[],
  locale: Locale,
  text: RoundMessages,
): string {
  const found = templateOf(entry, known);
  if (found === undefined) return text.noTemplate;
  const template = getTemplate(found.id);
  if (template !== undefined) {
    return text.templateName(template.title[locale] ?? template.title.da, found.semver);
  }
  // An uploaded package: its title and version number as the admin page "Klyngepakker" shows them.
  const uploaded = choices.find((c) => c.id === found.id);
  const title = uploaded === undefined ? found.id : (uploaded.title[locale] ?? uploaded.title.da);
  return text.templateName(title, found.semver.replace(/\.0\.0$/, ""));
}

function baseText(entry: Known, known: readonly Known[], text: RoundMessages): string {
  if (entry.base === null) return entry.template === undefined ? text.noTemplate : text.baseNone;
  return known.find((v) => v.hash === entry.base)?.label ?? text.baseOutside;
}

/**
 * "Versioner": the questionnaire versions the cluster has published, with where each came from.
 * A coordinator can start a round on one, or adapt it further.
 */
export function VersionsPage(props: ClusterPageProps): ReactElement {
  const { client, locale, cluster, access } = props;
  const text = roundMessages[locale];
  const titleId = useId();
  const [versions] = useApiResult(cluster.id, () =>
    client.call("listVersions", { params: { cluster: cluster.id } }),
  );
  const choices = useTemplateChoices(client);
  const known = useMemo(
    () => [
      ...(versions?.success === true ? versions.data.versions : []),
      ...templateVersions(choices),
    ],
    [versions, choices],
  );

  return (
    <section aria-labelledby={titleId}>
      <PageHeading id={titleId}>{text.versionsTitle(cluster.name)}</PageHeading>
      <p>{text.versionsIntro}</p>
      {versions === undefined ? (
        <p aria-busy="true">{text.versionsLoading}</p>
      ) : !versions.success ? (
        <ApiErrorNotice error={refusalOf(versions)} locale={locale} lead={text.versionsFailed} />
      ) : versions.data.versions.length === 0 ? (
        <p>{text.versionsNone}</p>
      ) : (
        <ul className="coordinator-cards">
          {versions.data.versions.map((entry) => (
            <li key={entry.hash}>
              <article className="coordinator-card" aria-labelledby={`${titleId}-${entry.hash}`}>
                <h3 id={`${titleId}-${entry.hash}`}>{entry.label}</h3>
                <dl className="coordinator-facts">
                  <div>
                    <dt>{text.publishedOn}</dt>
                    <dd>{formatDate(entry.publishedOn, locale)}</dd>
                  </div>
                  <div>
                    <dt>{text.publishedBy}</dt>
                    <dd>{entry.publishedBy}</dd>
                  </div>
                  <div>
                    <dt>{text.template}</dt>
                    <dd>{templateText(entry, known, choices, locale, text)}</dd>
                  </div>
                  <div>
                    <dt>{text.base}</dt>
                    <dd>{baseText(entry, known, text)}</dd>
                  </div>
                  <div>
                    <dt>{text.questions}</dt>
                    <dd>{entry.questions}</dd>
                  </div>
                </dl>
                {may.coordinate(access) ? (
                  <p className="coordinator-toolbar">
                    <a
                      className="coordinator-button"
                      href={routeHash({ page: "new-round", version: entry.hash })}
                    >
                      {text.newRoundOnShort}
                      <span className="coordinator-visually-hidden"> ({entry.label})</span>
                    </a>
                    <a
                      className="coordinator-button"
                      href={routeHash({ page: "edit", version: entry.hash })}
                    >
                      {text.adaptFrom}
                      <span className="coordinator-visually-hidden"> ({entry.label})</span>
                    </a>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
