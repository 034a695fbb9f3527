import { offstageClass, prerenderIds } from "../embed/prerenderIds.js";

/** The frame page's React root, as `frame/index.html` has it. */
const emptyRoot = `<div id="${prerenderIds.root}"></div>`;

/** JSON that cannot end its `<script>` element nor open a comment, whatever strings it holds. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * With the first page in the HTML, nothing on it waits for the scripts, but a phone's link is
 * shared: the stylesheets go first in the head (Vite writes the entry script and its preloads
 * before them) and the scripts are fetched at low priority, so the 320 KiB of React and SurveyJS
 * do not hold up the CSS the first paint needs.
 */
function stylesFirst(page: string): string {
  // The head only: the body holds the first page and the round document.
  const end = page.indexOf("</head>");
  if (end < 0) return page;
  const html = page.slice(0, end);
  const styles = html.match(/<link rel="stylesheet"[^>]*>\s*/g) ?? [];
  let rest = html;
  for (const style of styles) rest = rest.replace(style, "");
  const at = rest.search(/<script type="module"|<link rel="modulepreload"/);
  if (styles.length === 0 || at < 0) return page;
  const scriptsLow = rest
    .slice(at)
    .replace(
      /<script type="module"(?![^>]*fetchpriority)/g,
      '<script type="module" fetchpriority="low"',
    )
    .replace(
      /<link rel="modulepreload"(?![^>]*fetchpriority)/g,
      '<link rel="modulepreload" fetchpriority="low"',
    );
  return rest.slice(0, at) + styles.join("") + scriptsLow + page.slice(end);
}

/** The filled page, and the inline scripts in it, for the CSP's `script-src` (by hash). */
export interface FilledFramePage {
  readonly html: string;
  /** Each inline script's text, exactly as in the page: hash it (`'sha256-…'`) for the CSP. */
  readonly inlineScripts: readonly string[];
}

/** An inline script must not end its element early nor open a comment in it. */
const unsafeInScript = /<\/script|<!--/i;

/**
 * The built frame page (`dist/frame/index.html`) with the round document embedded and the first
 * page (`renderFirstPage`) in place, the React root laid out off-stage until it takes over; its
 * stylesheets before its scripts, which are fetched at low priority (`stylesFirst`). With
 * `earlySave` (the built `early-save.js`), that script is inlined after the first page, so the page
 * saves what is answered in it before the bundle arrives; the server allows it by its hash.
 * Undefined when the page has no empty root to fill (a page built otherwise): serve it as it is.
 */
export function fillFramePage(
  indexHtml: string,
  roundDocument: unknown,
  firstPage: string,
  earlySave?: string,
): FilledFramePage | undefined {
  const at = indexHtml.indexOf(emptyRoot);
  if (at < 0) return undefined;
  if (earlySave !== undefined && unsafeInScript.test(earlySave)) {
    throw new Error("fillFramePage: the early-save script would end its <script> element");
  }
  const inlineScripts = earlySave === undefined ? [] : [earlySave];
  const filled =
    `<div id="${prerenderIds.container}">${firstPage}</div>` +
    `<div id="${prerenderIds.root}" class="${offstageClass}"></div>` +
    `<script type="application/json" id="${prerenderIds.round}">${scriptSafeJson(roundDocument)}</script>` +
    inlineScripts.map((script) => `<script>${script}</script>`).join("");
  return {
    html: stylesFirst(indexHtml.slice(0, at) + filled + indexHtml.slice(at + emptyRoot.length)),
    inlineScripts,
  };
}
