import type { QuarantineRecord, StoredIssue } from "./records.js";
import type { WriteTx } from "./writeTransaction.js";

/** Within `tx` (which must include "quarantine"), moves a record that failed its schema aside. */
export async function moveToQuarantine(
  tx: WriteTx,
  store: QuarantineRecord["store"],
  key: IDBValidKey,
  raw: unknown,
  issues: readonly StoredIssue[],
  at: string,
): Promise<void> {
  const record: QuarantineRecord = { store, key, raw, issues: [...issues], at };
  await tx.objectStore("quarantine").add(record);
  await tx.objectStore(store).delete(key as string);
}
