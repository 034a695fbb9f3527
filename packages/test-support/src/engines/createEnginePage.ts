import type { EngineFrame, EnginePage, Key, Target } from "./engine.js";
import { type MarkResult, markTarget } from "./markTarget.js";

/** What each engine's driver does its own way in one document (a page's or an iframe's). */
export interface FramePrimitives {
  /** Evaluates a JavaScript expression in the document; a promise it yields is awaited. */
  evaluateExpression(expression: string): Promise<unknown>;
  clickSelector(selector: string): Promise<void>;
  typeInto(selector: string, text: string): Promise<void>;
}

/** The few things each engine's driver does its own way; the rest of a page is written once. */
export interface PagePrimitives extends FramePrimitives {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  press(key: Key): Promise<void>;
  /** The primitives inside the iframe `selector` finds in the page. */
  frame(selector: string): FramePrimitives;
  close(): Promise<void>;
}

/** What Playwright's and Puppeteer's frames both offer. */
export interface AutomatedFrame {
  evaluate(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
}

/** What Playwright's and Puppeteer's pages both offer, enough for the primitives. */
export interface AutomatedPage extends AutomatedFrame {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  readonly keyboard: { press(key: Exclude<Key, "Space"> | " "): Promise<void> };
}

/** How one driver types into a page or frame, and finds the frame of an iframe element. */
export interface AutomatedDriver<F extends AutomatedFrame> {
  typeInto(frame: F, selector: string, text: string): Promise<void>;
  /** The frame whose document the iframe `selector` finds shows now. */
  contentFrame(selector: string): Promise<F>;
}

/** The primitives of a Playwright or Puppeteer page; typing and frames differ between the two. */
export function automatedPagePrimitives<F extends AutomatedFrame>(
  page: AutomatedPage & F,
  driver: AutomatedDriver<F>,
): PagePrimitives {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    reload: async () => {
      await page.reload();
    },
    evaluateExpression: (expression) => page.evaluate(expression),
    clickSelector: (selector) => page.click(selector),
    typeInto: (selector, text) => driver.typeInto(page, selector, text),
    // Puppeteer's BiDi keyboard knows the space bar only as " "; Playwright takes both.
    press: (key) => page.keyboard.press(key === "Space" ? " " : key),
    frame: (iframe) => ({
      evaluateExpression: async (expression) =>
        (await driver.contentFrame(iframe)).evaluate(expression),
      clickSelector: async (selector) => (await driver.contentFrame(iframe)).click(selector),
      typeInto: async (selector, text) =>
        driver.typeInto(await driver.contentFrame(iframe), selector, text),
    }),
    close: () => page.close(),
  };
}

const defaultCeilingMs = 15_000;
/** Between two looks at the page's state: how often to ask, not how long to wait. */
const pollEveryMs = 50;

function describeTarget(target: Target): string {
  return JSON.stringify(target);
}

/** An `EngineFrame` over an engine's primitives: finding, waiting and evaluating, once. */
function createEngineFrame(primitives: FramePrimitives): EngineFrame {
  async function evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const argument = arg === undefined ? "undefined" : JSON.stringify(arg);
    return (await primitives.evaluateExpression(`(${fn.toString()})(${argument})`)) as R;
  }

  async function waitFor<A, R>(
    what: string,
    fn: (arg: A) => R | Promise<R>,
    arg: A,
    timeoutMs = defaultCeilingMs,
  ): Promise<NonNullable<R>> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await evaluate(fn, arg);
        if (value) return value as NonNullable<R>;
        lastError = undefined;
      } catch (error) {
        // A navigation in flight destroys the context the expression ran in; ask again.
        lastError = error;
      }
      if (Date.now() > deadline) {
        const cause = lastError === undefined ? "" : ` (last error: ${String(lastError)})`;
        throw new Error(`waited ${timeoutMs} ms for ${what}${cause}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
    }
  }

  async function selectorOf(target: Target): Promise<string> {
    const found = await waitFor<Target, MarkResult>(
      `the element ${describeTarget(target)}`,
      markTarget,
      target,
    );
    if ("ambiguous" in found) {
      throw new Error(`${found.ambiguous} elements match ${describeTarget(target)}; narrow it`);
    }
    return found.selector;
  }

  return {
    async click(target) {
      await primitives.clickSelector(await selectorOf(target));
    },
    async type(target, text) {
      await primitives.typeInto(await selectorOf(target), text);
    },
    evaluate,
    waitFor,
  };
}

/** An `EnginePage` over an engine's primitives; its iframes are `EngineFrame`s of their own. */
export function createEnginePage(primitives: PagePrimitives): EnginePage {
  return {
    ...createEngineFrame(primitives),
    goto: (url) => primitives.goto(url),
    reload: () => primitives.reload(),
    press: (key) => primitives.press(key),
    frame: (selector) => createEngineFrame(primitives.frame(selector)),
    close: () => primitives.close(),
  };
}
