import type { QuestionnaireVersion } from "@klynge/engine";
import type { ReactElement } from "react";
import { type Locale, messages } from "../messages.js";
import type { StorageKept } from "../storage/storageKept.js";
import { estimateMinutes } from "./estimateMinutes.js";

export interface IntroSummaryProps {
  readonly version: QuestionnaireVersion;
  readonly locale: Locale;
  /** The cluster's anonymity threshold, when known. */
  readonly k?: number;
  /** A personal invitation; undefined when not known yet (the server-rendered page). */
  readonly invited?: boolean;
  /** Where answers are kept; default "device". */
  readonly kept?: StorageKept;
}

/**
 * The intro in one line above the first question, the rest folded away: the question is visible
 * on a phone at once and costs no "Begynd" click. The server renders it too (`renderFirstPage`).
 */
export function IntroSummary(props: IntroSummaryProps): ReactElement {
  const text = messages[props.locale].intro;
  const questions = props.version.questionnaire.questions.length;
  return (
    <section className="klynge-survey__summary" aria-label={text.title}>
      <p>{text.glance(estimateMinutes(props.version), questions)}</p>
      <details>
        <summary>{text.about}</summary>
        <ul>
          <li>{text.time(estimateMinutes(props.version), questions)}</li>
          <li>{text.results(props.k)}</li>
          <li>
            {props.invited === undefined ? text.coordinatorEither : text.coordinator(props.invited)}
          </li>
          <li>{text.anonymous}</li>
          <li>{props.kept === "memory" ? text.pauseMemory : text.pause}</li>
        </ul>
      </details>
    </section>
  );
}
