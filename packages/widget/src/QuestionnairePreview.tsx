import type { Questionnaire } from "@klynge/engine";
import { useId } from "react";
import { type HeadingLevel, headingTag } from "./headingTag.js";
import { Localized } from "./Localized.js";
import { type Locale, messages } from "./messages.js";
import { QuestionPreview } from "./QuestionPreview.js";

export interface QuestionnairePreviewProps {
  readonly questionnaire: Questionnaire;
  /** Language of texts and labels; a text without English is shown in Danish. Default `"da"`. */
  readonly locale?: Locale;
  /** Heading level of the title; each question gets the next level. Default `2`. */
  readonly headingLevel?: HeadingLevel;
}

/** A read-only view of a questionnaire: title, then every question with its answer options. */
export function QuestionnairePreview({
  questionnaire,
  locale = "da",
  headingLevel = 2,
}: QuestionnairePreviewProps) {
  const m = messages[locale];
  const titleId = useId();
  const Heading = headingTag(headingLevel);
  return (
    <section className="klynge-preview" lang={locale} aria-labelledby={titleId}>
      <Heading id={titleId} className="klynge-preview__title">
        <Localized text={questionnaire.title} locale={locale} />
      </Heading>
      {questionnaire.description !== undefined && (
        <p className="klynge-preview__description">
          <Localized text={questionnaire.description} locale={locale} />
        </p>
      )}
      <p className="klynge-preview__count">{m.questionCount(questionnaire.questions.length)}</p>
      <ol className="klynge-preview__questions">
        {questionnaire.questions.map((question, index) => (
          <QuestionPreview
            key={question.id}
            question={question}
            number={index + 1}
            locale={locale}
            headingLevel={headingLevel + 1}
          />
        ))}
      </ol>
    </section>
  );
}
