/**
 * Calls `report` with the body's height whenever it changes (ResizeObserver on the
 * body), rounded up to whole pixels and only when different from the last report.
 */
export function watchHeight(document: Document, report: (height: number) => void): () => void {
  let last = -1;
  const measure = () => {
    const body = document.body;
    if (body === null) return;
    // The body's own box: the document's scrollHeight is never less than the iframe's viewport,
    // so it could grow the iframe but never shrink it again (e.g. on the thank-you page).
    const height = Math.ceil(body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    report(height);
  };
  const View = document.defaultView;
  if (View === null || typeof View.ResizeObserver !== "function") {
    measure();
    return () => {};
  }
  const observer = new View.ResizeObserver(measure);
  if (document.body !== null) observer.observe(document.body);
  measure();
  return () => observer.disconnect();
}
