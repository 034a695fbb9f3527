import { passTokenSchema } from "@klynge/engine/contract";
import { assertProperty } from "@klynge/test-support/property";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { hostMessageSchema, invitationTokenPattern } from "../../embed/protocol.js";
import { takeFragmentToken } from "../../pass/takeFragmentToken.js";

// The invitation travels in fragments and in the host's `init`, never in a URL a server sees:
// the host script checks it without zod, the iframe page with the contract's schema.

const token = "AbC_-0123456789abcdefgh";
const init = (payload: Record<string, unknown>) => ({
  source: "klynge",
  v: 1,
  type: "init",
  embedId: "0b5f8a3e-4c1d",
  payload: { locale: "da", ...payload },
});

describe("init's invitation", () => {
  it("is accepted when it is a token, and the whole init is refused when it is not", () => {
    expect(hostMessageSchema.safeParse(init({ invitation: token })).success).toBe(true);
    expect(hostMessageSchema.safeParse(init({})).success).toBe(true);
    for (const bad of ["short", `${token}!`, "a".repeat(65), 42, null]) {
      expect(hostMessageSchema.safeParse(init({ invitation: bad })).success).toBe(false);
    }
  });

  it("is checked by the host script's pattern exactly as by the contract's schema", () => {
    const near = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_-]{20,66}$/),
      fc.string({ minLength: 20, maxLength: 70 }),
      fc.constantFrom("", token, `${token} `, `\n${token}`),
    );
    assertProperty(
      fc.property(near, (candidate) => {
        expect(invitationTokenPattern.test(candidate)).toBe(
          passTokenSchema.safeParse(candidate).success,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("takeFragmentToken", () => {
  afterEach(() => {
    history.replaceState(null, "", "/");
  });

  it("reads the token and removes it from the address bar, keeping the rest and history.state", () => {
    history.replaceState({ router: 1 }, "", `/side?x=1#klynge-invitation=${token}`);
    expect(takeFragmentToken("klynge-invitation")).toBe(token);
    expect(location.href).toBe("http://localhost:3000/side?x=1");
    expect(history.state).toEqual({ router: 1 });

    history.replaceState(null, "", `/side#afsnit&invitation=${token}&b=2`);
    expect(takeFragmentToken("invitation")).toBe(token);
    expect(location.hash).toBe("#afsnit&b=2");
  });

  it("leaves a fragment without it alone", () => {
    history.replaceState(null, "", "/side#afsnit");
    expect(takeFragmentToken("invitation")).toBeUndefined();
    expect(location.hash).toBe("#afsnit");
  });
});
