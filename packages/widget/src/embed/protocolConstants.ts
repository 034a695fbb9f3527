// The iframe protocol's constants, apart from its zod schemas (protocol.ts), so the host script
// can use them without bundling zod.

export const protocolSource = "klynge";
export const protocolVersion = 1;

/** Letters, digits, `-` and `_`; the host script makes them with `crypto.randomUUID()`. */
export const embedIdPattern = /^[A-Za-z0-9_-]{8,64}$/;
/** Iframe heights beyond this are a bug or an attack; the host clamps far lower anyway. */
export const maxReportedHeight = 100_000;
export const maxErrorMessageLength = 500;

/** CSS colours the host may set: hex, rgb()/rgba()/hsl()/hsla() with plain numbers. */
export const themeColorPattern =
  /^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\(\s*[\d.]+%?(\s*,\s*[\d.]+%?){2,3}\s*\))$/;
/** Font family lists: letters, digits, spaces, commas, quotes and hyphens only. */
export const themeFontPattern = /^[\p{L}\p{N} ,'"-]{1,200}$/u;

/** Widget error codes: lower case and underscores. */
export const errorCodePattern = /^[a-z][a-z_]{0,63}$/;

/**
 * A personal invitation's token, as the host script checks it before passing it on in `init`:
 * the contract's `passTokenSchema` (22 to 64 base64url characters), without zod.
 */
export const invitationTokenPattern = /^[A-Za-z0-9_-]{22,64}$/;
