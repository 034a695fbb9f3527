import { isOrigin } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useId, useRef, useState } from "react";
import { type ActionOutcome, ActionOutcomeRegion } from "../ActionOutcome.js";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { refusalOf } from "../api/apiResult.js";
import { Field } from "../Field.js";
import { PageHeading } from "../PageHeading.js";
import type { PageProps } from "../pageProps.js";
import { useApiResult } from "../useApiResult.js";
import { adminMessages } from "./adminMessages.js";

type Outcome = ActionOutcome;

/** The origin a person probably meant ("https://www.kiap.dk/" → "https://www.kiap.dk"), if any. */
function suggestOrigin(value: string): string | null {
  if (!URL.canParse(value)) return null;
  const origin = new URL(value).origin;
  return isOrigin(origin) ? origin : null;
}

/**
 * "Godkendte sider" (KiAP): the sites a round may share its answers with. Each change saves the
 * whole list (`PUT /api/allowed-origins`); the server keeps no partial list.
 */
export function OriginsPage(props: PageProps): ReactElement {
  const { client, locale } = props;
  const text = adminMessages[locale];
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [loaded] = useApiResult("origins", () => client.call("getAllowedOrigins"));
  const [saved, setSaved] = useState<readonly string[] | null>(null);
  const [draft, setDraft] = useState("");
  const [fieldErrors, setFieldErrors] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const origins = saved ?? (loaded?.success === true ? loaded.data.origins : []);

  async function store(next: readonly string[]): Promise<boolean> {
    setBusy(true);
    setOutcome(null);
    const result = await client.call("setAllowedOrigins", { body: { origins: [...next] } });
    setBusy(false);
    if (!result.success) {
      setOutcome({ kind: "failed", error: refusalOf(result) });
      return false;
    }
    setSaved(result.data.origins);
    setOutcome({ kind: "done", text: text.originsSaved(result.data.origins.length) });
    return true;
  }

  async function add(event: FormEvent): Promise<void> {
    event.preventDefault();
    const value = draft.trim();
    const problem = !isOrigin(value)
      ? text.originInvalid(suggestOrigin(value))
      : origins.includes(value)
        ? text.originDuplicate
        : null;
    if (problem !== null) {
      setFieldErrors([problem]);
      input.current?.focus();
      return;
    }
    setFieldErrors([]);
    if (await store([...origins, value])) setDraft("");
  }

  async function remove(origin: string): Promise<void> {
    await store(origins.filter((o) => o !== origin));
    // The button pressed is gone: the field to add one is the next sensible place.
    input.current?.focus();
  }

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>{text.originsTitle}</PageHeading>
      <p>{text.originsIntro}</p>
      {loaded === undefined ? (
        <p aria-busy="true">{text.originsLoading}</p>
      ) : !loaded.success ? (
        <ApiErrorNotice error={refusalOf(loaded)} locale={locale} lead={text.originsFailed} />
      ) : origins.length === 0 ? (
        <p>{text.originsNone}</p>
      ) : (
        <ul className="coordinator-origins">
          {origins.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>
              <button
                type="button"
                className="coordinator-button"
                disabled={busy}
                onClick={() => void remove(origin)}
              >
                {text.remove}
                <span className="coordinator-visually-hidden"> {origin}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="coordinator-form" noValidate onSubmit={add}>
        <Field
          id={`${ids}-origin`}
          name="origin"
          label={text.addOriginLabel}
          hint={text.addOriginHint}
          errors={fieldErrors}
        >
          {(control) => (
            <input
              {...control}
              ref={input}
              type="url"
              inputMode="url"
              autoCapitalize="off"
              spellCheck={false}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
          )}
        </Field>
        <button
          type="submit"
          className="coordinator-button coordinator-button--primary"
          disabled={busy || loaded?.success !== true}
        >
          {text.addOrigin}
        </button>
      </form>
      <ActionOutcomeRegion outcome={outcome} locale={locale} lead={text.originsSaveFailed} />
    </section>
  );
}
