import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from "idb";
import type { DraftRecord, OutboxRecord, QuarantineRecord, SentRecord } from "./records.js";

/** Raise with a new `KlyngeDBvN` interface and a new step in `upgradeKlyngeDB`. */
export const DB_VERSION = 3;

/** Drafts and outbox records as versions 1 and 2 of the database stored them (record version 1). */
type DraftRecordV1 = Omit<DraftRecord, "schemaVersion" | "pass"> & { schemaVersion: 1 };
type OutboxRecordV1 = Omit<OutboxRecord, "schemaVersion" | "pass"> & { schemaVersion: 1 };

/**
 * Schema version 1. Values are typed as written; what is read back is treated as `unknown`
 * until the record schemas accept it.
 */
export interface KlyngeDBv1 extends DBSchema {
  drafts: {
    key: string;
    value: DraftRecordV1;
    indexes: { byRound: string };
  };
  outbox: {
    /** The response id (key path `response.id`). */
    key: string;
    value: OutboxRecordV1;
    indexes: { byState: OutboxRecord["state"] };
  };
  quarantine: {
    key: number;
    value: QuarantineRecord;
  };
}

/** Version 2 adds `sent`: acknowledged responses, kept only by stores opened with `keepSent`. */
export interface KlyngeDBv2 extends KlyngeDBv1 {
  sent: {
    /** The response id (key path `response.id`). */
    key: string;
    value: SentRecord;
    indexes: { byRound: string };
  };
}

/**
 * Version 3: drafts and outbox records are record version 2, which may carry the respondent's
 * credential (`pass`). The upgrade rewrites version-1 records, so one shape is read; the version
 * bump keeps older code (whose strict schemas would quarantine a record with a `pass`) out.
 */
export interface KlyngeDBv3 extends DBSchema {
  drafts: {
    key: string;
    value: DraftRecord;
    indexes: { byRound: string };
  };
  outbox: {
    key: string;
    value: OutboxRecord;
    indexes: { byState: OutboxRecord["state"] };
  };
  quarantine: KlyngeDBv2["quarantine"];
  sent: KlyngeDBv2["sent"];
}

/** The schema the code runs against today. */
export type KlyngeDB = KlyngeDBv3;

export type StoreName = "drafts" | "outbox" | "quarantine" | "sent";

type UpgradeTx = IDBPTransaction<KlyngeDB, StoreNames<KlyngeDB>[], "versionchange">;

/**
 * Brings a database from `oldVersion` up to `DB_VERSION`, in the `versionchange` transaction
 * `tx`: each step from the database's version onwards runs once, in order; a new version adds its
 * step below. Resolves when the steps' requests are done; a failure aborts the upgrade.
 */
export async function upgradeKlyngeDB(
  db: IDBPDatabase<KlyngeDB>,
  oldVersion: number,
  tx: UpgradeTx,
): Promise<void> {
  if (oldVersion < 1) {
    const drafts = db.createObjectStore("drafts", { keyPath: "responseId" });
    drafts.createIndex("byRound", "roundId");
    const outbox = db.createObjectStore("outbox", { keyPath: "response.id" });
    outbox.createIndex("byState", "state");
    db.createObjectStore("quarantine", { autoIncrement: true });
  }
  if (oldVersion < 2) {
    const sent = db.createObjectStore("sent", { keyPath: "response.id" });
    sent.createIndex("byRound", "response.roundId");
  }
  if (oldVersion < 3) {
    await toRecordVersion2(tx, "drafts");
    await toRecordVersion2(tx, "outbox");
  }
}

/**
 * Version-1 records become version 2 (no credential: they were made before there were any).
 * Anything else is left as it is, to be quarantined when read.
 */
async function toRecordVersion2(tx: UpgradeTx, store: "drafts" | "outbox"): Promise<void> {
  let cursor = await tx.objectStore(store).openCursor();
  while (cursor !== null) {
    const value: unknown = cursor.value;
    if (typeof value === "object" && value !== null && "schemaVersion" in value) {
      if (value.schemaVersion === 1) await cursor.update({ ...cursor.value, schemaVersion: 2 });
    }
    cursor = await cursor.continue();
  }
}
