import {
  aggregate,
  defaultK,
  defaultUnanimousBelow,
  formatIssue,
  type Issue,
  type QuestionnaireVersion,
  type Report,
  type Round,
} from "@klynge/engine";
import { type ResponseStore, useStoredValue } from "@klynge/widget";
import { type ReactElement, useCallback } from "react";
import { type Locale, meetingMessages } from "./messages.js";
import { ReportResults } from "./ReportResults.js";

export interface ResultsScreenProps {
  readonly store: ResponseStore;
  readonly round: Round;
  readonly version: QuestionnaireVersion;
  readonly locale: Locale;
  /** Minimum group size; default the engine's (5). Should be the cluster's, as the collector's. */
  readonly k?: number;
  /** The group-disclosure rule; default the engine's (10). Should be the cluster's too. */
  readonly unanimousBelow?: number;
}

type Computed =
  | { readonly state: "computing" }
  | { readonly state: "ready"; readonly report: Report; readonly n: number }
  | { readonly state: "failed"; readonly issues: readonly Issue[] };

const computing: Computed = { state: "computing" };

/** Every response of the round on this device: waiting to be sent, refused, or sent and kept. */
async function responsesOnDevice(store: ResponseStore, roundId: string): Promise<unknown[]> {
  const [outbox, sent] = await Promise.all([store.outbox(), store.sent(roundId)]);
  return [...outbox.filter((record) => record.response.roundId === roundId), ...sent].map(
    (record) => record.response,
  );
}

/**
 * "Resultater på denne enhed": the engine's aggregate of the responses given on this tablet,
 * with the engine's anonymity rules and audit applied (nothing is worked out here): the same
 * path as the collector's reports.
 */
export function ResultsScreen(props: ResultsScreenProps): ReactElement {
  const { store, round, version, locale, k = defaultK } = props;
  const unanimousBelow = props.unanimousBelow ?? defaultUnanimousBelow;
  const text = meetingMessages[locale];
  const compute = useCallback(
    async (from: ResponseStore): Promise<Computed> => {
      const responses = await responsesOnDevice(from, round.id);
      const result = aggregate({
        responses,
        rounds: [round],
        versions: [version],
        k,
        unanimousBelow,
      });
      return result.success
        ? { state: "ready", report: result.data, n: responses.length }
        : { state: "failed", issues: result.issues };
    },
    [round, version, k, unanimousBelow],
  );
  const computed = useStoredValue<Computed>(store, compute, computing);

  return (
    <section className="meeting-results" aria-labelledby="meeting-results-title">
      <h2 id="meeting-results-title">{text.resultsTitle}</h2>
      {computed.state === "computing" ? null : computed.state === "failed" ? (
        <p role="alert">
          {text.resultsFailed}{" "}
          {computed.issues.map((issue) => formatIssue(issue, locale)).join(" ")}
        </p>
      ) : computed.n === 0 ? (
        <p>{text.resultsNone}</p>
      ) : (
        <>
          <p>{text.resultsIntro(computed.n, computed.report.k)}</p>
          <ReportResults report={computed.report} locale={locale} />
        </>
      )}
    </section>
  );
}
