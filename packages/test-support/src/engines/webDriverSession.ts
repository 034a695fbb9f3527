/**
 * The handful of W3C WebDriver (classic) commands the WebKit pages need, over fetch: a session,
 * its windows, navigation, script, element click and keys. See CONTRIBUTING.md for why this and
 * not a client library.
 */
export class WebDriverSession {
  readonly #base: string;
  #window: string | undefined;
  /** Commands of two windows must not interleave: switching windows is session-wide. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(base: string) {
    this.#base = base;
  }

  static async create(driverUrl: string, capabilities: object): Promise<WebDriverSession> {
    const value = (await call(driverUrl, "POST", "/session", { capabilities })) as {
      sessionId: string;
    };
    return new WebDriverSession(`${driverUrl}/session/${value.sessionId}`);
  }

  /**
   * Runs `command` against `window`, switching to it first when another one is current; one
   * command at a time per session, so a page's script that awaits long holds up the others.
   */
  in<T>(window: string, command: () => Promise<T>): Promise<T> {
    const run = async () => {
      if (this.#window !== window) {
        await this.send("POST", "/window", { handle: window });
        this.#window = window;
      }
      return command();
    };
    const result = this.#queue.then(run, run);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs `command` inside the iframe `selector` finds in `window`'s top document (Switch To
   * Frame), and returns to the top document afterwards, so the window's other commands run there.
   */
  inFrame<T>(window: string, selector: string, command: () => Promise<T>): Promise<T> {
    return this.in(window, async () => {
      await this.send("POST", "/frame", { id: null });
      const iframe = await this.find(selector);
      await this.send("POST", "/frame", { id: { [elementKey]: iframe } });
      try {
        return await command();
      } finally {
        await this.send("POST", "/frame", { id: null });
      }
    });
  }

  async currentWindow(): Promise<string> {
    this.#window = (await this.send("GET", "/window")) as string;
    return this.#window;
  }

  async newWindow(): Promise<string> {
    const { handle } = (await this.send("POST", "/window/new", { type: "tab" })) as {
      handle: string;
    };
    return handle;
  }

  async closeWindow(window: string): Promise<void> {
    await this.in(window, async () => {
      await this.send("DELETE", "/window");
      this.#window = undefined;
    });
  }

  /** An element by CSS selector, as WebDriver's element reference. */
  async find(selector: string): Promise<string> {
    const value = (await this.send("POST", "/element", {
      using: "css selector",
      value: selector,
    })) as Record<string, string>;
    const reference = value[elementKey] ?? Object.values(value)[0];
    if (reference === undefined) throw new Error(`webdriver: no element reference for ${selector}`);
    return reference;
  }

  send(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown> {
    return call(this.#base, method, path, body);
  }

  async delete(): Promise<void> {
    await call(this.#base, "DELETE", "", undefined);
  }
}

/** The key of a web element reference in W3C WebDriver's JSON. */
export const elementKey = "element-6066-11e4-a52e-4f735466cecf";

async function call(base: string, method: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json; charset=utf-8" },
    ...(method === "POST" ? { body: JSON.stringify(body ?? {}) } : {}),
  });
  const reply = (await response.json()) as {
    value: { error?: string; message?: string } | unknown;
  };
  if (!response.ok) {
    const value = reply.value as { error?: string; message?: string };
    throw new Error(
      `webdriver ${method} ${path}: ${value.error ?? response.status}: ${value.message ?? ""}`,
    );
  }
  return reply.value;
}
