/** Issues sorted by a key, in the order found, and those without one. */
export interface GroupedIssues<K, I> {
  readonly groups: ReadonlyMap<K, readonly I[]>;
  readonly rest: readonly I[];
}

/**
 * Groups issues by where they are to be shown (a question, a field), as zod's `flattenError`
 * groups by key: `keyOf` reads the key from the issue's path and gives `undefined` for the rest.
 */
export function groupIssues<I, K>(
  issues: readonly I[],
  keyOf: (issue: I) => K | undefined,
): GroupedIssues<K, I> {
  const groups = new Map<K, I[]>();
  const rest: I[] = [];
  for (const issue of issues) {
    const key = keyOf(issue);
    if (key === undefined) rest.push(issue);
    else {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [issue]);
      else group.push(issue);
    }
  }
  return { groups, rest };
}
