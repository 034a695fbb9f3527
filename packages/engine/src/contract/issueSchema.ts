import * as z from "zod/mini";

/**
 * An engine issue as it travels in an error body: its data, and `message`, the sentence without
 * the path, in Danish and English. The client shows `message`, may switch on `code`.
 */
export const issueSchema = z.object({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.object({ da: z.string(), en: z.string() }),
  expected: z.optional(z.string()),
  received: z.optional(z.string()),
  limit: z.optional(z.number()),
  value: z.optional(z.string()),
});
