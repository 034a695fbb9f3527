import { ChangeNotifier } from "./changeNotifier.js";
import {
  createMemoryResponseStore,
  type MemoryResponseStore,
  type MemoryResponseStoreOptions,
} from "./memoryResponseStore.js";
import { countStates, oldestFirst } from "./outboxStore.js";
import type { DraftRecord } from "./records.js";
import type { ResponseStore } from "./responseStore.js";
import { StorageError } from "./storageError.js";
import type { StorageKept } from "./storageKept.js";

export interface FallbackResponseStore extends ResponseStore {
  /** "memory" from the moment IndexedDB was refused or failed; never back. */
  kept(): StorageKept;
}

/**
 * IndexedDB given up for this page: refused or gone (the store already reopened once), or full.
 * Other failures (a conflicting submit, a draft missing) are the caller's to show.
 */
function givesUp(error: unknown): boolean {
  return (
    error instanceof StorageError &&
    (error.code === "unavailable" || error.code === "quota_exceeded")
  );
}

async function orNothing<T>(read: Promise<readonly T[]> | undefined): Promise<readonly T[]> {
  try {
    return (await read) ?? [];
  } catch {
    return [];
  }
}

/**
 * The device's store while IndexedDB works, and from its first refusal on (or from the start,
 * without `device`) a store in memory that takes over the drafts as the device last held them,
 * so the respondent carries on. The outbox reads both: responses queued on the device earlier are
 * still sent. `kept()` says which, for the words shown; subscribers hear of the switch.
 */
export function withMemoryFallback(
  device: ResponseStore | undefined,
  options: MemoryResponseStoreOptions = {},
): FallbackResponseStore {
  const notifier = new ChangeNotifier(undefined);
  const forward = () => notifier.changed();
  const stops = [device?.subscribe(forward)];
  let inMemory = device === undefined;
  /** Each draft as the device last handed it out, for the memory store to take over. */
  const seen = new Map<string, DraftRecord>();
  // Made when storage fails, from code already in the page: IndexedDB can give up on a device
  // that is offline by then, where a chunk loaded at that moment could not be fetched.
  let memory: MemoryResponseStore | undefined;
  const memoryStore = (): MemoryResponseStore => {
    if (memory === undefined) {
      memory = createMemoryResponseStore(options);
      stops.push(memory.subscribe(forward));
    }
    return memory;
  };

  function see<T extends DraftRecord | undefined>(draft: T): T {
    if (draft !== undefined && !inMemory) seen.set(draft.responseId, draft);
    return draft;
  }

  function fallBack(): void {
    if (inMemory) return;
    inMemory = true;
    const store = memoryStore();
    for (const draft of seen.values()) store.adoptDraft(draft);
    notifier.changed();
  }

  /**
   * A write's place in line, by what it writes (an answer, a page): a write the device finished
   * after a later write of the same answer had gone to memory must not undo that one there.
   */
  interface InLine<T> {
    readonly what: string;
    /** What the write returns when a later one went first: the draft as memory holds it. */
    overtaken(store: ResponseStore): Promise<T>;
  }
  let calls = 0;
  const lastInMemory = new Map<string, number>();

  /**
   * On the device until it gives up, then in memory. A write that the device finished after
   * another had given up is made again in memory, or its answer would be missing there, unless a
   * later write of the same answer is there already.
   */
  async function onActive<T>(
    operation: (store: ResponseStore) => Promise<T>,
    inLine?: InLine<T>,
  ): Promise<T> {
    const call = ++calls;
    if (!inMemory && device !== undefined) {
      try {
        const result = await operation(device);
        if (!inMemory) return result;
      } catch (error) {
        if (!givesUp(error)) throw error;
        fallBack();
      }
    }
    const store = memoryStore();
    if (inLine !== undefined) {
      if ((lastInMemory.get(inLine.what) ?? 0) > call) return inLine.overtaken(store);
      lastInMemory.set(inLine.what, call);
    }
    return operation(store);
  }

  /** The draft as memory holds it, for a write overtaken there (or the write, to refuse it). */
  const draftIn =
    (responseId: string, write: (store: ResponseStore) => Promise<DraftRecord>) =>
    async (store: ResponseStore) =>
      (await store.getDraft(responseId)) ?? write(store);

  /** The uploader's mark goes to whichever store holds the response. */
  async function holderOf(responseId: string): Promise<ResponseStore> {
    const own = device === undefined ? memoryStore() : memory;
    const here = (await orNothing(own?.outbox())).some((r) => r.response.id === responseId);
    return here || device === undefined ? (own as ResponseStore) : device;
  }

  async function outbox() {
    const [own, earlier] = await Promise.all([
      orNothing(memory?.outbox()),
      orNothing(device?.outbox()),
    ]);
    return [...earlier, ...own].sort(oldestFirst);
  }

  return {
    kept: () => (inMemory ? "memory" : "device"),

    createDraft: (draft) => onActive((store) => store.createDraft(draft)).then(see),
    saveAnswer(responseId, questionId, answer, page) {
      const write = (store: ResponseStore) =>
        store.saveAnswer(responseId, questionId, answer, page);
      const what = `${responseId}\u0000answer\u0000${questionId}`;
      return onActive(write, { what, overtaken: draftIn(responseId, write) }).then(see);
    },
    savePage(responseId, page) {
      const write = (store: ResponseStore) => store.savePage(responseId, page);
      const what = `${responseId}\u0000page`;
      return onActive(write, { what, overtaken: draftIn(responseId, write) }).then(see);
    },
    getDraft: (responseId) => onActive((store) => store.getDraft(responseId)).then(see),
    latestDraft: (roundId, pass) => onActive((store) => store.latestDraft(roundId, pass)).then(see),
    discardDraft: (responseId) => onActive((store) => store.discardDraft(responseId)),

    async submit(response) {
      const result = await onActive((store) => store.submit(response));
      // The device's last copy of this draft would otherwise come back after a reload.
      if (inMemory) await device?.discardDraft(response.id).catch(() => undefined);
      return result;
    },

    importResponses: (responses, pass) =>
      onActive((store) => store.importResponses(responses, pass)),

    async pending() {
      const [own, earlier] = await Promise.all([
        orNothing(memory?.pending()),
        orNothing(device?.pending()),
      ]);
      return [...earlier, ...own];
    },
    markSent: async (responseId) => (await holderOf(responseId)).markSent(responseId),
    markAttempt: async (responseId, nextAttemptAt, error) =>
      (await holderOf(responseId)).markAttempt(responseId, nextAttemptAt, error),
    markConflict: async (responseId, error) =>
      (await holderOf(responseId)).markConflict(responseId, error),
    markFailed: async (responseId, error) =>
      (await holderOf(responseId)).markFailed(responseId, error),

    outbox,
    counts: async () => countStates(await outbox()),
    async sent(roundId) {
      const [own, earlier] = await Promise.all([
        orNothing(memory?.sent(roundId)),
        orNothing(device?.sent(roundId)),
      ]);
      return [...earlier, ...own].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
    },
    quarantined: () => orNothing(device?.quarantined()),

    subscribe: (listener) => notifier.subscribe(listener),

    async close() {
      for (const stop of stops) stop?.();
      notifier.close();
      await Promise.all([memory?.close(), device?.close()]);
    },
  };
}
