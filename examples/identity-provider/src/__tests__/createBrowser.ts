// A tiny user agent for the tests: a cookie jar for one origin and manual redirects, so every
// hop of the OpenID Connect flow can be looked at.

interface StoredCookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
  readonly expiresAt: number;
}

export type Landing =
  | {
      readonly kind: "page";
      readonly url: string;
      readonly status: number;
      readonly html: string;
      readonly response: Response;
    }
  | { readonly kind: "redirect"; readonly url: URL };

export interface Browser {
  request(url: string, init?: RequestInit): Promise<Response>;
  /** GETs `url` and follows redirects until a page, or until a redirect leaves for `stopAt`. */
  follow(url: string, stopAt: string): Promise<Landing>;
  /** Follows the response of a request made with `request` in the same way. */
  followResponse(response: Response, url: string, stopAt: string): Promise<Landing>;
  cookieNames(): string[];
}

function defaultPath(url: URL): string {
  const slash = url.pathname.lastIndexOf("/");
  return slash <= 0 ? "/" : url.pathname.slice(0, slash);
}

function parseSetCookie(header: string, url: URL, now: number): StoredCookie {
  const [pair = "", ...attributes] = header.split(";");
  const equals = pair.indexOf("=");
  const name = pair.slice(0, equals).trim();
  const value = pair.slice(equals + 1).trim();
  let path = defaultPath(url);
  let expiresAt = Number.POSITIVE_INFINITY;
  for (const attribute of attributes) {
    const [key = "", ...rest] = attribute.trim().split("=");
    const attributeValue = rest.join("=");
    switch (key.toLowerCase()) {
      case "path":
        path = attributeValue;
        break;
      case "expires":
        expiresAt = Math.min(expiresAt, Date.parse(attributeValue));
        break;
      case "max-age":
        expiresAt = Math.min(expiresAt, now + Number(attributeValue) * 1000);
        break;
    }
  }
  return { name, value, path, expiresAt };
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return (
    requestPath === cookiePath ||
    (requestPath.startsWith(cookiePath) &&
      (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length) === "/"))
  );
}

export function createBrowser(): Browser {
  const jar = new Map<string, StoredCookie>();

  function cookieHeader(url: URL): string {
    const now = Date.now();
    return [...jar.values()]
      .filter((cookie) => cookie.expiresAt > now && pathMatches(url.pathname, cookie.path))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
  }

  function store(response: Response, url: URL): void {
    const now = Date.now();
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header, url, now);
      const key = `${cookie.name};${cookie.path}`;
      if (cookie.expiresAt <= now) jar.delete(key);
      else jar.set(key, cookie);
    }
  }

  async function request(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    const headers = new Headers(init.headers);
    const cookies = cookieHeader(target);
    if (cookies !== "") headers.set("cookie", cookies);
    const response = await fetch(target, { ...init, headers, redirect: "manual" });
    store(response, target);
    return response;
  }

  async function followResponse(
    first: Response,
    firstUrl: string,
    stopAt: string,
  ): Promise<Landing> {
    let response = first;
    let url = firstUrl;
    for (let hops = 0; hops < 20; hops += 1) {
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || location === null) {
        return {
          kind: "page",
          url,
          status: response.status,
          html: await response.text(),
          response,
        };
      }
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.href.startsWith(stopAt)) return { kind: "redirect", url: next };
      url = next.href;
      response = await request(url);
    }
    throw new Error(`More than 20 redirects, the last to ${url}`);
  }

  return {
    request,
    followResponse,
    async follow(url, stopAt) {
      return followResponse(await request(url), url, stopAt);
    },
    cookieNames: () => [...new Set([...jar.values()].map((cookie) => cookie.name))],
  };
}
