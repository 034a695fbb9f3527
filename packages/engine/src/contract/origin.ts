import * as z from "zod/mini";

// An origin as browsers serialize it: scheme, lower-case host, a port only when not the default.
const originPattern =
  /^(https?):\/\/(localhost|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::([0-9]{1,5}))?$/;

/** Whether `value` is exactly an origin (`https://kiap.dk`), as `new URL(value).origin` would write it. */
export function isOrigin(value: string): boolean {
  const match = originPattern.exec(value);
  if (match === null) return false;
  const [, scheme, , port] = match;
  if (port === undefined) return true;
  const number = Number(port);
  if (number < 1 || number > 65535 || String(number) !== port) return false;
  return !((scheme === "https" && number === 443) || (scheme === "http" && number === 80));
}

export const originSchema = z.string().check(z.maxLength(300), z.refine(isOrigin));

/** At most 20 origins, none twice. */
export const originListSchema = z.array(originSchema).check(
  z.maxLength(20),
  z.refine((list) => new Set(list).size === list.length, { message: "duplicate origin" }),
);
