// @vitest-environment happy-dom
import { issueText, parseRound } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createCollectorClient } from "../collectorClient.js";
import { NewRoundPage } from "../NewRoundPage.js";
import { collectorStub, roundsReply } from "./fixtures/fetchStub.js";
import { baseline, followUp } from "./fixtures/report.js";

const api = new URL("https://klynge.example/api/");
const pageUrl = "https://klynge.example/coordinator/";
const march = () => new Date(2027, 2, 15);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function setup(postReply: { status: number; body: unknown } = { status: 201, body: {} }) {
  const stub = collectorStub({
    "GET /api/rounds": () =>
      roundsReply([
        { round: baseline, versionLabel: "KiAP skabelon: rehab 1.0.0", responses: 12 },
        { round: followUp, versionLabel: "KiAP skabelon: rehab 1.0.0", responses: 9 },
      ]),
    "POST /api/rounds": () => postReply,
  });
  vi.stubGlobal("fetch", stub.fetch);
  render(
    <NewRoundPage client={createCollectorClient(api)} locale="da" pageUrl={pageUrl} now={march} />,
  );
  return stub;
}

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function fillGoodRound(): void {
  fireEvent.change(screen.getByLabelText("Spørgeskema (skabelon)"), { target: { value: "rehab" } });
  type("Klynge", "Klynge Syd");
  type("Kommune", "Vejle Kommune");
  type("Rundens navn", "Baseline, marts 2027");
  type("Antal inviterede (valgfri)", "15");
}

describe("NewRoundPage", () => {
  it("suggests a round id from the cluster and the month", () => {
    setup();
    type("Klynge", "Klynge Sønderå");
    expect((screen.getByLabelText("Rundens id") as HTMLInputElement).value).toBe(
      "klynge-soenderaa.2027-03",
    );
  });

  it("shows the engine's issue at the round id field, and sends nothing", async () => {
    const stub = setup();
    fillGoodRound();
    type("Rundens id", "klynge syd/2027");
    fireEvent.click(screen.getByRole("button", { name: "Opret runde" }));

    const checked = parseRound({
      id: "klynge syd/2027",
      label: "x",
      cluster: "x",
      versionHash: templateVersion("rehab").hash,
    });
    if (checked.success) throw new Error("the id should be refused by the engine");
    const expected = issueText(checked.issues[0] as (typeof checked.issues)[0]).da;
    const input = screen.getByLabelText("Rundens id");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const errors = document.getElementById(`${input.id}-errors`);
    expect(errors?.textContent).toBe(expected);
    expect(input.getAttribute("aria-describedby")).toContain(`${input.id}-errors`);
    expect(document.activeElement).toBe(input);
    expect(screen.getByRole("alert").textContent).toContain("Ret felterne markeret med fejl");
    expect(stub.calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("refuses a share origin that is not an origin", () => {
    const stub = setup();
    fillGoodRound();
    type("Hjemmesider, der må modtage svarene (valgfri)", "https://www.kiap.dk\nwww.kiap.dk/side");
    fireEvent.click(screen.getByRole("button", { name: "Opret runde" }));
    expect(
      screen.getByText("Linje 2 er ikke en oprindelse (https://værtsnavn, uden sti)."),
    ).toBeTruthy();
    expect(stub.calls.filter((c) => c.method === "POST")).toHaveLength(0);
  });

  it("POSTs the round, the template's version and the origins, then shows the links", async () => {
    const stub = setup();
    fillGoodRound();
    type("Hjemmesider, der må modtage svarene (valgfri)", "https://www.kiap.dk\n\n");
    fireEvent.click(screen.getByRole("button", { name: "Opret runde" }));

    await screen.findByText("Runden klynge-syd.2027-03 er oprettet.");
    const posts = stub.calls.filter((c) => c.method === "POST");
    expect(posts).toHaveLength(1);
    const version = templateVersion("rehab");
    expect(posts[0]?.url).toBe("https://klynge.example/api/rounds");
    expect(posts[0]?.body).toEqual({
      round: {
        id: "klynge-syd.2027-03",
        label: "Baseline, marts 2027",
        versionHash: version.hash,
        cluster: "Klynge Syd",
        municipality: "Vejle Kommune",
        invited: 15,
      },
      version: JSON.parse(JSON.stringify(version)),
      embed: { shareAnswersWith: ["https://www.kiap.dk"] },
    });

    const snippet = screen.getByLabelText(
      "Indlejring på en hjemmeside (kopiér koden)",
    ) as HTMLTextAreaElement;
    expect(snippet.value).toBe(
      '<div data-klynge-survey="klynge-syd.2027-03"></div><script src="https://klynge.example/embed.js" async></script>',
    );
    const created = snippet.closest(".coordinator-created") as HTMLElement;
    expect(
      within(created)
        .getAllByRole("link")
        .map((a) => a.getAttribute("href")),
    ).toEqual([
      "https://klynge.example/app/?round=klynge-syd.2027-03",
      "https://klynge.example/coordinator/#/resultater?rounds=klynge-syd.2027-03",
    ]);
  });

  it("puts a 409 (id taken) at the round id field", async () => {
    setup({
      status: 409,
      body: { error: { code: "conflict", message: { da: "Id'et er taget.", en: "Id taken." } } },
    });
    fillGoodRound();
    fireEvent.click(screen.getByRole("button", { name: "Opret runde" }));
    expect(
      await screen.findByText("Id'et er allerede brugt til en anden runde. Vælg et andet id."),
    ).toBeTruthy();
    expect(screen.getByLabelText("Rundens id").getAttribute("aria-invalid")).toBe("true");
  });

  it("lists the existing rounds with their response counts", async () => {
    setup();
    const list = (await screen.findByRole("heading", { name: "Eksisterende runder" })).closest(
      "section",
    ) as HTMLElement;
    const row = await within(list).findByRole("row", { name: /^Opfølgning, oktober 2027/ });
    const cells = within(row)
      .getAllByRole("cell")
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual([
      "klynge-syd.2027-10",
      "Klynge Syd + Vejle Kommune",
      "KiAP skabelon: rehab 1.0.0",
      "9",
    ]);
  });
});
