import type { ReactElement, ReactNode } from "react";

export interface ScrollBoxProps {
  /** What the box holds, read out when it gets the focus. */
  readonly label: string;
  readonly children: ReactNode;
}

/**
 * A wide table's own horizontal scroll on a phone: focusable and named, so it scrolls from the
 * keyboard too (axe: scrollable-region-focusable).
 */
export function ScrollBox(props: ScrollBoxProps): ReactElement {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the focus to scroll by keyboard
    <section className="coordinator-scroll" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  );
}
