import type { Socket } from "node:net";
import type { Issue } from "@klynge/engine";
import { type ApiErrorCode, apiErrors, errorBody } from "@klynge/engine/contract";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { validationRefusal } from "./validation.js";

declare module "fastify" {
  interface FastifyReply {
    /** Ends the request with the error table's status and body for `code`. */
    refuse(code: ApiErrorCode, issues?: readonly Issue[]): FastifyReply;
  }
}

/** Headers on refusals written outside Fastify (to the socket), as helmet would set them. */
const bareHeaders =
  "Content-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n" +
  "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\nConnection: close\r\n";

/** Fastify's own errors (router, body parser, limits) in the error table's terms. */
function codeOf(error: FastifyError): ApiErrorCode {
  const status = error.statusCode ?? 500;
  if (error.code?.startsWith("FST_CSRF_")) return "csrf";
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || status === 413) return "too_large";
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415)
    return "unsupported_media_type";
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH" || status === 414) return "uri_too_long";
  if (status === 408) return "request_timeout";
  if (status === 429) return "rate_limited";
  if (status === 404) return "not_found";
  if (status >= 400 && status < 500) return "bad_request";
  // The database refused a connection or is shutting down: the client may try again.
  if (isUnavailable(error)) return "unavailable";
  return "internal";
}

function isUnavailable(error: { code?: string }): boolean {
  return (
    error.code === "ECONNREFUSED" ||
    error.code === "57P01" || // admin_shutdown
    error.code === "57P03" || // cannot_connect_now
    error.code === "53300" || // too_many_connections
    error.code === "40P01" || // deadlock_detected: one side was rolled back, nothing stored
    error.code === "40001" // serialization_failure
  );
}

/** Every error a client can get, in the documented shape: `{ error: { code, message, issues? } }`. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.decorateReply("refuse", function refuse(this: FastifyReply, code, issues) {
    const { status, body } = errorBody(code, issues);
    return this.code(status).type("application/json; charset=utf-8").send(body);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === "FST_ERR_VALIDATION") {
      const refusal = validationRefusal(error as FastifyError & { issues?: readonly Issue[] });
      return reply.refuse(refusal.code, refusal.issues);
    }
    const code = codeOf(error);
    if (apiErrors[code].status >= 500) {
      // The message only: an error from the database can quote a parameter.
      request.log.error({ code: error.code, message: error.message }, "request failed");
    }
    if (code === "rate_limited" && !reply.hasHeader("retry-after"))
      reply.header("retry-after", "60");
    return reply.refuse(code);
  });

  app.setNotFoundHandler((_request, reply) => reply.refuse("not_found"));
});

/** Fastify's `frameworkErrors`: a bad percent-encoding or an over-long parameter, before routing. */
export function frameworkErrors(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
) {
  const { status, body } = errorBody(codeOf(error));
  void reply
    .code(status)
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "default-src 'none'; frame-ancestors 'none'")
    .type("application/json; charset=utf-8")
    .send(body);
}

/**
 * Fastify's `clientErrorHandler`: what Node refuses before Fastify sees a request (headers or a
 * request line over the limit, a request that did not arrive in time, garbage), answered in the
 * documented shape, then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const code: ApiErrorCode =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? "request_timeout"
      : error.code === "HPE_HEADER_OVERFLOW"
        ? "headers_too_large"
        : error.code === "HPE_URI_TOO_LONG"
          ? "uri_too_long"
          : "bad_request";
  const { status, body } = errorBody(code);
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${code}\r\n${bareHeaders}Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
    );
  }
  socket.destroy();
}
