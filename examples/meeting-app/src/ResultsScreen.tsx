import {
  aggregate,
  type Count,
  defaultK,
  defaultUnanimousBelow,
  formatIssue,
  type Issue,
  type OptionResult,
  type QuestionnaireVersion,
  type QuestionReport,
  type QuestionRoundResult,
  type Report,
  type Round,
  type Texts,
} from "@klynge/engine";
import { localize, type ResponseStore, useStoredValue } from "@klynge/widget";
import { type ReactElement, useCallback } from "react";
import { type Locale, type MeetingMessages, meetingMessages } from "./messages.js";

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
          {computed.report.questions.map((question) => (
            <QuestionResult
              key={question.id}
              question={question}
              k={computed.report.k}
              locale={locale}
              text={text}
            />
          ))}
        </>
      )}
    </section>
  );
}

function countText(count: Count, text: MeetingMessages): string {
  return count.status === "shown" ? String(count.value) : text.hidden;
}

function QuestionResult(props: {
  readonly question: QuestionReport;
  readonly k: number;
  readonly locale: Locale;
  readonly text: MeetingMessages;
}): ReactElement {
  const { question, k, locale, text } = props;
  const result = question.perRound[0];
  const title = localize(question.text, locale);
  return (
    <article className="meeting-question" aria-labelledby={`r-${question.id}`}>
      <h3 id={`r-${question.id}`} lang={title.lang}>
        {title.text}
      </h3>
      {result === undefined || result.type === "not_asked" ? (
        <p>{text.notOffered}</p>
      ) : (
        <RoundResult result={result} k={k} locale={locale} text={text} />
      )}
    </article>
  );
}

function RoundResult(props: {
  readonly result: Exclude<QuestionRoundResult, { type: "not_asked" }>;
  readonly k: number;
  readonly locale: Locale;
  readonly text: MeetingMessages;
}): ReactElement {
  const { result, k, locale, text } = props;
  const answered = result.answered;
  if (answered.status === "suppressed") return <p>{text.hiddenFew(k)}</p>;
  return (
    <>
      <p className="meeting-question__n">{text.answered(countText(answered, text))}</p>
      {result.type === "rating" || result.type === "single" || result.type === "multi" ? (
        <OptionTable options={result.options} locale={locale} text={text} />
      ) : null}
      {result.type === "rating" && result.mean.status === "shown" ? (
        <p>{text.mean(result.mean.value.toFixed(1))}</p>
      ) : null}
      {result.type === "matrix"
        ? result.rows.map((row) => (
            <div key={row.code}>
              <h4>{localize(row.label, locale).text}</h4>
              <OptionTable options={row.options} locale={locale} text={text} />
            </div>
          ))
        : null}
      {result.type === "single" || result.type === "multi" ? (
        <TextList title={text.otherTextsTitle} texts={result.otherTexts} text={text} />
      ) : null}
      {result.type === "text" ? (
        <TextList title={text.textsTitle} texts={result.texts} text={text} />
      ) : null}
    </>
  );
}

function OptionTable(props: {
  readonly options: readonly OptionResult[];
  readonly locale: Locale;
  readonly text: MeetingMessages;
}): ReactElement {
  const { options, locale, text } = props;
  return (
    <table className="meeting-table">
      <thead>
        <tr>
          <th scope="col">{text.option}</th>
          <th scope="col">{text.count}</th>
          <th scope="col">{text.share}</th>
        </tr>
      </thead>
      <tbody>
        {options.map((option) => {
          const label = localize(option.label, locale);
          const cell = option.cell;
          return (
            <tr key={option.code}>
              <th scope="row" lang={label.lang}>
                {label.text}
              </th>
              <td>
                {cell.status === "shown"
                  ? cell.count
                  : cell.status === "suppressed"
                    ? text.hidden
                    : text.notOffered}
              </td>
              <td>
                {cell.status === "shown" ? (
                  <span className="meeting-bar">
                    <span
                      className="meeting-bar__fill"
                      style={{ width: `${Math.round(cell.share * 100)}%` }}
                      aria-hidden="true"
                    />
                    <span>{text.percent(cell.share)}</span>
                  </span>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TextList(props: {
  readonly title: string;
  readonly texts: Texts;
  readonly text: MeetingMessages;
}): ReactElement | null {
  const { title, texts, text } = props;
  if (texts.status === "shown" && texts.items.length === 0) return null;
  return (
    <div className="meeting-texts">
      <h4>{title}</h4>
      {texts.status === "shown" ? (
        <ul>
          {texts.items.map((item, i) => (
            // Free text is text: React escapes it; never HTML.
            // biome-ignore lint/suspicious/noArrayIndexKey: texts are sorted and may repeat
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p>{text.hiddenAnonymity}</p>
      )}
    </div>
  );
}
