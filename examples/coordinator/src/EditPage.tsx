// The editor's live preview is SurveyJS: its stylesheet (without the web font) and Klynge's.
import "survey-core/survey-core.fontless.css";
import "@klynge/widget/klynge-survey.css";
import "@klynge/widget/editor.css";
import { parseQuestionnaireVersion, type QuestionnaireVersion } from "@klynge/engine";
import { toApiIssue, type VersionEntry } from "@klynge/engine/contract";
import { QuestionnaireEditor } from "@klynge/widget/editor";
import { type ReactElement, useEffect, useId, useState } from "react";
import { ApiErrorNotice } from "./ApiErrorNotice.js";
import { type ApiError, refusalOf } from "./api/apiResult.js";
import type { ApiClient } from "./api/createApiClient.js";
import { coordinatorMessages } from "./messages.js";
import { PageHeading } from "./PageHeading.js";
import type { ClusterPageProps } from "./pageProps.js";
import { useApiResult } from "./useApiResult.js";
import { useTemplateChoices } from "./useTemplateChoices.js";

export interface EditPageProps extends ClusterPageProps {
  /** The hash of one of the cluster's versions to start from (`#/tilpas?version=…`). */
  readonly startVersion?: string;
  /** Called with the version as the server keeps it (the app opens "Ny runde" on it). */
  readonly onPublished: (version: VersionEntry) => void;
}

type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly value: T }
  | { readonly state: "failed"; readonly error: ApiError };

/** One of the cluster's versions, re-hashed by the engine: a copy changed on the way is refused. */
async function loadVersion(
  client: ApiClient,
  cluster: string,
  hash: string,
  failed: string,
): Promise<Loaded<QuestionnaireVersion>> {
  const loaded = await client.call("getVersion", { params: { cluster, hash } });
  if (!loaded.success) return { state: "failed", error: refusalOf(loaded) };
  const parsed = parseQuestionnaireVersion(loaded.data.version);
  if (parsed.success) return { state: "ready", value: parsed.data };
  return {
    state: "failed",
    error: {
      code: "invalid_reply",
      status: 200,
      message: { da: failed, en: failed },
      issues: parsed.issues.map(toApiIssue),
    },
  };
}

/**
 * "Tilpas spørgeskema": the cluster and the municipality adapt a questionnaire before the round.
 * Start from one of KiAP's packages (bank or uploaded) or one of the cluster's versions; compare with an earlier round;
 * publish the new version to the cluster, then create the round on it.
 */
export function EditPage(props: EditPageProps): ReactElement {
  const { client, locale, cluster, services, onPublished } = props;
  const text = coordinatorMessages[locale];
  const idBase = useId();
  const templates = useTemplateChoices(client);
  const params = { cluster: cluster.id };
  const [versions] = useApiResult(cluster.id, () => client.call("listVersions", { params }));
  const [rounds] = useApiResult(cluster.id, () => client.call("listRounds", { params }));
  const published = versions?.success === true ? versions.data.versions : [];
  const roundEntries = rounds?.success === true ? rounds.data.rounds : [];

  // "template:<id>" or "version:<hash>".
  const [start, setStart] = useState(() =>
    props.startVersion === undefined
      ? `template:${templates[0]?.id ?? "rehab"}`
      : `version:${props.startVersion}`,
  );
  const [previousId, setPreviousId] = useState("");
  const [base, setBase] = useState<Loaded<QuestionnaireVersion>>({ state: "loading" });
  const [previous, setPrevious] = useState<QuestionnaireVersion | undefined>(undefined);
  const [publishError, setPublishError] = useState<ApiError | null>(null);

  useEffect(() => {
    let active = true;
    const template = templates.find((t) => `template:${t.id}` === start);
    if (template !== undefined) {
      setBase({ state: "ready", value: template.version });
      return;
    }
    setBase({ state: "loading" });
    const hash = start.slice("version:".length);
    void loadVersion(client, cluster.id, hash, text.versionLoadFailed).then((loaded) => {
      if (active) setBase(loaded);
    });
    return () => {
      active = false;
    };
  }, [client, cluster.id, start, templates, text.versionLoadFailed]);

  const previousHash = roundEntries.find((e) => e.round.id === previousId)?.round.versionHash;
  useEffect(() => {
    let active = true;
    if (previousHash === undefined) {
      setPrevious(undefined);
      return;
    }
    void loadVersion(client, cluster.id, previousHash, "").then((loaded) => {
      if (active) setPrevious(loaded.state === "ready" ? loaded.value : undefined);
    });
    return () => {
      active = false;
    };
  }, [client, cluster.id, previousHash]);

  async function publish(version: QuestionnaireVersion): Promise<void> {
    setPublishError(null);
    const result = await client.call("publishVersion", { params, body: { version } });
    if (!result.success) {
      setPublishError(refusalOf(result));
      // The editor keeps its draft and says that publishing failed.
      throw new Error(`publishVersion refused: ${refusalOf(result).code}`);
    }
    onPublished(result.data.version);
  }

  const template =
    base.state === "ready"
      ? templates
          .map((t) => t.version)
          .find((v) => v.questionnaire.id === base.value.questionnaire.id)
      : undefined;
  const startIsListed =
    start.startsWith("template:") || published.some((v) => `version:${v.hash}` === start);

  return (
    <section aria-labelledby={`${idBase}-title`}>
      <PageHeading id={`${idBase}-title`}>{text.editTitle(cluster.name)}</PageHeading>
      <p>{text.editIntro}</p>
      <div className="coordinator-form">
        <div className="coordinator-field">
          <label htmlFor={`${idBase}-start`}>{text.editStartLabel}</label>
          <select id={`${idBase}-start`} value={start} onChange={(e) => setStart(e.target.value)}>
            <optgroup label={text.templatesGroup}>
              {templates.map((t) => (
                <option key={t.id} value={`template:${t.id}`}>
                  {text.editStartTemplate(t.title[locale] ?? t.title.da)}
                </option>
              ))}
            </optgroup>
            {published.length > 0 || !startIsListed ? (
              <optgroup label={text.versionsGroup}>
                {published.map((v) => (
                  <option key={v.hash} value={`version:${v.hash}`}>
                    {text.editStartVersion(v.label)}
                  </option>
                ))}
                {startIsListed ? null : (
                  <option value={start}>
                    {base.state === "ready" ? text.editStartVersion(base.value.label) : "…"}
                  </option>
                )}
              </optgroup>
            ) : null}
          </select>
        </div>
        <div className="coordinator-field">
          <label htmlFor={`${idBase}-previous`}>{text.editPreviousLabel}</label>
          <select
            id={`${idBase}-previous`}
            value={previousId}
            onChange={(e) => setPreviousId(e.target.value)}
          >
            <option value="">{text.editPreviousNone}</option>
            {roundEntries.map((entry) => (
              <option key={entry.round.id} value={entry.round.id}>
                {entry.round.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {base.state === "failed" ? (
        <ApiErrorNotice error={base.error} locale={locale} lead={text.versionLoadFailed} />
      ) : base.state === "loading" ? (
        <p aria-busy="true">{text.loadingVersion}</p>
      ) : (
        <QuestionnaireEditor
          key={base.value.hash}
          base={base.value}
          {...(template === undefined ? {} : { template })}
          {...(previous === undefined ? {} : { previous })}
          {...(services.draftStorage === undefined ? {} : { storage: services.draftStorage })}
          locale={locale}
          draftKey={`coordinator:${cluster.id}:${base.value.hash}`}
          headingLevel={3}
          onPublish={publish}
        />
      )}
      <div aria-live="polite">
        {publishError === null ? null : (
          <ApiErrorNotice error={publishError} locale={locale} lead={text.publishRefused} />
        )}
      </div>
    </section>
  );
}
