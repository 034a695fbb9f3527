/**
 * Reads `name` from the page's URL fragment (`#invitation=…`, also among other `&`-separated
 * parts) and removes it from the address bar with `history.replaceState`, keeping the rest of the
 * fragment and `history.state`. A fragment never reaches a server or a Referer header; removing it
 * keeps it out of bookmarks, screenshots and the history list too. Undefined when absent.
 */
export function takeFragmentToken(name: string, win: Window = window): string | undefined {
  const hash = win.location.hash.replace(/^#/, "");
  if (hash === "") return undefined;
  const parts = hash.split("&");
  const prefix = `${name}=`;
  const found = parts.find((part) => part.startsWith(prefix));
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
  try {
    return decodeURIComponent(found.slice(prefix.length));
  } catch {
    return found.slice(prefix.length);
  }
}
