import {
  type Answer,
  formatIssue,
  formatPath,
  type QuestionnaireVersion,
  type Response,
  validateResponse,
} from "@klynge/engine";
import type { Model } from "survey-core";
import { type Locale, messages } from "../messages.js";
import type { DraftRecord } from "../storage/records.js";
import type { ResponseStore } from "../storage/responseStore.js";
import { StorageError } from "../storage/storageError.js";
import { answerFromSurveyData, answersFromSurveyData } from "../surveyjs/answersFromSurveyData.js";
import { createSurveyNames, type SurveyNames } from "../surveyjs/createSurveyNames.js";
import { issuesByQuestion } from "../surveyjs/issuesByQuestion.js";
import { sendNow } from "../sync/sendNow.js";
import { buildResponse } from "./buildResponse.js";
import { questionNameOf } from "./questionNameOf.js";
import type { SaveState } from "./saveState.js";

/**
 * What `onComplete` is told, after the first upload attempt (at once without a transport): the
 * response as submitted, and whether it is still only in this device's outbox.
 */
export interface KlyngeSurveyResult {
  readonly responseId: string;
  /** true: waiting in the outbox to be sent (offline, server down, no transport). */
  readonly queued: boolean;
  /**
   * Set when the server refused it for good, never to be sent: why, as the outbox keeps it (the
   * contract's code, e.g. "invitation_spent", or "conflict"). It stays on the device.
   */
  readonly refused?: string;
  readonly response: Response;
}

const defaultNow = () => new Date();

/**
 * A User Timing measure per committed save, from the answer's change event to the IndexedDB
 * commit: `performance.getEntriesByName(saveMeasureName)` in the page (the bench reads it).
 */
export const saveMeasureName = "klynge:answer-committed";

function measureSince(start: number): void {
  try {
    performance.measure(saveMeasureName, { start, end: performance.now() });
  } catch {
    // No User Timing here (or a full buffer): timing is a nicety, never a failure.
  }
}

function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError("write_failed", { cause: error });
}

export interface HandlerContext {
  readonly latest: () => {
    readonly version: QuestionnaireVersion;
    readonly locale: Locale;
    readonly uploader: { flush(): Promise<void> } | undefined;
    readonly onComplete: ((result: KlyngeSurveyResult) => void) | undefined;
    readonly now: (() => Date) | undefined;
  };
  readonly draft: DraftRecord;
  readonly setSave: (state: SaveState) => void;
  readonly setFormError: (message: string | undefined) => void;
  /** After the first upload attempt; `refused` as in `KlyngeSurveyResult`. */
  readonly setSubmitted: (refused: string | undefined) => void;
  /** Whether the respondent said to send a response with no answers. */
  readonly emptyConfirmed: () => boolean;
  /** Asks that: a response with no answers is not sent without it. */
  readonly askEmpty: () => void;
  /** SurveyJS names answered before the handlers were attached (see `adoptDraft`): saved at once. */
  readonly early?: readonly string[];
  /** Whether the page changed before the handlers were attached: saved at once. */
  readonly pageMoved?: boolean;
}

/** Wires the model's events to the store; returns the detach. */
export function attachSurveyHandlers(
  model: Model,
  store: ResponseStore,
  responseId: string,
  context: HandlerContext,
): () => void {
  const { latest, draft, setSave, setFormError, setSubmitted, emptyConfirmed, askEmpty } = context;
  let attached = true;
  let pending = 0;
  let failure: StorageError | undefined;

  /** `start`: when the change that asked for this write arrived. */
  const track = (write: Promise<unknown>, start = performance.now()) => {
    pending += 1;
    setSave({ kind: "saving" });
    write.then(
      () => {
        measureSince(start);
        pending -= 1;
        if (attached && pending === 0) {
          setSave(failure === undefined ? { kind: "saved" } : { kind: "failed", error: failure });
          failure = undefined;
        }
      },
      (error: unknown) => {
        pending -= 1;
        failure = asStorageError(error);
        if (attached && pending === 0) {
          setSave({ kind: "failed", error: failure });
          failure = undefined;
        }
      },
    );
  };

  let names: { readonly of: QuestionnaireVersion; readonly names: SurveyNames } | undefined;
  const namesOf = (version: QuestionnaireVersion): SurveyNames => {
    if (names?.of !== version) names = { of: version, names: createSurveyNames(version) };
    return names.names;
  };

  // Its transaction starts once SurveyJS and React have handled the click (the store awaits its
  // connection first): started inside the click, it made the click slower, not the save sooner
  // (bench/commitProfile.mjs, issue 17).
  const saveQuestion = (sender: Model, name: string, start?: number) => {
    const { version } = latest();
    const questionId = namesOf(version).questionIdOf(name);
    if (questionId === undefined) return;
    const answer = answerFromSurveyData(version, sender.data, questionId, name) as
      | Answer
      | undefined;
    track(store.saveAnswer(responseId, questionId, answer, sender.currentPageNo), start);
    sender.getQuestionByName(name)?.clearErrors();
  };

  const onValueChanged = (
    sender: Model,
    options: { readonly name: string; readonly question?: { readonly name: string } },
  ) => saveQuestion(sender, questionNameOf(options.name, options.question), performance.now());

  // Set while the issues' page is shown: focus then goes to the question at fault, not the top.
  let showingIssues = false;
  const onCurrentPageChanged = (sender: Model) => {
    if (sender.state === "completed") return;
    track(store.savePage(responseId, sender.currentPageNo));
    // Keyboard and screen-reader users land on the new page, not on a vanished button.
    if (!showingIssues) sender.focusFirstQuestion();
  };

  const onCompleting = async (sender: Model, options: { allow: boolean }) => {
    const { version, locale, uploader, onComplete, now = defaultNow } = latest();
    for (const question of sender.getAllQuestions()) question.clearErrors();
    setFormError(undefined);
    const answers = answersFromSurveyData(version, sender.data);
    const checked = validateResponse(version, buildResponse(draft, answers, now()));
    if (!checked.success) {
      options.allow = false;
      showingIssues = true;
      try {
        showIssues(sender, version, checked.issues, locale, setFormError);
      } finally {
        showingIssues = false;
      }
      return;
    }
    if (Object.keys(checked.data.answers).length === 0 && !emptyConfirmed()) {
      options.allow = false;
      askEmpty();
      return;
    }
    try {
      await store.submit(checked.data);
    } catch (error) {
      options.allow = false;
      setFormError(messages[locale].storageError[asStorageError(error).code]);
      return;
    }
    const response = checked.data;
    void sendNow(store, responseId, uploader).then((delivery) => {
      const queued = delivery.state === "queued";
      // Refused for good is never "waiting": say why instead.
      const refused = delivery.state === "refused" ? delivery.reason : undefined;
      // Only now: until the uploader has counted the new response, its status still says what
      // it said before the submit ("Alle svar er sendt"), which would be false for a moment.
      setSubmitted(refused);
      onComplete?.({ responseId, queued, ...(refused === undefined ? {} : { refused }), response });
    });
  };

  model.onValueChanged.add(onValueChanged);
  model.onCurrentPageChanged.add(onCurrentPageChanged);
  model.onCompleting.add(onCompleting);
  for (const name of context.early ?? []) saveQuestion(model, name);
  // Each early answer's save carries the page; with none, the page is saved alone.
  if (context.pageMoved === true && (context.early ?? []).length === 0) {
    track(store.savePage(responseId, model.currentPageNo));
  }
  return () => {
    attached = false;
    model.onValueChanged.remove(onValueChanged);
    model.onCurrentPageChanged.remove(onCurrentPageChanged);
    model.onCompleting.remove(onCompleting);
  };
}

/** Each engine message at its question, and the first such question's page brought into view. */
function showIssues(
  model: Model,
  version: QuestionnaireVersion,
  issues: Parameters<typeof issuesByQuestion>[0],
  locale: Locale,
  setFormError: (message: string | undefined) => void,
): void {
  const names = createSurveyNames(version);
  const byQuestion = issuesByQuestion(issues);
  let first: ReturnType<Model["getQuestionByName"]> | undefined;
  for (const question of version.questionnaire.questions) {
    const found = byQuestion.get(question.id);
    const name = names.nameOf(question.id);
    if (found === undefined || name === undefined) continue;
    const surveyQuestion = model.getQuestionByName(name);
    if (surveyQuestion === null) continue;
    for (const message of found) surveyQuestion.addError(message[locale]);
    first ??= surveyQuestion;
  }
  if (first != null) {
    model.currentPage = first.page;
    // Focus, not just a message: the "Færdig" button pressed is gone from the page now.
    first.focus(true);
  }
  // Issues about the envelope belong to no question; they are shown above the form.
  const general = issues.filter(
    (issue) => !(issue.path[0] === "answers" && typeof issue.path[1] === "string"),
  );
  if (general.length > 0) {
    setFormError(
      general
        .map((issue) => `${formatPath(issue.path, locale)}: ${formatIssue(issue, locale)}`)
        .join(" "),
    );
  }
}
