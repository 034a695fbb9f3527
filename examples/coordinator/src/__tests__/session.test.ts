import { describe, expect, it, vi } from "vitest";
import { describeTarget } from "../admin/describeTarget.js";
import { issueLine } from "../issueLine.js";
import { accessIn, homePage, pagesFor } from "../session/access.js";
import { chooseCluster } from "../session/chooseCluster.js";
import { sessionReducer } from "../session/sessionState.js";
import { forgetSignInProblem, readSignInProblem, signInNext } from "../session/signInProblem.js";
import { adminSession, contactSession, coordinatorSession } from "./fixtures/sessions.js";

describe("sessionReducer", () => {
  const unreachable = {
    code: "unreachable" as const,
    status: 0,
    message: { da: "x", en: "x" },
    issues: [],
  };

  it("signs in, or out with the problem ?login= named", () => {
    const loading = { status: "loading" } as const;
    expect(
      sessionReducer(loading, { type: "loaded", info: coordinatorSession, problem: null }),
    ).toEqual({ status: "signed-in", session: coordinatorSession });
    expect(
      sessionReducer(loading, { type: "loaded", info: { user: null }, problem: "not-staff" }),
    ).toEqual({ status: "signed-out", problem: "not-staff" });
  });

  it("ends a signed-in session as 'expired', and nothing else", () => {
    const signedIn = { status: "signed-in", session: coordinatorSession } as const;
    expect(sessionReducer(signedIn, { type: "expired" })).toEqual({
      status: "signed-out",
      problem: "expired",
    });
    const signedOut = { status: "signed-out", problem: "provider" } as const;
    expect(sessionReducer(signedOut, { type: "expired" })).toBe(signedOut);
  });

  it("fails, and loads again on retry", () => {
    const failed = sessionReducer({ status: "loading" }, { type: "failed", error: unreachable });
    expect(failed).toEqual({ status: "failed", error: unreachable });
    expect(sessionReducer(failed, { type: "retry" })).toEqual({ status: "loading" });
  });
});

describe("pages by role", () => {
  it("follows the collector's access table for each role", () => {
    expect(pagesFor(accessIn(coordinatorSession, "klynge-syd"))).toEqual([
      "edit",
      "versions",
      "new-round",
      "rounds",
      "invitations",
      "results",
    ]);
    expect(pagesFor(accessIn(contactSession, "klynge-syd"))).toEqual([
      "versions",
      "rounds",
      "results",
    ]);
    expect(pagesFor(accessIn(adminSession, "klynge-syd"))).toEqual([
      "clusters",
      "staff",
      "origins",
      "packages",
      "audit",
      "rounds",
    ]);
    // A coordinator of one cluster has no role in another.
    expect(pagesFor(accessIn(coordinatorSession, "klynge-nord"))).toEqual([]);
  });

  it("gives an admin who is also a coordinator both, each page once", () => {
    const both = {
      ...adminSession,
      memberships: [
        { cluster: { id: "klynge-syd", name: "Klynge Syd" }, role: "coordinator" as const },
      ],
    };
    const pages = pagesFor(accessIn(both, "klynge-syd"));
    expect(pages).toEqual([
      "edit",
      "versions",
      "new-round",
      "rounds",
      "invitations",
      "results",
      "clusters",
      "staff",
      "origins",
      "packages",
      "audit",
    ]);
    expect(homePage(pages)).toBe("clusters");
    expect(homePage(["versions", "rounds", "results"])).toBe("rounds");
    expect(homePage([])).toBeUndefined();
  });
});

describe("chooseCluster", () => {
  const clusters = [
    { id: "klynge", name: "Klynge" },
    { id: "klynge-syd", name: "Klynge Syd" },
  ];

  it("takes the cluster of the address's rounds, then the remembered one, then the first", () => {
    expect(chooseCluster(clusters, { rounds: ["klynge-syd.2027-03"], remembered: "klynge" })).toBe(
      "klynge-syd",
    );
    expect(chooseCluster(clusters, { rounds: ["klynge.2027-03"] })).toBe("klynge");
    expect(chooseCluster(clusters, { remembered: "klynge-syd" })).toBe("klynge-syd");
    expect(chooseCluster(clusters, { remembered: "slettet" })).toBe("klynge");
    expect(chooseCluster([], {})).toBeNull();
  });
});

describe("sign-in addresses", () => {
  it("reads only the problems the collector sends", () => {
    expect(readSignInProblem("?login=domain")).toBe("domain");
    expect(readSignInProblem("?login=signed-out&x=1")).toBe("signed-out");
    expect(readSignInProblem("?login=expired")).toBeNull();
    expect(readSignInProblem("")).toBeNull();
  });

  it("takes ?login= out of the address, keeping path and hash", () => {
    const replaceState = vi.fn();
    const location = { search: "?login=provider", pathname: "/coordinator/", hash: "#/runder" };
    forgetSignInProblem(location, { replaceState });
    expect(replaceState).toHaveBeenCalledWith(null, "", "/coordinator/#/runder");
    replaceState.mockClear();
    forgetSignInProblem({ ...location, search: "?x=1" }, { replaceState });
    expect(replaceState).not.toHaveBeenCalled();
  });

  it("returns to this view, within the contract's 500 characters", () => {
    expect(signInNext({ pathname: "/coordinator/", hash: "#/resultater?rounds=a.1" })).toBe(
      "/coordinator/#/resultater?rounds=a.1",
    );
    expect(
      signInNext({ pathname: "/coordinator/", hash: `#/resultater?rounds=${"a".repeat(600)}` }),
    ).toBe("/coordinator/");
  });
});

describe("words for the server's data", () => {
  it("writes a CSV issue by its line, and another without the engine's path when asked", () => {
    const csv = {
      code: "csv_empty_cell",
      path: ["line", 4, "listedPatients"],
      message: { da: "Cellen er tom.", en: "The cell is empty." },
    };
    expect(issueLine(csv, "da")).toBe("Linje 4: Cellen er tom.");
    expect(issueLine(csv, "en")).toBe("Line 4: The cell is empty.");
    const k = {
      code: "too_small",
      path: ["k"],
      message: {
        da: "For kort eller for lille; mindst 3 (fik 2).",
        en: "Too short or too small; at least 3 (received 2).",
      },
    };
    expect(issueLine(k, "da")).toBe("k: For kort eller for lille; mindst 3 (fik 2).");
    expect(issueLine({ ...k, path: [] }, "en")).toBe(
      "(root): Too short or too small; at least 3 (received 2).",
    );
    expect(issueLine(k, "da", true)).toBe("For kort eller for lille; mindst 3 (fik 2).");
  });

  it("names staff and roles in an audit target", () => {
    const names = new Map([["00000000-0000-4000-8000-00000000c001", "Karen Koordinator"]]);
    const roles = { coordinator: "Koordinator", municipality: "Kommunens kontaktperson" };
    expect(describeTarget("00000000-0000-4000-8000-00000000C001: municipality", names, roles)).toBe(
      "Karen Koordinator: Kommunens kontaktperson",
    );
    expect(describeTarget("klynge-syd.2027-03: 12 svar slettet", names, roles)).toBe(
      "klynge-syd.2027-03: 12 svar slettet",
    );
  });
});
