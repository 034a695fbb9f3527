import type { MeetingPlan, PlanItem } from "@klynge/engine";
import type { RoundPlan } from "@klynge/engine/contract";
import { type ReactElement, useEffect, useId, useRef, useState } from "react";
import { ApiErrorNotice } from "../ApiErrorNotice.js";
import { type ApiError, refusalOf } from "../api/apiResult.js";
import type { ApiClient } from "../api/createApiClient.js";
import type { Locale } from "../messages.js";
import { PlanItemFields, type PlanQuestion } from "./PlanItemFields.js";
import { planIssuesByField } from "./planIssues.js";
import { planMessages } from "./planMessages.js";

export interface PlanEditorProps {
  readonly client: ApiClient;
  readonly locale: Locale;
  /** The round whose meeting the plan is for (the last of the report's rounds). */
  readonly round: { readonly id: string; readonly label: string };
  /** The questions of the round's questionnaire, in its order, by their text. */
  readonly questions: readonly PlanQuestion[];
  /** Called with the plan as the server kept it, so the deck follows it at once. */
  readonly onSaved?: (plan: MeetingPlan) => void;
}

type Loaded = "loading" | { readonly failed: ApiError } | RoundPlan;
type Saving = "idle" | "saving" | "saved" | { readonly refused: ApiError };

const sumOf = (items: readonly PlanItem[]) =>
  items.reduce((sum, item) => sum + (Number.isFinite(item.minutes) ? item.minutes : 0), 0);

/** What is sent: the items as edited, blank reflection lines left out; the total is the server's sum. */
function toSend(items: readonly PlanItem[], plan: MeetingPlan): unknown {
  const { minutes: _total, ...rest } = plan;
  return {
    ...rest,
    items: items.map((item) =>
      item.kind === "block"
        ? { ...item, reflections: item.reflections.filter((r) => r.da.trim() !== "") }
        : item,
    ),
  };
}

/**
 * "Mødeplan": the coordinator edits the plan of the round's meeting (order, minutes, the questions
 * each block discusses, the texts) and saves it whole; the server's engine checks it, and what it
 * refuses is shown at the field it is about.
 */
export function PlanEditor(props: PlanEditorProps): ReactElement {
  const { client, locale, round, questions, onSaved } = props;
  const text = planMessages[locale];
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded>("loading");
  const [items, setItems] = useState<readonly PlanItem[]>([]);
  const [saving, setSaving] = useState<Saving>("idle");
  const moved = useRef<{ index: number; direction: "up" | "down" } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let active = true;
    setLoaded("loading");
    void client.call("getRoundPlan", { params: { round: round.id } }).then((result) => {
      if (!active) return;
      if (!result.success) {
        setLoaded({ failed: refusalOf(result) });
        return;
      }
      setLoaded(result.data);
      setItems(result.data.plan?.items ?? []);
    });
    return () => {
      active = false;
    };
  }, [client, round.id]);

  useEffect(() => {
    // After a move the item's button keeps the focus in its new place (or the other one at an edge).
    const last = moved.current;
    if (last === null) return;
    moved.current = null;
    const own = buttons.current.get(`${last.index}-${last.direction}`);
    const other = buttons.current.get(`${last.index}-${last.direction === "up" ? "down" : "up"}`);
    (own !== undefined && !own.disabled ? own : other)?.focus();
  });

  useEffect(() => {
    // A refusal takes the focus to the first field it marks, where its reason is read out.
    if (typeof saving !== "object") return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = first?.tagName === "FIELDSET" ? first.querySelector("input") : first;
    target?.focus();
  }, [saving]);

  if (loaded === "loading") return <p aria-busy="true">{text.loading}</p>;
  if ("failed" in loaded) {
    return <ApiErrorNotice error={loaded.failed} locale={locale} lead={text.loadFailed} />;
  }
  const { plan, source } = loaded;
  if (plan === null) return <p role="status">{text.none}</p>;

  const refusal = typeof saving === "object" ? saving.refused : null;
  const placed = planIssuesByField(refusal?.issues ?? [], locale, text);
  const errors = (key: string) => placed.byField.get(key) ?? [];
  const total = sumOf(items);

  const blockOf = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.kind === "block") for (const q of item.questions) blockOf.set(q, i + 1);
  });

  function change(index: number, item: PlanItem): void {
    setItems((current) => current.map((old, i) => (i === index ? item : old)));
    if (saving === "saved") setSaving("idle");
  }

  function move(index: number, direction: "up" | "down"): void {
    const to = direction === "up" ? index - 1 : index + 1;
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    [next[index], next[to]] = [next[to] as PlanItem, next[index] as PlanItem];
    moved.current = { index: to, direction };
    setItems(next);
    if (saving === "saved") setSaving("idle");
  }

  async function save(): Promise<void> {
    if (plan === null) return;
    setSaving("saving");
    const result = await client.call("putRoundPlan", {
      params: { round: round.id },
      body: { plan: toSend(items, plan) },
    });
    if (!result.success) {
      setSaving({ refused: refusalOf(result) });
      return;
    }
    setLoaded(result.data);
    setItems(result.data.plan?.items ?? []);
    setSaving("saved");
    if (result.data.plan !== null) onSaved?.(result.data.plan);
  }

  return (
    <section aria-labelledby={`${ids}-title`} className="coordinator-plan">
      <h2 id={`${ids}-title`}>{text.forRound(round.label)}</h2>
      <p>{text.intro}</p>
      {source === null ? null : (
        <p className="coordinator-hint">
          {text.source(source.title.da, source.version, source.version === 1)}
          {loaded.edited ? ` ${text.edited}` : ""}
        </p>
      )}
      {plan.draft === true || items.some((item) => item.draft === true) ? (
        <p className="coordinator-hint">{text.draft}</p>
      ) : null}
      <p className="coordinator-plan__total" aria-live="polite">
        {text.total(total)}
      </p>
      <form
        ref={form}
        className="coordinator-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <ol className="coordinator-plan__items">
          {items.map((item, index) => {
            const title = item.title.da === "" ? text.kinds[item.kind] : item.title.da;
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; the fields follow their place
                key={index}
                className="coordinator-plan__item"
              >
                <fieldset>
                  <legend>{text.item(index + 1, text.kinds[item.kind], title)}</legend>
                  <div className="coordinator-plan__move">
                    {(["up", "down"] as const).map((direction) => (
                      <button
                        key={direction}
                        type="button"
                        className="coordinator-button"
                        aria-label={(direction === "up" ? text.moveUp : text.moveDown)(title)}
                        disabled={direction === "up" ? index === 0 : index === items.length - 1}
                        ref={(el) => {
                          const key = `${index}-${direction}`;
                          if (el === null) buttons.current.delete(key);
                          else buttons.current.set(key, el);
                        }}
                        onClick={() => move(index, direction)}
                      >
                        {direction === "up" ? text.up : text.down}
                      </button>
                    ))}
                  </div>
                  <PlanItemFields
                    item={item}
                    index={index}
                    idBase={ids}
                    questions={questions}
                    elsewhere={new Map([...blockOf].filter(([, block]) => block !== index + 1))}
                    errors={errors}
                    text={text}
                    onChange={(next) => change(index, next)}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div aria-live="polite">
          {refusal === null ? null : (
            <>
              <ApiErrorNotice
                error={{ ...refusal, issues: [] }}
                locale={locale}
                lead={text.saveFailed}
              />
              {placed.byField.size > 0 ? (
                <p className="coordinator-error">{text.fixBelow}</p>
              ) : null}
              {placed.elsewhere.length > 0 ? (
                <ul className="coordinator-error">
                  {placed.elsewhere.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : null}
            </>
          )}
          {saving === "saved" ? <p role="status">{text.saved}</p> : null}
        </div>
        <button
          type="submit"
          className="coordinator-button coordinator-button--primary"
          disabled={saving === "saving"}
        >
          {saving === "saving" ? text.saving : text.save}
        </button>
      </form>
    </section>
  );
}
