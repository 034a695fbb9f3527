import type { Channel, QuestionnaireVersion, Round } from "@klynge/engine";
import { memo, type ReactElement, useEffect, useRef, useState } from "react";
import type { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import { useResponseStore } from "../hooks/useResponseStore.js";
import { useSyncStatus } from "../hooks/useSyncStatus.js";
import { useUploader } from "../hooks/useUploader.js";
import { type Locale, messages } from "../messages.js";
import type { RespondentPass } from "../pass/respondentPass.js";
import type { ResponseStore } from "../storage/responseStore.js";
import { type StorageGuarantee, statusText } from "../sync/statusText.js";
import type { SyncStatus } from "../sync/syncStatus.js";
import type { Transport } from "../sync/transport.js";
import type { Uploader } from "../sync/uploader.js";
import { attachSurveyHandlers, type KlyngeSurveyResult } from "./attachSurveyHandlers.js";
import { EmptyConfirm } from "./EmptyConfirm.js";
import { type IntroOptions, IntroScreen } from "./IntroScreen.js";
import { IntroSummary } from "./IntroSummary.js";
import { SaveError, SaveIndicator, SaveStateStore, whenSaved } from "./saveState.js";
import { useDraft } from "./useDraft.js";
import { useOnline } from "./useOnline.js";
import { useStorageKept } from "./useStorageKept.js";
import { adoptDraft, useSurveyModel } from "./useSurveyModel.js";

/**
 * Styling: SurveyJS's stylesheet is the host's choice (`import "survey-core/survey-core.css"`);
 * `src/survey/klynge-survey.css` maps `--klynge-*` variables onto SurveyJS's own.
 */
export interface KlyngeSurveyProps {
  /** The questionnaire version to answer; the model is remade only when its hash changes. */
  readonly version: QuestionnaireVersion;
  /** The round answered; its `versionHash` must be `version.hash`. */
  readonly round: Round;
  /** Uploads the outbox; without it (and without `uploader`) responses wait in the outbox. */
  readonly transport?: Transport;
  /**
   * The host's own uploader (e.g. one per app, from `useUploader`), used instead of making one
   * from `transport`: flushed after a submit, its status shown.
   */
  readonly uploader?: Uploader;
  /**
   * Drafts and outbox; default `openResponseStore()` (opened on mount, closed on unmount), which
   * falls back to the page's memory when IndexedDB is refused or fails, and says so.
   */
  readonly store?: ResponseStore;
  /** Default `"da"`. */
  readonly locale?: Locale;
  /** Where the answers are given. Default `"app"`. */
  readonly channel?: Channel;
  /** Called once per response, after it is in the outbox and the first upload was tried. */
  readonly onComplete?: (result: KlyngeSurveyResult) => void;
  /** Called with the page shown (0-based) and the number of pages, on mount and on each change. */
  readonly onPageChange?: (index: number, count: number) => void;
  /** Called with each new upload status (only with a transport). */
  readonly onSyncStatus?: (status: SyncStatus) => void;
  /**
   * What the device can promise, for the words shown: "device" (default; first-party pages and
   * the meeting app: kept on the device until sent) or "browser" (a third-party iframe, whose
   * storage the browser may partition or clear: "only in this browser, not sent yet").
   */
  readonly storage?: StorageGuarantee;
  /**
   * The respondent's credential (a personal invitation, a tablet's meeting key): kept with the
   * draft and sent with the upload. A draft made with another credential is not resumed; without
   * one, the round's latest draft is, with whatever it carries.
   */
  readonly pass?: RespondentPass;
  /**
   * Shows an intro before the first question (how long it takes, what is shown to whom, that it
   * is anonymous); skipped when a draft with answers is resumed. Default: no intro.
   */
  readonly intro?: IntroOptions;
  /**
   * Called once the form is drawn and its draft bound, with its model: a value set on it from then
   * on is saved as any answer is (the frame page carries its server-rendered inputs over here).
   * Called without a model when storage failed and the form will not come. `whenSaved` resolves
   * once the saves asked for so far have committed (true) or one failed (false).
   */
  readonly onFormReady?: (model: Model | undefined, whenSaved?: () => Promise<boolean>) => void;
  /** Id of a new response. Default `crypto.randomUUID()`. */
  readonly newId?: () => string;
  /** Clock for `submittedAt`. Default `() => new Date()`. */
  readonly now?: () => Date;
}

const defaultNewId = () => crypto.randomUUID();

/** SurveyJS's form, re-rendered only for a new model: the host's and our state changes skip it. */
const SurveyForm = memo(function SurveyForm(props: { readonly model: Model }) {
  return <Survey model={props.model} />;
});

/**
 * A questionnaire version as a SurveyJS form: every answer is saved on the device before "Gemt"
 * shows, a draft is resumed on its page, and completion is decided by the engine's `validateResponse`.
 */
export function KlyngeSurvey(props: KlyngeSurveyProps): ReactElement {
  const { version, round, transport, locale = "da", channel = "app" } = props;
  if (round.versionHash !== version.hash) {
    throw new Error(
      `KlyngeSurvey: round "${round.id}" is on version ${round.versionHash}, but version ${version.hash} was passed; pass the round's own version.`,
    );
  }
  const text = messages[locale];
  const opened = useResponseStore(
    props.store === undefined ? { memoryFallback: true } : { store: props.store },
  );
  const store = opened.state === "ready" ? opened.store : undefined;
  const kept = useStorageKept(store);
  const session = useDraft(store, {
    version,
    round,
    channel,
    newId: props.newId ?? defaultNewId,
    pass: props.pass,
  });
  const draft = session.state === "ready" ? session.draft : undefined;
  const failure =
    opened.state === "failed" ? opened : session.state === "failed" ? session : undefined;
  const model = useSurveyModel(version, draft, locale);
  const own = useUploader(props.uploader === undefined ? store : undefined, transport);
  const uploader = props.uploader ?? own;
  const status = useSyncStatus(uploader);
  const online = useOnline();
  const [save] = useState(() => new SaveStateStore());
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const [submitted, setSubmitted] = useState<{ refused?: string } | undefined>(undefined);
  const [introDone, setIntroDone] = useState(false);
  const [askingEmpty, setAskingEmpty] = useState(false);
  const emptyConfirmed = useRef(false);
  const focusQuestion = useRef(false);
  const guarantee = props.storage ?? "device";

  const onSyncStatus = useRef(props.onSyncStatus);
  onSyncStatus.current = props.onSyncStatus;
  useEffect(() => {
    if (status !== undefined) onSyncStatus.current?.(status);
  }, [status]);

  const onPageChange = useRef(props.onPageChange);
  onPageChange.current = props.onPageChange;
  const [onFirstPage, setOnFirstPage] = useState(true);
  useEffect(() => {
    const tell = () => {
      setOnFirstPage(model.currentPageNo === 0 && model.state === "running");
      onPageChange.current?.(model.currentPageNo, model.visiblePageCount);
    };
    const completed = () => setOnFirstPage(false);
    tell();
    model.onCurrentPageChanged.add(tell);
    model.onComplete.add(completed);
    return () => {
      model.onCurrentPageChanged.remove(tell);
      model.onComplete.remove(completed);
    };
  }, [model]);

  // Handlers are attached once per model and read the latest props from here.
  const latest = useRef({
    version,
    locale,
    uploader,
    onComplete: props.onComplete,
    now: props.now,
  });
  latest.current = { version, locale, uploader, onComplete: props.onComplete, now: props.now };

  useEffect(() => {
    if (store === undefined || draft === undefined) return;
    const { early, pageMoved } = adoptDraft(model, latest.current.version, draft);
    return attachSurveyHandlers(model, store, draft.responseId, {
      latest: () => latest.current,
      draft,
      setSave: save.set,
      setFormError,
      setSubmitted: (refused) => setSubmitted(refused === undefined ? {} : { refused }),
      emptyConfirmed: () => emptyConfirmed.current,
      askEmpty: () => setAskingEmpty(true),
      early,
      pageMoved,
    });
  }, [model, store, draft, save]);

  const resumed = draft !== undefined && (draft.page > 0 || Object.keys(draft.answers).length > 0);
  const compactIntro = props.intro?.compact === true;
  const showIntro = props.intro !== undefined && !compactIntro && !introDone && !resumed;
  const showForm = !showIntro && !askingEmpty && submitted?.refused === undefined;

  const onFormReady = useRef(props.onFormReady);
  onFormReady.current = props.onFormReady;
  const toldReady = useRef<Model | undefined>(undefined);
  // After the effect above bound the draft: a value set now takes the normal way to "Gemt".
  const failed = opened.state === "failed" || session.state === "failed";
  useEffect(() => {
    if (failed) {
      onFormReady.current?.(undefined);
      return;
    }
    if (!showForm || store === undefined || draft === undefined || toldReady.current === model)
      return;
    toldReady.current = model;
    onFormReady.current?.(model, () => whenSaved(save));
  }, [failed, showForm, store, draft, model, save]);

  useEffect(() => {
    if (!showForm || !focusQuestion.current) return;
    focusQuestion.current = false;
    // After SurveyJS has drawn the page: keyboard and screen-reader users land on the question.
    const timer = setTimeout(() => model.focusFirstQuestion(), 0);
    return () => clearTimeout(timer);
  }, [showForm, model]);

  if (failure !== undefined) {
    return (
      <div className="klynge-survey" lang={locale}>
        <p className="klynge-survey__error" role="alert">
          {text.surveyUnavailable} {text.storageError[failure.error.code]}
        </p>
      </div>
    );
  }
  const refused = submitted?.refused;
  const showStatus =
    status !== undefined &&
    refused === undefined &&
    (submitted !== undefined ||
      status.pending + status.conflict + status.failed > 0 ||
      status.lastError !== undefined);
  return (
    // Busy until the draft is read: the form shows before that, and what is answered meanwhile is
    // saved once it is (see adoptDraft).
    <div className="klynge-survey" lang={locale} aria-busy={draft === undefined}>
      {kept === "memory" ? (
        <p className="klynge-survey__memory" role="alert">
          {text.memoryNotice}
        </p>
      ) : null}
      {online ? null : (
        <p className="klynge-survey__offline" role="status">
          {kept === "memory"
            ? text.offlineBannerMemory
            : guarantee === "browser"
              ? text.offlineBannerBrowser
              : text.offlineBanner}
        </p>
      )}
      {formError === undefined ? null : (
        <p className="klynge-survey__error" role="alert">
          {formError}
        </p>
      )}
      <SaveError store={save} locale={locale} />
      {showIntro ? (
        <IntroScreen
          version={version}
          locale={locale}
          invited={props.pass?.kind === "invitation"}
          {...(props.intro?.k === undefined ? {} : { k: props.intro.k })}
          kept={kept}
          onStart={() => {
            focusQuestion.current = true;
            setIntroDone(true);
          }}
        />
      ) : null}
      {askingEmpty ? (
        <EmptyConfirm
          locale={locale}
          onBack={() => {
            model.currentPageNo = 0;
            focusQuestion.current = true;
            setAskingEmpty(false);
          }}
          onSend={() => {
            emptyConfirmed.current = true;
            setAskingEmpty(false);
            model.tryComplete();
          }}
        />
      ) : null}
      {refused === undefined ? null : (
        <section className="klynge-survey__refused" role="alert">
          <h2>{text.refusedTitle}</h2>
          <p>{text.sync.refused(refused)}</p>
        </section>
      )}
      {compactIntro && showForm && onFirstPage ? (
        <IntroSummary
          version={version}
          locale={locale}
          invited={props.pass?.kind === "invitation"}
          {...(props.intro?.k === undefined ? {} : { k: props.intro.k })}
          kept={kept}
        />
      ) : null}
      {showForm ? <SurveyForm model={model} /> : null}
      <SaveIndicator store={save} locale={locale} kept={kept} />
      {showStatus ? (
        <p className="klynge-survey__sync" role="status">
          {statusText(status, locale, kept === "memory" ? "tab" : guarantee)}
        </p>
      ) : null}
    </div>
  );
}
