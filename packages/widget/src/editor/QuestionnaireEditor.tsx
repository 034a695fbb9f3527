import {
  applyEdits,
  diff,
  type Issue,
  type Questionnaire,
  type QuestionnaireVersion,
} from "@klynge/engine";
import { type ReactElement, useId, useMemo, useReducer, useState } from "react";
import { type HeadingLevel, headingTag } from "../headingTag.js";
import { Localized } from "../Localized.js";
import { localize } from "../localize.js";
import type { Locale } from "../messages.js";
import { BankQuestionCard } from "./BankQuestionCard.js";
import type { DiffComparison } from "./DiffPanel.js";
import { DiffPanel } from "./DiffPanel.js";
import { DiscardDraft } from "./DiscardDraft.js";
import { EditorField } from "./EditorField.js";
import { ErrorSummary, focusField } from "./ErrorSummary.js";
import type { EditorDraftStore } from "./editorDraft.js";
import { editorErrors, type SummaryEntry } from "./editorErrors.js";
import { editorMessages } from "./editorMessages.js";
import {
  createEditorState,
  type EditorAction,
  editorItems,
  editorReducer,
  removedQuestions,
} from "./editorState.js";
import { type ErrorDisplay, useErrorReveal } from "./errorDisplay.js";
import { InsertHere } from "./InsertHere.js";
import { LocalQuestionCard } from "./LocalQuestionCard.js";
import { type LocalQuestionType, localQuestionTypes, newLocalQuestion } from "./localQuestion.js";
import { PreviewPanel } from "./PreviewPanel.js";
import { placeIssues } from "./placeIssues.js";
import { SortableList } from "./SortableList.js";
import { useCardFocus } from "./useCardFocus.js";
import { type DraftStatus, useEditorDraft } from "./useEditorDraft.js";

/**
 * Styling: `@klynge/widget/editor.css` (plain CSS on the `--klynge-*` variables); the preview
 * also wants SurveyJS's stylesheet, as `KlyngeSurvey` does.
 */
export interface QuestionnaireEditorProps {
  /** The version edited: a bank template version or an earlier round's version. Its questions stay verbatim. */
  readonly base: QuestionnaireVersion;
  /** The previous round's version: a second diff, and the reference of "Kan sammenlignes". */
  readonly previous?: QuestionnaireVersion;
  /** The bank template, for the first diff. Default `base`. */
  readonly template?: QuestionnaireVersion;
  /** Default `"da"`. */
  readonly locale?: Locale;
  /** Key of the work in progress in `storage`; a draft is used only on the base it was made on. */
  readonly draftKey: string;
  /** Where work in progress is kept. Default an IndexedDB store (`openEditorDraftStore()`). */
  readonly storage?: EditorDraftStore;
  /**
   * Called with the new version on "Udgiv" (with `base` itself when nothing was edited); the draft
   * is cleared once it resolves. A rejection keeps the draft and says that publishing failed.
   */
  readonly onPublish: (version: QuestionnaireVersion) => void | Promise<void>;
  /** The new version's label to start with. Default `""`. */
  readonly initialLabel?: string;
  /** Heading level of the editor's title; sections and questions get the next levels. Default `2`. */
  readonly headingLevel?: HeadingLevel;
}

/**
 * The questionnaire editor of the runbook: before a round, the cluster and the municipality remove,
 * move and add questions. Bank questions stay verbatim; the engine's `applyEdits` checks and seals
 * the result, its issues are shown at their fields, and `diff` says what changed.
 */
export function QuestionnaireEditor(props: QuestionnaireEditorProps): ReactElement {
  // A new base is a new piece of work: state, draft and focus start over.
  return <EditorBody key={props.base.hash} {...props} />;
}

const noIssues: readonly Issue[] = [];

type PublishState = "idle" | "publishing" | "published" | "failed";

function EditorBody(props: QuestionnaireEditorProps): ReactElement {
  const { base, previous, locale = "da", headingLevel = 2, onPublish } = props;
  const template = props.template ?? base;
  const m = editorMessages[locale];
  const [state, dispatch] = useReducer(editorReducer, base, (b) =>
    createEditorState(b, props.initialLabel ?? ""),
  );
  const draft = useEditorDraft(state, dispatch, props.draftKey, props.storage);
  const [publish, setPublish] = useState<PublishState>("idle");
  const [newType, setNewType] = useState<LocalQuestionType>("single");
  const ids = { title: useId(), list: useId(), count: useId(), add: useId(), fields: useId() };
  const errorReveal = useErrorReveal();
  // The questions the person moved, so the diff names them and not the neighbours they passed.
  const [movedByHand, setMovedByHand] = useState<readonly string[]>([]);
  const Heading = headingTag(headingLevel);
  const SectionHeading = headingTag(headingLevel + 1);

  const items = useMemo(() => editorItems(state), [state]);
  const removed = useMemo(() => removedQuestions(state), [state]);
  const questions = useMemo(() => items.map((item) => item.question), [items]);
  const result = useMemo(
    () => applyEdits(base, state.edits, { label: state.label }),
    [base, state.edits, state.label],
  );
  const issues = result.success ? noIssues : result.issues;
  const placed = useMemo(
    () => placeIssues(issues, state.edits, items),
    [issues, state.edits, items],
  );
  const errors = useMemo(() => editorErrors(placed, items, m, locale), [placed, items, m, locale]);
  const errorDisplay = useMemo(
    (): ErrorDisplay => ({
      showAll: errorReveal.showAll,
      fieldId: (questionId: string, field: string) => `${ids.fields}-${questionId}-${field}`,
    }),
    [errorReveal.showAll, ids.fields],
  );
  const comparisons = useMemo((): DiffComparison[] => {
    const current: Questionnaire = result.success
      ? result.data.questionnaire
      : { ...base.questionnaire, questions: items.map((item) => item.question) };
    const moved =
      movedByHand.length > 0
        ? movedByHand
        : state.edits.flatMap((edit) => (edit.op === "move" ? [edit.questionId] : []));
    const against = (title: string, reference: QuestionnaireVersion) => ({
      title,
      diff: diff(reference, current, { moved }),
      reference: reference.questionnaire,
      current,
    });
    return [
      against(m.againstTemplate, template),
      ...(previous === undefined ? [] : [against(m.againstPrevious, previous)]),
    ];
  }, [result, base, items, template, previous, m, movedByHand, state.edits]);
  const { root, focusAfter } = useCardFocus(items);
  const comparable = new Set((comparisons.at(-1) as DiffComparison).diff.comparable);

  const act = (action: EditorAction, focusTarget?: string) => {
    focusAfter(action, focusTarget);
    if (action.type === "move") {
      const { questionId } = action;
      setMovedByHand((ids) => [...ids.filter((id) => id !== questionId), questionId]);
    }
    if (publish !== "idle") setPublish("idle");
    draft.act(action);
  };

  const initialLabel = props.initialLabel ?? "";
  const discard = () => {
    act({ type: "discard", label: initialLabel });
    draft.clear().catch(() => {});
  };
  const insert = (type: LocalQuestionType, at: number) =>
    act({ type: "add", question: newLocalQuestion(type), at });

  const targetId = (entry: SummaryEntry): string => {
    const { target } = entry;
    if (target.kind === "label") return `${ids.fields}-label`;
    if (target.kind === "add") return `${ids.add}-type`;
    return errorDisplay.fieldId(target.questionId, target.field);
  };
  const followError = (entry: SummaryEntry) => {
    const field = document.getElementById(targetId(entry));
    if (field !== null) return focusField(field);
    // A bank question, or a whole card: its heading.
    const { target } = entry;
    const index =
      target.kind === "field" ? items.findIndex((i) => i.question.id === target.questionId) : -1;
    root.current
      ?.querySelector<HTMLElement>(`[data-index='${index}'] [data-focus='heading']`)
      ?.focus();
  };

  const publishVersion = async () => {
    if (!result.success) {
      errorReveal.reveal();
      return;
    }
    setPublish("publishing");
    try {
      // Nothing edited: the base itself goes out, so the round keeps the base's hash and lineage.
      await onPublish(state.edits.length === 0 ? base : result.data);
    } catch {
      setPublish("failed");
      return;
    }
    setPublish("published");
    await draft.clear().catch(() => {});
  };

  return (
    <section className="klynge-editor" lang={locale} aria-labelledby={ids.title} ref={root}>
      <Heading id={ids.title} className="klynge-editor__title">
        {m.title}: <Localized text={base.questionnaire.title} locale={locale} />
      </Heading>
      <p className="klynge-editor__intro">{m.intro}</p>
      <ErrorSummary
        entries={errorReveal.showAll ? errors.all : errors.unplaced}
        heading={m.summaryHeading}
        headingLevel={headingLevel + 1}
        targetId={targetId}
        summaryRef={errorReveal.summaryRef}
        onFollow={followError}
      />
      <div className="klynge-editor__toolbar">
        <EditorField
          label={m.label}
          hint={m.labelHint}
          value={state.label}
          locale={locale}
          id={`${ids.fields}-label`}
          issues={errorReveal.showAll || errorReveal.labelTouched ? errors.label : []}
          onBlur={errorReveal.touchLabel}
          onChange={(label) => {
            errorReveal.touchLabel();
            act({ type: "setLabel", label });
          }}
        />
        <button
          type="button"
          disabled={state.history.length === 0}
          onClick={() => act({ type: "undo" })}
        >
          {m.undo}
        </button>
        <DiscardDraft
          dirty={
            state.edits.length > 0 || state.label !== initialLabel || draft.status === "restored"
          }
          m={m}
          onDiscard={discard}
        />
        <p className="klynge-editor__status" role="status">
          {draftText(draft.status, m)}
        </p>
      </div>

      <section className="klynge-editor__questions" aria-labelledby={ids.list}>
        <SectionHeading id={ids.list}>{m.questionsHeading}</SectionHeading>
        <p className="klynge-editor__hint">{m.comparableNote(previous !== undefined)}</p>
        <InsertHere at={0} m={m} onInsert={insert} />
        <SortableList
          className="klynge-editor__list"
          rows={items.map((item, index) => ({
            id: item.question.id,
            key: cardKey(items, index),
            name: localize(item.question.text, locale).text.trim() || m.untitled,
          }))}
          m={m}
          onMove={(questionId, to) => act({ type: "move", questionId, to }, "handle")}
        >
          {(index, handle) => {
            const item = items[index] as (typeof items)[number];
            const shared = {
              question: item.question,
              index,
              count: items.length,
              comparable: comparable.has(item.question.id),
              locale,
              headingLevel: headingLevel + 2,
              m,
              onAction: act,
            };
            return (
              <>
                <div className="klynge-editor__row">
                  {handle}
                  {item.origin === "bank" ? (
                    <BankQuestionCard
                      {...shared}
                      issues={[...(errors.byQuestion.get(item.question.id)?.values() ?? [])].flat()}
                    />
                  ) : (
                    <LocalQuestionCard
                      {...shared}
                      questions={questions}
                      issues={errors.byQuestion.get(item.question.id)}
                      conditionIssues={placed.byQuestion.get(item.question.id)?.get("showIf")}
                      errorDisplay={errorDisplay}
                    />
                  )}
                </div>
                <InsertHere at={index + 1} m={m} onInsert={insert} />
              </>
            );
          }}
        </SortableList>
        {removed.length > 0 && (
          <div className="klynge-editor__removed">
            <p className="klynge-editor__removed-title">{m.removedHeading}</p>
            <ul aria-label={m.removedHeading}>
              {removed.map((question) => {
                const name = localize(question.text, locale).text;
                return (
                  <li key={question.id}>
                    <span>{name}</span>{" "}
                    <button
                      type="button"
                      aria-label={`${m.restore}: ${name}`}
                      onClick={() => act({ type: "restore", questionId: question.id })}
                    >
                      {m.restore}
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </section>

      <section className="klynge-editor__add" aria-labelledby={ids.add}>
        <SectionHeading id={ids.add}>{m.addHeading}</SectionHeading>
        <div className="klynge-editor__field">
          <label htmlFor={`${ids.add}-type`}>{m.newQuestionType}</label>
          <select
            id={`${ids.add}-type`}
            data-focus="add-type"
            value={newType}
            onChange={(e) => setNewType(e.target.value as LocalQuestionType)}
          >
            {localQuestionTypes.map((type) => (
              <option key={type} value={type}>
                {m.questionType[type]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          onClick={() => act({ type: "add", question: newLocalQuestion(newType) })}
        >
          {m.add}
        </button>
      </section>

      <DiffPanel comparisons={comparisons} locale={locale} headingLevel={headingLevel + 1} m={m} />

      <div className="klynge-editor__publish">
        {errors.all.length > 0 && (
          <p id={ids.count} className="klynge-editor__issue-count">
            <a
              href={`#${ids.title}`}
              onClick={(event) => {
                event.preventDefault();
                errorReveal.reveal();
              }}
            >
              {m.issueCount(errors.all.length)}
            </a>
          </p>
        )}
        <button
          type="button"
          className="klynge-editor__publish-button"
          disabled={publish === "publishing"}
          aria-describedby={errors.all.length > 0 ? ids.count : undefined}
          onClick={publishVersion}
        >
          {publish === "publishing" ? m.publishing : m.publish}
        </button>
        <p className="klynge-editor__status" role="status">
          {publish === "published" ? m.published : publish === "failed" ? m.publishFailed : ""}
        </p>
      </div>

      <PreviewPanel
        version={result.success ? result.data : undefined}
        locale={locale}
        headingLevel={headingLevel + 1}
        m={m}
      />
    </section>
  );
}

/**
 * Bank cards keep their id as key; a local card's id follows its text, so it is keyed by its place
 * among the local cards, and typing never remounts the field being typed in.
 */
function cardKey(items: ReturnType<typeof editorItems>, index: number): string {
  const item = items[index];
  if (item === undefined || item.origin === "bank") return `bank:${item?.question.id ?? index}`;
  return `local:${items.slice(0, index).filter((i) => i.origin === "local").length}`;
}

function draftText(status: DraftStatus, m: (typeof editorMessages)["da"]): string {
  switch (status) {
    case "idle":
      return "";
    case "restored":
      return m.draftRestored;
    case "saving":
      return m.draftSaving;
    case "saved":
      return m.draftSaved;
    case "failed":
      return m.draftFailed;
  }
}
