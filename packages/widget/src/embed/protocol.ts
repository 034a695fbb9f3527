import { passTokenSchema } from "@klynge/engine/contract";
import * as z from "zod/mini";
import {
  embedIdPattern,
  errorCodePattern,
  maxErrorMessageLength,
  maxReportedHeight,
  protocolSource,
  protocolVersion,
  themeColorPattern,
  themeFontPattern,
} from "./protocolConstants.js";

export * from "./protocolConstants.js";

/**
 * The iframe protocol (ARCHITECTURE.md, "iframe protocol"): plain objects
 * `{ source: "klynge", v: 1, type, embedId, payload }`. The iframe page checks what the host sends
 * with these schemas; the host script, which must stay tiny, checks what the widget sends with
 * `readWidgetMessage` (no zod), tested to agree with `widgetMessageSchema`.
 */
const envelope = {
  source: z.literal(protocolSource),
  v: z.literal(protocolVersion),
  embedId: z.string().check(z.regex(embedIdPattern)),
};

const count = (max: number) => z.int().check(z.minimum(0), z.maximum(max));

/** Widget → host. */
export const widgetMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...envelope, type: z.literal("ready"), payload: z.strictObject({}) }),
  z.strictObject({
    ...envelope,
    type: z.literal("page"),
    payload: z.strictObject({ index: count(999), count: count(1000) }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal("resize"),
    payload: z.strictObject({
      height: z.number().check(z.minimum(0), z.maximum(maxReportedHeight)),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal("complete"),
    payload: z.strictObject({
      responseId: z.string().check(z.regex(embedIdPattern)),
      /** Still only in this browser's outbox after the first upload attempt. */
      queued: z.boolean(),
      /** Only when the round's embed configuration lets this host origin have them. */
      answers: z.optional(z.record(z.string(), z.unknown())),
    }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal("sync"),
    payload: z.strictObject({ pending: count(1_000_000) }),
  }),
  z.strictObject({
    ...envelope,
    type: z.literal("error"),
    payload: z.strictObject({
      code: z.string().check(z.regex(errorCodePattern)),
      message: z.string().check(z.maxLength(maxErrorMessageLength)),
    }),
  }),
]);

export type WidgetMessage = z.output<typeof widgetMessageSchema>;
export type WidgetMessageType = WidgetMessage["type"];
export type WidgetPayload<T extends WidgetMessageType> = Extract<
  WidgetMessage,
  { type: T }
>["payload"];

const color = z.string().check(z.regex(themeColorPattern));

/** Host → widget: the host's look, set as `--klynge-*` CSS variables inside the iframe. */
export const themeSchema = z.strictObject({
  accent: z.optional(color),
  text: z.optional(color),
  surface: z.optional(color),
  focus: z.optional(color),
  fontFamily: z.optional(z.string().check(z.regex(themeFontPattern))),
});

export type EmbedTheme = z.output<typeof themeSchema>;

export const hostMessageSchema = z.discriminatedUnion("type", [
  z.strictObject({
    ...envelope,
    type: z.literal("init"),
    payload: z.strictObject({
      locale: z.enum(["da", "en"]),
      theme: z.optional(themeSchema),
      /** Asks for the answers in `complete`; granted only for origins the round allows. */
      shareAnswers: z.optional(z.boolean()),
      /** A GP's personal invitation, from the host page's own URL fragment (never a URL here). */
      invitation: z.optional(passTokenSchema),
    }),
  }),
]);

export type HostMessage = z.output<typeof hostMessageSchema>;
export type InitPayload = Extract<HostMessage, { type: "init" }>["payload"];
