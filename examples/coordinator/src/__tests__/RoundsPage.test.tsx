// @vitest-environment happy-dom
import { errorBody } from "@klynge/engine/contract";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RoundsPage } from "../rounds/RoundsPage.js";
import type { Access } from "../session/access.js";
import type { Handler } from "./fixtures/fetchStub.js";
import {
  adminAccess,
  clientFor,
  contactAccess,
  coordinatorAccess,
  testServices,
} from "./fixtures/renderApp.js";
import { coordinatorSession, klyngeSyd } from "./fixtures/sessions.js";

afterEach(cleanup);

function setup(access: Access = coordinatorAccess, handlers: Record<string, Handler> = {}) {
  const collector = clientFor(coordinatorSession, handlers);
  const services = testServices();
  render(
    <RoundsPage
      client={collector.client}
      locale="da"
      cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
      access={access}
      services={services}
    />,
  );
  return { ...collector, services };
}

async function card(label: string): Promise<HTMLElement> {
  const heading = await screen.findByRole("heading", { level: 3, name: label });
  return heading.closest("article") as HTMLElement;
}

const fact = (article: HTMLElement, term: string) =>
  within(article).getByText(term, { selector: "dt" }).nextElementSibling?.textContent;

describe("RoundsPage", () => {
  it("lists the cluster's rounds with their response counts, dates and the retention rule", async () => {
    const { stub } = setup();
    const baseline = await card("Baseline, marts 2027");
    expect(fact(baseline, "Svar")).toBe("12");
    expect(fact(baseline, "Inviterede")).toBe("15");
    expect(fact(baseline, "Status")).toBe(
      "Afsluttet 1. april 2027; tager stadig imod svar, indtil de rå svar slettes",
    );
    const followUp = await card("Opfølgning, oktober 2027");
    expect(fact(followUp, "Status")).toBe("Åben – tager imod svar");
    expect(
      await screen.findByText(
        "De rå svar slettes automatisk 12 måneder efter, at en runde er afsluttet. Rundens rapport gemmes.",
      ),
    ).toBeTruthy();
    expect(stub.calls[0]?.url).toBe("https://klynge.example/api/clusters/klynge-syd/rounds");
  });

  it("asks before deleting raw answers, explains that the report is kept, and sends DELETE only when confirmed", async () => {
    const { stub } = setup();
    const baseline = await card("Baseline, marts 2027");
    fireEvent.click(within(baseline).getByRole("button", { name: "Slet de rå svar …" }));

    const question = within(baseline).getByRole("group", {
      name: "Slet de rå svar fra Baseline, marts 2027?",
    });
    await vi.waitFor(() => expect(document.activeElement).toBe(question));
    expect(question.getAttribute("aria-describedby")).not.toBeNull();
    expect(question.textContent).toContain("De 12 enkelte besvarelser slettes for altid");
    expect(question.textContent).toContain(
      "Rundens rapport – de samlede tal efter anonymitetsreglerne – gemmes, så runden stadig kan vises og sammenlignes med senere runder.",
    );
    fireEvent.click(within(question).getByRole("button", { name: "Fortryd" }));
    expect(within(baseline).queryByRole("group", { name: /^Slet de rå svar fra/ })).toBeNull();
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(
        within(baseline).getByRole("button", { name: "Slet de rå svar …" }),
      ),
    );
    expect(stub.callsOf("DELETE")).toHaveLength(0);

    fireEvent.click(within(baseline).getByRole("button", { name: "Slet de rå svar …" }));
    fireEvent.click(within(baseline).getByRole("button", { name: "Ja, slet de rå svar" }));
    const done = await within(baseline).findByRole("status");
    expect(done.textContent).toBe(
      "12 besvarelser er slettet fra Baseline, marts 2027. Rapporten er gemt til senere sammenligninger.",
    );
    const deletes = stub.callsOf("DELETE");
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.url).toBe("https://klynge.example/api/rounds/klynge-syd.2027-03/responses");
    expect(deletes[0]?.headers["x-csrf-token"]).toBe("csrf-karen");
    await vi.waitFor(() =>
      expect(fact(baseline, "Status")).toMatch(/^De rå svar blev slettet 2\. maj 2027/),
    );
    // The list counts no stored answers now; the card does not say "0".
    expect(fact(baseline, "Svar")).toBe("Slettet; rapporten har dem talt med");
    // Nothing left to download or delete.
    expect(within(baseline).queryByRole("button", { name: "Hent svar (CSV)" })).toBeNull();
    expect(within(baseline).queryByRole("button", { name: "Slet de rå svar …" })).toBeNull();
  });

  it("offers deleting only once a round is closed, and closes one with the CSRF token", async () => {
    const { stub } = setup();
    const followUp = await card("Opfølgning, oktober 2027");
    expect(within(followUp).queryByRole("button", { name: "Slet de rå svar …" })).toBeNull();
    fireEvent.click(within(followUp).getByRole("button", { name: "Afslut runden" }));
    expect((await within(followUp).findByRole("status")).textContent).toBe(
      "Opfølgning, oktober 2027 er afsluttet. Den tager stadig imod svar, indtil de rå svar slettes.",
    );
    const [close] = stub.callsOf("POST");
    expect(close?.url).toBe("https://klynge.example/api/rounds/klynge-syd.2027-10/close");
    expect(close?.headers["x-csrf-token"]).toBe("csrf-karen");
    expect(await within(followUp).findByRole("button", { name: "Slet de rå svar …" })).toBeTruthy();
  });

  it("downloads the answers as CSV, byte-order mark kept, named by the round", async () => {
    const { services } = setup();
    const baseline = await card("Baseline, marts 2027");
    fireEvent.click(within(baseline).getByRole("button", { name: "Hent svar (CSV)" }));
    expect((await within(baseline).findByRole("status")).textContent).toBe(
      "Svarene er hentet som klynge-syd.2027-03.csv.",
    );
    expect(services.saveFile).toHaveBeenCalledWith(
      "klynge-syd.2027-03.csv",
      "\ufeffsvar;q1\r\n1;Ja\r\n",
      "text/csv;charset=utf-8",
    );
  });

  it("uploads the referral file as CSV text and says how many rows were kept", async () => {
    const { stub } = setup();
    const followUp = await card("Opfølgning, oktober 2027");
    const csv = "ydernummer;tilbud;henvisninger;tilknyttede\n012345;Genoptræning;12;1500\n";
    // Windows-1252, as Excel in Denmark often saves it: "æ" is one byte, 0xE6.
    const bytes = Uint8Array.from([...csv].map((c) => c.charCodeAt(0)));
    const file = new File([bytes], "henvisninger.csv", { type: "text/csv" });
    fireEvent.change(within(followUp).getByLabelText("Kommunens henvisninger (CSV-fil)"), {
      target: { files: [file] },
    });
    fireEvent.click(within(followUp).getByRole("button", { name: "Upload henvisninger" }));
    expect((await within(followUp).findByRole("status")).textContent).toBe(
      "1 række med henvisninger er gemt for Opfølgning, oktober 2027.",
    );
    const [put] = stub.callsOf("PUT");
    expect(put?.url).toBe("https://klynge.example/api/rounds/klynge-syd.2027-10/referrals");
    expect(put?.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(put?.headers["x-csrf-token"]).toBe("csrf-karen");
    expect(put?.body).toBe(csv);
  });

  it("shows a refused referral file's issues by line", async () => {
    const issue = {
      code: "csv_bad_number",
      path: ["line", 3, "referrals"],
      message: {
        da: 'Forventede et helt tal, fx 1234 eller 1.234 (fik "mange").',
        en: 'Expected a whole number such as 1234 or 1.234 (received "mange").',
      },
    };
    setup(coordinatorAccess, {
      "PUT /api/rounds/klynge-syd.2027-10/referrals": () => ({
        status: 400,
        body: { error: { ...errorBody("invalid_referrals").body.error, issues: [issue] } },
      }),
    });
    const followUp = await card("Opfølgning, oktober 2027");
    fireEvent.change(within(followUp).getByLabelText("Kommunens henvisninger (CSV-fil)"), {
      target: { files: [new File(["x"], "h.csv")] },
    });
    fireEvent.click(within(followUp).getByRole("button", { name: "Upload henvisninger" }));
    const alert = await within(followUp).findByRole("alert");
    expect(alert.textContent).toContain(
      "Henvisningerne blev ikke gemt: Henvisningsfilen blev afvist.",
    );
    expect(within(alert).getByRole("listitem").textContent).toBe(
      'Linje 3: Forventede et helt tal, fx 1234 eller 1.234 (fik "mange").',
    );
  });

  it("asks for a file before uploading nothing", async () => {
    const { stub } = setup();
    const followUp = await card("Opfølgning, oktober 2027");
    fireEvent.click(within(followUp).getByRole("button", { name: "Upload henvisninger" }));
    expect(within(followUp).getByRole("status").textContent).toBe("Vælg først en CSV-fil.");
    expect(stub.callsOf("PUT")).toHaveLength(0);
  });

  it.each([
    ["a municipality contact", contactAccess, true],
    ["KiAP's admin", adminAccess, false],
  ])(
    "gives %s the rounds to read, without a coordinator's actions",
    async (_who, access, results) => {
      setup(access);
      const baseline = await card("Baseline, marts 2027");
      expect(within(baseline).queryAllByRole("button")).toHaveLength(0);
      expect(within(baseline).queryByLabelText("Kommunens henvisninger (CSV-fil)")).toBeNull();
      expect(within(baseline).queryByText("Links og indlejring")).toBeNull();
      expect(within(baseline).queryByRole("link", { name: "Se resultater" }) !== null).toBe(
        results,
      );
      expect(screen.queryByRole("link", { name: "Opret en ny runde" })).toBeNull();
    },
  );
});
