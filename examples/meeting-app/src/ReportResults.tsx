import type { QuestionReport, Report, RoundSummary } from "@klynge/engine";
import { localize } from "@klynge/widget";
import {
  type Answered,
  answeredText,
  type BarValue,
  chartGroups,
  conditionLines,
  hasFigures,
  meanText,
  OptionTable,
  resultTexts,
  resultTextsTitle,
  TextList,
} from "@klynge/widget/report";
import type { ReactElement, ReactNode } from "react";
import { type Locale, type MeetingMessages, meetingMessages } from "./messages.js";

export interface ReportResultsProps {
  readonly report: Report;
  readonly locale: Locale;
}

/**
 * A report's questions as the tablet shows them: the shared report view-model (the same figures,
 * "skjult" and texts as the results page and the deck) in the tablet's own look, a bar beside
 * each share.
 */
export function ReportResults(props: ReportResultsProps): ReactElement {
  const { report, locale } = props;
  const text = meetingMessages[locale];
  const roundLabels = report.rounds.map((round) => round.label);
  return (
    <>
      {report.questions.map((question) => (
        <QuestionResult
          key={question.id}
          question={question}
          roundLabels={roundLabels}
          rounds={report.rounds}
          k={report.k}
          locale={locale}
          text={text}
        />
      ))}
    </>
  );
}

function shareWithBar(value: BarValue, shown: string): ReactNode {
  if (value.kind !== "shown") return shown;
  return (
    <span className="meeting-bar">
      <span
        className="meeting-bar__fill"
        style={{ width: `${Math.round(value.share * 100)}%` }}
        aria-hidden="true"
      />
      <span>{shown}</span>
    </span>
  );
}

/** "Besvaret af 12", or per round "Baseline: besvaret af 12" when the report has several. */
function answeredLines(
  answered: readonly Answered[],
  roundLabels: readonly string[],
  k: number,
  text: MeetingMessages,
): string[] {
  return answered.map((a, i) => {
    const line = answeredText(a, k, text);
    return roundLabels.length > 1 ? `${roundLabels[i]}: ${line}` : line;
  });
}

function QuestionResult(props: {
  readonly question: QuestionReport;
  readonly roundLabels: readonly string[];
  readonly rounds: readonly RoundSummary[];
  readonly k: number;
  readonly locale: Locale;
  readonly text: MeetingMessages;
}): ReactElement {
  const { question, roundLabels, k, locale, text } = props;
  const title = localize(question.text, locale);
  const groups = chartGroups(question);
  const several = roundLabels.length > 1;
  const answered = question.perRound.map((r) => (r.type === "not_asked" ? null : r.answered));
  return (
    <article className="meeting-question" aria-labelledby={`r-${question.id}`}>
      <h3 id={`r-${question.id}`} lang={title.lang}>
        {title.text}
      </h3>
      <Lines lines={conditionLines(question, props.rounds, k, locale, text)} />
      {groups === null ? (
        <Lines lines={answeredLines(answered, roundLabels, k, text)} />
      ) : (
        groups.map((group) => {
          const row = group.row === undefined ? undefined : localize(group.row, locale);
          const means = group.means.flatMap((mean, i) => {
            const line = meanText(mean, locale, text);
            return line === null ? [] : [several ? `${roundLabels[i]}: ${line}` : line];
          });
          return (
            <div key={group.key}>
              {row === undefined ? null : <h4 lang={row.lang}>{row.text}</h4>}
              <Lines lines={answeredLines(group.answered, roundLabels, k, text)} />
              {hasFigures(group) ? (
                <>
                  <OptionTable
                    group={group}
                    roundLabels={roundLabels}
                    locale={locale}
                    text={text}
                    className="meeting-table"
                    renderShare={shareWithBar}
                  />
                  {means.map((line) => (
                    <p key={line} className="meeting-question__mean">
                      {line}
                    </p>
                  ))}
                </>
              ) : null}
            </div>
          );
        })
      )}
      {question.perRound.map((result, i) => {
        const texts = resultTexts(result);
        const n = answered[i];
        // Nobody answered, or the question is withheld as a whole: the line above says so.
        if (texts === null || n?.status !== "shown" || n.value === 0) return null;
        const heading = resultTextsTitle(texts, text);
        return (
          <TextList
            key={result.roundId}
            title={several ? `${heading} – ${roundLabels[i]}` : heading}
            texts={texts.texts}
            hiddenText={text.textsHidden}
            className="meeting-texts"
          />
        );
      })}
    </article>
  );
}

function Lines(props: { readonly lines: readonly string[] }): ReactElement {
  return (
    <>
      {props.lines.map((line) => (
        <p key={line} className="meeting-question__n">
          {line}
        </p>
      ))}
    </>
  );
}
