import { passTokenSchema } from "@klynge/engine/contract";
import { lazy, type ReactElement, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { Model } from "survey-core";
import { type Locale, messages } from "../messages.js";
import { checkPass, type PassCheck } from "../pass/checkPass.js";
import type { RespondentPass } from "../pass/respondentPass.js";
import { openResponseStore } from "../storage/openResponseStore.js";
import type { KlyngeSurveyResult } from "../survey/attachSurveyHandlers.js";
import { KlyngeSurvey } from "../survey/KlyngeSurvey.js";
import { createHttpTransport } from "../sync/createHttpTransport.js";
import { applyTheme } from "./applyTheme.js";
import type { EarlySave } from "./earlySaveHandle.js";
import { earlySaveAllowed } from "./earlySaveHandle.js";
import { createFrameChannel, type FrameChannel } from "./frameChannel.js";
import { loadEnglish } from "./loadEnglish.js";
import { type EmbedRound, type LoadRoundError, loadRound, readRoundDocument } from "./loadRound.js";
import type { PrerenderedPage } from "./prerenderedPage.js";
import { errorCodePattern, type InitPayload } from "./protocol.js";
import { takeOverEarly } from "./takeOverEarly.js";
import { watchHeight } from "./watchHeight.js";

// Not on the way to the first question, nor are the contract's sentences (apiErrors), which come
// with it. The screen says the refusal in both languages, so with the English words.
const loadPassRefused = () => import("./PassRefused.js");
const PassRefused = lazy(() =>
  loadEnglish().then(() => loadPassRefused().then((m) => ({ default: m.PassRefused }))),
);

export interface EmbedAppProps {
  /** The collector's API root (rounds and responses), e.g. `https://survey.example.dk/api/`. */
  readonly api: URL;
  readonly roundId: string;
  /** From the iframe URL; without it (or outside an iframe) the page talks to no host. */
  readonly embedId: string | undefined;
  /** The iframe's window; default `window`. */
  readonly self?: Window;
  /** Locale when no host says otherwise (a page opened directly). */
  readonly locale?: Locale;
  /** How long to wait for the host's `init` before showing the survey anyway. Default 3000 ms. */
  readonly initTimeoutMs?: number;
  /**
   * A GP's invitation token from the page's own URL (`#invitation=…`, read by the page); one from
   * the host's `init` is used when there is none here.
   */
  readonly invitation?: string;
  /**
   * The round document the server embedded in the page (unchecked): used, once the engine has
   * checked it, instead of fetching the round.
   */
  readonly roundDocument?: unknown;
  /**
   * The server-rendered first page: shown and answerable until the form is ready, then what was
   * answered in it is carried into the form, which takes its place.
   */
  readonly prerendered?: PrerenderedPage;
  /**
   * The page's inline early save (`window.klyngeEarlySave`): what was answered before this app
   * arrived, stored apart; it stops when the form takes over, and its record is deleted once the
   * draft holds the answers. Without it, a record an earlier load left is read and carried here.
   */
  readonly earlySave?: EarlySave;
}

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly value: EmbedRound }
  | { readonly state: "failed"; readonly error: LoadRoundError };

/** What the link lets the GP do: asked before the first question. */
type Access =
  | { readonly state: "checking" }
  | {
      readonly state: "checked";
      readonly pass: RespondentPass | undefined;
      readonly check: PassCheck;
    };

/**
 * The credential of this browser's latest draft of the round, for a page opened again without the
 * link's token (a reload of the host page, whose fragment was removed): that draft resumes with it.
 */
async function draftPass(roundId: string): Promise<RespondentPass | undefined> {
  try {
    const store = await openResponseStore({ createChannel: null });
    try {
      return (await store.latestDraft(roundId))?.pass;
    } finally {
      await store.close();
    }
  } catch {
    // No storage here: KlyngeSurvey says so itself.
    return undefined;
  }
}

/** The token as a credential; one that is not a token at all is refused without asking. */
function toPass(token: string | undefined): RespondentPass | "malformed" | undefined {
  if (token === undefined) return undefined;
  return passTokenSchema.safeParse(token).success ? { kind: "invitation", token } : "malformed";
}

/** The page inside the iframe: the round from the collector, the host spoken to only by protocol. */
export function EmbedApp(props: EmbedAppProps): ReactElement {
  const self = props.self ?? window;
  const framed = props.embedId !== undefined && self.parent !== self;
  const [init, setInit] = useState<{ payload: InitPayload; origin: string } | undefined>();
  const [waited, setWaited] = useState(!framed);
  const [loaded, setLoaded] = useState<Loaded>(() => {
    if (props.roundDocument === undefined) return { state: "loading" };
    const read = readRoundDocument(props.roundDocument, props.roundId);
    return read.success ? { state: "ready", value: read.data } : { state: "loading" };
  });
  const [access, setAccess] = useState<Access>({ state: "checking" });
  const channel = useRef<FrameChannel | undefined>(undefined);

  useEffect(() => {
    if (!framed || props.embedId === undefined) return;
    const opened = createFrameChannel({
      self,
      parent: self.parent,
      embedId: props.embedId,
      onInit: (payload, origin) => setInit({ payload, origin }),
    });
    channel.current = opened;
    const stopWatching = watchHeight(self.document, (height) => opened.send("resize", { height }));
    const timer = self.setTimeout(() => setWaited(true), props.initTimeoutMs ?? 3000);
    return () => {
      self.clearTimeout(timer);
      stopWatching();
      opened.close();
      channel.current = undefined;
    };
  }, [framed, props.embedId, props.initTimeoutMs, self]);

  const fetchRound = loaded.state === "loading";
  useEffect(() => {
    if (!fetchRound) return;
    let active = true;
    void loadRound(props.api, props.roundId).then((result) => {
      if (!active) return;
      setLoaded(
        result.success
          ? { state: "ready", value: result.data }
          : { state: "failed", error: result.issues[0] },
      );
    });
    return () => {
      active = false;
    };
  }, [fetchRound, props.api, props.roundId]);

  // Once the host has spoken (its `init` may carry the invitation) or was waited for.
  const token = props.invitation ?? init?.payload.invitation;
  const decided = init !== undefined || waited;
  useEffect(() => {
    if (!decided) return;
    let active = true;
    const pass = toPass(token);
    if (pass === "malformed") {
      setAccess({
        state: "checked",
        pass: undefined,
        check: { state: "refused", code: "pass_unknown" },
      });
      return;
    }
    setAccess({ state: "checking" });
    void (async () => {
      const known = pass ?? (await draftPass(props.roundId));
      const check = await checkPass(props.api, props.roundId, known);
      if (active) setAccess({ state: "checked", pass: known, check });
    })();
    return () => {
      active = false;
    };
  }, [decided, token, props.api, props.roundId]);

  useEffect(() => {
    if (init?.payload.theme !== undefined)
      applyTheme(self.document.documentElement, init.payload.theme);
  }, [init, self]);

  const locale: Locale = init?.payload.locale ?? props.locale ?? "da";
  const text = messages[locale].embed;

  useEffect(() => {
    if (loaded.state === "failed") {
      channel.current?.send("error", {
        code: `round_${loaded.error.code}`,
        message: text.roundError(loaded.error),
      });
    }
  }, [loaded, text]);

  const refusal =
    access.state === "checked" && access.check.state === "refused" ? access.check.code : undefined;
  useEffect(() => {
    if (refusal === undefined) return;
    let active = true;
    void loadPassRefused().then(
      (m) => {
        if (active)
          channel.current?.send("error", {
            code: refusal,
            message: m.refusalText(refusal, locale),
          });
      },
      () => {
        // Not loaded (offline): the host still learns the code, in the page's general words.
        if (active)
          channel.current?.send("error", { code: refusal, message: text.passRefusedTitle });
      },
    );
    return () => {
      active = false;
    };
  }, [refusal, locale, text]);

  const transport = useMemo(() => createHttpTransport({ baseUrl: props.api.href }), [props.api]);

  // A refusal or a failed load is said in place of the server-rendered page.
  const prerendered = props.prerendered;
  const stopped = loaded.state === "failed" || refusal !== undefined;
  useEffect(() => {
    if (stopped) prerendered?.dismiss();
  }, [stopped, prerendered]);
  const earlySave = props.earlySave;
  const versionHash = loaded.state === "ready" ? loaded.value.round.versionHash : undefined;
  const onFormReady = useMemo(
    () =>
      versionHash === undefined
        ? undefined
        : (model: Model | undefined, whenSaved?: () => Promise<boolean>) => {
            if (model === undefined) {
              prerendered?.dismiss();
              return;
            }
            const factory =
              typeof self.indexedDB === "undefined" ||
              !earlySaveAllowed(self as Window, props.invitation)
                ? undefined
                : self.indexedDB;
            // Out of React's effect, so flushSync may draw the carried answers before the swap.
            void takeOverEarly({
              model,
              roundId: props.roundId,
              versionHash,
              ...(props.invitation === undefined ? {} : { invitation: props.invitation }),
              ...(prerendered === undefined ? {} : { prerendered }),
              ...(earlySave === undefined ? {} : { early: earlySave }),
              ...(factory === undefined ? {} : { factory }),
              update: (set) => flushSync(set),
              whenSaved: whenSaved ?? (() => Promise.resolve(false)),
            });
          },
    [prerendered, earlySave, versionHash, props.roundId, props.invitation, self],
  );

  if (loaded.state === "failed") {
    return (
      <main className="klynge-embed" lang={locale}>
        <p className="klynge-survey__error" role="alert">
          {text.roundError(loaded.error)}
        </p>
      </main>
    );
  }
  if (refusal !== undefined) {
    return (
      <main className="klynge-embed klynge-survey" lang={locale}>
        <Suspense fallback={null}>
          <PassRefused code={refusal} locale={locale} />
        </Suspense>
      </main>
    );
  }
  if (loaded.state === "loading" || !decided || access.state === "checking") {
    return (
      <main className="klynge-embed" lang={locale} aria-busy="true">
        <p className="klynge-embed__loading">{text.loading}</p>
      </main>
    );
  }
  const { round, version, shareAnswersWith } = loaded.value;
  const pass = access.pass;
  const shareAnswers =
    init?.payload.shareAnswers === true && shareAnswersWith.includes(init.origin);
  const onComplete = (result: KlyngeSurveyResult) => {
    if (result.refused !== undefined) {
      // Refused for good: not "complete" (it was not received); what it is, for the host.
      const code = errorCodePattern.test(result.refused) ? result.refused : "rejected";
      channel.current?.send("error", { code, message: messages[locale].sync.refused(code) });
      return;
    }
    channel.current?.send("complete", {
      responseId: result.responseId,
      queued: result.queued,
      ...(shareAnswers ? { answers: { ...result.response.answers } } : {}),
    });
  };
  return (
    <main className="klynge-embed" lang={locale}>
      <KlyngeSurvey
        version={version}
        round={round}
        transport={transport}
        {...(pass === undefined ? {} : { pass })}
        intro={
          loaded.value.k === undefined ? { compact: true } : { k: loaded.value.k, compact: true }
        }
        {...(onFormReady === undefined ? {} : { onFormReady })}
        channel="embed"
        storage="browser"
        locale={locale}
        onComplete={onComplete}
        onPageChange={(index, count) => channel.current?.send("page", { index, count })}
        onSyncStatus={(status) => channel.current?.send("sync", { pending: status.pending })}
      />
    </main>
  );
}
