/** The three browser engines the promise-carrying tests run in. */
export type EngineName = "chromium" | "firefox" | "webkit";

export const engineNames: readonly EngineName[] = ["chromium", "firefox", "webkit"];

/**
 * What a test finds an element by: a CSS selector, a role and accessible name as a user would
 * say it, or the exact visible text; `within` narrows any of them to a CSS scope.
 */
export type Target =
  | { readonly css: string; readonly within?: string }
  | { readonly role: TargetRole; readonly name: string; readonly within?: string }
  | { readonly text: string; readonly within?: string };

export type TargetRole = "button" | "checkbox" | "radio" | "textbox" | "link";

/** The keys a keyboard-only user moves through a form with. */
export type Key = "Tab" | "Enter" | "Space" | "ArrowDown" | "ArrowUp";

/** What the engine's automation can do; a test that needs more says so in its name. */
export interface EngineCapabilities {
  /** The network can be switched off for a context (`navigator.onLine`, events, failing fetch). */
  readonly offline: boolean;
}

/** What a test does in a document: a page's own, or an iframe's inside it. */
export interface EngineFrame {
  /** A real (trusted) click by the engine's input, on the element `target` finds. */
  click(target: Target): Promise<void>;
  /** Focuses the element and types `text` key by key, as a keyboard would. */
  type(target: Target, text: string): Promise<void>;
  /**
   * Runs `fn(arg)` in the document and returns its (awaited) result. `fn` is sent as source: it
   * may use nothing from the test's scope, and `arg` and the result must be JSON.
   */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /**
   * Polls `fn(arg)` in the document until it returns a truthy value, which it resolves to; a
   * ceiling (not a wait) of `timeoutMs` (15 s), after which it rejects naming `what`.
   */
  waitFor<A, R>(
    what: string,
    fn: (arg: A) => R | Promise<R>,
    arg: A,
    timeoutMs?: number,
  ): Promise<NonNullable<R>>;
}

/** A page (tab or window) in one engine, through the same small set of operations. */
export interface EnginePage extends EngineFrame {
  /** Loads `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Presses one key on the keyboard, wherever the focus is. */
  press(key: Key): Promise<void>;
  /**
   * The document of the iframe `selector` finds in this page, entered by the engine's own frame
   * switching (cross-origin too), looked up again on every call, so it follows the frame's loads.
   */
  frame(selector: string): EngineFrame;
  close(): Promise<void>;
}

/** One storage partition (its own IndexedDB, its own cookies) with its pages. */
export interface EngineContext {
  /** A new tab or window sharing this context's storage. */
  newPage(): Promise<EnginePage>;
  /** Only where `capabilities.offline`; otherwise it throws. */
  setOffline(offline: boolean): Promise<void>;
  close(): Promise<void>;
}

export interface ContextOptions {
  /**
   * A context as a user's everyday browser profile has it, not a private one (default false: the
   * driver's own). Chromium: a browser on a fresh profile directory, since its driver's contexts
   * are incognito, which blocks a cross-site iframe's storage; Firefox: the same as the default
   * (a BiDi user context is not private); WebKit: the same as the default (a WebDriver session's
   * own browser, not in private browsing).
   */
  readonly everydayProfile?: boolean;
}

export interface EngineBrowser {
  readonly engine: EngineName;
  readonly capabilities: EngineCapabilities;
  newContext(options?: ContextOptions): Promise<EngineContext>;
  close(): Promise<void>;
}
