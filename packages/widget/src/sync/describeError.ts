/** A one-line description of anything thrown, for logs and stored error records. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  if (typeof error === "object" && error !== null && "name" in error) {
    // DOMException is not an Error subclass in every runtime.
    const { name, message } = error as { name: unknown; message?: unknown };
    return typeof message === "string" && message ? `${String(name)}: ${message}` : String(name);
  }
  return String(error);
}
