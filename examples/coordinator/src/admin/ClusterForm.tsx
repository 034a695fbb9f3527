import { minimumK } from "@klynge/engine";
import { retentionLimits } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useId, useRef, useState } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import type { ApiError } from "../api/apiResult.js";
import { Field } from "../Field.js";
import { issuesByField } from "../issuesByField.js";
import type { Locale } from "../messages.js";
import { adminMessages } from "./adminMessages.js";

/** A cluster's fields as the form sends them (`POST /api/clusters`, or `PATCH` without the id). */
export interface ClusterValues {
  readonly id: string;
  readonly name: string;
  readonly municipalities: readonly string[];
  readonly k: number;
  readonly retentionMonths: number;
}

type FieldName = "id" | "name" | "municipalities" | "k" | "retentionMonths";
const fieldOrder: readonly FieldName[] = ["id", "name", "municipalities", "k", "retentionMonths"];
type FieldErrors = Partial<Record<FieldName, readonly string[]>>;

export interface ClusterFormProps {
  readonly locale: Locale;
  /** "create" asks for the id too; it cannot be changed afterwards. */
  readonly mode: "create" | "edit";
  readonly initial: ClusterValues;
  readonly submitLabel: string;
  readonly busyLabel: string;
  /** What failed, before the server's reason. */
  readonly failedLead: string;
  /** Sends the values; the error of a refusal (issues are placed at their fields), or null. */
  readonly onSubmit: (values: ClusterValues) => Promise<ApiError | null>;
}

const wholeNumber = /^\s*\d{1,6}\s*$/;

/**
 * A cluster's name, municipalities and policies (k, retention). The rules are the contract's:
 * the client refuses k below 3 before sending, with the same issue the server would give.
 */
export function ClusterForm(props: ClusterFormProps): ReactElement {
  const { locale, mode, initial, onSubmit } = props;
  const text = adminMessages[locale];
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [id, setId] = useState(initial.id);
  const [name, setName] = useState(initial.name);
  const [municipalities, setMunicipalities] = useState(initial.municipalities.join("\n"));
  const [k, setK] = useState(String(initial.k));
  const [retention, setRetention] = useState(String(initial.retentionMonths));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<"idle" | "busy" | "invalid">("idle");
  const [failure, setFailure] = useState<ApiError | null>(null);

  function place(found: FieldErrors): void {
    setErrors(found);
    setState("invalid");
    const first = fieldOrder.find((f) => (found[f]?.length ?? 0) > 0);
    if (first !== undefined)
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const local: Record<string, readonly string[]> = {};
    if (!wholeNumber.test(k)) local.k = [text.kWhole];
    if (!wholeNumber.test(retention)) local.retentionMonths = [text.kWhole];
    if (Object.keys(local).length > 0) {
      place(local);
      return;
    }
    setState("busy");
    setFailure(null);
    const error = await onSubmit({
      id: id.trim(),
      name,
      municipalities: municipalities
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ""),
      k: Number(k),
      retentionMonths: Number(retention),
    });
    if (error === null) {
      setErrors({});
      setState("idle");
      return;
    }
    if (error.code === "cluster_conflict") {
      place({ id: [text.idTaken] });
      return;
    }
    if (error.code === "k_locked") {
      // The server's own words say why: kept reports were made with the present k.
      place({ k: [error.message[locale]] });
      return;
    }
    const { byField: found, elsewhere } = issuesByField(error.issues, fieldOrder, locale);
    if (Object.keys(found).length > 0 && elsewhere.length === 0) {
      place(found);
      return;
    }
    setErrors(found);
    setState("idle");
    setFailure({ ...error, issues: elsewhere });
  }

  const field = (fieldName: FieldName) => ({
    id: `${ids}-${fieldName}`,
    name: fieldName,
    errors: errors[fieldName] ?? [],
  });

  return (
    <form ref={formRef} className="coordinator-form" noValidate onSubmit={submit}>
      {mode === "create" ? (
        <Field {...field("id")} label={text.idLabel} hint={text.idHint}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoCapitalize="off"
              spellCheck={false}
              value={id}
              onChange={(e) => setId(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <Field {...field("name")} label={text.nameLabel} hint={text.nameHint}>
        {(control) => (
          <input {...control} type="text" value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field
        {...field("municipalities")}
        label={text.municipalitiesLabel}
        hint={text.municipalitiesHint}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={municipalities}
            onChange={(e) => setMunicipalities(e.target.value)}
          />
        )}
      </Field>
      <Field {...field("k")} label={text.kLabel} hint={text.kHint(minimumK)}>
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            value={k}
            onChange={(e) => setK(e.target.value)}
          />
        )}
      </Field>
      <Field
        {...field("retentionMonths")}
        label={text.retentionLabel}
        hint={text.retentionHint(retentionLimits.min, retentionLimits.max)}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="numeric"
            value={retention}
            onChange={(e) => setRetention(e.target.value)}
          />
        )}
      </Field>
      <button
        type="submit"
        className="coordinator-button coordinator-button--primary"
        disabled={state === "busy"}
      >
        {state === "busy" ? props.busyLabel : props.submitLabel}
      </button>
      <div aria-live="polite">
        {state === "invalid" ? (
          <p role="alert" className="coordinator-error">
            {text.formHasErrors}
          </p>
        ) : null}
        {failure === null ? null : (
          <ApiErrorNotice error={failure} locale={locale} lead={props.failedLead} />
        )}
      </div>
    </form>
  );
}
