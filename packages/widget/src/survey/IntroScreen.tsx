import type { QuestionnaireVersion } from "@klynge/engine";
import { type ReactElement, useId } from "react";
import { type Locale, messages } from "../messages.js";
import type { StorageKept } from "../storage/storageKept.js";
import { estimateMinutes } from "./estimateMinutes.js";

/** What the intro needs beyond the questionnaire. */
export interface IntroOptions {
  /** The cluster's anonymity threshold (the round document's `k`); without it no number is said. */
  readonly k?: number;
  /**
   * One line above the first question with the rest folded away (`IntroSummary`), instead of a
   * screen with a "Begynd" button before it. Default false.
   */
  readonly compact?: boolean;
}

export interface IntroScreenProps extends Omit<IntroOptions, "compact"> {
  readonly version: QuestionnaireVersion;
  readonly locale: Locale;
  /** A personal invitation: the coordinator sees who has not answered (not what). */
  readonly invited: boolean;
  readonly onStart: () => void;
  /** Where answers are kept; default "device". */
  readonly kept?: StorageKept;
}

/** Before the first question: how long it takes, what is shown to whom, and that it is anonymous. */
export function IntroScreen(props: IntroScreenProps): ReactElement {
  const text = messages[props.locale].intro;
  const titleId = useId();
  const questions = props.version.questionnaire.questions.length;
  return (
    <section className="klynge-survey__intro" aria-labelledby={titleId}>
      <h2 id={titleId}>{text.title}</h2>
      <ul>
        <li>{text.time(estimateMinutes(props.version), questions)}</li>
        <li>{text.results(props.k)}</li>
        <li>{text.coordinator(props.invited)}</li>
        <li>{text.anonymous}</li>
        <li>{props.kept === "memory" ? text.pauseMemory : text.pause}</li>
      </ul>
      <button type="button" className="klynge-survey__button" onClick={props.onStart}>
        {text.start}
      </button>
    </section>
  );
}
