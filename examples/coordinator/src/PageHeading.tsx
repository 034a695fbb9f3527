import { type ReactElement, type ReactNode, useContext, useEffect, useRef } from "react";
import { PageFocusContext } from "./pageFocus.js";

export interface PageHeadingProps {
  readonly id: string;
  readonly children: ReactNode;
}

/** A page's `h2`; it takes the focus after a navigation (see `pageFocus.ts`). */
export function PageHeading(props: PageHeadingProps): ReactElement {
  const focus = useContext(PageFocusContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus?.take() === true) ref.current?.focus();
  });
  return (
    <h2 id={props.id} ref={ref} tabIndex={-1} className="coordinator-page-heading">
      {props.children}
    </h2>
  );
}
