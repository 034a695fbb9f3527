// @vitest-environment happy-dom
import { formatIssue } from "@klynge/engine";
import {
  type AuditEntry,
  apiErrors,
  type Cluster,
  parseWithSchema,
  routes,
} from "@klynge/engine/contract";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AuditPage } from "../admin/AuditPage.js";
import { ClustersPage } from "../admin/ClustersPage.js";
import { OriginsPage } from "../admin/OriginsPage.js";
import { StaffPage } from "../admin/StaffPage.js";
import type { ApiClient } from "../api/createApiClient.js";
import { useApiResult } from "../useApiResult.js";
import { ok, refuse } from "./fixtures/fetchStub.js";
import { adminAccess, clientFor, testServices } from "./fixtures/renderApp.js";
import { adminSession, contact, coordinator, klyngeNord, klyngeSyd } from "./fixtures/sessions.js";

afterEach(cleanup);

const common = { locale: "da" as const, access: adminAccess, services: testServices() };

function type(scope: HTMLElement, label: string, value: string): void {
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
}

/** The clusters page as the app holds it: the list, the chosen cluster, a reload after changes. */
function ClustersHarness(props: { client: ApiClient; onChoose: (id: string) => void }) {
  const [clusters, reload] = useApiResult("clusters", () => props.client.call("listClusters"));
  const [chosen, setChosen] = useState<string | null>(klyngeSyd.id);
  return (
    <ClustersPage
      {...common}
      client={props.client}
      clusters={clusters}
      chosen={chosen}
      onChoose={(id) => {
        setChosen(id);
        props.onChoose(id);
      }}
      onClustersChanged={reload}
    />
  );
}

function setupClusters() {
  const collector = clientFor(adminSession);
  const onChoose = vi.fn();
  render(<ClustersHarness client={collector.client} onChoose={onChoose} />);
  return { ...collector, onChoose };
}

const createForm = () =>
  screen.getByRole("heading", { level: 3, name: "Opret klynge" }).closest("section") as HTMLElement;

describe("ClustersPage", () => {
  it("lists the clusters with their k and retention", async () => {
    setupClusters();
    const row = await screen.findByRole("row", { name: /^Klynge Nord/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["Ingen", "4", "24 måneder", "Vælg Klynge Nord"]);
  });

  it("refuses k below 3 before sending, with the server's rule, then creates the cluster", async () => {
    const { stub, onChoose } = setupClusters();
    await screen.findByRole("row", { name: /^Klynge Nord/ });
    const form = createForm();
    type(form, "Klyngens id", "klynge-vest");
    type(form, "Navn", "Klynge Vest");
    type(form, "Kommuner (valgfri)", "Esbjerg Kommune\n\nVarde Kommune\n");
    type(form, "Anonymitetsgrænse (k)", "2");
    fireEvent.click(within(form).getByRole("button", { name: "Opret klynge" }));

    const k = within(form).getByLabelText("Anonymitetsgrænse (k)");
    await vi.waitFor(() => expect(k.getAttribute("aria-invalid")).toBe("true"));
    // The message the server would give: the contract's own schema, through the engine.
    const rule = parseWithSchema(routes.createCluster.body, { id: "a", name: "A", k: 2 });
    if (rule.success) throw new Error("the contract should refuse k = 2");
    const expected = formatIssue(rule.issues[0] as (typeof rule.issues)[0], "da");
    expect(expected).toMatch(/mindst 3/);
    expect(document.getElementById(`${k.id}-errors`)?.textContent).toBe(expected);
    await vi.waitFor(() => expect(document.activeElement).toBe(k));
    expect(stub.callsOf("POST")).toHaveLength(0);

    type(form, "Anonymitetsgrænse (k)", "5");
    fireEvent.click(within(form).getByRole("button", { name: "Opret klynge" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      "Klyngen Klynge Vest er oprettet og valgt.",
    );
    const [post] = stub.callsOf("POST", "/api/clusters");
    expect(post?.headers["x-csrf-token"]).toBe("csrf-alma");
    expect(post?.body).toEqual({
      id: "klynge-vest",
      name: "Klynge Vest",
      municipalities: ["Esbjerg Kommune", "Varde Kommune"],
      k: 5,
      retentionMonths: 12,
    });
    expect(onChoose).toHaveBeenCalledWith("klynge-vest");
    expect(await screen.findByRole("row", { name: /^Klynge Vest/ })).toBeTruthy();
    // A fresh form for the next one.
    expect((within(createForm()).getByLabelText("Klyngens id") as HTMLInputElement).value).toBe("");
  });

  it("puts a taken id at the id field", async () => {
    setupClusters();
    await screen.findByRole("row", { name: /^Klynge Nord/ });
    const form = createForm();
    type(form, "Klyngens id", "klynge-nord");
    type(form, "Navn", "Klynge Nord igen");
    fireEvent.click(within(form).getByRole("button", { name: "Opret klynge" }));
    expect(
      await within(form).findByText("Der findes allerede en klynge med dette id."),
    ).toBeTruthy();
  });

  it("changes the chosen cluster's k and retention with PATCH", async () => {
    const { stub } = setupClusters();
    const settings = (
      await screen.findByRole("heading", { level: 3, name: "Regler for Klynge Syd" })
    ).closest("section") as HTMLElement;
    type(settings, "Anonymitetsgrænse (k)", "7");
    type(settings, "Opbevaring af rå svar (måneder)", "6");
    fireEvent.click(within(settings).getByRole("button", { name: "Gem reglerne" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      "Reglerne for Klynge Syd er gemt.",
    );
    const [patch] = stub.callsOf("PATCH");
    expect(patch?.url).toBe("https://klynge.example/api/clusters/klynge-syd");
    expect(patch?.body).toEqual({
      name: "Klynge Syd",
      municipalities: ["Vejle Kommune"],
      k: 7,
      retentionMonths: 6,
    });
  });

  it("puts the server's k_locked at k: kept reports were made with the present k", async () => {
    const collector = clientFor(adminSession, {
      "PATCH /api/clusters/klynge-syd": () => refuse("k_locked"),
    });
    render(<ClustersHarness client={collector.client} onChoose={() => {}} />);
    const settings = (
      await screen.findByRole("heading", { level: 3, name: "Regler for Klynge Syd" })
    ).closest("section") as HTMLElement;
    type(settings, "Anonymitetsgrænse (k)", "6");
    fireEvent.click(within(settings).getByRole("button", { name: "Gem reglerne" }));
    const k = within(settings).getByLabelText("Anonymitetsgrænse (k)");
    await vi.waitFor(() => expect(k.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(`${k.id}-errors`)?.textContent).toBe(apiErrors.k_locked.da);
    await vi.waitFor(() => expect(document.activeElement).toBe(k));
  });

  it("gives a person a role in the chosen cluster, and removes one", async () => {
    const { stub } = setupClusters();
    const roles = (
      await screen.findByRole("heading", { level: 3, name: "Roller i Klynge Syd" })
    ).closest("section") as HTMLElement;
    const karen = await within(roles).findByRole("row", { name: /^Karen Koordinator/ });
    expect(within(karen).getAllByRole("cell")[0]?.textContent).toBe("Koordinator");

    const person = within(roles).getByLabelText("Person") as HTMLSelectElement;
    await within(person).findByRole("option", { name: "Alma Admin (alma@kiap.dk)" });
    fireEvent.change(person, { target: { value: adminSession.user?.id } });
    fireEvent.change(within(roles).getByLabelText("Rolle"), { target: { value: "municipality" } });
    fireEvent.click(within(roles).getByRole("button", { name: "Giv rollen" }));

    expect((await within(roles).findByRole("status")).textContent).toBe(
      "Alma Admin er nu kommunens kontaktperson i Klynge Syd.",
    );
    const [put] = stub.callsOf("PUT");
    expect(put?.url).toBe(
      `https://klynge.example/api/clusters/klynge-syd/members/${adminSession.user?.id}`,
    );
    expect(put?.body).toEqual({ role: "municipality" });
    expect(put?.headers["x-csrf-token"]).toBe("csrf-alma");
    const alma = within(roles).getByRole("row", { name: /^Alma Admin/ });
    expect(within(alma).getAllByRole("cell")[0]?.textContent).toBe("Kommunens kontaktperson");

    fireEvent.click(
      within(roles).getByRole("button", { name: `Fjern rollen for ${contact.name}` }),
    );
    expect((await within(roles).findByRole("status")).textContent).toBe(
      "Mads Kommune har ikke længere en rolle i Klynge Syd.",
    );
    expect(stub.callsOf("DELETE")[0]?.url).toBe(
      `https://klynge.example/api/clusters/klynge-syd/members/${contact.id}`,
    );
    expect(within(roles).queryByRole("row", { name: /^Mads Kommune/ })).toBeNull();
  });

  it("asks for a person before giving a role", async () => {
    const { stub } = setupClusters();
    const roles = (
      await screen.findByRole("heading", { level: 3, name: "Roller i Klynge Syd" })
    ).closest("section") as HTMLElement;
    fireEvent.click(within(roles).getByRole("button", { name: "Giv rollen" }));
    expect(within(roles).getByRole("alert").textContent).toBe("Vælg en person først.");
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(within(roles).getByLabelText("Person")),
    );
    expect(stub.callsOf("PUT")).toHaveLength(0);
  });
});

describe("StaffPage", () => {
  it("adds a person by e-mail and name", async () => {
    const { client, stub } = clientFor(adminSession);
    render(<StaffPage {...common} client={client} />);
    await screen.findByRole("row", { name: /^Karen Koordinator/ });
    const form = screen
      .getByRole("heading", { level: 3, name: "Tilføj en person, eller ret en" })
      .closest("section") as HTMLElement;
    type(form, "E-mail", "sofie@klynge-nord.dk");
    type(form, "Navn", "Sofie Sørensen");
    fireEvent.click(within(form).getByRole("button", { name: "Gem person" }));
    expect((await within(form).findByRole("status")).textContent).toBe("Sofie Sørensen er gemt.");
    expect(stub.callsOf("POST", "/api/staff")[0]?.body).toEqual({
      email: "sofie@klynge-nord.dk",
      name: "Sofie Sørensen",
      admin: false,
    });
    const row = await screen.findByRole("row", { name: /^Sofie Sørensen/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["sofie@klynge-nord.dk", "Nej"]);
  });

  it("puts a refused e-mail at its field, unsent", async () => {
    const { client, stub } = clientFor(adminSession);
    render(<StaffPage {...common} client={client} />);
    await screen.findByRole("row", { name: /^Karen Koordinator/ });
    const email = screen.getByLabelText("E-mail");
    fireEvent.change(email, { target: { value: "ikke en adresse" } });
    fireEvent.change(screen.getByLabelText("Navn"), { target: { value: "X" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem person" }));
    await vi.waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    await vi.waitFor(() => expect(document.activeElement).toBe(email));
    expect(stub.callsOf("POST")).toHaveLength(0);
  });
});

describe("OriginsPage", () => {
  it("adds an approved site, refusing what is not an origin, and removes one; each change saves the list", async () => {
    const { client, stub } = clientFor(adminSession);
    render(<OriginsPage {...common} client={client} />);
    await screen.findByRole("button", { name: "Fjern https://klynge-syd.dk" });
    const field = screen.getByLabelText("Ny side");

    fireEvent.change(field, { target: { value: "https://www.Vejle.dk/sundhed/" } });
    fireEvent.click(screen.getByRole("button", { name: "Tilføj" }));
    expect(
      screen.getByText("Det er ikke en oprindelse. Mente du https://www.vejle.dk?"),
    ).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(stub.callsOf("PUT")).toHaveLength(0);

    fireEvent.change(field, { target: { value: "https://www.kiap.dk" } });
    fireEvent.click(screen.getByRole("button", { name: "Tilføj" }));
    expect(screen.getByText("Siden står allerede på listen.")).toBeTruthy();
    expect(stub.callsOf("PUT")).toHaveLength(0);

    fireEvent.change(field, { target: { value: "https://www.vejle.dk" } });
    fireEvent.click(screen.getByRole("button", { name: "Tilføj" }));
    expect((await screen.findByRole("status")).textContent).toBe(
      "Listen er gemt. Den har 3 sider.",
    );
    expect(stub.callsOf("PUT")[0]?.body).toEqual({
      origins: ["https://www.kiap.dk", "https://klynge-syd.dk", "https://www.vejle.dk"],
    });
    expect(stub.callsOf("PUT")[0]?.headers["x-csrf-token"]).toBe("csrf-alma");
    expect((field as HTMLInputElement).value).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "Fjern https://klynge-syd.dk" }));
    await screen.findByText("Listen er gemt. Den har 2 sider.");
    expect(stub.callsOf("PUT")[1]?.body).toEqual({
      origins: ["https://www.kiap.dk", "https://www.vejle.dk"],
    });
    expect(screen.queryByRole("button", { name: "Fjern https://klynge-syd.dk" })).toBeNull();
    expect(screen.getAllByRole("listitem").map((li) => li.firstElementChild?.textContent)).toEqual([
      "https://www.kiap.dk",
      "https://www.vejle.dk",
    ]);
  });
});

describe("AuditPage", () => {
  function entry(id: number, change: Partial<AuditEntry> = {}): AuditEntry {
    return {
      id,
      at: `2027-03-${String(10 + id).padStart(2, "0")}T08:05:00.000Z`,
      actor: "Alma Admin <alma@kiap.dk>",
      action: "sign_in",
      cluster: null,
      target: null,
      outcome: "ok",
      ...change,
    };
  }

  it("shows the newest first by id, whatever order the server's page comes in", async () => {
    // The collector sorts its page by the id as text (…, 10, 1, 9, …); the contract says newest first.
    const { client } = clientFor(adminSession, {
      "GET /api/audit": () =>
        ok({
          entries: [
            entry(9),
            entry(10, { action: "sign_out" }),
            entry(1, { action: "staff_saved" }),
          ],
          next: null,
        }),
    });
    render(<AuditPage {...common} client={client} clusters={[]} />);
    await screen.findByRole("row", { name: /Loggede ud/ });
    expect(screen.getAllByRole("rowheader").map((th) => th.textContent)).toEqual([
      "Loggede ud",
      "Loggede ind",
      "Gemte en person",
    ]);
  });

  it("shows the newest page in words, then older pages on request, until the first entry", async () => {
    const { client, stub, state } = clientFor(adminSession);
    state.audit = [
      entry(5, {
        action: "member_set",
        cluster: "klynge-syd",
        target: `${coordinator.id}: coordinator`,
      }),
      entry(4, {
        action: "responses_exported",
        cluster: "klynge-syd",
        outcome: "refused",
        actor: "Mads Kommune <mads@vejle.dk>",
        target: "klynge-syd.2027-03",
      }),
      entry(3, { action: "round_closed", cluster: "klynge-syd", target: "klynge-syd.2027-03" }),
      entry(2, { action: "responses_deleted", actor: "system", cluster: "klynge-syd" }),
      entry(1),
    ];
    const clusters: Cluster[] = [klyngeSyd, klyngeNord];
    render(<AuditPage {...common} client={client} clusters={clusters} />);

    const first = await screen.findByRole("row", { name: /Gav en rolle i en klynge/ });
    expect(
      within(first)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual([
      expect.stringMatching(/^15\. mar\. 2027,? 09[.:]05$/),
      "Alma Admin <alma@kiap.dk>",
      "Klynge Syd",
      "Karen Koordinator: Koordinator",
      "Udført",
    ]);
    const refused = screen.getByRole("row", { name: /Hentede rå svar \(CSV\)/ });
    expect(within(refused).getAllByRole("cell").at(-1)?.textContent).toBe("Afvist");
    expect(screen.getAllByRole("row")).toHaveLength(3);

    fireEvent.click(screen.getByRole("button", { name: "Vis ældre hændelser" }));
    expect((await screen.findByRole("status")).textContent).toBe("4 hændelser vises.");
    expect(new URL(stub.calls.at(-1)?.url ?? "").searchParams.get("before")).toBe("4");
    const system = screen.getByRole("row", { name: /Slettede rå svar/ });
    expect(within(system).getAllByRole("cell")[1]?.textContent).toBe(
      "Systemet (automatisk sletning)",
    );

    fireEvent.click(screen.getByRole("button", { name: "Vis ældre hændelser" }));
    const end = await screen.findByText("Der er ikke flere hændelser.");
    expect(screen.getAllByRole("row")).toHaveLength(6);
    expect(screen.queryByRole("button", { name: "Vis ældre hændelser" })).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(end));
  });
});
