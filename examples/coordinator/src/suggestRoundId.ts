/**
 * A round id for the cluster and the month, e.g. "klynge-syd" in March 2027 → "klynge-syd.2027-03";
 * "klynge-syd.2027-03-2" when that one is `taken`. Always begins with the cluster's id and a dot,
 * as the collector requires.
 */
export function suggestRoundId(
  clusterId: string,
  date: Date,
  taken: readonly string[] = [],
): string {
  const month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
  const used = new Set(taken);
  let id = `${clusterId}.${month}`;
  for (let n = 2; used.has(id); n++) id = `${clusterId}.${month}-${n}`;
  return id;
}
