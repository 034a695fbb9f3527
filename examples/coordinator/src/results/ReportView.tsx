import type { ReferralRateReport, Report, RoundSummary } from "@klynge/engine";
import { formatPercent } from "@klynge/widget/report";
import { type ReactElement, useId } from "react";
import { formatDate } from "../format.js";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { ComparisonSection } from "./ComparisonSection.js";
import { QuestionSection } from "./QuestionSection.js";
import { ReferralSection } from "./ReferralSection.js";
import { ScrollBox } from "./ScrollBox.js";
import { SuppressionNotes } from "./SuppressionNotes.js";

export interface ReportViewProps {
  readonly report: Report;
  readonly referrals: ReferralRateReport | null;
  readonly generatedAt: string;
  /** The rounds that took answers through an open link, marked «åbent link». */
  readonly openLinkRounds?: readonly string[];
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
  /** Width of the charts before they are measured; tests have no layout. */
  readonly chartWidth?: number;
}

function respondentsText(round: RoundSummary, text: CoordinatorMessages): string {
  return round.respondents.status === "shown" ? String(round.respondents.value) : text.hidden;
}

function rateText(round: RoundSummary, locale: Locale, text: CoordinatorMessages): string {
  const rate = round.responseRate;
  if (rate.status === "shown") return formatPercent(rate.value, locale);
  return rate.status === "unknown" ? text.unknown : text.hidden;
}

/** The whole report as the meeting sees it on the projector. */
export function ReportView(props: ReportViewProps): ReactElement {
  const { report, referrals, generatedAt, locale, text, chartWidth } = props;
  const openLink = new Set(props.openLinkRounds ?? []);
  const anyOpen = report.rounds.some((round) => openLink.has(round.id));
  const roundLabels = report.rounds.map((round) => round.label);
  const summaryId = useId();
  const questionsId = useId();
  const width = chartWidth === undefined ? {} : { chartWidth };
  return (
    <div className="coordinator-report">
      <p className="coordinator-muted">{text.generatedAt(formatDate(generatedAt, locale))}</p>
      <p>{text.anonymityIntro(report.k)}</p>
      <section aria-labelledby={summaryId}>
        <h2 id={summaryId}>{text.roundsSummary}</h2>
        <ScrollBox label={text.roundsSummary}>
          <table className="coordinator-table">
            <thead>
              <tr>
                <th scope="col">{text.roundColumn}</th>
                <th scope="col">{text.clusterColumn}</th>
                <th scope="col" className="coordinator-number">
                  {text.respondents}
                </th>
                <th scope="col" className="coordinator-number">
                  {text.invited}
                </th>
                <th scope="col" className="coordinator-number">
                  {text.responseRate}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rounds.map((round) => (
                <tr key={round.id}>
                  <th scope="row">
                    {round.label}
                    {openLink.has(round.id) ? (
                      <>
                        {" "}
                        <span className="coordinator-tag">{text.openLinkTag}</span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    {round.cluster}
                    {round.municipality === undefined ? "" : ` + ${round.municipality}`}
                  </td>
                  <td className="coordinator-number">{respondentsText(round, text)}</td>
                  <td className="coordinator-number">{round.invited ?? text.unknown}</td>
                  <td className="coordinator-number">{rateText(round, locale, text)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
        {anyOpen ? <p className="coordinator-muted">{text.openLinkNote}</p> : null}
      </section>
      <section aria-labelledby={questionsId}>
        <h2 id={questionsId}>{text.questionsTitle}</h2>
        {report.questions.map((question) => (
          <QuestionSection
            key={question.id}
            question={question}
            roundLabels={roundLabels}
            rounds={report.rounds}
            k={report.k}
            locale={locale}
            text={text}
            {...width}
          />
        ))}
      </section>
      {report.comparisons.map((comparison) => (
        <ComparisonSection
          key={`${comparison.baselineRoundId}/${comparison.followUpRoundId}`}
          report={report}
          comparison={comparison}
          locale={locale}
          text={text}
        />
      ))}
      <ReferralSection referrals={referrals} locale={locale} text={text} {...width} />
      <SuppressionNotes report={report} locale={locale} text={text} />
    </div>
  );
}
