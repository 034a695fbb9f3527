import { type ReactElement, useEffect, useState } from "react";
import { KioskScreen } from "./KioskScreen.js";
import { type Locale, meetingMessages } from "./messages.js";
import { ResultsScreen } from "./ResultsScreen.js";
import { loadMeetingRound, type MeetingRound } from "./roundSource.js";
import { TransferScreen } from "./TransferScreen.js";
import { useMeetingDevice, useOutboxCounts, useUploadStatus } from "./useMeetingDevice.js";
import type { ServiceWorkerState } from "./useServiceWorker.js";

export interface MeetingAppProps {
  readonly api: URL;
  /** From `?round=`, or the round last opened on this device. */
  readonly roundId: string | undefined;
  readonly worker: ServiceWorkerState;
}

type Screen = "survey" | "results" | "transfer";

export function MeetingApp(props: MeetingAppProps): ReactElement {
  const { api, roundId, worker } = props;
  const [locale, setLocale] = useState<Locale>("da");
  const [screen, setScreen] = useState<Screen>("survey");
  const [loaded, setLoaded] = useState<MeetingRound | "loading" | "none">(
    roundId === undefined ? "none" : "loading",
  );
  const device = useMeetingDevice(api);
  const store = device.state === "ready" ? device.store : undefined;
  const counts = useOutboxCounts(store);
  const status = useUploadStatus(device.state === "ready" ? device.uploader : undefined);
  const unsent = counts.pending + counts.conflict + counts.failed;
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
  if (device.state === "failed") {
    main = (
      <p role="alert">
        {text.storageFailed} {device.error.localized[locale]}
      </p>
    );
  } else if (loaded === "none") {
    main = <ChooseRound locale={locale} />;
  } else if (loaded === "loading" || device.state === "opening") {
    main = <p aria-busy="true">{text.loadingRound}</p>;
  } else if (!loaded.ok) {
    const code = loaded.error.code;
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
    const { round, version } = loaded.value;
    const shared = { store: device.store, round, version, locale };
    main = (
      <>
        <p className="meeting-round">
          {round.label} · {round.cluster}
          {round.municipality === undefined ? "" : ` + ${round.municipality}`}
        </p>
        {loaded.from === "device" ? <p className="meeting-note">{text.roundFromDevice}</p> : null}
        {screen === "survey" ? (
          <KioskScreen {...shared} uploader={device.uploader} />
        ) : screen === "results" ? (
          <ResultsScreen {...shared} />
        ) : (
          <TransferScreen {...shared} uploader={device.uploader} unsent={unsent} />
        )}
      </>
    );
  }

  const tabs: readonly [Screen, string][] = [
    ["survey", text.navSurvey],
    ["results", text.navResults],
    ["transfer", text.navTransfer],
  ];
  return (
    <>
      <header className="meeting-header">
        <h1>{text.appName}</h1>
        <p className="meeting-unsent" role="status" data-unsent={unsent}>
          {text.unsent(unsent)}
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
      {status.online ? null : (
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
