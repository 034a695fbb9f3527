import type { Issue, Question } from "@klynge/engine";
import { useId, useState } from "react";
import { headingTag } from "../headingTag.js";
import type { Locale } from "../messages.js";
import { CardActions } from "./CardActions.js";
import { ConditionPicker } from "./ConditionPicker.js";
import { changeQuestionType } from "./changeQuestionType.js";
import { copyOfQuestion } from "./copyOfQuestion.js";
import { EditorField, IssueList } from "./EditorField.js";
import { EnglishFields } from "./EnglishFields.js";
import type { EditorMessages } from "./editorMessages.js";
import type { EditorAction } from "./editorState.js";
import { type ErrorDisplay, useCardErrors } from "./errorDisplay.js";
import {
  fieldsOfQuestion,
  type LocalQuestionFields,
  type LocalQuestionType,
  localQuestionTypes,
} from "./localQuestion.js";
import { OptionsEditor } from "./OptionsEditor.js";
import type { FieldKey } from "./placeIssues.js";
import { RowsEditor } from "./RowsEditor.js";
import { noteFor, TypeChangeNote, typeChangeNote } from "./TypeChangeNote.js";

export interface LocalQuestionCardProps {
  readonly question: Question;
  readonly index: number;
  readonly count: number;
  /** The whole current list, for the condition picker's earlier questions. */
  readonly questions: readonly Question[];
  readonly comparable: boolean;
  /** The errors of this question in words, by field (shown once touched, or after "Udgiv"). */
  readonly issues: ReadonlyMap<FieldKey, readonly string[]> | undefined;
  /** The engine's issues about the condition, worded by the picker itself (it names the questions). */
  readonly conditionIssues?: readonly Issue[] | undefined;
  /** When errors show, and the ids of the fields the error summary links to. */
  readonly errorDisplay: ErrorDisplay;
  readonly locale: Locale;
  readonly headingLevel: number;
  readonly m: EditorMessages;
  readonly onAction: (action: EditorAction) => void;
}

/** A local question, edited in place: every change rewrites the question in its own add edit. */
export function LocalQuestionCard(props: LocalQuestionCardProps) {
  const { question, index, count, comparable, issues, locale, m, onAction } = props;
  const headingId = useId();
  const typeId = useId();
  const requiredId = useId();
  const Heading = headingTag(props.headingLevel);
  const fields = fieldsOfQuestion(question);
  const {
    errorsAt: issuesAt,
    touch,
    onBlur,
    fieldId,
  } = useCardErrors(question.id, issues, props.errorDisplay);
  const change = (patch: Partial<LocalQuestionFields>, field?: string) => {
    touch(field ?? ("options" in patch ? "options" : "question"));
    onAction({
      type: "update",
      questionId: question.id,
      question: { ...fields, ...patch },
      ...(field === undefined ? {} : { coalesce: `${index}:${field}` }),
    });
  };
  // What the last type change set aside or asks to check; the options it set aside come back with a type that takes them.
  const [lastTypeChange, setTypeChange] = useState<ReturnType<typeof typeChangeNote>>();
  const typeChange = noteFor(lastTypeChange, fields, index);
  const changeType = (type: LocalQuestionType) => {
    const changed = changeQuestionType(fields, type, typeChange?.setAside);
    setTypeChange(typeChangeNote(changed, fields, typeChange?.setAside, index));
    change(changed.fields);
  };
  const part = { fields, issuesAt, fieldId, locale, m, onChange: change };
  const text = fields.text ?? { da: "" };
  const description = fields.description ?? { da: "" };
  const name = text.da.trim() === "" ? m.untitled : text.da;
  return (
    <article
      className="klynge-editor__card klynge-editor__card--local"
      aria-labelledby={headingId}
      onBlur={onBlur}
    >
      <Heading
        id={headingId}
        className="klynge-editor__card-title"
        tabIndex={-1}
        data-focus="heading"
      >
        <span className="klynge-editor__number">{m.questionHeading(index + 1)}:</span>{" "}
        <span lang="da">{name}</span>
      </Heading>
      <p className="klynge-editor__badges">
        <span className="klynge-editor__badge klynge-editor__badge--local">{m.localBadge}</span>
        {comparable && (
          <span className="klynge-editor__badge klynge-editor__badge--comparable">
            {m.comparableBadge}
          </span>
        )}
      </p>
      <IssueList issues={issuesAt("question")} locale={locale} />
      <div className="klynge-editor__field">
        <label htmlFor={typeId}>{m.typeField}</label>
        <select
          id={typeId}
          value={fields.type}
          onChange={(e) => changeType(e.target.value as LocalQuestionType)}
        >
          {localQuestionTypes.map((type) => (
            <option key={type} value={type}>
              {m.questionType[type]}
            </option>
          ))}
        </select>
      </div>
      <TypeChangeNote note={typeChange} locale={locale} m={m} />
      <EditorField
        label={m.textDa}
        value={text.da}
        lang="da"
        locale={locale}
        focusKey="text.da"
        id={fieldId("text.da")}
        field="text.da"
        issues={issuesAt("text.da")}
        onChange={(da) => change({ text: { ...text, da } }, "text.da")}
      />
      <EditorField
        label={m.descriptionDa}
        value={description.da}
        lang="da"
        locale={locale}
        multiline
        id={fieldId("description.da")}
        field="description.da"
        issues={issuesAt("description.da")}
        onChange={(da) => change({ description: { ...description, da } }, "description.da")}
      />
      <div className="klynge-editor__check">
        <input
          id={requiredId}
          type="checkbox"
          checked={fields.required === true}
          onChange={(e) => change({ required: e.target.checked })}
        />
        <label htmlFor={requiredId}>{m.requiredField}</label>
      </div>
      {fields.type === "matrix" && (
        <RowsEditor
          rows={fields.rows ?? []}
          issuesAt={issuesAt}
          locale={locale}
          m={m}
          onChange={(rows, field) => change({ rows }, field)}
        />
      )}
      {fields.type !== "text" && <OptionsEditor {...part} />}
      <EnglishFields {...part} />
      <ConditionPicker
        condition={fields.showIf}
        questions={props.questions}
        index={index}
        issues={props.conditionIssues ?? []}
        locale={locale}
        m={m}
        onChange={(showIf) => {
          const { showIf: _, ...rest } = fields;
          onAction({
            type: "update",
            questionId: question.id,
            question: showIf === undefined ? rest : { ...rest, showIf },
          });
        }}
      />
      <CardActions
        questionId={question.id}
        name={name}
        index={index}
        count={count}
        removeLabel={m.deleteLocal}
        onDuplicate={() =>
          onAction({ type: "add", question: copyOfQuestion(fields), at: index + 1 })
        }
        m={m}
        onAction={onAction}
      />
    </article>
  );
}
