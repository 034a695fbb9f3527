import { formatPath } from "@klynge/engine";
import { type ApiErrorCode, type ErrorBody, errorBodySchema } from "@klynge/engine/contract";
import * as z from "zod/mini";

const maxBodyBytes = 4_096;
const maxMessageLength = 300;
const maxIssues = 3;

// Other servers than a Klynge collector: the engine's issues at the top, or a message.
const otherBodySchema = z.union([
  z.object({
    issues: z
      .array(
        z.object({
          code: z.string(),
          path: z.optional(z.array(z.union([z.string(), z.number()]))),
          message: z.optional(z.object({ en: z.string() })),
        }),
      )
      .check(z.minLength(1)),
  }),
  z.object({ message: z.string().check(z.minLength(1)) }),
  z.object({ error: z.string().check(z.minLength(1)) }),
]);

/** What a refusal said: the contract's code when the body is the collector's, and a log line. */
export interface RefusalBody {
  readonly code?: ApiErrorCode;
  /** Short and single-line, for the log. */
  readonly message: string;
}

/** Reads an error response, at most 4 KB of its body. */
export async function readRefusal(response: globalThis.Response): Promise<RefusalBody> {
  const text = await readPrefix(response, maxBodyBytes);
  const json = parseJson(text);
  const refusal = errorBodySchema.safeParse(json);
  const collector = refusal.success ? refusal.data : undefined;
  const summary = summarize(text, json, collector) || response.statusText || "no message";
  const message =
    summary.length > maxMessageLength ? `${summary.slice(0, maxMessageLength - 1)}…` : summary;
  return collector === undefined ? { message } : { code: collector.error.code, message };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function summarize(text: string, json: unknown, collector: ErrorBody | undefined): string {
  if (json === undefined) return text.replace(/\s+/g, " ").trim();
  // A Klynge collector: the contract's error body, its issues when it has them, else its message.
  const body =
    collector === undefined
      ? otherBodySchema.safeParse(json)
      : otherBodySchema.safeParse(
          collector.error.issues?.length
            ? { issues: collector.error.issues }
            : { message: collector.error.message.en },
        );
  if (!body.success) return text.replace(/\s+/g, " ").trim();
  const data = body.data;
  if ("issues" in data) {
    const shown = data.issues
      .slice(0, maxIssues)
      .map((issue) => `${formatPath(issue.path ?? [], "en")}: ${issue.message?.en ?? issue.code}`);
    const more = data.issues.length - shown.length;
    return more > 0 ? `${shown.join("; ")} (+${more} more)` : shown.join("; ");
  }
  return "message" in data ? data.message : data.error;
}

async function readPrefix(response: globalThis.Response, maxBytes: number): Promise<string> {
  const body = response.body;
  if (body === null) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut off (timeout, reset) still leaves whatever arrived.
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(size, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return new TextDecoder().decode(bytes);
}
