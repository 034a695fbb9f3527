import type { IncomingMessage } from "node:http";

export type ReadFormResult =
  | { readonly success: true; readonly data: URLSearchParams }
  | { readonly success: false; readonly error: "unsupported_media_type" | "payload_too_large" };

/** Reads an application/x-www-form-urlencoded body of at most `limitBytes`. */
export async function readForm(
  request: IncomingMessage,
  limitBytes: number,
): Promise<ReadFormResult> {
  const mediaType = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/x-www-form-urlencoded") {
    return { success: false, error: "unsupported_media_type" };
  }
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limitBytes) {
    return { success: false, error: "payload_too_large" };
  }
  const body = await readBody(request, limitBytes);
  return body === undefined
    ? { success: false, error: "payload_too_large" }
    : { success: true, data: new URLSearchParams(body) };
}

// Stops collecting at the limit and lets the rest flow away unread, without destroying the
// request: the 413 reply must still reach the browser.
function readBody(request: IncomingMessage, limitBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        cleanUp();
        request.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = (error: Error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}
