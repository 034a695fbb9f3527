import {
  type Issue,
  issueText,
  parseRound,
  type QuestionnaireVersion,
  type Round,
} from "@klynge/engine";
import { listTemplates, templateVersion } from "@klynge/question-bank";
import { type FormEvent, type ReactElement, useId, useRef, useState } from "react";
import type { CollectorClient } from "./collectorClient.js";
import { Field } from "./Field.js";
import { coordinatorMessages, type Locale } from "./messages.js";
import { RoundLinks } from "./RoundLinks.js";
import { RoundList } from "./RoundList.js";
import { suggestRoundId } from "./suggestRoundId.js";

export interface NewRoundPageProps {
  readonly client: CollectorClient;
  readonly locale: Locale;
  /** The page's own address; the links are made relative to it. Default `location.href`. */
  readonly pageUrl?: string;
  /** Today, for the suggested round id. Default the clock. */
  readonly now?: () => Date;
  /** Versions published with the editor on this device, offered beside the templates. */
  readonly published?: readonly QuestionnaireVersion[];
  /** The hash of the version to preselect (from `#/ny-runde?version=…`). */
  readonly preselect?: string;
}

type FieldName =
  | "template"
  | "cluster"
  | "municipality"
  | "label"
  | "invited"
  | "id"
  | "shareAnswersWith";

const fieldOrder: readonly FieldName[] = [
  "template",
  "cluster",
  "municipality",
  "label",
  "invited",
  "id",
  "shareAnswersWith",
];

/** Field messages: the engine's issues as sentences, or this page's own (origins). */
type FieldErrors = Partial<Record<FieldName, readonly string[]>>;

type Outcome =
  | { readonly state: "idle" }
  | { readonly state: "sending" }
  | { readonly state: "invalid" }
  | { readonly state: "created"; readonly round: Round; readonly again: boolean }
  | { readonly state: "failed"; readonly message: string; readonly issues: readonly string[] };

/** The origins of the textarea, one a line; the line numbers of those that are not origins. */
function readOrigins(text: string): { origins: string[]; bad: number[] } {
  const origins: string[] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const value = line.trim();
    if (value === "") return;
    if (URL.canParse(value) && new URL(value).origin === value) origins.push(value);
    else bad.push(i + 1);
  });
  return { origins, bad };
}

function isField(value: unknown): value is FieldName {
  return typeof value === "string" && (fieldOrder as readonly string[]).includes(value);
}

/** The engine's issues, each at the field its path names (`["id"]`, or `["round", "id"]`). */
function issuesByField(issues: readonly Issue[], locale: Locale, prefix: readonly string[] = []) {
  const byField: Record<string, string[]> = {};
  const elsewhere: string[] = [];
  for (const issue of issues) {
    const matchesPrefix = prefix.every((part, i) => issue.path[i] === part);
    const field = matchesPrefix ? issue.path[prefix.length] : undefined;
    if (isField(field)) byField[field] = [...(byField[field] ?? []), issueText(issue)[locale]];
    else elsewhere.push(issue.message[locale]);
  }
  return { byField: byField as FieldErrors, elsewhere };
}

/**
 * "Ny runde": the coordinator picks a bank template and describes the round; the engine checks
 * the round before it is sent, and its issues are shown at the fields they are about.
 */
export function NewRoundPage(props: NewRoundPageProps): ReactElement {
  const { client, locale, pageUrl = window.location.href, now = () => new Date() } = props;
  const text = coordinatorMessages[locale];
  const templates = listTemplates();
  const published = props.published ?? [];
  // "template:<id>" or "version:<hash>" (a version published with the editor).
  const [choice, setChoice] = useState(() =>
    props.preselect !== undefined && published.some((v) => v.hash === props.preselect)
      ? `version:${props.preselect}`
      : `template:${templates[0]?.id ?? "rehab"}`,
  );
  const [cluster, setCluster] = useState("");
  const [municipality, setMunicipality] = useState("");
  const [label, setLabel] = useState("");
  const [invited, setInvited] = useState("");
  const [roundId, setRoundId] = useState("");
  const [idEdited, setIdEdited] = useState(false);
  const [share, setShare] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const [refresh, setRefresh] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const idBase = useId();

  const shownId = idEdited ? roundId : cluster.trim() === "" ? "" : suggestRoundId(cluster, now());

  function focusFirstError(found: FieldErrors): void {
    const first = fieldOrder.find((name) => (found[name]?.length ?? 0) > 0);
    if (first === undefined) return;
    formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const chosen = choice.startsWith("version:")
      ? published.find((v) => `version:${v.hash}` === choice)
      : undefined;
    const templateId = templates.find((t) => `template:${t.id}` === choice)?.id ?? "rehab";
    const version = chosen ?? templateVersion(templateId);
    const invitedText = invited.trim();
    const candidate = {
      id: shownId.trim(),
      label,
      versionHash: version.hash,
      cluster,
      ...(municipality.trim() === "" ? {} : { municipality }),
      ...(invitedText === "" ? {} : { invited: Number(invitedText) }),
    };
    const parsed = parseRound(candidate);
    const found: Record<string, readonly string[]> = parsed.success
      ? {}
      : { ...issuesByField(parsed.issues, locale).byField };
    const { origins, bad } = readOrigins(share);
    if (bad.length > 0) found.shareAnswersWith = bad.map((line) => text.shareInvalid(line));
    if (!parsed.success || bad.length > 0) {
      setErrors(found);
      setOutcome({ state: "invalid" });
      focusFirstError(found);
      return;
    }

    setErrors({});
    setOutcome({ state: "sending" });
    const result = await client.createRound({
      round: parsed.data,
      version,
      embed: { shareAnswersWith: origins },
    });
    if (result.ok) {
      setOutcome({ state: "created", round: parsed.data, again: result.value === "same" });
      setRefresh((n) => n + 1);
      return;
    }
    const error = result.error;
    if (error.code === "refused" && error.status === 409) {
      const taken = { id: [text.idTaken] };
      setErrors(taken);
      setOutcome({ state: "invalid" });
      focusFirstError(taken);
      return;
    }
    if (error.code === "refused") {
      const { byField, elsewhere } = issuesByField(error.issues, locale, ["round"]);
      setErrors(byField);
      setOutcome({
        state: "failed",
        message: `${text.serverRefused} ${error.message?.[locale] ?? ""}`.trim(),
        issues: elsewhere,
      });
      return;
    }
    setOutcome({ state: "failed", message: text.serverUnreachable, issues: [] });
  }

  const field = (name: FieldName) => ({
    id: `${idBase}-${name}`,
    name,
    errors: errors[name] ?? [],
  });

  return (
    <section aria-labelledby={`${idBase}-title`}>
      <h2 id={`${idBase}-title`}>{text.newRoundTitle}</h2>
      <p>{text.newRoundIntro}</p>
      <form ref={formRef} className="coordinator-form" noValidate onSubmit={submit}>
        <Field {...field("template")} label={text.templateLabel}>
          {(control) => (
            <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
              {templates.map((template) => (
                <option key={template.id} value={`template:${template.id}`}>
                  {text.templateOption(
                    template.title[locale] ?? template.title.da,
                    template.semver,
                    template.questionnaire.questions.length,
                  )}
                </option>
              ))}
              {published.map((version) => (
                <option key={version.hash} value={`version:${version.hash}`}>
                  {text.publishedOption(version.label, version.questionnaire.questions.length)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field {...field("cluster")} label={text.clusterLabel} hint={text.clusterHint}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="organization"
              value={cluster}
              onChange={(e) => setCluster(e.target.value)}
            />
          )}
        </Field>
        <Field
          {...field("municipality")}
          label={text.municipalityLabel}
          hint={text.municipalityHint}
        >
          {(control) => (
            <input
              {...control}
              type="text"
              value={municipality}
              onChange={(e) => setMunicipality(e.target.value)}
            />
          )}
        </Field>
        <Field {...field("label")} label={text.roundLabelLabel} hint={text.roundLabelHint}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          )}
        </Field>
        <Field {...field("invited")} label={text.invitedLabel} hint={text.invitedHint}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              value={invited}
              onChange={(e) => setInvited(e.target.value)}
            />
          )}
        </Field>
        <Field {...field("id")} label={text.roundIdLabel} hint={text.roundIdHint}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoCapitalize="off"
              spellCheck={false}
              value={shownId}
              onChange={(e) => {
                setIdEdited(true);
                setRoundId(e.target.value);
              }}
            />
          )}
        </Field>
        <Field {...field("shareAnswersWith")} label={text.shareLabel} hint={text.shareHint}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              spellCheck={false}
              value={share}
              onChange={(e) => setShare(e.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="coordinator-button coordinator-button--primary"
          disabled={outcome.state === "sending"}
        >
          {text.createRound}
        </button>
      </form>
      <div aria-live="polite">
        {outcome.state === "sending" ? <p>{text.creating}</p> : null}
        {outcome.state === "invalid" ? (
          <p role="alert" className="coordinator-error">
            {text.formHasErrors}
          </p>
        ) : null}
        {outcome.state === "failed" ? (
          <div role="alert" className="coordinator-error">
            <p>{outcome.message}</p>
            {outcome.issues.length > 0 ? (
              <ul>
                {outcome.issues.map((issue) => (
                  <li key={issue}>{issue}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {outcome.state === "created" ? (
          <div className="coordinator-created">
            <p role="status">
              {outcome.again ? text.createdAgain(outcome.round.id) : text.created(outcome.round.id)}
            </p>
            <RoundLinks roundId={outcome.round.id} pageUrl={pageUrl} locale={locale} />
          </div>
        ) : null}
      </div>
      <RoundList client={client} locale={locale} pageUrl={pageUrl} refreshKey={refresh} />
    </section>
  );
}
