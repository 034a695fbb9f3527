import type { Channel, QuestionnaireVersion, Round } from "@klynge/engine";
import { useEffect, useRef, useState } from "react";
import type { RespondentPass } from "../pass/respondentPass.js";
import { openResponseStore } from "../storage/openResponseStore.js";
import type { DraftRecord } from "../storage/records.js";
import { requestPersistence } from "../storage/requestPersistence.js";
import type { ResponseStore } from "../storage/responseStore.js";
import { StorageError } from "../storage/storageError.js";

export type ResponseSession =
  | { readonly state: "loading" }
  | { readonly state: "ready"; readonly store: ResponseStore; readonly draft: DraftRecord }
  | { readonly state: "failed"; readonly error: StorageError };

export interface ResponseSessionOptions {
  readonly version: QuestionnaireVersion;
  readonly round: Round;
  readonly channel: Channel;
  /** Used as given and never closed here; without it, the default store is opened and closed on unmount. */
  readonly store: ResponseStore | undefined;
  readonly newId: () => string;
  /** Drafts are resumed and made with it (see `ResponseStore.latestDraft`). */
  readonly pass: RespondentPass | undefined;
}

function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError ? error : new StorageError("unavailable", { cause: error });
}

/**
 * Opens the store and resumes the round's latest draft of this version (with a credential: its
 * own draft), or starts a new one. A draft of another version of the round is left alone (it
 * stays in the store).
 */
export function useResponseSession(options: ResponseSessionOptions): ResponseSession {
  const { store: injected, channel } = options;
  const passKind = options.pass?.kind;
  const passToken = options.pass?.token;
  const roundId = options.round.id;
  const versionHash = options.version.hash;
  const newId = useRef(options.newId);
  newId.current = options.newId;
  const [session, setSession] = useState<ResponseSession>({ state: "loading" });

  useEffect(() => {
    let active = true;
    let opened: ResponseStore | undefined;
    setSession({ state: "loading" });
    (async () => {
      let store = injected;
      if (store === undefined) {
        store = await openResponseStore();
        // Our own storage: ask the browser not to evict it under pressure (a host that passes
        // its own store decides that itself).
        void requestPersistence();
        if (!active) {
          void store.close();
          return;
        }
        opened = store;
      }
      const pass =
        passKind === undefined || passToken === undefined
          ? undefined
          : { kind: passKind, token: passToken };
      const latest = await store.latestDraft(roundId, pass);
      const draft =
        latest !== undefined && latest.versionHash === versionHash
          ? latest
          : await store.createDraft({
              responseId: newId.current(),
              roundId,
              versionHash,
              channel,
              ...(pass === undefined ? {} : { pass }),
            });
      if (active) setSession({ state: "ready", store, draft });
    })().catch((error: unknown) => {
      if (active) setSession({ state: "failed", error: asStorageError(error) });
    });
    return () => {
      active = false;
      void opened?.close();
    };
  }, [injected, roundId, versionHash, channel, passKind, passToken]);

  return session;
}
