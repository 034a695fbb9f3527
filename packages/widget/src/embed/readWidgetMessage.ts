import type { WidgetMessage } from "./protocol.js";
import {
  embedIdPattern,
  errorCodePattern,
  maxErrorMessageLength,
  maxReportedHeight,
  protocolSource,
  protocolVersion,
} from "./protocolConstants.js";

// The host script's check of what the iframe sends: `widgetMessageSchema` by hand, because zod
// alone would be 8.7 KB gzip of a host script meant to stay under 5 KB. A property test holds the
// two to the same verdicts (src/__tests__/embedProtocol.test.ts).

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Exactly these keys (own, enumerable), as zod's strictObject; optional ones may be absent. */
function hasOnlyKeys(value: Plain, required: readonly string[], optional: readonly string[] = []) {
  const keys = Object.keys(value);
  for (const key of required) if (!Object.hasOwn(value, key)) return false;
  for (const key of keys) if (!required.includes(key) && !optional.includes(key)) return false;
  // zod fails an optional key present as undefined only for `exactOptional`; it passes here too.
  return true;
}

const isCount = (value: unknown, max: number) =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= max;

const isId = (value: unknown) => typeof value === "string" && embedIdPattern.test(value);

function payloadIsValid(type: unknown, payload: Plain): boolean {
  switch (type) {
    case "ready":
      return hasOnlyKeys(payload, []);
    case "page":
      return (
        hasOnlyKeys(payload, ["index", "count"]) &&
        isCount(payload.index, 999) &&
        isCount(payload.count, 1000)
      );
    case "resize":
      return (
        hasOnlyKeys(payload, ["height"]) &&
        typeof payload.height === "number" &&
        Number.isFinite(payload.height) &&
        payload.height >= 0 &&
        payload.height <= maxReportedHeight
      );
    case "complete":
      return (
        hasOnlyKeys(payload, ["responseId", "queued"], ["answers"]) &&
        isId(payload.responseId) &&
        typeof payload.queued === "boolean" &&
        (payload.answers === undefined || isPlain(payload.answers))
      );
    case "sync":
      return hasOnlyKeys(payload, ["pending"]) && isCount(payload.pending, 1_000_000);
    case "error":
      return (
        hasOnlyKeys(payload, ["code", "message"]) &&
        typeof payload.code === "string" &&
        errorCodePattern.test(payload.code) &&
        typeof payload.message === "string" &&
        payload.message.length <= maxErrorMessageLength
      );
    default:
      return false;
  }
}

/** The message if it is a valid widget → host message, else undefined. Never throws. */
export function readWidgetMessage(data: unknown): WidgetMessage | undefined {
  try {
    if (!isPlain(data) || !hasOnlyKeys(data, ["source", "v", "type", "embedId", "payload"])) {
      return undefined;
    }
    if (data.source !== protocolSource || data.v !== protocolVersion || !isId(data.embedId)) {
      return undefined;
    }
    if (!isPlain(data.payload) || !payloadIsValid(data.type, data.payload)) return undefined;
    return data as WidgetMessage;
  } catch {
    // A getter or proxy that throws is not a message.
    return undefined;
  }
}
