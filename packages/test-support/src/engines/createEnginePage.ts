import type { EnginePage, Key, Target } from "./engine.js";
import { type MarkResult, markTarget } from "./markTarget.js";

/** The few things each engine's driver does its own way; the rest of a page is written once. */
export interface PagePrimitives {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Evaluates a JavaScript expression in the page; a promise it yields is awaited. */
  evaluateExpression(expression: string): Promise<unknown>;
  clickSelector(selector: string): Promise<void>;
  typeInto(selector: string, text: string): Promise<void>;
  press(key: Key): Promise<void>;
  close(): Promise<void>;
}

/** What Playwright's and Puppeteer's pages both offer, enough for the primitives. */
export interface AutomatedPage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  evaluate(expression: string): Promise<unknown>;
  click(selector: string): Promise<void>;
  close(): Promise<void>;
  readonly keyboard: { press(key: Exclude<Key, "Space"> | " "): Promise<void> };
}

/** The primitives of a Playwright or Puppeteer page; only typing differs between the two. */
export function automatedPagePrimitives(
  page: AutomatedPage,
  typeInto: (selector: string, text: string) => Promise<void>,
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
    typeInto,
    // Puppeteer's BiDi keyboard knows the space bar only as " "; Playwright takes both.
    press: (key) => page.keyboard.press(key === "Space" ? " " : key),
    close: () => page.close(),
  };
}

const defaultCeilingMs = 15_000;
/** Between two looks at the page's state: how often to ask, not how long to wait. */
const pollEveryMs = 50;

function describeTarget(target: Target): string {
  return JSON.stringify(target);
}

/** An `EnginePage` over an engine's primitives: finding, waiting and evaluating, once. */
export function createEnginePage(primitives: PagePrimitives): EnginePage {
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
    goto: (url) => primitives.goto(url),
    reload: () => primitives.reload(),
    async click(target) {
      await primitives.clickSelector(await selectorOf(target));
    },
    async type(target, text) {
      await primitives.typeInto(await selectorOf(target), text);
    },
    press: (key) => primitives.press(key),
    evaluate,
    waitFor,
    close: () => primitives.close(),
  };
}
