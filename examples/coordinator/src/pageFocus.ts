import { createContext } from "react";

/**
 * After a navigation, focus goes to the new page's heading (screen readers then read where they
 * are). A flag, not an effect on the route: the heading of a page loaded later takes it on mount,
 * and a re-render for another reason (a new cluster picked) does not move focus.
 */
export interface PageFocus {
  request(): void;
  /** True once after each `request()`. */
  take(): boolean;
}

export function createPageFocus(): PageFocus {
  let pending = false;
  return {
    request() {
      pending = true;
    },
    take() {
      const was = pending;
      pending = false;
      return was;
    },
  };
}

export const PageFocusContext = createContext<PageFocus | null>(null);
