// The editor's live preview is SurveyJS: its stylesheet (without the web font) and Klynge's.
import "survey-core/survey-core.fontless.css";
import "@klynge/widget/klynge-survey.css";
import "@klynge/widget/editor.css";
import type { QuestionnaireVersion } from "@klynge/engine";
import { listTemplates, templateVersion } from "@klynge/question-bank";
import { QuestionnaireEditor } from "@klynge/widget/editor";
import { type ReactElement, useEffect, useId, useState } from "react";
import type { CollectorClient, RoundEntry } from "./collectorClient.js";
import { coordinatorMessages, type Locale } from "./messages.js";

export interface EditPageProps {
  readonly client: CollectorClient;
  readonly locale: Locale;
  /** Called with the published version (the app keeps it and opens "Ny runde" on it). */
  readonly onPublished: (version: QuestionnaireVersion) => void;
}

type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly value: T }
  | { readonly state: "failed" };

/**
 * "Tilpas spørgeskema": the cluster and the municipality adapt a questionnaire before the round.
 * Start from a bank template or from the version of an earlier round; compare with the previous
 * round; publish a new version, then create the round on it.
 */
export function EditPage(props: EditPageProps): ReactElement {
  const { client, locale, onPublished } = props;
  const text = coordinatorMessages[locale];
  const idBase = useId();
  const templates = listTemplates();
  const [rounds, setRounds] = useState<readonly RoundEntry[]>([]);
  // "template:<id>" or "round:<id>".
  const [start, setStart] = useState(`template:${templates[0]?.id ?? "rehab"}`);
  const [previousId, setPreviousId] = useState("");
  const [base, setBase] = useState<Loaded<QuestionnaireVersion>>({ state: "loading" });
  const [previous, setPrevious] = useState<QuestionnaireVersion | undefined>(undefined);

  useEffect(() => {
    void client.listRounds().then((result) => {
      if (result.ok) setRounds(result.value);
    });
  }, [client]);

  useEffect(() => {
    let active = true;
    const templateId = templates.find((t) => `template:${t.id}` === start)?.id;
    if (templateId !== undefined) {
      setBase({ state: "ready", value: templateVersion(templateId) });
      return;
    }
    setBase({ state: "loading" });
    void client.roundVersion(start.slice("round:".length)).then((result) => {
      if (active)
        setBase(result.ok ? { state: "ready", value: result.value } : { state: "failed" });
    });
    return () => {
      active = false;
    };
  }, [client, start, templates]);

  useEffect(() => {
    let active = true;
    if (previousId === "") {
      setPrevious(undefined);
      return;
    }
    void client.roundVersion(previousId).then((result) => {
      if (active) setPrevious(result.ok ? result.value : undefined);
    });
    return () => {
      active = false;
    };
  }, [client, previousId]);

  const template =
    base.state === "ready"
      ? templates
          .map((t) => templateVersion(t.id))
          .find((v) => v.questionnaire.id === base.value.questionnaire.id)
      : undefined;

  return (
    <section aria-labelledby={`${idBase}-title`}>
      <h2 id={`${idBase}-title`}>{text.editTitle}</h2>
      <div className="coordinator-form">
        <div className="coordinator-field">
          <label htmlFor={`${idBase}-start`}>{text.editStartLabel}</label>
          <select id={`${idBase}-start`} value={start} onChange={(e) => setStart(e.target.value)}>
            {templates.map((t) => (
              <option key={t.id} value={`template:${t.id}`}>
                {text.editStartTemplate(t.title[locale] ?? t.title.da)}
              </option>
            ))}
            {rounds.map((entry) => (
              <option key={entry.round.id} value={`round:${entry.round.id}`}>
                {text.editStartRound(entry.round.label, entry.round.cluster)}
              </option>
            ))}
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
            {rounds.map((entry) => (
              <option key={entry.round.id} value={entry.round.id}>
                {text.editStartRound(entry.round.label, entry.round.cluster)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {base.state === "failed" ? (
        <p role="alert" className="coordinator-error">
          {text.serverUnreachable}
        </p>
      ) : base.state === "loading" ? (
        <p aria-busy="true">{text.loadingReport}</p>
      ) : (
        <QuestionnaireEditor
          key={base.value.hash}
          base={base.value}
          {...(template === undefined ? {} : { template })}
          {...(previous === undefined ? {} : { previous })}
          locale={locale}
          draftKey={`coordinator:${base.value.hash}`}
          headingLevel={3}
          onPublish={onPublished}
        />
      )}
    </section>
  );
}
