/**
 * The data of a successful result, for fixtures and arrange steps; a failure throws with its
 * issues, since a fixture that does not parse is a broken test, not a case under test.
 */
export function unwrap<T>(
  result:
    | { readonly success: true; readonly data: T }
    | { readonly success: false; readonly issues: unknown },
): T {
  if (!result.success)
    throw new Error(`expected success, got ${JSON.stringify(result.issues, null, 2)}`);
  return result.data;
}
