import * as z from "zod/mini";
import { roundIdSchema, uuidSchema } from "./ids.js";
import { passStatusSchema } from "./respondentPass.js";
import { roundDocumentSchema } from "./roundDocument.js";

export const roundParams = z.strictObject({ round: roundIdSchema });
export const noQuery = z.strictObject({});

/**
 * The routes a respondent's page calls, part of `routes` (routes.ts): in a module of their own so
 * the widget's answer page does not carry the whole API's schemas (the staff pages', the report's).
 */
export const respondentRoutes = {
  roundDocument: {
    method: "GET",
    path: "/api/rounds/:round",
    params: roundParams,
    query: noQuery,
    reply: roundDocumentSchema,
  },
  putResponse: {
    method: "PUT",
    path: "/api/rounds/:round/responses/:response",
    params: z.strictObject({ round: roundIdSchema, response: uuidSchema }),
    // With an invitation's token or a meeting key in its header (or none, for an open link).
    // Validated by the engine against the response's own version.
    body: z.unknown(),
    reply: z.object({ id: z.string() }),
  },
  passStatus: {
    method: "GET",
    path: "/api/rounds/:round/pass",
    params: roundParams,
    query: noQuery,
    reply: passStatusSchema,
  },
} as const;
