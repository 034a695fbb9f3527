// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ResultsPage } from "../ResultsPage.js";
import { RoundsPage } from "../rounds/RoundsPage.js";
import type { Access } from "../session/access.js";
import { type Handler, ok, refuse } from "./fixtures/fetchStub.js";
import { clientFor, contactAccess, coordinatorAccess, testServices } from "./fixtures/renderApp.js";
import { baseline, followUp, generatedAt, twoRoundReport } from "./fixtures/report.js";
import { coordinatorSession, klyngeSyd } from "./fixtures/sessions.js";

afterEach(cleanup);

const name = "Hent svarene som regneark (Excel)";
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const cluster = { id: klyngeSyd.id, name: klyngeSyd.name };

function roundsPage(access: Access, handlers: Record<string, Handler> = {}) {
  const collector = clientFor(coordinatorSession, handlers);
  const services = testServices();
  render(
    <RoundsPage
      client={collector.client}
      locale="da"
      cluster={cluster}
      access={access}
      services={services}
    />,
  );
  return { ...collector, services };
}

function resultsPage(access: Access) {
  const collector = clientFor(coordinatorSession, {
    "GET /api/report": () =>
      ok({ report: twoRoundReport, referrals: null, generatedAt, openLinkRounds: [] }),
  });
  const services = testServices();
  render(
    <ResultsPage
      client={collector.client}
      locale="da"
      cluster={cluster}
      access={access}
      services={services}
      rounds={[baseline.id, followUp.id]}
      onChoose={() => {}}
    />,
  );
  return { ...collector, services };
}

async function card(label: string): Promise<HTMLElement> {
  const heading = await screen.findByRole("heading", { level: 3, name: label });
  return heading.closest("article") as HTMLElement;
}

describe("the answers as a spreadsheet, on the round's card", () => {
  it("downloads the workbook named by the round's label and says so; no token in the address", async () => {
    const { services, stub } = roundsPage(coordinatorAccess);
    const baselineCard = await card("Baseline, marts 2027");
    const button = within(baselineCard).getByRole("button", { name });
    expect(button.getAttribute("aria-describedby")).not.toBeNull();
    expect(
      document.getElementById(button.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toContain("kodebog");
    fireEvent.click(button);
    expect((await within(baselineCard).findByRole("status")).textContent).toBe(
      "Svarene er hentet som Svar – Baseline, marts 2027.xlsx.",
    );
    const [call] = stub.callsOf("GET", "/api/rounds/klynge-syd.2027-03/responses.xlsx");
    expect(call?.url).toBe("https://klynge.example/api/rounds/klynge-syd.2027-03/responses.xlsx");
    expect(call?.headers.accept).toBe(xlsxType);
    expect(services.saveFile).toHaveBeenCalledTimes(1);
    const [fileName, content, type] = vi.mocked(services.saveFile).mock.calls[0] ?? [];
    expect(fileName).toBe("Svar – Baseline, marts 2027.xlsx");
    expect(type).toBe(xlsxType);
    // The bytes as they came, not text decoded from them.
    expect(content).toBeInstanceOf(ArrayBuffer);
    expect(new TextDecoder().decode(content as ArrayBuffer)).toBe("PK\u0003\u0004arbejdsbog");
  });

  it("says why, in Danish, when the collector refuses", async () => {
    const { services } = roundsPage(coordinatorAccess, {
      "GET /api/rounds/klynge-syd.2027-03/responses.xlsx": () => refuse("responses_deleted"),
    });
    const baselineCard = await card("Baseline, marts 2027");
    fireEvent.click(within(baselineCard).getByRole("button", { name }));
    const alert = await within(baselineCard).findByRole("alert");
    expect(alert.textContent).toMatch(/^Regnearket kunne ikke hentes:/);
    expect(services.saveFile).not.toHaveBeenCalled();
    expect(within(baselineCard).getByRole("button", { name })).toBeTruthy();
  });

  it("is not offered to the municipality", async () => {
    roundsPage(contactAccess);
    const baselineCard = await card("Baseline, marts 2027");
    expect(within(baselineCard).queryByRole("button", { name })).toBeNull();
    expect(screen.queryByRole("button", { name: /regneark/ })).toBeNull();
  });
});

describe("the answers as a spreadsheet, on the results page", () => {
  it("offers each shown round's spreadsheet to its coordinator, the round named on the button", async () => {
    const { services } = resultsPage(coordinatorAccess);
    const first = await screen.findByRole("button", {
      name: "Hent svarene fra Baseline, marts 2027 som regneark (Excel)",
    });
    expect(
      screen.getByRole("button", {
        name: "Hent svarene fra Opfølgning, oktober 2027 som regneark (Excel)",
      }),
    ).toBeTruthy();
    fireEvent.click(first);
    expect((await screen.findByRole("status")).textContent).toBe(
      "Svarene er hentet som Svar – Baseline, marts 2027.xlsx.",
    );
    expect(vi.mocked(services.saveFile).mock.calls[0]?.[0]).toBe(
      "Svar – Baseline, marts 2027.xlsx",
    );
  });

  it("shows the municipality the report, with no spreadsheet of raw answers", async () => {
    resultsPage(contactAccess);
    await screen.findByRole("button", { name: "Hent PowerPoint" });
    expect(screen.queryByRole("button", { name: /regneark/ })).toBeNull();
  });
});
