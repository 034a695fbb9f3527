import { type FormEvent, type ReactElement, useId, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { Field } from "../Field.js";
import { issuesByField } from "../issuesByField.js";
import { PageHeading } from "../PageHeading.js";
import type { PageProps } from "../pageProps.js";
import { useApiResult } from "../useApiResult.js";
import { adminMessages } from "./adminMessages.js";

type FieldName = "email" | "name";
type Outcome = ActionOutcome;

/** "Personale" (KiAP): who can sign in; add a person by e-mail and name, or change one. */
export function StaffPage(props: PageProps): ReactElement {
  const { client, locale } = props;
  const text = adminMessages[locale];
  const ids = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [staff, reload] = useApiResult("staff", () => client.call("listStaff"));
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [admin, setAdmin] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, readonly string[]>>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    const result = await client.call("saveStaff", { body: { email, name, admin } });
    setBusy(false);
    if (result.success) {
      setErrors({});
      setEmail("");
      setName("");
      setAdmin(false);
      setOutcome({ kind: "done", text: text.staffSaved(result.data.staff.name) });
      await reload();
      return;
    }
    const { byField: found } = issuesByField(
      refusalOf(result).issues,
      ["email", "name"] as const,
      locale,
    );
    setErrors(found);
    setOutcome({ kind: "failed", error: refusalOf(result) });
    const first = (["email", "name"] as const).find((f) => found[f] !== undefined);
    if (first !== undefined)
      formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  const field = (fieldName: FieldName) => ({
    id: `${ids}-${fieldName}`,
    name: fieldName,
    errors: errors[fieldName] ?? [],
  });

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>{text.staffTitle}</PageHeading>
      <p>{text.staffIntro}</p>
      {staff === undefined ? (
        <p aria-busy="true">{text.staffLoading}</p>
      ) : !staff.success ? (
        <ApiErrorNotice error={refusalOf(staff)} locale={locale} lead={text.staffFailed} />
      ) : staff.data.staff.length === 0 ? (
        <p>{text.staffNone}</p>
      ) : (
        <div className="coordinator-scroll">
          <table className="coordinator-table">
            <thead>
              <tr>
                <th scope="col">{text.staffName}</th>
                <th scope="col">{text.staffEmail}</th>
                <th scope="col">{text.staffAdmin}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.staff.map((person) => (
                <tr key={person.id}>
                  <th scope="row">{person.name}</th>
                  <td>{person.email}</td>
                  <td>{person.admin ? text.yes : text.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby={`${ids}-form`} className="coordinator-panel">
        <h3 id={`${ids}-form`}>{text.staffFormTitle}</h3>
        <p className="coordinator-hint">{text.staffFormHint}</p>
        <form ref={formRef} className="coordinator-form" noValidate onSubmit={save}>
          <Field {...field("email")} label={text.emailLabel}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field {...field("name")} label={text.staffNameLabel}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <div className="coordinator-field">
            <label className="coordinator-check">
              <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} />
              {text.adminLabel}
            </label>
          </div>
          <button
            type="submit"
            className="coordinator-button coordinator-button--primary"
            disabled={busy}
          >
            {text.saveStaff}
          </button>
        </form>
        <ActionOutcomeRegion outcome={outcome} locale={locale} lead={text.staffFailedSave} />
      </section>
    </section>
  );
}
