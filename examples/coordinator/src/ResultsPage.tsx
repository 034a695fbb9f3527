import { type FormEvent, type ReactElement, useEffect, useId, useState } from "react";
import type { ClientResult, CollectorClient, ReportBundle, RoundEntry } from "./collectorClient.js";
import type { DeckInput } from "./deck/deckInput.js";
import { downloadDeck } from "./deck/downloadDeck.js";
import { coordinatorMessages, type Locale } from "./messages.js";
import { ReportView } from "./results/ReportView.js";

export interface ResultsPageProps {
  readonly client: CollectorClient;
  readonly locale: Locale;
  /** The rounds named by the address (`#/resultater?rounds=a,b`), oldest first. */
  readonly rounds: readonly string[];
  /** Called with the chosen rounds, oldest first; the app puts them in the address. */
  readonly onChoose: (rounds: readonly string[]) => void;
  /** Builds and saves the deck; default pptxgenjs in the browser, loaded on first use. */
  readonly onDownload?: (input: DeckInput, fileName: string) => Promise<void>;
  /** Width of the charts before they are measured; tests have no layout. */
  readonly chartWidth?: number;
}

type Loaded = "idle" | "loading" | ClientResult<ReportBundle>;
type DeckState = "idle" | "building" | "failed";

/**
 * "Resultater": one round, or two (baseline and follow-up), as the collector's report. The
 * engine has applied the anonymity rules before the report leaves the server; this page only
 * shows what the report gives.
 */
export function ResultsPage(props: ResultsPageProps): ReactElement {
  const { client, locale, rounds, onChoose, onDownload = downloadDeck, chartWidth } = props;
  const text = coordinatorMessages[locale];
  const [available, setAvailable] = useState<ClientResult<RoundEntry[]> | "loading">("loading");
  const [first, setFirst] = useState(rounds[0] ?? "");
  const [second, setSecond] = useState(rounds[1] ?? "");
  const [choiceError, setChoiceError] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>("idle");
  const [deck, setDeck] = useState<DeckState>("idle");
  const ids = useId();
  const key = rounds.join(",");

  useEffect(() => {
    let active = true;
    void client.listRounds().then((result) => {
      if (!active) return;
      setAvailable(result);
      if (result.ok)
        setFirst((current) => (current === "" ? (result.value[0]?.round.id ?? "") : current));
    });
    return () => {
      active = false;
    };
  }, [client]);

  useEffect(() => {
    const chosen = key === "" ? [] : key.split(",");
    setFirst(chosen[0] ?? "");
    setSecond(chosen[1] ?? "");
    if (chosen.length === 0) {
      setLoaded("idle");
      return;
    }
    let active = true;
    setLoaded("loading");
    setDeck("idle");
    void client.report(chosen).then((result) => {
      if (active) setLoaded(result);
    });
    return () => {
      active = false;
    };
  }, [client, key]);

  function choose(event: FormEvent): void {
    event.preventDefault();
    if (first === "") return;
    if (second !== "" && second === first) {
      setChoiceError(true);
      return;
    }
    setChoiceError(false);
    const order =
      available !== "loading" && available.ok ? available.value.map((e) => e.round.id) : [];
    const chosen = (second === "" ? [first] : [first, second]).sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    onChoose(chosen);
  }

  async function download(bundle: ReportBundle): Promise<void> {
    setDeck("building");
    try {
      await onDownload(
        { ...bundle, locale },
        `klynge-resultater-${bundle.report.rounds.map((r) => r.id).join("_")}.pptx`,
      );
      setDeck("idle");
    } catch {
      setDeck("failed");
    }
  }

  const entries = available !== "loading" && available.ok ? available.value : [];
  const optionLabel = (entry: RoundEntry) =>
    `${entry.round.label} – ${entry.round.cluster} (${entry.round.id}, ${entry.responses} ${text.responsesColumn.toLocaleLowerCase(locale)})`;

  return (
    <section aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{text.resultsTitle}</h2>
      <form className="coordinator-form coordinator-choose" onSubmit={choose}>
        <fieldset>
          <legend>{text.chooseRounds}</legend>
          {available === "loading" ? <p aria-busy="true">{text.roundsLoading}</p> : null}
          {available !== "loading" && !available.ok ? (
            <p role="alert">{text.roundsFailed}</p>
          ) : null}
          <div className="coordinator-field">
            <label htmlFor={`${ids}-first`}>{text.firstRoundLabel}</label>
            <select id={`${ids}-first`} value={first} onChange={(e) => setFirst(e.target.value)}>
              {entries.map((entry) => (
                <option key={entry.round.id} value={entry.round.id}>
                  {optionLabel(entry)}
                </option>
              ))}
            </select>
          </div>
          <div className="coordinator-field">
            <label htmlFor={`${ids}-second`}>{text.secondRoundLabel}</label>
            <select
              id={`${ids}-second`}
              value={second}
              aria-invalid={choiceError}
              aria-describedby={choiceError ? `${ids}-choice-error` : undefined}
              onChange={(e) => setSecond(e.target.value)}
            >
              <option value="">{text.noSecondRound}</option>
              {entries.map((entry) => (
                <option key={entry.round.id} value={entry.round.id}>
                  {optionLabel(entry)}
                </option>
              ))}
            </select>
            {choiceError ? (
              <p id={`${ids}-choice-error`} role="alert" className="coordinator-error">
                {text.sameRoundTwice}
              </p>
            ) : null}
          </div>
          <button
            type="submit"
            className="coordinator-button coordinator-button--primary"
            disabled={first === ""}
          >
            {text.showResults}
          </button>
        </fieldset>
      </form>

      <div aria-live="polite">
        {loaded === "loading" ? <p aria-busy="true">{text.loadingReport}</p> : null}
        {loaded !== "idle" && loaded !== "loading" && !loaded.ok ? (
          <div role="alert" className="coordinator-error">
            {loaded.error.code === "invalid" ? (
              <>
                <p>{text.reportInvalid}</p>
                <ul>
                  {loaded.error.issues.slice(0, 10).map((issue, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: issues are listed as given
                    <li key={i}>{issue.message[locale]}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>
                {text.reportFailed}{" "}
                {loaded.error.code === "refused" ? (loaded.error.message?.[locale] ?? "") : ""}
              </p>
            )}
          </div>
        ) : null}
      </div>

      {loaded !== "idle" && loaded !== "loading" && loaded.ok ? (
        <>
          <div className="coordinator-toolbar">
            <button
              type="button"
              className="coordinator-button"
              disabled={deck === "building"}
              onClick={() => void download(loaded.value)}
            >
              {deck === "building" ? text.buildingDeck : text.downloadDeck}
            </button>
            {deck === "failed" ? (
              <p role="alert" className="coordinator-error">
                {text.deckFailed}
              </p>
            ) : null}
          </div>
          <ReportView
            report={loaded.value.report}
            referrals={loaded.value.referrals}
            generatedAt={loaded.value.generatedAt}
            locale={locale}
            text={text}
            {...(chartWidth === undefined ? {} : { chartWidth })}
          />
        </>
      ) : null}
    </section>
  );
}
