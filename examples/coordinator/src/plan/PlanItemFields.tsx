import type { LocalizedText, PlanItem } from "@klynge/engine";
import type { ReactElement } from "react";
import { Field, type FieldControlProps } from "../Field.js";
import type { PlanMessages } from "./planMessages.js";

/** A question the plan may name: its id (never shown) and its text in the page's language. */
export interface PlanQuestion {
  readonly id: string;
  readonly text: string;
}

export interface PlanItemFieldsProps {
  readonly item: PlanItem;
  readonly index: number;
  /** Prefix of the fields' ids, unique on the page. */
  readonly idBase: string;
  readonly questions: readonly PlanQuestion[];
  /** For each question id another block discusses: that block's item number (from 1). */
  readonly elsewhere: ReadonlyMap<string, number>;
  readonly errors: (key: string) => readonly string[];
  readonly text: PlanMessages;
  readonly onChange: (item: PlanItem) => void;
}

/** The Danish text changed: its English no longer says the same, so it goes (the deck falls back to Danish). */
export function editedText(old: LocalizedText, value: string): LocalizedText {
  return value === old.da ? old : { da: value };
}

/** A whole number typed in a minutes field; NaN while it is empty (the server then says what is missing). */
function minutesOf(value: string): number {
  return value.trim() === "" ? Number.NaN : Number(value);
}

/** A minutes field's input: whole minutes, empty while nothing is typed. */
function MinutesInput(props: {
  readonly control: FieldControlProps;
  readonly minutes: number;
  readonly onMinutes: (minutes: number) => void;
}): ReactElement {
  return (
    <input
      {...props.control}
      type="number"
      inputMode="numeric"
      min={1}
      step={1}
      className="coordinator-plan__minutes"
      value={Number.isNaN(props.minutes) ? "" : String(props.minutes)}
      onChange={(e) => props.onMinutes(minutesOf(e.target.value))}
    />
  );
}

/** The fields of one item of the meeting plan, by its kind. */
export function PlanItemFields(props: PlanItemFieldsProps): ReactElement {
  const { item, index, idBase, questions, elsewhere, errors, text, onChange } = props;
  const id = (part: string) => `${idBase}-${index}-${part}`;
  const key = (part: string) => `items.${index}.${part}`;

  const titleAndMinutes = (
    <div className="coordinator-plan__row">
      <Field id={id("title")} name="title" label={text.itemTitle} errors={errors(key("title"))}>
        {(control) => (
          <input
            {...control}
            type="text"
            value={item.title.da}
            onChange={(e) => onChange({ ...item, title: editedText(item.title, e.target.value) })}
          />
        )}
      </Field>
      <Field id={id("minutes")} name="minutes" label={text.minutes} errors={errors(key("minutes"))}>
        {(control) => (
          <MinutesInput
            control={control}
            minutes={item.minutes}
            onMinutes={(minutes) => onChange({ ...item, minutes })}
          />
        )}
      </Field>
    </div>
  );
  if (item.kind === "pause") return titleAndMinutes;

  const intro = (
    <Field id={id("intro")} name="intro" label={text.introText} errors={errors(key("intro"))}>
      {(control) => (
        <textarea
          {...control}
          rows={3}
          value={item.intro?.da ?? ""}
          onChange={(e) => {
            const value = e.target.value;
            const { intro: _old, ...rest } = item;
            onChange(
              value === ""
                ? (rest as PlanItem)
                : { ...item, intro: editedText(item.intro ?? { da: "" }, value) },
            );
          }}
        />
      )}
    </Field>
  );
  if (item.kind !== "block") {
    return (
      <>
        {titleAndMinutes}
        {intro}
      </>
    );
  }

  const chosen = new Set(item.questions);
  const known = new Set(questions.map((q) => q.id));
  const toggle = (questionId: string, on: boolean) =>
    onChange({
      ...item,
      questions: on
        ? [...item.questions, questionId]
        : item.questions.filter((q) => q !== questionId),
    });
  const questionErrors = errors(key("questions"));

  return (
    <>
      {titleAndMinutes}
      {intro}
      <fieldset
        className="coordinator-plan__questions"
        aria-describedby={[
          `${id("questions")}-hint`,
          questionErrors.length > 0 ? `${id("questions")}-errors` : null,
        ]
          .filter((part) => part !== null)
          .join(" ")}
        aria-invalid={questionErrors.length > 0}
      >
        <legend>{text.questions}</legend>
        <p id={`${id("questions")}-hint`} className="coordinator-hint">
          {text.questionsHint}
        </p>
        {questions.map((question) => {
          const other = elsewhere.get(question.id);
          return (
            <label key={question.id} className="coordinator-plan__question">
              <input
                type="checkbox"
                className="coordinator-plan__box"
                checked={chosen.has(question.id)}
                disabled={other !== undefined && !chosen.has(question.id)}
                onChange={(e) => toggle(question.id, e.target.checked)}
              />{" "}
              {question.text}
              {other !== undefined && !chosen.has(question.id)
                ? ` ${text.inOtherBlock(other)}`
                : ""}
            </label>
          );
        })}
        {item.questions
          .filter((q) => !known.has(q))
          .map((q) => (
            <label key={q} className="coordinator-plan__question">
              <input
                type="checkbox"
                className="coordinator-plan__box"
                checked
                onChange={() => toggle(q, false)}
              />{" "}
              {text.notInVersion}
            </label>
          ))}
        {questionErrors.length > 0 ? (
          <ul id={`${id("questions")}-errors`} className="coordinator-field__errors">
            {questionErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </fieldset>
      <label className="coordinator-plan__check">
        <input
          type="checkbox"
          className="coordinator-plan__box"
          checked={item.referrals}
          onChange={(e) => onChange({ ...item, referrals: e.target.checked })}
        />{" "}
        {text.referrals}
      </label>
      {item.talks.map((talk, t) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: a block's talks have no id of their own
          key={t}
          className="coordinator-plan__talk"
        >
          <legend>{text.talk(t + 1)}</legend>
          <div className="coordinator-plan__row">
            <Field
              id={id(`talk-${t}-title`)}
              name="talk-title"
              label={text.talkTitle}
              errors={errors(key(`talks.${t}.title`))}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  value={talk.title.da}
                  onChange={(e) =>
                    onChange({
                      ...item,
                      talks: item.talks.map((other, o) =>
                        o === t
                          ? { ...other, title: editedText(other.title, e.target.value) }
                          : other,
                      ),
                    })
                  }
                />
              )}
            </Field>
            <Field
              id={id(`talk-${t}-minutes`)}
              name="talk-minutes"
              label={text.talkMinutes}
              errors={[
                ...errors(key(`talks.${t}.minutes`)),
                ...(t === 0 ? errors(key("talks")) : []),
              ]}
            >
              {(control) => (
                <MinutesInput
                  control={control}
                  minutes={talk.minutes}
                  onMinutes={(minutes) =>
                    onChange({
                      ...item,
                      talks: item.talks.map((other, o) =>
                        o === t ? { ...other, minutes } : other,
                      ),
                    })
                  }
                />
              )}
            </Field>
          </div>
        </fieldset>
      ))}
      <Field
        id={id("reflections")}
        name="reflections"
        label={text.reflections}
        hint={text.reflectionsHint}
        errors={errors(key("reflections"))}
      >
        {(control) => (
          <textarea
            {...control}
            rows={Math.max(3, item.reflections.length + 1)}
            value={item.reflections.map((r) => r.da).join("\n")}
            onChange={(e) =>
              onChange({
                ...item,
                reflections: e.target.value
                  .split("\n")
                  .map((line, r) => editedText(item.reflections[r] ?? { da: "" }, line)),
              })
            }
          />
        )}
      </Field>
      <Field id={id("dialog")} name="dialog" label={text.dialog} errors={errors(key("dialog"))}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={item.dialog.da}
            onChange={(e) => onChange({ ...item, dialog: editedText(item.dialog, e.target.value) })}
          />
        )}
      </Field>
    </>
  );
}
