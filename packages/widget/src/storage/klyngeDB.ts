import type { DBSchema, IDBPDatabase } from "idb";
import type { DraftRecord, OutboxRecord, QuarantineRecord, SentRecord } from "./records.js";

/** Raise with a new `KlyngeDBvN` interface and a new step in `upgradeKlyngeDB`. */
export const DB_VERSION = 2;

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

/** Version 2 adds `sent`: acknowledged responses, kept only by stores opened with `keepSent`. */
export interface KlyngeDBv2 extends KlyngeDBv1 {
  sent: {
    /** The response id (key path `response.id`). */
    key: string;
    value: SentRecord;
    indexes: { byRound: string };
  };
}

/** The schema the code runs against today. */
export type KlyngeDB = KlyngeDBv2;

export type StoreName = "drafts" | "outbox" | "quarantine" | "sent";

/**
 * Brings a database from `oldVersion` up to `DB_VERSION`: each step from the database's version
 * onwards runs once, in order; a new version adds its step below.
 */
export function upgradeKlyngeDB(db: IDBPDatabase<KlyngeDB>, oldVersion: number): void {
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
}
