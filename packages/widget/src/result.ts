/**
 * The engine's result shape, `{ success: true, data } | { success: false, issues }`, over the
 * widget's own issue types. A failure carries at least one issue: it always says why.
 */
export type Result<T, I> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly issues: readonly [I, ...I[]] };
