import type { ContextOptions, EngineBrowser, EngineContext, EngineName } from "./engine.js";
import { launchEngine } from "./launchEngine.js";

/** One engine for a suite of tests: launched once, its contexts closed after each test. */
export interface HeldEngine {
  /** The launched browser; throws before `launch`. */
  readonly browser: EngineBrowser;
  launch(): Promise<EngineBrowser>;
  /** A context closed by the next `closeContexts`. */
  newContext(options?: ContextOptions): Promise<EngineContext>;
  closeContexts(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A suite's hold on `engine`, for its hooks: `beforeAll(held.launch)`, `afterEach(held.closeContexts)`,
 * `afterAll(held.close)`.
 */
export function holdEngine(engine: EngineName): HeldEngine {
  let launched: EngineBrowser | undefined;
  const contexts: EngineContext[] = [];
  const browser = (): EngineBrowser => {
    if (launched === undefined) throw new Error(`${engine}: launch() before using the browser`);
    return launched;
  };
  return {
    get browser() {
      return browser();
    },
    async launch() {
      launched = await launchEngine(engine);
      return launched;
    },
    async newContext(options) {
      const context = await browser().newContext(options);
      contexts.push(context);
      return context;
    },
    async closeContexts() {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    async close() {
      await launched?.close();
      launched = undefined;
    },
  };
}
