import {
  parseQuestionnaireVersion,
  parseRound,
  type QuestionnaireVersion,
  type Round,
} from "@klynge/engine";
import { toApiIssue } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from "react";
import { ApiErrorNotice } from "./ApiErrorNotice.js";
import { type ApiError, type Result, refusalOf } from "./api/apiResult.js";
import { Field } from "./Field.js";
import { issuesByField } from "./issuesByField.js";
import { coordinatorMessages } from "./messages.js";
import { PageHeading } from "./PageHeading.js";
import type { ClusterPageProps } from "./pageProps.js";
import { RoundLinks } from "./RoundLinks.js";
import { ShareOriginsField } from "./ShareOriginsField.js";
import { suggestRoundId } from "./suggestRoundId.js";
import { useApiResult } from "./useApiResult.js";
import { routeHash } from "./useHashRoute.js";
import { useTemplateChoices } from "./useTemplateChoices.js";

export interface NewRoundPageProps extends ClusterPageProps {
  /** The hash of one of the cluster's versions to preselect (`#/ny-runde?version=…`). */
  readonly preselect?: string;
  /** The label of the version just published in the editor (the preselected one): said at the top. */
  readonly justPublished?: string;
}

type FieldName = "template" | "municipality" | "label" | "invited" | "id" | "shareAnswersWith";

const fieldOrder: readonly FieldName[] = [
  "template",
  "municipality",
  "label",
  "invited",
  "id",
  "shareAnswersWith",
];

type FieldErrors = Partial<Record<FieldName, readonly string[]>>;

type Outcome =
  | { readonly state: "idle" }
  | { readonly state: "sending" }
  | { readonly state: "invalid" }
  | { readonly state: "created"; readonly round: Round; readonly again: boolean }
  | { readonly state: "failed"; readonly error: ApiError; readonly lead: string };

/**
 * "Ny runde": a coordinator picks one of KiAP's packages (bank or uploaded) or one of the cluster's versions and describes
 * the round; the engine checks the round before it is sent, and its issues are shown at the
 * fields they are about. The id always begins with the cluster's id; answers can be shared only
 * with KiAP's approved sites, offered as checkboxes.
 */
export function NewRoundPage(props: NewRoundPageProps): ReactElement {
  const { client, locale, cluster, services } = props;
  const text = coordinatorMessages[locale];
  const templates = useTemplateChoices(client);
  const params = { cluster: cluster.id };
  const [versions] = useApiResult(cluster.id, () => client.call("listVersions", { params }));
  const [detail] = useApiResult(cluster.id, () => client.call("getCluster", { params }));
  const [rounds] = useApiResult(cluster.id, () => client.call("listRounds", { params }));
  const [approved] = useApiResult("origins", () => client.call("getAllowedOrigins"));

  const published = versions?.success === true ? versions.data.versions : [];
  const municipalities = detail?.success === true ? detail.data.cluster.municipalities : [];
  const taken = rounds?.success === true ? rounds.data.rounds.map((r) => r.round.id) : [];
  const origins = approved?.success === true ? approved.data.origins : [];
  const prefix = `${cluster.id}.`;

  // "template:<id>" or "version:<hash>" (one of the cluster's versions).
  const firstTemplate = `template:${templates[0]?.id ?? "rehab"}`;
  const [chosen, setChoice] = useState(() =>
    props.preselect !== undefined ? `version:${props.preselect}` : firstTemplate,
  );
  // A preselected version the cluster does not have (an old link) falls back to the first template.
  const choice =
    chosen.startsWith("version:") &&
    versions?.success === true &&
    !published.some((v) => `version:${v.hash}` === chosen)
      ? firstTemplate
      : chosen;
  const [municipality, setMunicipality] = useState<string | null>(null);
  const [label, setLabel] = useState("");
  const [invited, setInvited] = useState("");
  const [suffix, setSuffix] = useState<string | null>(null);
  const [share, setShare] = useState<readonly string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ state: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  const publishedRef = useRef<HTMLParagraphElement>(null);
  const idBase = useId();
  const { justPublished } = props;
  // Arriving from "Udgiv" far down the editor: the page starts at its top, on the news.
  useEffect(() => {
    if (justPublished === undefined) return;
    window.scrollTo?.({ top: 0 });
    publishedRef.current?.focus({ preventScroll: true });
  }, [justPublished]);

  const shownMunicipality = municipality ?? municipalities[0] ?? "";
  const shownSuffix =
    suffix ?? suggestRoundId(cluster.id, services.now(), taken).slice(prefix.length);

  function focusFirstError(found: FieldErrors): void {
    const first = fieldOrder.find((name) => (found[name]?.length ?? 0) > 0);
    if (first === undefined) return;
    formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  function refuse(found: FieldErrors): void {
    setErrors(found);
    setOutcome({ state: "invalid" });
    focusFirstError(found);
  }

  async function chosenVersion(): Promise<Result<QuestionnaireVersion, ApiError>> {
    const template = templates.find((t) => `template:${t.id}` === choice);
    if (template !== undefined) return { success: true, data: template.version };
    const hash = choice.slice("version:".length);
    const loaded = await client.call("getVersion", { params: { cluster: cluster.id, hash } });
    if (!loaded.success) return loaded;
    // The version is re-hashed here: a copy changed on the way is not sent back as a round.
    const parsed = parseQuestionnaireVersion(loaded.data.version);
    return parsed.success
      ? { success: true, data: parsed.data }
      : {
          success: false,
          issues: [
            {
              code: "invalid_reply",
              status: 200,
              message: { da: text.versionLoadFailed, en: text.versionLoadFailed },
              issues: parsed.issues.map(toApiIssue),
            },
          ],
        };
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const invitedText = invited.trim();
    const id = `${prefix}${shownSuffix.trim()}`;
    const candidate = {
      id,
      label,
      // Checked again below with the real hash; any well-formed hash lets the engine check the rest.
      versionHash: templates[0]?.version.hash ?? "0".repeat(64),
      cluster: cluster.name,
      ...(shownMunicipality.trim() === "" ? {} : { municipality: shownMunicipality }),
      ...(invitedText === "" ? {} : { invited: Number(invitedText) }),
    };
    const parsed = parseRound(candidate);
    const found: Record<string, readonly string[]> = parsed.success
      ? {}
      : { ...issuesByField(parsed.issues.map(toApiIssue), fieldOrder, locale).byField };
    if (shownSuffix.trim() === "") found.id = [text.roundIdMissing];
    if (!parsed.success || found.id !== undefined) {
      refuse(found);
      return;
    }

    setErrors({});
    setOutcome({ state: "sending" });
    const version = await chosenVersion();
    if (!version.success) {
      setOutcome({ state: "failed", error: refusalOf(version), lead: text.versionLoadFailed });
      return;
    }
    const round: Round = { ...parsed.data, versionHash: version.data.hash };
    const result = await client.call("createRound", {
      params,
      body: {
        round,
        version: version.data,
        // Only what KiAP approved is offered, in the order of its list.
        embed: { shareAnswersWith: origins.filter((origin) => share.includes(origin)) },
      },
    });
    if (result.success) {
      setOutcome({ state: "created", round, again: result.status === 200 });
      return;
    }
    const error = refusalOf(result);
    if (error.code === "round_conflict") {
      refuse({ id: [text.idTaken] });
      return;
    }
    if (error.code === "origin_not_allowed") {
      refuse({ shareAnswersWith: [error.message[locale]] });
      return;
    }
    const { byField, elsewhere } = issuesByField(error.issues, fieldOrder, locale, ["round"]);
    setErrors(byField);
    setOutcome({
      state: "failed",
      error: { ...error, issues: elsewhere },
      lead: text.serverRefused,
    });
    focusFirstError(byField);
  }

  const field = (name: FieldName) => ({
    id: `${idBase}-${name}`,
    name,
    errors: errors[name] ?? [],
  });

  return (
    <section aria-labelledby={`${idBase}-title`}>
      <PageHeading id={`${idBase}-title`}>{text.newRoundTitle(cluster.name)}</PageHeading>
      {justPublished === undefined ? null : (
        <p ref={publishedRef} tabIndex={-1} role="status" className="coordinator-notice">
          {text.published(justPublished)}
        </p>
      )}
      <p>{choice.startsWith("version:") ? text.newRoundIntroChosen : text.newRoundIntro}</p>
      <p className="coordinator-muted">{text.clusterFact(cluster.name)}</p>
      <form ref={formRef} className="coordinator-form" noValidate onSubmit={submit}>
        <Field {...field("template")} label={text.templateLabel}>
          {(control) => (
            <select {...control} value={choice} onChange={(e) => setChoice(e.target.value)}>
              <optgroup label={text.templatesGroup}>
                {templates.map((template) => (
                  <option key={template.id} value={`template:${template.id}`}>
                    {text.templateOption(
                      template.title[locale] ?? template.title.da,
                      String(template.packageVersion),
                      template.questions,
                    )}
                  </option>
                ))}
              </optgroup>
              {published.length > 0 ? (
                <optgroup label={text.versionsGroup}>
                  {published.map((version) => (
                    <option key={version.hash} value={`version:${version.hash}`}>
                      {text.publishedOption(version.label, version.questions)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
        {municipalities.length > 0 ? (
          <Field {...field("municipality")} label={text.municipalityLabel}>
            {(control) => (
              <select
                {...control}
                value={shownMunicipality}
                onChange={(e) => setMunicipality(e.target.value)}
              >
                {municipalities.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
                <option value="">{text.municipalityNone}</option>
              </select>
            )}
          </Field>
        ) : (
          <Field
            {...field("municipality")}
            label={text.municipalityLabel}
            hint={text.municipalityHint}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                value={shownMunicipality}
                onChange={(e) => setMunicipality(e.target.value)}
              />
            )}
          </Field>
        )}
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
        <Field {...field("id")} label={text.roundIdLabel} hint={text.roundIdHint(prefix)}>
          {(control) => (
            <div className="coordinator-prefixed">
              {/* The hint says the prefix; read once, not twice. */}
              <span aria-hidden="true">{prefix}</span>
              <input
                {...control}
                type="text"
                autoCapitalize="off"
                spellCheck={false}
                value={shownSuffix}
                onChange={(e) => setSuffix(e.target.value)}
              />
            </div>
          )}
        </Field>
        <ShareOriginsField
          id={`${idBase}-share`}
          locale={locale}
          approved={approved}
          chosen={share}
          onChange={setShare}
          errors={errors.shareAnswersWith ?? []}
        />
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
          <ApiErrorNotice error={outcome.error} locale={locale} lead={outcome.lead} />
        ) : null}
        {outcome.state === "created" ? (
          <div className="coordinator-created">
            <p role="status">
              {outcome.again
                ? text.createdAgain(outcome.round.label)
                : text.created(outcome.round.label)}
            </p>
            <RoundLinks roundId={outcome.round.id} pageUrl={services.pageUrl()} locale={locale} />
            <p>
              <a href={routeHash({ page: "rounds" })}>{text.toRounds}</a>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
