import type { DBSchema, IDBPDatabase } from "idb";
import type { DraftRecord, OutboxRecord, QuarantineRecord } from "./records.js";

/** Raise with a new `KlyngeDBvN` interface and a new `case` in `upgradeKlyngeDB`. */
export const DB_VERSION = 1;

/**
 * Schema version 1. Values are typed as written; what is read back is treated as `unknown`
 * until the record schemas accept it.
 */
export interface KlyngeDBv1 extends DBSchema {
  drafts: {
    key: string;
    value: DraftRecord;
    indexes: { byRound: string };
  };
  outbox: {
    /** The response id (key path `response.id`). */
    key: string;
    value: OutboxRecord;
    indexes: { byState: OutboxRecord["state"] };
  };
  quarantine: {
    key: number;
    value: QuarantineRecord;
  };
}

/** The schema the code runs against today. */
export type KlyngeDB = KlyngeDBv1;

export type StoreName = "drafts" | "outbox" | "quarantine";

/**
 * Brings a database from `oldVersion` up to `DB_VERSION`. Cases fall through, so each step from
 * the database's version onwards runs once, in order; a new version adds its `case` below.
 */
export function upgradeKlyngeDB(db: IDBPDatabase<KlyngeDB>, oldVersion: number): void {
  switch (oldVersion) {
    case 0: {
      const drafts = db.createObjectStore("drafts", { keyPath: "responseId" });
      drafts.createIndex("byRound", "roundId");
      const outbox = db.createObjectStore("outbox", { keyPath: "response.id" });
      outbox.createIndex("byState", "state");
      db.createObjectStore("quarantine", { autoIncrement: true });
    }
  }
}
