// @vitest-environment happy-dom
import { polyfillSurveyJs } from "@klynge/test-support/happyDom";
import { act, cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { refuse } from "./fixtures/fetchStub.js";
import { renderApp } from "./fixtures/renderApp.js";
import {
  adminSession,
  contactSession,
  coordinatorSession,
  klyngeNord,
  klyngeSyd,
  signedOut,
} from "./fixtures/sessions.js";

// SurveyJS asks for these; happy-dom lacks them.
beforeAll(polyfillSurveyJs);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
});

const navLinks = () =>
  within(screen.getByRole("navigation", { name: "Sider" }))
    .getAllByRole("link")
    .map((link) => link.textContent);

async function go(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  });
}

/** On "Tilpas spørgeskema": removes one question, names the version and presses "Udgiv". */
async function publishFromEditor(): Promise<void> {
  // The editor is a lazy chunk (SurveyJS): its first import can take seconds on a busy CI,
  // within the suite's ceiling for a wait (vitest.setup.ts).
  const remove = await screen.findByRole("button", {
    name: "Fjern: Hvor får du oplysninger om kommunens tilbud?",
  });
  fireEvent.click(remove);
  fireEvent.change(screen.getByLabelText("Versionens navn"), {
    target: { value: "Klynge Syd, marts 2027" },
  });
  fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));
}

describe("signed out", () => {
  it("offers one way in: /auth/login with this page's path and hash as `next`", async () => {
    renderApp(signedOut, { path: "/coordinator/#/runder" });
    const link = await screen.findByRole("link", { name: "Log ind" });
    expect(link.getAttribute("href")).toBe(
      "https://klynge.example/auth/login?next=%2Fcoordinator%2F%23%2Frunder",
    );
    expect(screen.getByRole("heading", { level: 2, name: "Log ind i Klynge" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("navigation")).toBeNull();
  });

  it.each([
    ["not-staff", "Din e-mail er ikke oprettet i Klynge. Bed KiAP om at oprette dig."],
    ["domain", /^Din e-mail-adresse kan ikke bruges i Klynge: domænet er ikke godkendt/],
    ["interrupted", /^Log-ind blev ikke gennemført: det blev afbrudt, tog for lang tid/],
    ["provider", "Log-ind-tjenesten kunne ikke nås. Prøv igen om lidt."],
  ])(
    "explains ?login=%s in plain words, and takes it out of the address",
    async (problem, words) => {
      renderApp(signedOut, { path: `/coordinator/?login=${problem}#/runder` });
      const alert = await screen.findByRole("alert");
      if (typeof words === "string") expect(alert.textContent).toBe(words);
      else expect(alert.textContent).toMatch(words);
      expect(window.location.search).toBe("");
      expect(window.location.hash).toBe("#/runder");
      // The sign-in link does not carry the problem along.
      expect(screen.getByRole("link", { name: "Log ind" }).getAttribute("href")).toBe(
        "https://klynge.example/auth/login?next=%2Fcoordinator%2F%23%2Frunder",
      );
    },
  );

  it("says 'Du er logget ud' after signing out, as a status, not an error", async () => {
    renderApp(signedOut, { path: "/coordinator/?login=signed-out" });
    expect((await screen.findByRole("status")).textContent).toBe("Du er logget ud.");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("ignores a ?login= value it does not know", async () => {
    renderApp(signedOut, { path: "/coordinator/?login=%3Cscript%3E" });
    await screen.findByRole("link", { name: "Log ind" });
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("switches the sign-in page to English", async () => {
    renderApp(signedOut, { path: "/coordinator/?login=not-staff" });
    await screen.findByRole("link", { name: "Log ind" });
    fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByRole("link", { name: "Sign in" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe(
      "Your e-mail is not registered in Klynge. Ask KiAP to add you.",
    );
    expect(document.documentElement.lang).toBe("en");
  });

  it("says so when the session cannot be read, and tries again", async () => {
    const { stub } = renderApp(signedOut, {
      handlers: { "GET /api/session": () => refuse("unavailable") },
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Tjenesten er midlertidigt utilgængelig");
    fireEvent.click(within(alert).getByRole("button", { name: "Prøv igen" }));
    await vi.waitFor(() => expect(stub.callsOf("GET", "/api/session")).toHaveLength(2));
  });
});

describe("navigation by role", () => {
  it("gives a coordinator the coordinator's pages, their name and role, and opens Runder", async () => {
    renderApp(coordinatorSession);
    expect(
      await screen.findByRole("heading", { level: 2, name: "Runder i Klynge Syd" }),
    ).toBeTruthy();
    expect(navLinks()).toEqual([
      "Tilpas spørgeskema",
      "Versioner",
      "Ny runde",
      "Runder",
      "Invitationer",
      "Resultater",
    ]);
    const header = screen.getByRole("banner");
    expect(within(header).getByText("Karen Koordinator")).toBeTruthy();
    expect(header.textContent).toContain("Koordinator i Klynge Syd");
    // One cluster: nothing to pick.
    expect(within(header).queryByLabelText("Klynge")).toBeNull();
    expect(screen.getByRole("link", { name: "Runder" }).getAttribute("aria-current")).toBe("page");
  });

  it("gives a municipality contact versions, rounds and results: no CSV, no publishing, no new round", async () => {
    renderApp(contactSession, { path: "/coordinator/#/runder" });
    await screen.findByRole("heading", { level: 3, name: "Opfølgning, oktober 2027" });
    expect(navLinks()).toEqual(["Versioner", "Runder", "Resultater"]);
    expect(screen.getByRole("banner").textContent).toContain(
      "Kommunens kontaktperson i Klynge Syd",
    );
    expect(screen.queryByRole("button", { name: "Hent svar (CSV)" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Afslut runden" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Slet de rå svar/ })).toBeNull();
    expect(screen.queryByLabelText("Kommunens henvisninger (CSV-fil)")).toBeNull();
    expect(screen.queryByRole("link", { name: "Opret en ny runde" })).toBeNull();
    // Reports are theirs.
    expect(screen.getAllByRole("link", { name: "Se resultater" })).toHaveLength(2);

    await go("#/versioner");
    await screen.findByRole("heading", { level: 3, name: /^KiAP skabelon/ });
    expect(screen.queryByRole("link", { name: /^Ny runde på denne version/ })).toBeNull();
    expect(screen.queryByRole("link", { name: /^Tilpas videre/ })).toBeNull();

    // Typed into the address, the coordinator's pages are not shown either.
    await go("#/tilpas");
    expect(screen.getByRole("status").textContent).toContain("hører ikke til din rolle");
    expect(screen.queryByRole("button", { name: "Udgiv" })).toBeNull();
    await go("#/ny-runde");
    expect(screen.queryByRole("button", { name: "Opret runde" })).toBeNull();
  });

  it("gives KiAP's admin the admin pages and read-only rounds of any cluster, picked in the header", async () => {
    const { stub } = renderApp(adminSession, { path: "/coordinator/#/runder" });
    await screen.findByRole("heading", { level: 3, name: "Baseline, marts 2027" });
    expect(navLinks()).toEqual([
      "Klynger",
      "Personale",
      "Godkendte sider",
      "Klyngepakker",
      "Revisionslog",
      "Runder",
    ]);
    expect(screen.getByRole("banner").textContent).toContain("KiAP-administrator");
    expect(screen.queryByRole("button", { name: "Hent svar (CSV)" })).toBeNull();
    expect(screen.queryByRole("link", { name: "Se resultater" })).toBeNull();

    const picker = within(screen.getByRole("banner")).getByLabelText("Klynge") as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      klyngeSyd.name,
      klyngeNord.name,
    ]);
    fireEvent.change(picker, { target: { value: klyngeNord.id } });
    expect(
      await screen.findByRole("heading", { level: 2, name: "Runder i Klynge Nord" }),
    ).toBeTruthy();
    expect(await screen.findByText("Klyngen har ingen runder endnu.")).toBeTruthy();
    expect(stub.callsOf("GET", "/api/clusters/klynge-nord/rounds")).toHaveLength(1);
  });

  it("picks the cluster of the rounds in a results link", async () => {
    window.localStorage.clear();
    const session = {
      ...coordinatorSession,
      memberships: [
        { cluster: { id: klyngeNord.id, name: klyngeNord.name }, role: "municipality" as const },
        { cluster: { id: klyngeSyd.id, name: klyngeSyd.name }, role: "coordinator" as const },
      ],
    };
    renderApp(session, { path: "/coordinator/#/resultater?rounds=klynge-syd.2027-03" });
    // The results page is a lazy chunk (recharts): its first import can take seconds on a busy CI,
    // within the suite's ceiling for a wait (vitest.setup.ts).
    expect(
      await screen.findByRole("heading", { level: 2, name: "Resultater i Klynge Syd" }),
    ).toBeTruthy();
    const header = screen.getByRole("banner");
    expect(header.textContent).toContain("Koordinator i Klynge Syd");
    expect((within(header).getByLabelText("Klynge") as HTMLSelectElement).value).toBe(klyngeSyd.id);
  }, 30_000);
});

describe("during use", () => {
  it("moves the focus to the new page's heading after a navigation", async () => {
    renderApp(coordinatorSession, { path: "/coordinator/#/runder" });
    await screen.findByRole("heading", { level: 2, name: "Runder i Klynge Syd" });
    await go("#/versioner");
    const heading = await screen.findByRole("heading", {
      level: 2,
      name: "Versioner i Klynge Syd",
    });
    // The heading takes the focus in an effect, after the render that showed it.
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it("shows the sign-in page with 'Din session er udløbet' when a call is refused with signed_out", async () => {
    const { stub } = renderApp(coordinatorSession, {
      path: "/coordinator/#/runder",
      handlers: { "POST /api/rounds/klynge-syd.2027-10/close": () => refuse("signed_out") },
    });
    const card = (
      await screen.findByRole("heading", { level: 3, name: "Opfølgning, oktober 2027" })
    ).closest("article") as HTMLElement;
    fireEvent.click(within(card).getByRole("button", { name: "Afslut runden" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Din session er udløbet\. Log ind igen/);
    const heading = screen.getByRole("heading", { level: 2, name: "Log ind i Klynge" });
    // The heading takes the focus in an effect, after the render that showed it.
    await vi.waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getByRole("link", { name: "Log ind" }).getAttribute("href")).toBe(
      "https://klynge.example/auth/login?next=%2Fcoordinator%2F%23%2Frunder",
    );
    expect(
      stub.callsOf("POST", "/api/rounds/klynge-syd.2027-10/close")[0]?.headers["x-csrf-token"],
    ).toBe("csrf-karen");
  });

  it("keeps the editor's draft when the session ends while publishing", async () => {
    const { draftStorage } = renderApp(coordinatorSession, {
      path: "/coordinator/#/tilpas",
      handlers: { "POST /api/clusters/klynge-syd/versions": () => refuse("signed_out") },
    });
    await publishFromEditor();

    expect((await screen.findByRole("alert")).textContent).toMatch(/^Din session er udløbet/);
    expect(screen.getByRole("link", { name: "Log ind" }).getAttribute("href")).toBe(
      "https://klynge.example/auth/login?next=%2Fcoordinator%2F%23%2Ftilpas",
    );
    const drafts = [...draftStorage.drafts.values()];
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ label: "Klynge Syd, marts 2027", edits: [{ op: "remove" }] });
  }, 30_000);

  it("opens 'Ny runde' after 'Udgiv' at its top, on the news that the version is published", async () => {
    const scrollTo = vi.fn();
    vi.stubGlobal("scrollTo", scrollTo);
    renderApp(coordinatorSession, { path: "/coordinator/#/tilpas" });
    await publishFromEditor();

    const news = await screen.findByText(
      "Versionen «Klynge Syd, marts 2027» er udgivet. Opret runden på den nedenfor.",
    );
    expect(news.getAttribute("role")).toBe("status");
    await vi.waitFor(() => expect(document.activeElement).toBe(news));
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("Ny runde i Klynge Syd");
    expect(screen.queryByText(/^Vælg spørgeskemaet/)).toBeNull();
    expect(
      screen.getByText(
        "Udfyld rundens oplysninger. Du får derefter links til at indlejre spørgeskemaet og til mødeappen.",
      ),
    ).toBeTruthy();
  }, 30_000);

  it("signs out with the CSRF token and follows the collector's redirect", async () => {
    const { stub, services } = renderApp(coordinatorSession, { path: "/coordinator/#/runder" });
    fireEvent.click(await screen.findByRole("button", { name: "Log ud" }));
    await vi.waitFor(() =>
      expect(services.navigateTo).toHaveBeenCalledWith("/coordinator/?login=signed-out"),
    );
    expect(stub.callsOf("POST", "/auth/logout")[0]?.headers["x-csrf-token"]).toBe("csrf-karen");
  });

  it("tells a staff member without any role what to do", async () => {
    renderApp({ ...coordinatorSession, memberships: [] });
    expect((await screen.findByRole("status")).textContent).toContain(
      "Du har endnu ingen rolle i en klynge",
    );
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getByRole("button", { name: "Log ud" })).toBeTruthy();
  });

  it("keeps the language and large-text switches", async () => {
    renderApp(coordinatorSession, { path: "/coordinator/#/runder" });
    await screen.findByRole("heading", { level: 2, name: "Runder i Klynge Syd" });
    fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByRole("heading", { level: 2, name: "Rounds in Klynge Syd" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Pages" })).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Large text" }));
    expect(document.querySelector(".coordinator--large")).not.toBeNull();
  });
});
