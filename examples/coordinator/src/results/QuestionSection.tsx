import type { QuestionReport, RoundSummary } from "@klynge/engine";
import { localize } from "@klynge/engine";
import {
  type Answered,
  answeredText,
  chartGroups,
  conditionLines,
  hasFigures,
  meanText,
  OptionTable,
  resultTexts,
  resultTextsTitle,
  TextList,
} from "@klynge/widget/report";
import type { ReactElement } from "react";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { OptionChart } from "./OptionChart.js";
import { ScrollBox } from "./ScrollBox.js";

export interface QuestionSectionProps {
  readonly question: QuestionReport;
  readonly roundLabels: readonly string[];
  /** The report's rounds, for how many a conditional question was asked of. */
  readonly rounds: readonly RoundSummary[];
  readonly k: number;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  readonly chartWidth?: number;
}

function ParticipationLine(props: {
  readonly answered: readonly Answered[];
  readonly roundLabels: readonly string[];
  readonly k: number;
  readonly text: CoordinatorMessages;
}): ReactElement {
  const { answered, roundLabels, k, text } = props;
  if (roundLabels.length === 1) {
    return <p className="coordinator-n">{answeredText(answered[0] ?? null, k, text)}</p>;
  }
  return (
    <ul className="coordinator-n">
      {roundLabels.map((round, i) => (
        <li key={round}>
          {round}: {answeredText(answered[i] ?? null, k, text)}
        </li>
      ))}
    </ul>
  );
}

/** One question: how many answered per round, its charts with their tables, and its texts. */
export function QuestionSection(props: QuestionSectionProps): ReactElement {
  const { question, roundLabels, k, locale, text, chartWidth } = props;
  const title = localize(question.text, locale);
  const groups = chartGroups(question);
  const headingId = `q-${question.id}`;
  const several = roundLabels.length > 1;
  const inRound = (title: string, i: number) => (several ? `${title} – ${roundLabels[i]}` : title);

  return (
    <article className="coordinator-question" aria-labelledby={headingId}>
      <h3 id={headingId} lang={title.lang}>
        {title.text}
      </h3>
      {conditionLines(question, props.rounds, k, locale, text).map((line) => (
        <p key={line} className="coordinator-condition">
          {line}
        </p>
      ))}
      {groups === null ? (
        <ParticipationLine
          answered={question.perRound.map((r) => (r.type === "not_asked" ? null : r.answered))}
          roundLabels={roundLabels}
          k={k}
          text={text}
        />
      ) : (
        groups.map((group) => {
          const rowLabel = group.row === undefined ? undefined : localize(group.row, locale);
          const chartTitle =
            rowLabel === undefined ? title.text : `${title.text} – ${rowLabel.text}`;
          const means = group.means
            .map((mean, i) => {
              const line = meanText(mean, locale, text);
              return line === null ? null : several ? `${roundLabels[i]}: ${line}` : line;
            })
            .filter((line) => line !== null);
          return (
            <div key={group.key} className="coordinator-group">
              {rowLabel === undefined ? null : <h4 lang={rowLabel.lang}>{rowLabel.text}</h4>}
              <ParticipationLine
                answered={group.answered}
                roundLabels={roundLabels}
                k={k}
                text={text}
              />
              {hasFigures(group) ? (
                <div
                  className={`coordinator-figures${several ? " coordinator-figures--stacked" : ""}`}
                >
                  <OptionChart
                    group={group}
                    roundLabels={roundLabels}
                    title={chartTitle}
                    locale={locale}
                    text={text}
                    {...(chartWidth === undefined ? {} : { initialWidth: chartWidth })}
                  />
                  <ScrollBox label={text.tableCaption(chartTitle)}>
                    <OptionTable
                      group={group}
                      roundLabels={roundLabels}
                      caption={text.tableCaption(chartTitle)}
                      locale={locale}
                      text={text}
                      className="coordinator-table"
                      captionClassName="coordinator-visually-hidden"
                      numberClassName="coordinator-number"
                    />
                  </ScrollBox>
                  {means.length > 0 && hasFigures(group) ? (
                    <p className="coordinator-mean">{means.join(" · ")}</p>
                  ) : null}
                </div>
              ) : null}
            </div>
          );
        })
      )}
      {question.perRound.map((result, i) => {
        // Withheld texts show nothing here: the line of who answered says why.
        const texts = resultTexts(result);
        if (texts === null) return null;
        return (
          <TextList
            key={result.roundId}
            title={inRound(resultTextsTitle(texts, text), i)}
            texts={texts.texts}
            className="coordinator-texts"
          />
        );
      })}
    </article>
  );
}
