import type { Texts } from "@klynge/engine";
import type { ReactElement } from "react";
import { type HeadingLevel, headingTag } from "../headingTag.js";

export interface TextListProps {
  readonly title: string;
  /** The round's texts as the report has them: shown (sorted), or withheld. */
  readonly texts: Texts;
  /** Said in place of the list when the texts are withheld; absent: a withheld list shows nothing. */
  readonly hiddenText?: string;
  /** The title's heading level; default 4 (under a question's h3). */
  readonly headingLevel?: HeadingLevel;
  /** The wrapper's class, so each app keeps its own look. */
  readonly className?: string;
}

/**
 * Written answers as text: React escapes them; they are never read as HTML. Nothing is drawn for
 * an empty list, nor for a withheld one unless `hiddenText` says why.
 */
export function TextList(props: TextListProps): ReactElement | null {
  const { title, texts, hiddenText, headingLevel = 4, className } = props;
  if (texts.status === "shown" && texts.items.length === 0) return null;
  if (texts.status !== "shown" && hiddenText === undefined) return null;
  const Heading = headingTag(headingLevel);
  return (
    <div className={className}>
      <Heading>{title}</Heading>
      {texts.status === "shown" ? (
        <ul>
          {texts.items.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: texts are sorted and may repeat
            <li key={i}>{item}</li>
          ))}
        </ul>
      ) : (
        <p>{hiddenText}</p>
      )}
    </div>
  );
}
