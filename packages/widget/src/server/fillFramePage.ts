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
 * The built frame page (`dist/frame/index.html`) with the round document embedded and the first
 * page (`renderFirstPage`) in place, the React root laid out off-stage until it takes over.
 * Undefined when the page has no empty root to fill (a page built otherwise): serve it as it is.
 */
export function fillFramePage(
  indexHtml: string,
  roundDocument: unknown,
  firstPage: string,
): string | undefined {
  const at = indexHtml.indexOf(emptyRoot);
  if (at < 0) return undefined;
  const filled =
    `<div id="${prerenderIds.container}">${firstPage}</div>` +
    `<div id="${prerenderIds.root}" class="${offstageClass}"></div>` +
    `<script type="application/json" id="${prerenderIds.round}">${scriptSafeJson(roundDocument)}</script>`;
  return indexHtml.slice(0, at) + filled + indexHtml.slice(at + emptyRoot.length);
}
