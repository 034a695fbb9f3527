import type { Comparison, Report } from "@klynge/engine";
import { localize } from "@klynge/engine";
import { changeCells, comparisonView } from "@klynge/widget/report";
import { type ReactElement, useId } from "react";
import type { CoordinatorMessages, Locale } from "../messages.js";
import { ScrollBox } from "./ScrollBox.js";

export interface ComparisonSectionProps {
  readonly report: Report;
  readonly comparison: Comparison;
  readonly locale: Locale;
  readonly text: CoordinatorMessages;
}

/** Baseline against follow-up, per question: the engine's change, or why there is none. */
export function ComparisonSection(props: ComparisonSectionProps): ReactElement {
  const { report, comparison, locale, text } = props;
  const view = comparisonView(report, comparison);
  const titleId = useId();
  return (
    <section className="coordinator-comparison" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.comparisonTitle(view.baseline, view.followUp)}</h2>
      <p>{text.comparisonIntro}</p>
      {view.added > 0 ? <p>{text.addedQuestions(view.added)}</p> : null}
      {view.removed > 0 ? <p>{text.removedQuestions(view.removed)}</p> : null}
      {view.questions.map((question) => {
        const title = localize(question.text, locale);
        return (
          <div key={question.id} className="coordinator-group">
            <h3 lang={title.lang}>{title.text}</h3>
            {!question.comparable ? (
              <p>{text.notComparable}</p>
            ) : (
              <ScrollBox
                label={`${text.comparisonTitle(view.baseline, view.followUp)}: ${title.text}`}
              >
                <table className="coordinator-table">
                  <caption className="coordinator-visually-hidden">
                    {text.comparisonTitle(view.baseline, view.followUp)}: {title.text}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{text.option}</th>
                      <th scope="col" className="coordinator-number">
                        {view.baseline}
                      </th>
                      <th scope="col" className="coordinator-number">
                        {view.followUp}
                      </th>
                      <th scope="col" className="coordinator-number">
                        {text.comparisonChange}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {question.lines.map((line) => {
                      const cells = changeCells(line, locale, text, report.k);
                      return (
                        <tr key={line.key}>
                          <th scope="row">{cells.label}</th>
                          <td className="coordinator-number">{cells.baseline}</td>
                          <td className="coordinator-number">{cells.followUp}</td>
                          <td className="coordinator-number">
                            {cells.why === undefined ? (
                              cells.change
                            ) : (
                              <>
                                {cells.change}
                                <span className="coordinator-why">{cells.why}</span>
                              </>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollBox>
            )}
          </div>
        );
      })}
    </section>
  );
}
