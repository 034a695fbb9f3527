import type { EarlySave } from "./earlySaveHandle.js";
import {
  clearEarlyRecord,
  type EarlyRecord,
  openEarlyStore,
  passTag,
  readEarlyRecord,
  writeEarlyRecord,
} from "./earlyStore.js";
import { mirrorQuestion, readPrerenderedInput, writePrerenderedInput } from "./prerenderedPage.js";

export interface BootEarlySaveOptions {
  /** The server-rendered page (`#klynge-prerender`). */
  readonly container: HTMLElement;
  readonly factory: IDBFactory;
  readonly roundId: string;
  readonly versionHash: string;
  /** The page's own invitation (`readPageInvitation`), if its link has one. */
  readonly invitation?: string;
}

/**
 * The server-rendered page saves its own answers until the app's bundle has arrived: each change
 * is written to the early store and "Gemt" (the page's own words, `data-saved` on its status line)
 * shows only after the commit. What an earlier load saved is put back into the inputs the
 * respondent has not touched in this one.
 */
export function bootEarlySave(options: BootEarlySaveOptions): EarlySave {
  const { container, roundId, versionHash } = options;
  const status = container.querySelector<HTMLElement>(".klynge-survey__saved");
  const touched = new Set<string>();
  let last: EarlyRecord | undefined;
  let settled = false;
  let dirty = false;
  let writing: Promise<void> | undefined;

  const show = (word: string | undefined) => {
    if (status !== null && !settled) status.textContent = word ?? "";
  };
  const opened = Promise.all([passTag(options.invitation), openEarlyStore(options.factory)]).then(
    ([pass, db]) => ({ db, key: { roundId, versionHash, pass } }),
    () => undefined,
  );
  const restored = opened.then(async (store) => {
    const record =
      store === undefined
        ? undefined
        : await readEarlyRecord(store.db, store.key).catch(() => undefined);
    if (record === undefined) return;
    last = record;
    writePrerenderedInput(
      container,
      new Map(Object.entries(record.answers)),
      (name) => !touched.has(name),
    );
  });

  const save = (): void => {
    if (settled) return;
    if (writing !== undefined) {
      dirty = true;
      return;
    }
    show(status?.dataset.saving);
    writing = restored
      .then(() => opened)
      .then(async (store) => {
        if (store === undefined) throw new Error("no IndexedDB");
        dirty = false;
        const answers = readPrerenderedInput(container).answers;
        const record = { ...store.key, answers: Object.fromEntries(answers) };
        await writeEarlyRecord(store.db, record);
        last = record;
      })
      .then(
        () => {
          writing = undefined;
          if (dirty) save();
          else show(status?.dataset.saved);
        },
        () => {
          // Not saved: never "Gemt"; the app carries the page's answers when it takes over.
          writing = undefined;
          if (status !== null) status.textContent = "";
        },
      );
  };

  const changed = (event: Event) => {
    const input = event.target;
    const text =
      input instanceof HTMLTextAreaElement ||
      (input instanceof HTMLInputElement && input.type === "text");
    // A text field saves as it is typed in; a choice once it changed (each once, not twice).
    if ((event.type === "input") !== text || !(input instanceof HTMLElement)) return;
    const question = input.closest<HTMLElement>("[data-name]");
    if (question === null) return;
    const name = mirrorQuestion(container, question);
    if (name !== undefined) touched.add(name);
    save();
  };
  container.addEventListener("change", changed);
  container.addEventListener("input", changed);

  return {
    async settle() {
      settled = true;
      await restored;
      await writing;
    },
    async clear() {
      const store = await opened;
      if (store !== undefined && last !== undefined) await clearEarlyRecord(store.db, last);
    },
  };
}
