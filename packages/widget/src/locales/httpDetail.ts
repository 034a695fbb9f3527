/** A refusal's status and the server's words, for the status line ("HTTP 403: …"). */
export function httpDetail(detail: { readonly status: number; readonly detail: string }): string {
  return detail.detail ? `HTTP ${detail.status}: ${detail.detail}` : `HTTP ${detail.status}`;
}
