import type { Channel, QuestionnaireVersion, Round } from "@klynge/engine";
import { useEffect, useRef, useState } from "react";
import type { RespondentPass } from "../pass/respondentPass.js";
import type { DraftRecord } from "../storage/records.js";
import type { ResponseStore } from "../storage/responseStore.js";
import { StorageError } from "../storage/storageError.js";

export type DraftState =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly draft: DraftRecord }
  | { readonly state: "failed"; readonly error: StorageError };

export interface DraftOptions {
  readonly version: QuestionnaireVersion;
  readonly round: Round;
  readonly channel: Channel;
  readonly newId: () => string;
  /** Drafts are resumed and made with it (see `ResponseStore.latestDraft`). */
  readonly pass: RespondentPass | undefined;
}

function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError("unavailable", { cause: error });
}

/**
 * Resumes the round's latest draft of this version (with a credential: its own draft), or starts
 * a new one. A draft of another version of the round is left alone (it stays in the store).
 */
export function useDraft(store: ResponseStore | undefined, options: DraftOptions): DraftState {
  const { channel } = options;
  const passKind = options.pass?.kind;
  const passToken = options.pass?.token;
  const roundId = options.round.id;
  const versionHash = options.version.hash;
  const newId = useRef(options.newId);
  newId.current = options.newId;
  const [draft, setDraft] = useState<DraftState>({ state: "loading" });

  useEffect(() => {
    if (store === undefined) return;
    let active = true;
    setDraft({ state: "loading" });
    (async () => {
      const pass =
        passKind === undefined || passToken === undefined
          ? undefined
          : { kind: passKind, token: passToken };
      const latest = await store.latestDraft(roundId, pass);
      const found =
        latest !== undefined && latest.versionHash === versionHash
          ? latest
          : await store.createDraft({
              responseId: newId.current(),
              roundId,
              versionHash,
              channel,
              ...(pass === undefined ? {} : { pass }),
            });
      if (active) setDraft({ state: "ready", draft: found });
    })().catch((error: unknown) => {
      if (active) setDraft({ state: "failed", error: asStorageError(error) });
    });
    return () => {
      active = false;
    };
  }, [store, roundId, versionHash, channel, passKind, passToken]);

  return draft;
}
