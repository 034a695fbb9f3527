import { type ReactElement, useSyncExternalStore } from "react";
import { Subscribable } from "../core/subscribable.js";
import type { Locale } from "../messages.js";
import { messages } from "../messages.js";
import type { StorageError } from "../storage/storageError.js";
import type { StorageKept } from "../storage/storageKept.js";

/** The save indicator: "Gemmer…" while a write is open, "Gemt" once all committed. */
export type SaveState =
  | { readonly kind: "idle" }
  | { readonly kind: "saving" }
  | { readonly kind: "saved" }
  | { readonly kind: "failed"; readonly error: StorageError };

/**
 * The save state outside React state, so an answer re-renders the indicator only: re-rendering
 * the component around SurveyJS's form costs a slow tablet more than the IndexedDB commit does.
 */
export class SaveStateStore extends Subscribable {
  #state: SaveState = { kind: "idle" };

  readonly get = (): SaveState => this.#state;

  readonly set = (state: SaveState): void => {
    if (state.kind === this.#state.kind && state.kind !== "failed") return;
    this.#state = state;
    this.notify();
  };
}

/** Once no save is open: true when the last ones committed, false when one failed. */
export function whenSaved(store: SaveStateStore): Promise<boolean> {
  return new Promise((resolve) => {
    const settled = () => {
      const { kind } = store.get();
      if (kind === "saving") return false;
      resolve(kind !== "failed");
      return true;
    };
    if (settled()) return;
    const stop = store.subscribe(() => {
      if (settled()) stop();
    });
  });
}

function useSaveState(store: SaveStateStore): SaveState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/**
 * "Gemmer…" / "Gemt", announced politely to screen readers. With `kept` "memory", never "Gemt":
 * nothing is on the device, so it says the answer is kept in this tab only.
 */
export function SaveIndicator(props: {
  readonly store: SaveStateStore;
  readonly locale: Locale;
  readonly kept?: StorageKept;
}): ReactElement {
  const state = useSaveState(props.store);
  const text = messages[props.locale];
  const saved = props.kept === "memory" ? text.savedInMemory : text.saved;
  return (
    <p className="klynge-survey__saved" aria-live="polite" aria-atomic="true">
      {state.kind === "saving" ? text.saving : state.kind === "saved" ? saved : ""}
    </p>
  );
}

/** The last failed save's message, as an alert; nothing otherwise. */
export function SaveError(props: {
  readonly store: SaveStateStore;
  readonly locale: Locale;
}): ReactElement | null {
  const state = useSaveState(props.store);
  if (state.kind !== "failed") return null;
  return (
    <p className="klynge-survey__error" role="alert">
      {messages[props.locale].storageError[state.error.code]}
    </p>
  );
}
