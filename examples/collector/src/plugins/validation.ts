import type { Issue } from "@klynge/engine";
import { type ApiErrorCode, type ContractSchema, parseWithSchema } from "@klynge/engine/contract";
import type { FastifySchemaCompiler } from "fastify";

export class ValidationError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super("invalid request");
  }
}

/** Fastify's validator compiler for the contract's zod/mini schemas, with the engine's issues. */
export const zodValidatorCompiler: FastifySchemaCompiler<ContractSchema> = ({ schema }) => {
  return (data: unknown) => {
    const parsed = parseWithSchema(schema, data);
    return parsed.success ? { value: parsed.data } : { error: new ValidationError(parsed.issues) };
  };
};

/** The refusal for a failed schema check: a bad id in the path, or a malformed query or body. */
export function validationRefusal(error: {
  validationContext?: string;
  issues?: readonly Issue[];
}): { code: ApiErrorCode; issues?: readonly Issue[] } {
  if (error.validationContext === "params") return { code: "invalid_id" };
  return error.issues === undefined
    ? { code: "bad_request" }
    : { code: "bad_request", issues: error.issues };
}
