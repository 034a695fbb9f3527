import { limits, type Question, type QuestionnaireVersion } from "@klynge/engine";
import { localize } from "../localize.js";
import { type Locale, messages } from "../messages.js";
import { CodeTable } from "./codeTable.js";
import { createSurveyNames, type SurveyNames } from "./createSurveyNames.js";
import { surveyMappingOf } from "./mappings/surveyMappings.js";
import type { SurveyJsonModel, SurveyJsonPage, SurveyJsonQuestion } from "./surveyJsonModel.js";

/**
 * Three questions a page: one a page costs a tap and a page change per question in a five-minute
 * survey; one long page is a long scroll on a phone, with "required" errors far from the reader.
 * Three fit a tablet screen and about two phone screens, and keep the 11-question "akut" to 4 pages.
 */
export const defaultQuestionsPerPage = 3;

export interface ToSurveyJsonOptions {
  /** Language of the texts; a text without English is shown in Danish. Default `"da"`. */
  readonly locale?: Locale;
  /** Questions on each page; `Infinity` puts them all on one page. Default `defaultQuestionsPerPage` (3). */
  readonly questionsPerPage?: number;
}

/**
 * The version as SurveyJS JSON: one element per question, in order, grouped into pages. Element
 * names and choice values are SurveyJS-safe stand-ins; `answersFromSurveyData` maps them back.
 */
export function toSurveyJson(
  version: QuestionnaireVersion,
  options: ToSurveyJsonOptions = {},
): SurveyJsonModel {
  const { locale = "da", questionsPerPage = defaultQuestionsPerPage } = options;
  const wholePages = Number.isInteger(questionsPerPage) || questionsPerPage === Infinity;
  if (!(wholePages && questionsPerPage >= 1)) {
    throw new Error(
      `toSurveyJson: questionsPerPage must be a whole number of at least 1 (or Infinity for one page), got ${questionsPerPage}.`,
    );
  }
  const { questionnaire } = version;
  const names = createSurveyNames(version);
  const elements: SurveyJsonQuestion[] = questionnaire.questions.map((question) =>
    surveyMappingOf(question).toElement(
      question,
      {
        name: names.nameOf(question.id) as string,
        title: localize(question.text, locale).text,
        ...(question.description === undefined
          ? {}
          : { description: localize(question.description, locale).text }),
        isRequired: question.required,
        ...visibleIfOf(question, questionnaire.questions, names),
      },
      locale,
    ),
  );
  const pages: SurveyJsonPage[] = [];
  const pageCount = Math.max(1, Math.ceil(elements.length / questionsPerPage));
  for (let start = 0; start < elements.length; start += questionsPerPage) {
    pages.push({
      name: `page${pages.length + 1}`,
      navigationTitle: messages[locale].pageOf(pages.length + 1, pageCount),
      elements: elements.slice(start, start + questionsPerPage),
    });
  }
  return {
    locale,
    title: localize(questionnaire.title, locale).text,
    ...(questionnaire.description === undefined
      ? {}
      : { description: localize(questionnaire.description, locale).text }),
    showQuestionNumbers: "on",
    showProgressBar: pages.length > 1,
    textUpdateMode: "onTyping",
    storeOthersAsComment: true,
    // A conditional question hidden again loses its answer at once (and the draft with it).
    clearInvisibleValues: "onHidden",
    maxCommentLength: limits.otherText,
    pages,
  };
}

/**
 * `showIf` as SurveyJS's `visibleIf`: `{name} anyof ['value', …]` (for a single answer SurveyJS
 * reads it as "is one of"; for ticks, "any of them ticked"), with SurveyJS's values for the codes.
 */
function visibleIfOf(
  question: Question,
  questions: readonly Question[],
  names: SurveyNames,
): { visibleIf?: string } {
  const condition = question.showIf;
  if (condition === undefined) return {};
  const source = questions.find((q) => q.id === condition.question);
  const name = names.nameOf(condition.question);
  if (source === undefined || name === undefined || !("options" in source)) return {};
  const table = new CodeTable(source.options);
  // Codes and SurveyJS's stand-ins hold no quote (engine code pattern, "other", "klynge:…").
  const values = condition.anyOf.map((code) => `'${table.toValue(code) ?? code}'`);
  return { visibleIf: `{${name}} anyof [${values.join(", ")}]` };
}
