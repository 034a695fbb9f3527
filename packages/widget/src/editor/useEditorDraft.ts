import { type Dispatch, useCallback, useEffect, useRef, useState } from "react";
import { itemsAfter } from "./canonicalEdits.js";
import type { EditorDraftStore } from "./editorDraft.js";
import type { EditorAction, EditorState } from "./editorState.js";
import { openEditorDraftStore } from "./openEditorDraftStore.js";

/** What the draft indicator says: nothing yet, read back, being written, written, or failed. */
export type DraftStatus = "idle" | "restored" | "saving" | "saved" | "failed";

export interface DraftHandle {
  readonly status: DraftStatus;
  /** Dispatches a person's action; from then on every change is saved and no draft is read over it. */
  readonly act: (action: EditorAction) => void;
  /** Deletes the draft (after publishing); the next action starts a new one. */
  readonly clear: () => Promise<void>;
}

/**
 * Keeps the editor's work in progress in `storage` (default IndexedDB, opened on first use and
 * closed on unmount): reads the draft for `draftKey` on mount when it was made on this base, and
 * saves after each action. A storage failure shows in `status`; the editor keeps working.
 */
export function useEditorDraft(
  state: EditorState,
  dispatch: Dispatch<EditorAction>,
  draftKey: string,
  storage: EditorDraftStore | undefined,
): DraftHandle {
  const [own] = useState(() => (storage === undefined ? openEditorDraftStore() : undefined));
  useEffect(() => () => own?.close(), [own]);
  const store = storage ?? own;
  const [status, setStatus] = useState<DraftStatus>("idle");
  const acted = useRef(false);
  const saves = useRef(0);
  // A save or clear that ends after the editor is gone changes nothing on screen.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const { base, edits, label } = state;

  useEffect(() => {
    if (store === undefined) return;
    let live = true;
    store.load(draftKey).then(
      (draft) => {
        if (!live || acted.current || draft === undefined) return;
        if (draft.baseHash !== base.hash || itemsAfter(base, draft.edits) === undefined) return;
        dispatch({ type: "load", edits: draft.edits, label: draft.label });
        setStatus("restored");
      },
      // An unreadable store is the same as no draft: the editor starts from the base.
      () => {},
    );
    return () => {
      live = false;
    };
  }, [store, draftKey, base, dispatch]);

  useEffect(() => {
    if (!acted.current || store === undefined) return;
    const save = ++saves.current;
    setStatus("saving");
    // The latest save decides what is shown: an earlier one finishing later says nothing.
    store.save(draftKey, { schemaVersion: 1, baseHash: base.hash, label, edits }).then(
      () => mounted.current && save === saves.current && setStatus("saved"),
      () => mounted.current && save === saves.current && setStatus("failed"),
    );
  }, [store, draftKey, base, edits, label]);

  const act = useCallback(
    (action: EditorAction) => {
      acted.current = true;
      dispatch(action);
    },
    [dispatch],
  );

  const clear = useCallback(async () => {
    acted.current = false;
    saves.current++;
    setStatus("idle");
    await store?.clear(draftKey);
  }, [store, draftKey]);

  return { status, act, clear };
}
