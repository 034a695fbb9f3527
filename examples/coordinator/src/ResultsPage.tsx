import type { ReplyOf, RoundEntry } from "@klynge/engine/contract";
import { type FormEvent, type ReactElement, useEffect, useId, useState } from "react";
import { ApiErrorNotice } from "./ApiErrorNotice.js";
import { type ApiResult, refusalOf } from "./api/apiResult.js";
import { deckInputFor } from "./deck/deckInputFor.js";
import { coordinatorMessages } from "./messages.js";
import { PageHeading } from "./PageHeading.js";
import type { ClusterPageProps } from "./pageProps.js";
import { PlanEditor } from "./plan/PlanEditor.js";
import type { PlanQuestion } from "./plan/PlanItemFields.js";
import { planMessages } from "./plan/planMessages.js";
import { AnswerSpreadsheets } from "./results/AnswerSpreadsheets.js";
import { ReportView } from "./results/ReportView.js";
import { may } from "./session/access.js";
import { useApiResult } from "./useApiResult.js";

export interface ResultsPageProps extends ClusterPageProps {
  /** The rounds named by the address (`#/resultater?rounds=a,b`), oldest first. */
  readonly rounds: readonly string[];
  /** Called with the chosen rounds, oldest first; the app puts them in the address. */
  readonly onChoose: (rounds: readonly string[]) => void;
}

type ReportBundle = ReplyOf<"report">;
type Loaded = "idle" | "loading" | ApiResult<ReportBundle>;
type DeckState = "idle" | "building" | "failed";

function lastRound(bundle: ReportBundle): { id: string; label: string } {
  const last = bundle.report.rounds.at(-1);
  return { id: last?.id ?? "", label: last?.label ?? "" };
}

/** The questions the last round's questionnaire asked, by their text: what its plan may discuss. */
function questionsOfLastRound(bundle: ReportBundle, locale: "da" | "en"): PlanQuestion[] {
  const last = bundle.report.rounds.at(-1)?.id;
  return bundle.report.questions
    .filter((q) => q.perRound.some((r) => r.type !== "not_asked" && r.roundId === last))
    .map((q) => ({ id: q.id, text: q.text[locale] ?? q.text.da }));
}

/**
 * "Resultater": one round, or two (baseline and follow-up), of the chosen cluster, as the
 * collector's report with the cluster's k. The engine has applied the anonymity rules before the
 * report leaves the server; this page only shows what the report gives.
 */
export function ResultsPage(props: ResultsPageProps): ReactElement {
  const { client, locale, cluster, rounds, onChoose, services, access } = props;
  const { downloadDeck: onDownload, chartWidth } = services;
  const text = coordinatorMessages[locale];
  const [available] = useApiResult(cluster.id, () =>
    client.call("listRounds", { params: { cluster: cluster.id } }),
  );
  const [first, setFirst] = useState(rounds[0] ?? "");
  const [second, setSecond] = useState(rounds[1] ?? "");
  const [choiceError, setChoiceError] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>("idle");
  const [deck, setDeck] = useState<DeckState>("idle");
  const [planOpen, setPlanOpen] = useState(false);
  const planText = planMessages[locale];
  const ids = useId();
  const key = rounds.join(",");

  const entries = available?.success === true ? available.data.rounds : [];
  const firstListed = entries[0]?.round.id ?? "";
  useEffect(() => {
    setFirst((current) => (current === "" ? firstListed : current));
  }, [firstListed]);

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
    void client.call("report", { query: { rounds: chosen.join(",") } }).then((result) => {
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
    const order = entries.map((e) => e.round.id);
    const chosen = (second === "" ? [first] : [first, second]).sort(
      (a, b) => order.indexOf(a) - order.indexOf(b),
    );
    onChoose(chosen);
  }

  async function download(bundle: ReportBundle): Promise<void> {
    setDeck("building");
    try {
      await onDownload(
        deckInputFor(bundle, locale),
        `klynge-resultater-${bundle.report.rounds.map((r) => r.id).join("_")}.pptx`,
      );
      setDeck("idle");
    } catch {
      setDeck("failed");
    }
  }

  // After deletion the list counts 0 stored answers; the kept report still has them all.
  const optionLabel = (entry: RoundEntry) =>
    entry.rawDeletedOn === null
      ? text.roundOption(entry.round.label, entry.responses)
      : text.roundOptionKept(entry.round.label);

  return (
    <section aria-labelledby={`${ids}-title`}>
      <PageHeading id={`${ids}-title`}>{text.resultsTitle(cluster.name)}</PageHeading>
      <form className="coordinator-form coordinator-choose" onSubmit={choose}>
        <fieldset>
          <legend>{text.chooseRounds}</legend>
          {available === undefined ? <p aria-busy="true">{text.roundsLoading}</p> : null}
          {available?.success === false ? (
            <ApiErrorNotice error={refusalOf(available)} locale={locale} lead={text.roundsFailed} />
          ) : null}
          {available?.success === true && entries.length === 0 ? <p>{text.roundsNone}</p> : null}
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
        {loaded !== "idle" && loaded !== "loading" && !loaded.success ? (
          <ApiErrorNotice
            error={refusalOf(loaded)}
            locale={locale}
            lead={
              refusalOf(loaded).code === "invalid_reply" ? text.reportInvalid : text.reportFailed
            }
          />
        ) : null}
      </div>

      {loaded !== "idle" && loaded !== "loading" && loaded.success ? (
        <>
          <div className="coordinator-toolbar">
            <button
              type="button"
              className="coordinator-button"
              disabled={deck === "building"}
              onClick={() => void download(loaded.data)}
            >
              {deck === "building" ? text.buildingDeck : text.downloadDeck}
            </button>
            {deck === "failed" ? (
              <p role="alert" className="coordinator-error">
                {text.deckFailed}
              </p>
            ) : null}
            {may.coordinate(access) ? (
              <button
                type="button"
                className="coordinator-button"
                aria-expanded={planOpen}
                aria-controls={planOpen ? `${ids}-plan` : undefined}
                onClick={() => setPlanOpen((open) => !open)}
              >
                {planOpen ? planText.close : planText.open}
              </button>
            ) : null}
          </div>
          {may.coordinate(access) && planOpen ? (
            <div id={`${ids}-plan`}>
              <PlanEditor
                client={client}
                locale={locale}
                round={lastRound(loaded.data)}
                questions={questionsOfLastRound(loaded.data, locale)}
                onSaved={(plan) =>
                  setLoaded((current) =>
                    typeof current === "object" && current.success
                      ? { ...current, data: { ...current.data, plan } }
                      : current,
                  )
                }
              />
            </div>
          ) : null}
          <AnswerSpreadsheets
            entries={entries}
            shown={rounds}
            access={props.access}
            client={client}
            locale={locale}
            saveFile={services.saveFile}
          />
          <ReportView
            report={loaded.data.report}
            referrals={loaded.data.referrals}
            generatedAt={loaded.data.generatedAt}
            {...(loaded.data.openLinkRounds === undefined
              ? {}
              : { openLinkRounds: loaded.data.openLinkRounds })}
            locale={locale}
            text={text}
            {...(chartWidth === undefined ? {} : { chartWidth })}
          />
        </>
      ) : null}
    </section>
  );
}
