import type { Model } from "survey-core";
import type { EarlySave } from "./earlySaveHandle.js";
import { carryPrerenderedAnswers, type PrerenderedPage } from "./prerenderedPage.js";

export interface TakeOverEarlyOptions {
  readonly model: Model;
  readonly roundId: string;
  readonly versionHash: string;
  /** The page's own invitation, as the early save keyed its record by it. */
  readonly invitation?: string;
  /** The server-rendered page, if the page has one. */
  readonly prerendered?: PrerenderedPage;
  /** The page's inline early save (`window.klyngeEarlySave`), if it ran. */
  readonly early?: EarlySave;
  /** Where to read an early record when the page's own script did not run. */
  readonly factory?: IDBFactory;
  /** Runs the setting of the answers (React's `flushSync`, so SurveyJS draws them at once). */
  readonly update: (set: () => void) => void;
  /** Resolves true once the model's saves so far are committed to the draft. */
  readonly whenSaved: () => Promise<boolean>;
}

/**
 * The app takes over from the server-rendered page and its early save: the early save stops and
 * has put what it stored back into the page, the page's answers are carried into the model (its
 * value-changed handler saves them to the draft), and once the draft has committed them the early
 * record is deleted. Without the page's script (an older page, or no first page), the app reads
 * the early record itself and carries it. A failure leaves the early record for the next load.
 */
export async function takeOverEarly(options: TakeOverEarlyOptions): Promise<void> {
  const { model, prerendered, early, update } = options;
  let clear: (() => Promise<void>) | undefined;
  let carry = () => {};
  let close = () => {};
  // Never inside the React effect that called: `update` may be flushSync.
  await null;
  if (early !== undefined) {
    await early.settle();
    clear = () => early.clear();
  } else if (options.factory !== undefined) {
    const { roundId, versionHash, factory } = options;
    // Only here (a page without the inline script): in the frame's build, a chunk of its own. Not
    // loaded (offline): the record stays for the next load, as when the store cannot be opened.
    const store = await import("./earlyStore.js").catch(() => undefined);
    const db = await store?.openEarlyStore(factory).catch(() => undefined);
    const record =
      store === undefined || db === undefined
        ? undefined
        : await store
            .passTag(options.invitation)
            .then((pass) => store.readEarlyRecord(db, { roundId, versionHash, pass }))
            .catch(() => undefined);
    if (db !== undefined) close = () => db.close();
    if (store !== undefined && db !== undefined && record !== undefined) {
      // First, so what is answered in the page now goes over it.
      carry = () => carryPrerenderedAnswers(model, new Map(Object.entries(record.answers)));
      clear = () => store.clearEarlyRecord(db, record);
    }
  }
  if (prerendered !== undefined) {
    prerendered.takeOver(model, (set) =>
      update(() => {
        carry();
        set();
      }),
    );
  } else {
    update(carry);
  }
  try {
    if (clear !== undefined && (await options.whenSaved())) await clear();
  } catch {
    // Kept: the next load carries it again, into a draft that already holds it.
  } finally {
    close();
  }
}
