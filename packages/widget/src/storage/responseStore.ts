import type { Answer, Channel, Response } from "@klynge/engine";
import type { RespondentPass } from "../pass/respondentPass.js";
import type { OutboxPort } from "../sync/outboxPort.js";
import type { CreateChangeChannel } from "./changeNotifier.js";
import type { ConnectionEvent } from "./connection.js";
import type {
  DraftRecord,
  OutboxRecord,
  QuarantineRecord,
  SentRecord,
  StoredIssue,
} from "./records.js";
import type { StorageError } from "./storageError.js";

export interface ResponseStoreOptions {
  /** IndexedDB database name. Default "klynge". */
  readonly name?: string;
  /** Default `globalThis.indexedDB`; its objects must be the global IDB classes (idb uses `instanceof`). */
  readonly indexedDB?: IDBFactory;
  /** Clock for every stored timestamp. Default `() => new Date()`. */
  readonly now?: () => Date;
  /** Told about quarantined records and connection changes; never about ordinary writes. */
  readonly onEvent?: (event: ResponseStoreEvent) => void;
  /** Tells other tabs about changes. Default `BroadcastChannel` when present; `null` turns it off. */
  readonly createChannel?: CreateChangeChannel | null;
  /**
   * Keep acknowledged responses in the `sent` store instead of deleting them, for results on
   * this device (the meeting app). Default false: a browser keeps no answers once they are sent.
   */
  readonly keepSent?: boolean;
}

export type ResponseStoreEvent =
  | {
      readonly type: "quarantined";
      readonly store: QuarantineRecord["store"];
      readonly key: IDBValidKey;
      readonly issues: readonly StoredIssue[];
    }
  | {
      readonly type: "quarantine_failed";
      readonly store: QuarantineRecord["store"];
      readonly key: IDBValidKey;
      readonly error: StorageError;
    }
  | ConnectionEvent;

export interface NewDraft {
  /** A fresh UUID (`crypto.randomUUID()`); it becomes the response id. */
  readonly responseId: string;
  readonly roundId: string;
  readonly versionHash: string;
  readonly channel: Channel;
  /** The respondent's credential; submit carries it on to the outbox, and the upload sends it. */
  readonly pass?: RespondentPass;
}

export interface OutboxCounts {
  readonly pending: number;
  readonly conflict: number;
  readonly failed: number;
}

/** What `importResponses` did with each response id. */
export interface ImportResult {
  /** New here: put in the outbox as pending. */
  readonly added: readonly string[];
  /** Already here (outbox or sent) with the same content: ignored. */
  readonly duplicates: readonly string[];
  /** Already here with other content: the device's copy is kept, the imported one ignored. */
  readonly conflicts: readonly string[];
}

/**
 * Drafts and the outbox in IndexedDB. Every write is its own strict-durability transaction and
 * resolves only after it committed, so "Gemt" can be shown then. Rejections are `StorageError`s;
 * records that fail validation are quarantined and reported, never thrown at the UI.
 */
export interface ResponseStore extends OutboxPort {
  /**
   * Starts an empty draft on page 0; with an existing draft of the same round, version and
   * credential, returns that.
   */
  createDraft(draft: NewDraft): Promise<DraftRecord>;
  /** `answer` undefined clears the question. Rejects with "draft_missing" when there is no draft. */
  saveAnswer(
    responseId: string,
    questionId: string,
    answer: Answer | undefined,
    page: number,
  ): Promise<DraftRecord>;
  savePage(responseId: string, page: number): Promise<DraftRecord>;
  getDraft(responseId: string): Promise<DraftRecord | undefined>;
  /**
   * The round's most recently updated draft, to resume after a reload. With `pass`, only a draft
   * made with that credential (another respondent's link on a shared device starts afresh);
   * without, any (it carries its own credential).
   */
  latestDraft(roundId: string, pass?: RespondentPass): Promise<DraftRecord | undefined>;
  discardDraft(responseId: string): Promise<void>;
  /**
   * Moves the response (validated by the caller with the engine) to the outbox and deletes its
   * draft, in one transaction; the draft's credential goes with it. The same id again:
   * "already_queued" if identical, else rejects with "conflicting_submit".
   */
  submit(response: Response): Promise<"queued" | "already_queued">;
  /**
   * Responses from another device (an exported file, validated by the caller with the engine),
   * in one transaction: new ids go to the outbox, to be sent with `pass` (this device's own
   * credential, e.g. its meeting key); ids already here are never overwritten.
   */
  importResponses(responses: readonly Response[], pass?: RespondentPass): Promise<ImportResult>;
  /** Acknowledged responses kept with `keepSent`, optionally of one round, oldest first. */
  sent(roundId?: string): Promise<readonly SentRecord[]>;
  /** Every outbox entry, all states, oldest first: for the coordinator's view and export. */
  outbox(): Promise<readonly OutboxRecord[]>;
  counts(): Promise<OutboxCounts>;
  /** Records moved aside because they failed validation, oldest first. */
  quarantined(): Promise<readonly QuarantineRecord[]>;
  /** Called after each committed change, here or in another tab; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Closes the connection and the tab channel; later calls reject with "unavailable". */
  close(): Promise<void>;
}
