import type { QuestionnaireVersion } from "@klynge/engine";
import { useRef } from "react";
import type { Model } from "survey-core";
import type { Locale } from "../messages.js";
import type { DraftRecord } from "../storage/records.js";
import { createSurveyModel } from "../surveyjs/createSurveyModel.js";
import { surveyDataFromAnswers } from "../surveyjs/surveyDataFromAnswers.js";
import { questionNameOf } from "./questionNameOf.js";
import { resumableAnswers } from "./resumableAnswers.js";

/**
 * What a model knows about its response. The form is shown before IndexedDB has opened (a cold
 * open is slow on a tablet), so a model may exist before its draft is known: what is answered in
 * that moment is remembered here and merged into the draft when it arrives (`adoptDraft`).
 */
interface ModelState {
  /** The draft this model edits; undefined until adopted. */
  responseId: string | undefined;
  /** SurveyJS names of the questions answered before the draft was adopted. */
  readonly early: Set<string>;
  /** Whether the respondent changed page before the draft was adopted. */
  pageMoved: boolean;
}

const states = new WeakMap<Model, ModelState>();

interface Made {
  readonly versionHash: string;
  readonly locale: Locale;
  readonly model: Model;
}

function draftData(version: QuestionnaireVersion, draft: DraftRecord): Record<string, unknown> {
  return surveyDataFromAnswers(version, resumableAnswers(version, draft));
}

function showPage(model: Model, page: number): void {
  model.currentPageNo = Math.min(Math.max(page, 0), Math.max(model.visiblePageCount - 1, 0));
}

function makeModel(
  version: QuestionnaireVersion,
  draft: DraftRecord | undefined,
  locale: Locale,
  previous: Made | undefined,
): Model {
  const model = createSurveyModel(version, { locale });
  // The engine's validateResponse is the only judge, on completing; SurveyJS's own checks would
  // block pages with other rules and other words.
  model.validationEnabled = false;
  // A language switch keeps what was typed, the page, and whether the draft is adopted.
  const carried =
    previous !== undefined && previous.versionHash === version.hash
      ? { from: previous.model, state: states.get(previous.model) }
      : undefined;
  let state: ModelState;
  if (carried?.state !== undefined) {
    const { responseId, early, pageMoved } = carried.state;
    state = { responseId, early: new Set(early), pageMoved };
    model.data = carried.from.data;
    showPage(model, carried.from.currentPageNo);
  } else {
    state = { responseId: draft?.responseId, early: new Set(), pageMoved: false };
    if (draft !== undefined) {
      model.data = draftData(version, draft);
      showPage(model, draft.page);
    }
  }
  states.set(model, state);
  model.onValueChanged.add((_, options) => {
    if (state.responseId === undefined)
      state.early.add(questionNameOf(options.name, options.question));
  });
  model.onCurrentPageChanged.add(() => {
    if (state.responseId === undefined) state.pageMoved = true;
  });
  return model;
}

/**
 * The SurveyJS model, made at once (before the draft is read) and kept per (version hash, locale,
 * response): re-creating it on a host re-render would drop what is being typed
 * (surveyjs/survey-library: a new model resets the inputs).
 */
export function useSurveyModel(
  version: QuestionnaireVersion,
  draft: DraftRecord | undefined,
  locale: Locale,
): Model {
  const made = useRef<Made | undefined>(undefined);
  const current = made.current;
  const adopted = current === undefined ? undefined : states.get(current.model)?.responseId;
  const otherResponse =
    draft !== undefined && adopted !== undefined && adopted !== draft.responseId;
  if (
    current === undefined ||
    current.versionHash !== version.hash ||
    current.locale !== locale ||
    otherResponse
  ) {
    made.current = {
      versionHash: version.hash,
      locale,
      model: makeModel(version, draft, locale, otherResponse ? undefined : current),
    };
  }
  return (made.current as Made).model;
}

/**
 * Binds `model` to `draft` once: the draft's answers and page are shown, except what the
 * respondent already answered or the page they moved to before the draft was read. Returns the
 * SurveyJS names of those early answers and whether the page moved (to be saved now); nothing
 * when already bound.
 */
export function adoptDraft(
  model: Model,
  version: QuestionnaireVersion,
  draft: DraftRecord,
): { readonly early: readonly string[]; readonly pageMoved: boolean } {
  const state = states.get(model);
  if (state === undefined || state.responseId !== undefined) return { early: [], pageMoved: false };
  state.responseId = draft.responseId;
  const early = [...state.early];
  const stored = draftData(version, draft);
  if (Object.keys(stored).length > 0) {
    const current = model.data as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...stored };
    for (const name of early) {
      for (const key of [name, `${name}-Comment`]) {
        if (Object.hasOwn(current, key)) merged[key] = current[key];
        else delete merged[key];
      }
    }
    model.data = merged;
  }
  if (!state.pageMoved) showPage(model, draft.page);
  return { early, pageMoved: state.pageMoved };
}
