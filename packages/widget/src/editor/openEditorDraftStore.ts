import { type DBSchema, type IDBPDatabase, wrap } from "idb";
import { type EditorDraft, type EditorDraftStore, readEditorDraft } from "./editorDraft.js";

export const editorDBName = "klynge-editor";
export const EDITOR_DB_VERSION = 1;

/** Schema version 1: drafts under the editor's `draftKey`; read back as `unknown` until checked. */
export interface KlyngeEditorDBv1 extends DBSchema {
  drafts: { key: string; value: EditorDraft };
}

export interface EditorDraftStoreOptions {
  /** Default the global `indexedDB`. */
  readonly indexedDB?: IDBFactory;
  /** Default `"klynge-editor"`. */
  readonly name?: string;
}

/** An `EditorDraftStore` that can let go of its connection (it reopens on the next call). */
export interface ClosableEditorDraftStore extends EditorDraftStore {
  close(): void;
}

type Db = IDBPDatabase<KlyngeEditorDBv1>;

/**
 * Drafts in their own IndexedDB database, apart from the responses. The connection opens on first
 * use; each save is one strict-durability transaction, awaited until committed.
 */
export function openEditorDraftStore(
  options: EditorDraftStoreOptions = {},
): ClosableEditorDraftStore {
  const name = options.name ?? editorDBName;
  let current: Promise<Db> | undefined;

  const connect = (): Promise<Db> => {
    if (current !== undefined) return current;
    const opening = open(options.indexedDB, name).then((db) => {
      // Another tab upgrading or deleting the database: let it, and reopen on the next call.
      db.addEventListener("versionchange", () => {
        db.close();
        if (current === opening) current = undefined;
      });
      return db;
    });
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    current = opening;
    return opening;
  };

  return {
    async load(key) {
      const db = await connect();
      return readEditorDraft(await db.get("drafts", key));
    },
    async save(key, draft) {
      const db = await connect();
      const tx = db.transaction("drafts", "readwrite", { durability: "strict" });
      await Promise.all([tx.store.put(draft, key), tx.done]);
    },
    async clear(key) {
      const db = await connect();
      const tx = db.transaction("drafts", "readwrite", { durability: "strict" });
      await Promise.all([tx.store.delete(key), tx.done]);
    },
    close() {
      const closing = current;
      current = undefined;
      closing?.then(
        (db) => db.close(),
        () => {},
      );
    },
  };
}

/** idb's `openDB` always takes the global factory; this opens on the one given. */
async function open(factory: IDBFactory | undefined, name: string): Promise<Db> {
  const idb = factory ?? globalThis.indexedDB;
  if (idb === undefined) throw new Error("IndexedDB is not available here.");
  const request = idb.open(name, EDITOR_DB_VERSION);
  request.addEventListener("upgradeneeded", (event) => {
    const db = wrap(request.result) as unknown as Db;
    if (event.oldVersion < 1) db.createObjectStore("drafts");
  });
  return (await wrap(request)) as unknown as Db;
}
