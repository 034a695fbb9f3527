import { type ReactElement, type Ref, useId } from "react";
import { headingTag } from "../headingTag.js";
import type { SummaryEntry } from "./editorErrors.js";

export interface ErrorSummaryProps {
  readonly entries: readonly SummaryEntry[];
  readonly heading: string;
  readonly headingLevel: number;
  /** The DOM id of the control an entry links to. */
  readonly targetId: (entry: SummaryEntry) => string;
  /** Moves the focus to an entry's control (or, when it has none, to its question). */
  readonly onFollow: (entry: SummaryEntry) => void;
  /** Takes the focus on a refused "Udgiv". */
  readonly summaryRef?: Ref<HTMLDivElement>;
}

/**
 * The GOV.UK error summary: "Der er et problem" and a link per error that moves the focus to its
 * field (opening the fold it may sit in), so a keyboard or screen reader user goes straight there.
 */
export function ErrorSummary(props: ErrorSummaryProps): ReactElement | null {
  const { entries, heading, targetId, summaryRef, onFollow } = props;
  const headingId = useId();
  const Heading = headingTag(props.headingLevel);
  if (entries.length === 0) return null;
  return (
    <div
      className="klynge-editor__summary"
      ref={summaryRef}
      tabIndex={-1}
      aria-labelledby={headingId}
      role="alert"
    >
      <Heading id={headingId} className="klynge-editor__summary-title">
        {heading}
      </Heading>
      <ul>
        {entries.map((entry) => {
          const id = targetId(entry);
          return (
            <li key={`${id} ${entry.text}`}>
              <a
                href={`#${id}`}
                onClick={(event) => {
                  event.preventDefault();
                  onFollow(entry);
                }}
              >
                {entry.text}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Focuses a field, first opening a closed `<details>` around it. */
export function focusField(target: HTMLElement): void {
  const fold = target.closest("details");
  if (fold !== null) fold.open = true;
  target.focus();
}
