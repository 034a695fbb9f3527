import { type ReactElement, useEffect, useMemo, useRef, useState } from "react";
import type { Locale } from "../messages.js";
import type { KlyngeSurveyResult } from "../survey/attachSurveyHandlers.js";
import { KlyngeSurvey } from "../survey/KlyngeSurvey.js";
import { createHttpTransport } from "../sync/createHttpTransport.js";
import { applyTheme } from "./applyTheme.js";
import { embedMessages } from "./embedMessages.js";
import { createFrameChannel, type FrameChannel } from "./frameChannel.js";
import { type EmbedRound, type LoadRoundError, loadRound } from "./loadRound.js";
import type { InitPayload } from "./protocol.js";
import { watchHeight } from "./watchHeight.js";

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
}

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly value: EmbedRound }
  | { readonly state: "failed"; readonly error: LoadRoundError };

/** The page inside the iframe: the round from the collector, the host spoken to only by protocol. */
export function EmbedApp(props: EmbedAppProps): ReactElement {
  const self = props.self ?? window;
  const framed = props.embedId !== undefined && self.parent !== self;
  const [init, setInit] = useState<{ payload: InitPayload; origin: string } | undefined>();
  const [waited, setWaited] = useState(!framed);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
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

  useEffect(() => {
    let active = true;
    void loadRound(props.api, props.roundId).then((result) => {
      if (!active) return;
      setLoaded(
        result.ok
          ? { state: "ready", value: result.value }
          : { state: "failed", error: result.error },
      );
    });
    return () => {
      active = false;
    };
  }, [props.api, props.roundId]);

  useEffect(() => {
    if (init?.payload.theme !== undefined)
      applyTheme(self.document.documentElement, init.payload.theme);
  }, [init, self]);

  const locale: Locale = init?.payload.locale ?? props.locale ?? "da";
  const text = embedMessages[locale];

  useEffect(() => {
    if (loaded.state === "failed") {
      channel.current?.send("error", {
        code: `round_${loaded.error.code}`,
        message: text.roundError(loaded.error),
      });
    }
  }, [loaded, text]);

  const transport = useMemo(() => createHttpTransport({ baseUrl: props.api.href }), [props.api]);

  if (loaded.state === "failed") {
    return (
      <main className="klynge-embed" lang={locale}>
        <p className="klynge-survey__error" role="alert">
          {text.roundError(loaded.error)}
        </p>
      </main>
    );
  }
  if (loaded.state === "loading" || (init === undefined && !waited)) {
    return (
      <main className="klynge-embed" lang={locale} aria-busy="true">
        <p className="klynge-embed__loading">{text.loading}</p>
      </main>
    );
  }
  const { round, version, shareAnswersWith } = loaded.value;
  const shareAnswers =
    init?.payload.shareAnswers === true && shareAnswersWith.includes(init.origin);
  const onComplete = (result: KlyngeSurveyResult) => {
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
