import type { QuestionnaireVersion } from "@klynge/engine";
import { useRef } from "react";
import type { Model } from "survey-core";
import type { Locale } from "../messages.js";
import type { DraftRecord } from "../storage/records.js";
import { createSurveyModel } from "../surveyjs/createSurveyModel.js";
import { surveyDataFromAnswers } from "../surveyjs/surveyDataFromAnswers.js";
import { resumableAnswers } from "./resumableAnswers.js";

interface Made {
  readonly versionHash: string;
  readonly responseId: string;
  readonly locale: Locale;
  readonly model: Model;
}

function makeModel(
  version: QuestionnaireVersion,
  draft: DraftRecord,
  locale: Locale,
  previous: Made | undefined,
): Model {
  const model = createSurveyModel(version, { locale });
  // The engine's validateResponse is the only judge, on completing; SurveyJS's own checks would
  // block pages with other rules and other words.
  model.validationEnabled = false;
  const sameResponse =
    previous !== undefined &&
    previous.versionHash === version.hash &&
    previous.responseId === draft.responseId;
  // A language switch keeps what was typed since the draft was read.
  const data = sameResponse
    ? previous.model.data
    : surveyDataFromAnswers(version, resumableAnswers(version, draft));
  const page = sameResponse ? previous.model.currentPageNo : draft.page;
  model.data = data;
  model.currentPageNo = Math.min(Math.max(page, 0), Math.max(model.visiblePageCount - 1, 0));
  return model;
}

/**
 * The SurveyJS model, made once per (version hash, response id, locale): re-creating it on a host
 * re-render would drop what is being typed (surveyjs/survey-library: a new model resets the inputs).
 */
export function useSurveyModel(
  version: QuestionnaireVersion,
  draft: DraftRecord | undefined,
  locale: Locale,
): Model | undefined {
  const made = useRef<Made | undefined>(undefined);
  if (draft === undefined) return undefined;
  const current = made.current;
  if (
    current === undefined ||
    current.versionHash !== version.hash ||
    current.responseId !== draft.responseId ||
    current.locale !== locale
  ) {
    made.current = {
      versionHash: version.hash,
      responseId: draft.responseId,
      locale,
      model: makeModel(version, draft, locale, current),
    };
  }
  return made.current?.model;
}
