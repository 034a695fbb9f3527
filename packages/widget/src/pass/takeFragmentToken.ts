/**
 * Reads `name` from the page's URL fragment (`#invitation=…`, also among other `&`-separated
 * parts) and removes it from the address bar with `history.replaceState`, keeping the rest of the
 * fragment and `history.state`. A fragment never reaches a server or a Referer header; removing it
 * keeps it out of bookmarks, screenshots and the history list too. Undefined when absent.
 */
export function takeFragmentToken(name: string, win: Window = window): string | undefined {
  const { parts, prefix, found } = fragmentPart(name, win);
  if (found === undefined) return undefined;
  const rest = parts.filter((part) => !part.startsWith(prefix)).join("&");
  const url = new URL(win.location.href);
  url.hash = rest;
  try {
    // A bare "#" would be left by `url.hash = ""`; the string without it is the same page.
    const href = rest === "" ? url.href.replace(/#$/, "") : url.href;
    win.history.replaceState(win.history.state, "", href);
  } catch {
    // A sandboxed document may refuse; the token is still read.
  }
  return decoded(found.slice(prefix.length));
}

function fragmentPart(name: string, win: Window) {
  const hash = win.location.hash.replace(/^#/, "");
  const parts = hash === "" ? [] : hash.split("&");
  const prefix = `${name}=`;
  return { parts, prefix, found: parts.find((part) => part.startsWith(prefix)) };
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `name` from the page's URL fragment, as `takeFragmentToken` reads it, left in place. */
export function readFragmentToken(name: string, win: Window = window): string | undefined {
  const { prefix, found } = fragmentPart(name, win);
  return found === undefined ? undefined : decoded(found.slice(prefix.length));
}
