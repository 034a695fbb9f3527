import type { LocalEdit } from "@klynge/engine";
import * as z from "zod/mini";

/** Work in progress: the edits and label on a base version, kept until published. */
export interface EditorDraft {
  readonly schemaVersion: 1;
  /** The draft applies only to the base it was made on. */
  readonly baseHash: string;
  readonly label: string;
  readonly edits: readonly LocalEdit[];
}

/** Where the editor keeps its draft; `openEditorDraftStore` keeps it in IndexedDB. */
export interface EditorDraftStore {
  /** Undefined when there is none or the stored record is not a draft. */
  load(key: string): Promise<EditorDraft | undefined>;
  /** Resolves once the draft is committed. */
  save(key: string, draft: EditorDraft): Promise<void>;
  clear(key: string): Promise<void>;
}

// A draft may hold a local question the engine refuses (a blank text, a repeated label): the
// schema checks the shape the editor reads, and the engine its meaning when the draft is used.
const text = z.object({ da: z.string(), en: z.optional(z.string()) });
const option = z.object({
  code: z.string(),
  label: text,
  kind: z.optional(z.enum(["other", "none", "dontKnow"])),
  ordinal: z.optional(z.number()),
});
const common = {
  id: z.string(),
  text,
  description: z.optional(text),
  required: z.boolean(),
};
const question = z.discriminatedUnion("type", [
  z.object({ ...common, type: z.literal("rating"), options: z.array(option) }),
  z.object({ ...common, type: z.literal("single"), options: z.array(option) }),
  z.object({ ...common, type: z.literal("multi"), options: z.array(option) }),
  z.object({ ...common, type: z.literal("text"), maxLength: z.number() }),
]);
const edit = z.discriminatedUnion("op", [
  z.object({ op: z.literal("remove"), questionId: z.string() }),
  z.object({ op: z.literal("add"), question, at: z.optional(z.number()) }),
  z.object({ op: z.literal("move"), questionId: z.string(), to: z.number() }),
]);

export const editorDraftSchema = z.object({
  schemaVersion: z.literal(1),
  baseHash: z.string(),
  label: z.string(),
  edits: z.array(edit),
});

/** The draft in `raw`, or undefined when `raw` is not one (a damaged or foreign record). */
export function readEditorDraft(raw: unknown): EditorDraft | undefined {
  const parsed = editorDraftSchema.safeParse(raw);
  return parsed.success ? (parsed.data as EditorDraft) : undefined;
}
