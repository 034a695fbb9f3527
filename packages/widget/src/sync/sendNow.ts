import type { ResponseStore } from "../storage/responseStore.js";

/** Where a submitted response stands after one try: sent, still waiting, or refused for good. */
export type Delivery =
  | { readonly state: "sent" }
  /** In the outbox: offline, server down, no uploader, or the outbox could not be read. */
  | { readonly state: "queued" }
  /** Never to be sent; `reason` as the outbox keeps it (the contract's code, or "conflict"). */
  | { readonly state: "refused"; readonly reason: string };

/**
 * After a submit: one upload attempt now (when there is an uploader), then what became of the
 * response. Never rejects: not knowing is "queued", as the outbox keeps it and retries.
 */
export async function sendNow(
  store: Pick<ResponseStore, "outbox">,
  responseId: string,
  uploader?: { flush(): Promise<void> },
): Promise<Delivery> {
  try {
    if (uploader !== undefined) await uploader.flush();
    const record = (await store.outbox()).find((r) => r.response.id === responseId);
    if (record === undefined) return { state: "sent" };
    if (record.state === "pending") return { state: "queued" };
    return { state: "refused", reason: record.lastError?.code ?? record.state };
  } catch {
    return { state: "queued" };
  }
}
