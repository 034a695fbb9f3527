import { useEffect, useRef, useState } from "react";
import type { ResponseStore } from "../storage/responseStore.js";
import type { Transport } from "../sync/transport.js";
import type { Uploader } from "../sync/uploader.js";
import { loadUploader } from "./loadUploader.js";

/**
 * One uploader over the store while a transport is given: started on mount, stopped on unmount.
 * In the frame's build its code is loaded then (`loadUploader`); until it is there a submitted
 * response waits in the outbox, which the uploader sends as it starts.
 * The latest transport is used for each upload, so a host that makes a new transport object on
 * every render does not restart it.
 */
export function useUploader(
  store: ResponseStore | undefined,
  transport: Transport | undefined,
): Uploader | undefined {
  const latest = useRef(transport);
  latest.current = transport;
  const hasTransport = transport !== undefined;
  const [uploader, setUploader] = useState<Uploader | undefined>(undefined);

  useEffect(() => {
    if (store === undefined || !hasTransport) return;
    let next: Uploader | undefined;
    let stopped = false;
    void loadUploader().then((Uploader) => {
      if (stopped) return;
      next = new Uploader({
        outbox: store,
        transport: {
          put: (response, signal, pass) => {
            const current = latest.current;
            if (current === undefined)
              return Promise.resolve({ kind: "retry", reason: "no transport" });
            return current.put(response, signal, pass);
          },
        },
      });
      next.start();
      setUploader(next);
    });
    return () => {
      stopped = true;
      next?.stop();
      setUploader(undefined);
    };
  }, [store, hasTransport]);

  return uploader;
}
