import { apiErrors } from "@klynge/engine/contract";
import { useOutboxCounts, useResponseStore, useSyncStatus, useUploader } from "@klynge/widget";
import { createHttpTransport, messages } from "@klynge/widget/core";
import { type ReactElement, useEffect, useMemo, useState } from "react";
import { KioskScreen } from "./KioskScreen.js";
import { type Locale, meetingMessages } from "./messages.js";
import { ResultsScreen } from "./ResultsScreen.js";
import { loadMeetingRound, type MeetingRound } from "./roundSource.js";
import { StatusScreen } from "./StatusScreen.js";
import { TransferScreen } from "./TransferScreen.js";
import { type MeetingKeyState, useMeetingKey } from "./useMeetingKey.js";
import type { ServiceWorkerState } from "./useServiceWorker.js";

export interface MeetingAppProps {
  readonly api: URL;
  /** From `?round=`, or the round last opened on this device. */
  readonly roundId: string | undefined;
  readonly worker: ServiceWorkerState;
  /** A meeting key from this visit's link (`#key=…`), to enrol the tablet with. */
  readonly keyFromLink?: string;
}

type Screen = "survey" | "status" | "results" | "transfer";

export function MeetingApp(props: MeetingAppProps): ReactElement {
  const { api, roundId, worker } = props;
  const [locale, setLocale] = useState<Locale>("da");
  const [screen, setScreen] = useState<Screen>("survey");
  const [loaded, setLoaded] = useState<MeetingRound | "loading" | "none">(
    roundId === undefined ? "none" : "loading",
  );
  // The tablet's storage and its one uploader, for the app's lifetime; acknowledged responses are
  // kept (`keepSent`) for the results on this device.
  const opened = useResponseStore({ keepSent: true });
  const store = opened.state === "ready" ? opened.store : undefined;
  const transport = useMemo(() => createHttpTransport({ baseUrl: api.href }), [api]);
  const uploader = useUploader(store, transport);
  const counts = useOutboxCounts(store);
  const online = useSyncStatus(uploader)?.online ?? true;
  // The header counts only what will still be sent; a refused response is said apart.
  const unsent = counts.pending;
  const refused = counts.conflict + counts.failed;
  const meetingKey = useMeetingKey(api, roundId, props.keyFromLink, online);
  const pass = meetingKey.key?.pass;
  const text = meetingMessages[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    if (roundId === undefined) return;
    let active = true;
    void loadMeetingRound(api, roundId).then((result) => {
      if (active) setLoaded(result);
    });
    return () => {
      active = false;
    };
  }, [api, roundId]);

  let main: ReactElement;
  if (opened.state === "failed") {
    main = (
      <p role="alert">
        {text.storageFailed} {messages[locale].storageError[opened.error.code]}
      </p>
    );
  } else if (loaded === "none") {
    main = <ChooseRound locale={locale} />;
  } else if (loaded === "loading" || store === undefined || uploader === undefined) {
    main = <p aria-busy="true">{text.loadingRound}</p>;
  } else if (!loaded.success) {
    const code = loaded.issues[0].code;
    main = (
      <p role="alert">
        {code === "not_found"
          ? text.roundNotFound
          : code === "unreachable"
            ? text.roundUnreachable
            : text.roundInvalid}
      </p>
    );
  } else {
    const { round, version, k } = loaded.data.document;
    const shared = { store, round, version, locale };
    const sending = { uploader, ...(pass === undefined ? {} : { pass }) };
    main = (
      <>
        <p className="meeting-round">
          {round.label} · {round.cluster}
          {round.municipality === undefined ? "" : ` + ${round.municipality}`}
        </p>
        {loaded.data.from === "device" ? (
          <p className="meeting-note">{text.roundFromDevice}</p>
        ) : null}
        <KeyLine state={meetingKey} locale={locale} />
        {screen === "survey" ? (
          <KioskScreen {...shared} {...sending} {...(k === undefined ? {} : { k })} />
        ) : screen === "status" ? (
          <StatusScreen store={store} round={round} locale={locale} />
        ) : screen === "results" ? (
          <ResultsScreen {...shared} {...(k === undefined ? {} : { k })} />
        ) : (
          <TransferScreen {...shared} {...sending} unsent={unsent + refused} />
        )}
      </>
    );
  }

  const tabs: readonly [Screen, string][] = [
    ["survey", text.navSurvey],
    ["status", text.navStatus],
    ["results", text.navResults],
    ["transfer", text.navTransfer],
  ];
  return (
    <>
      <header className="meeting-header">
        <h1>{text.appName}</h1>
        <p className="meeting-unsent" role="status" data-unsent={unsent} data-refused={refused}>
          {unsent === 0 && refused > 0 ? null : text.unsent(unsent)}
          {unsent > 0 && refused > 0 ? " · " : null}
          {refused > 0 ? text.refusedCount(refused) : null}
        </p>
        <button
          type="button"
          className="meeting-button meeting-button--quiet"
          lang={locale === "da" ? "en" : "da"}
          aria-label={text.languageLabel}
          onClick={() => setLocale(locale === "da" ? "en" : "da")}
        >
          {text.language}
        </button>
      </header>
      {online ? null : (
        <p className="meeting-offline" role="status">
          {text.offline}
        </p>
      )}
      {worker.offlineReady ? (
        <p className="meeting-note" role="status">
          {text.offlineReady}
        </p>
      ) : null}
      {worker.needRefresh ? (
        <p className="meeting-note" role="status">
          {text.updateReady}{" "}
          <button type="button" className="meeting-button" onClick={worker.update}>
            {text.updateNow}
          </button>
        </p>
      ) : null}
      <nav className="meeting-nav" aria-label={text.mainNav}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            className="meeting-nav__item"
            aria-current={screen === id ? "page" : undefined}
            onClick={() => setScreen(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      <main className="meeting-main">{main}</main>
    </>
  );
}

function ChooseRound(props: { readonly locale: Locale }): ReactElement {
  const text = meetingMessages[props.locale];
  return (
    <form className="meeting-choose" method="get">
      <p>{text.roundMissing}</p>
      <label htmlFor="meeting-round-id">{text.roundIdLabel}</label>
      <input id="meeting-round-id" name="round" required autoComplete="off" />
      <button type="submit" className="meeting-button meeting-button--primary">
        {text.roundOpen}
      </button>
    </form>
  );
}

/** The tablet's meeting key: its window and what is left, or why it cannot be used. */
function KeyLine(props: {
  readonly state: MeetingKeyState;
  readonly locale: Locale;
}): ReactElement | null {
  const { state, locale } = props;
  const text = meetingMessages[locale];
  const time = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const lines: { readonly text: string; readonly alert?: boolean }[] = [];
  if (state.link === "enrolled") lines.push({ text: text.keyEnrolled });
  else if (state.link === "unchecked") lines.push({ text: text.keyUnchecked, alert: true });
  else if (state.link !== undefined)
    lines.push({ text: `${text.keyLinkRefused} ${apiErrors[state.link][locale]}`, alert: true });
  const key = state.key;
  if (key?.refused !== undefined) {
    lines.push({ text: `${text.keyRefused} ${apiErrors[key.refused][locale]}`, alert: true });
  } else if (key?.status?.kind === "meeting-key") {
    const { status } = key;
    const checked =
      key.checkedAt === undefined
        ? ""
        : ` ${text.keyChecked(time.format(new Date(key.checkedAt)))}`;
    lines.push({
      text:
        (status.usable
          ? text.keyActive(
              time.format(new Date(status.validUntil)),
              time.format(new Date(status.graceUntil)),
              status.remaining,
            )
          : text.keyInactive) + checked,
    });
  } else if (key === undefined && state.checked && state.required) {
    lines.push({ text: text.keyMissing, alert: true });
  }
  if (lines.length === 0) return null;
  return (
    <div className="meeting-key">
      {lines.map((line) => (
        <p key={line.text} role={line.alert ? "alert" : "status"} className="meeting-note">
          {line.text}
        </p>
      ))}
    </div>
  );
}
