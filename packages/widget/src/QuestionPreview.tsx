import type { LocalizedText, OptionKind, Question } from "@klynge/engine";
import { useId } from "react";
import { headingTag } from "./headingTag.js";
import { Localized } from "./Localized.js";
import { type Locale, messages } from "./messages.js";

/** What choice options, scale points, matrix rows and matrix columns have in common. */
interface PreviewOption {
  readonly code: string;
  readonly label: LocalizedText;
  readonly kind?: OptionKind | undefined;
}

export interface QuestionPreviewProps {
  readonly question: Question;
  /** 1-based position in the questionnaire. */
  readonly number: number;
  readonly locale: Locale;
  readonly headingLevel: number;
}

/** One question, read-only: number, text, what kind of answer it takes, and its options. */
export function QuestionPreview({ question, number, locale, headingLevel }: QuestionPreviewProps) {
  const m = messages[locale];
  const Heading = headingTag(headingLevel);
  return (
    <li className="klynge-preview__question" data-question-id={question.id}>
      <Heading className="klynge-preview__question-text">
        <span className="klynge-preview__number">{m.questionNumber(number)}</span>{" "}
        <Localized text={question.text} locale={locale} />
      </Heading>
      <p className="klynge-preview__meta">
        {m.questionType[question.type]} · {question.required ? m.required : m.optional}
      </p>
      {question.description !== undefined && (
        <p className="klynge-preview__description">
          <Localized text={question.description} locale={locale} />
        </p>
      )}
      <AnswerPreview question={question} locale={locale} />
    </li>
  );
}

function AnswerPreview({ question, locale }: { question: Question; locale: Locale }) {
  const m = messages[locale];
  switch (question.type) {
    case "rating":
      return (
        <OptionList options={question.options} scale locale={locale} label={m.answerOptions} />
      );
    case "single":
    case "multi":
      return <OptionList options={question.options} locale={locale} label={m.answerOptions} />;
    case "text":
      return <p className="klynge-preview__limit">{m.textLimit(question.maxLength)}</p>;
    case "matrix":
      return <MatrixPreview rows={question.rows} columns={question.columns} locale={locale} />;
  }
}

function MatrixPreview({
  rows,
  columns,
  locale,
}: {
  rows: readonly PreviewOption[];
  columns: readonly PreviewOption[];
  locale: Locale;
}) {
  const m = messages[locale];
  const rowsId = useId();
  const columnsId = useId();
  return (
    <div className="klynge-preview__matrix">
      <p id={rowsId} className="klynge-preview__list-label">
        {m.matrixRows}
      </p>
      <OptionList options={rows} locale={locale} labelledBy={rowsId} />
      <p id={columnsId} className="klynge-preview__list-label">
        {m.matrixColumns}
      </p>
      <OptionList options={columns} scale locale={locale} labelledBy={columnsId} />
    </div>
  );
}

type OptionListProps = {
  options: readonly PreviewOption[];
  /** The options are points on an ordinal scale (rating, matrix columns). */
  scale?: boolean;
  locale: Locale;
} & ({ label: string; labelledBy?: never } | { labelledBy: string; label?: never });

function OptionList({ options, scale = false, locale, label, labelledBy }: OptionListProps) {
  const m = messages[locale];
  const markerOf = (kind: OptionKind) =>
    scale && kind === "dontKnow" ? m.outsideScale : m.optionKind[kind];
  return (
    <ul className="klynge-preview__options" aria-label={label} aria-labelledby={labelledBy}>
      {options.map((option) => (
        <li key={option.code} className="klynge-preview__option" data-kind={option.kind}>
          <Localized text={option.label} locale={locale} />
          {option.kind !== undefined && (
            <>
              {" "}
              <span className="klynge-preview__marker">{markerOf(option.kind)}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
