import type { Question } from "@klynge/engine";
import { useId } from "react";
import { headingTag } from "../headingTag.js";
import { Localized } from "../Localized.js";
import { localize } from "../localize.js";
import type { Locale } from "../messages.js";
import { CardActions } from "./CardActions.js";
import { IssueList } from "./EditorField.js";
import type { EditorMessages } from "./editorMessages.js";
import type { EditorAction } from "./editorState.js";
import { MatrixGrid } from "./MatrixGrid.js";

export interface BankQuestionCardProps {
  readonly question: Question;
  readonly index: number;
  readonly count: number;
  readonly comparable: boolean;
  /** Its errors in words (a bank question has nothing to touch, so they show at once). */
  readonly issues: readonly string[];
  readonly locale: Locale;
  readonly headingLevel: number;
  readonly m: EditorMessages;
  readonly onAction: (action: EditorAction) => void;
}

/** A question of the base version: shown verbatim, never editable; it can be moved or removed. */
export function BankQuestionCard(props: BankQuestionCardProps) {
  const { question, index, count, comparable, issues, locale, m, onAction } = props;
  const headingId = useId();
  const Heading = headingTag(props.headingLevel);
  const options = "options" in question ? question.options : [];
  return (
    <article className="klynge-editor__card klynge-editor__card--bank" aria-labelledby={headingId}>
      <Heading
        id={headingId}
        className="klynge-editor__card-title"
        tabIndex={-1}
        data-focus="heading"
      >
        <span className="klynge-editor__number">{m.questionHeading(index + 1)}:</span>{" "}
        <Localized text={question.text} locale={locale} />
      </Heading>
      <p className="klynge-editor__badges">
        <span className="klynge-editor__badge">{m.bankBadge}</span>
        {comparable && (
          <span className="klynge-editor__badge klynge-editor__badge--comparable">
            {m.comparableBadge}
          </span>
        )}
      </p>
      <p className="klynge-editor__meta">
        {m.questionType[question.type]} · {question.required ? m.required : m.optional}
      </p>
      {question.description !== undefined && (
        <p className="klynge-editor__description">
          <Localized text={question.description} locale={locale} />
        </p>
      )}
      {question.type === "matrix" && <MatrixGrid question={question} locale={locale} m={m} />}
      {options.length > 0 && (
        <ul className="klynge-editor__options">
          {options.map((option) => (
            <li key={option.code}>
              <Localized text={option.label} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      <IssueList issues={issues} locale={locale} />
      <CardActions
        questionId={question.id}
        name={localize(question.text, locale).text}
        index={index}
        count={count}
        removeLabel={m.remove}
        m={m}
        onAction={onAction}
      />
    </article>
  );
}
