// @vitest-environment happy-dom
import { applyEdits, type ClusterPackage, formatIssue, parseRound } from "@klynge/engine";
import { roundBelongsTo } from "@klynge/engine/contract";
import { getPackage, templateVersion } from "@klynge/question-bank";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NewRoundPage, type NewRoundPageProps } from "../NewRoundPage.js";
import { packageEntry, versionEntry } from "./fixtures/fakeCollector.js";
import { type Handler, refuse } from "./fixtures/fetchStub.js";
import { clientFor, coordinatorAccess, testServices } from "./fixtures/renderApp.js";
import { coordinatorSession, klyngeNord, klyngeSyd } from "./fixtures/sessions.js";
import { medicinPackage } from "./fixtures/uploadedPackage.js";

afterEach(cleanup);

const rehab = templateVersion("rehab");
/** Choices are named by the package's title, as on the admin page "Klyngepakker". */
const bankTitle = (id: string) => (getPackage(id) as ClusterPackage).title.da;

function setup(
  options: {
    handlers?: Record<string, Handler>;
    cluster?: NewRoundPageProps["cluster"];
    preselect?: string;
  } = {},
) {
  const collector = clientFor(coordinatorSession, options.handlers);
  const cluster = options.cluster ?? { id: klyngeSyd.id, name: klyngeSyd.name };
  render(
    <NewRoundPage
      client={collector.client}
      locale="da"
      cluster={cluster}
      access={coordinatorAccess}
      services={testServices()}
      {...(options.preselect === undefined ? {} : { preselect: options.preselect })}
    />,
  );
  return collector;
}

function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function fillGoodRound(): Promise<void> {
  // The cluster's municipalities are loaded; the first is chosen.
  await screen.findByRole("option", { name: "Vejle Kommune" });
  type("Rundens navn", "Baseline, marts 2027");
  type("Antal inviterede (valgfri)", "15");
}

const submit = () => fireEvent.click(screen.getByRole("button", { name: "Opret runde" }));

describe("NewRoundPage", () => {
  it("fixes the cluster's id in front of the round id and suggests the month after it", async () => {
    setup();
    await screen.findByRole("option", { name: "Vejle Kommune" });
    const id = screen.getByLabelText("Rundens id") as HTMLInputElement;
    // March 2027 is taken by the baseline: the next free suffix.
    expect(id.value).toBe("2027-03-2");
    expect(id.closest(".coordinator-prefixed")?.textContent).toBe("klynge-syd.");
    expect(
      screen.getByText(/^Begynder altid med klyngens id og et punktum \(klynge-syd\.\)\. Resten/),
    ).toBeTruthy();
  });

  it("offers KiAP's approved sites as checkboxes and sends only those checked", async () => {
    const { stub } = setup();
    await fillGoodRound();
    const share = screen.getByRole("group", { name: "Sider, der må modtage svarene (valgfri)" });
    const boxes = within(share).getAllByRole("checkbox");
    expect(boxes.map((b) => b.closest("label")?.textContent)).toEqual([
      "https://www.kiap.dk",
      "https://klynge-syd.dk",
    ]);
    expect(within(share).queryByRole("textbox")).toBeNull();
    fireEvent.click(within(share).getByRole("checkbox", { name: "https://klynge-syd.dk" }));
    submit();

    await screen.findByText("Runden Baseline, marts 2027 er oprettet.");
    const posts = stub.callsOf("POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]?.url).toBe("https://klynge.example/api/clusters/klynge-syd/rounds");
    expect(posts[0]?.headers["x-csrf-token"]).toBe("csrf-karen");
    expect(posts[0]?.body).toEqual({
      round: {
        id: "klynge-syd.2027-03-2",
        label: "Baseline, marts 2027",
        versionHash: rehab.hash,
        cluster: "Klynge Syd",
        municipality: "Vejle Kommune",
        invited: 15,
      },
      version: JSON.parse(JSON.stringify(rehab)),
      embed: { shareAnswersWith: ["https://klynge-syd.dk"] },
    });

    const snippet = screen.getByLabelText(
      "Indlejring på en hjemmeside (kopiér koden)",
    ) as HTMLTextAreaElement;
    expect(snippet.value).toBe(
      '<div data-klynge-survey="klynge-syd.2027-03-2"></div><script src="https://klynge.example/embed.js" async></script>',
    );
  });

  it("keeps the cluster's prefix whatever the coordinator writes after it", async () => {
    const { stub } = setup({ cluster: { id: klyngeNord.id, name: klyngeNord.name } });
    await screen.findByRole("checkbox", { name: "https://www.kiap.dk" });
    type("Kommune", "Horsens Kommune");
    type("Rundens navn", "Opfølgning");
    type("Rundens id", "klynge-syd.2027-10");
    submit();
    await screen.findByText("Runden Opfølgning er oprettet.");
    const body = stub.callsOf("POST")[0]?.body as { round: { id: string }; embed: unknown };
    expect(body.round.id).toBe("klynge-nord.klynge-syd.2027-10");
    expect(roundBelongsTo(body.round.id, "klynge-nord")).toBe(true);
    expect(body.embed).toEqual({ shareAnswersWith: [] });
  });

  it("shows the engine's issue at the round id field, and sends nothing", async () => {
    const { stub } = setup();
    await fillGoodRound();
    type("Rundens id", "marts 2027/a");
    submit();

    const checked = parseRound({
      id: "klynge-syd.marts 2027/a",
      label: "x",
      cluster: "x",
      versionHash: rehab.hash,
    });
    if (checked.success) throw new Error("the id should be refused by the engine");
    const expected = formatIssue(checked.issues[0] as (typeof checked.issues)[0], "da");
    const input = screen.getByLabelText("Rundens id");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${input.id}-errors`)?.textContent).toBe(expected);
    expect(input.getAttribute("aria-describedby")).toContain(`${input.id}-errors`);
    await vi.waitFor(() => expect(document.activeElement).toBe(input));
    expect(screen.getByRole("alert").textContent).toContain("Ret felterne markeret med fejl");
    expect(stub.callsOf("POST")).toHaveLength(0);
  });

  it("puts a taken id (round_conflict) at the round id field", async () => {
    setup({
      handlers: { "POST /api/clusters/klynge-syd/rounds": () => refuse("round_conflict") },
    });
    await fillGoodRound();
    submit();
    expect(
      await screen.findByText("Id'et er allerede brugt til en anden runde. Vælg et andet id."),
    ).toBeTruthy();
    const input = screen.getByLabelText("Rundens id");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await vi.waitFor(() => expect(document.activeElement).toBe(input));
  });

  it("says so when KiAP has approved no sites", async () => {
    const collector = clientFor(coordinatorSession);
    collector.state.origins = [];
    render(
      <NewRoundPage
        client={collector.client}
        locale="da"
        cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
        access={coordinatorAccess}
        services={testServices()}
      />,
    );
    expect(
      await screen.findByText("KiAP har ikke godkendt nogen sider, så svarene går kun til Klynge."),
    ).toBeTruthy();
    expect(screen.queryAllByRole("checkbox")).toHaveLength(0);
  });

  it("puts a refused site (origin_not_allowed) at the sites", async () => {
    setup({
      handlers: { "POST /api/clusters/klynge-syd/rounds": () => refuse("origin_not_allowed") },
    });
    await fillGoodRound();
    fireEvent.click(screen.getByRole("checkbox", { name: "https://www.kiap.dk" }));
    submit();
    const share = screen.getByRole("group", { name: "Sider, der må modtage svarene (valgfri)" });
    expect(
      await within(share).findByText(
        "Svarene kan kun deles med hjemmesider på KiAP's liste over godkendte sider.",
      ),
    ).toBeTruthy();
  });

  it("creates the round on one of the cluster's versions, fetched and re-hashed", async () => {
    const adapted = applyEdits(
      rehab,
      [{ op: "remove", questionId: rehab.questionnaire.questions[7]?.id ?? "" }],
      {
        label: "Klynge Syd, tilpasset",
      },
    );
    if (!adapted.success) throw new Error("the edit should apply");
    const collector = clientFor(coordinatorSession);
    collector.state.versions["klynge-syd"] = [
      { entry: versionEntry(adapted.data), version: adapted.data },
    ];
    render(
      <NewRoundPage
        client={collector.client}
        locale="da"
        cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
        access={coordinatorAccess}
        services={testServices()}
        preselect={adapted.data.hash}
      />,
    );
    const select = (await screen.findByLabelText("Spørgeskema")) as HTMLSelectElement;
    await within(select).findByRole("option", { name: "Klynge Syd, tilpasset (7 spørgsmål)" });
    expect(select.value).toBe(`version:${adapted.data.hash}`);
    await fillGoodRound();
    submit();
    await screen.findByText("Runden Baseline, marts 2027 er oprettet.");
    const body = collector.stub.callsOf("POST")[0]?.body as {
      round: { versionHash: string };
      version: { hash: string };
    };
    expect(body.version.hash).toBe(adapted.data.hash);
    expect(body.round.versionHash).toBe(adapted.data.hash);
    expect(
      collector.stub.callsOf("GET", `/api/clusters/klynge-syd/versions/${adapted.data.hash}`),
    ).toHaveLength(1);
  });

  it("offers KiAP's uploaded packages by their title, and creates the round on one", async () => {
    const collector = clientFor(coordinatorSession);
    collector.state.packages.push(packageEntry(medicinPackage, 1, "2027-04-20"));
    render(
      <NewRoundPage
        client={collector.client}
        locale="da"
        cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
        access={coordinatorAccess}
        services={testServices()}
      />,
    );
    const select = (await screen.findByLabelText("Spørgeskema")) as HTMLSelectElement;
    const offered = await within(select).findByRole("option", {
      name: "Medicin (FMK og dosisdispensering) (version 1, 3 spørgsmål)",
    });
    const group = within(select).getByRole("group", { name: "Skabeloner fra KiAP" });
    // The bank's first (the first still chosen), then the uploaded one.
    expect(
      within(group)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      `${bankTitle("rehab")} (version 1, ${rehab.questionnaire.questions.length} spørgsmål)`,
      `${bankTitle("akut")} (version 1, ${templateVersion("akut").questionnaire.questions.length} spørgsmål)`,
      "Medicin (FMK og dosisdispensering) (version 1, 3 spørgsmål)",
    ]);
    expect(select.value).toBe("template:rehab");
    fireEvent.change(select, { target: { value: (offered as HTMLOptionElement).value } });
    await fillGoodRound();
    submit();

    await screen.findByText("Runden Baseline, marts 2027 er oprettet.");
    const body = collector.stub.callsOf("POST")[0]?.body as {
      round: { versionHash: string };
      version: {
        hash: string;
        questionnaire: { questions: { id: string }[] };
        lineage: { base: null; edits: []; template: { id: string; semver: string } };
      };
    };
    expect(body.version.questionnaire.questions.map((q) => q.id)).toEqual([
      "medicin.fmk",
      "medicin.dosis",
      "medicin.ideer",
    ]);
    expect(body.version.lineage).toEqual({
      base: null,
      edits: [],
      template: { id: "medicin", semver: "1.0.0" },
    });
    expect(body.round.versionHash).toBe(body.version.hash);
    expect(body.version.hash).not.toBe(rehab.hash);
  });

  it("offers only the newest version of a bank package KiAP has updated", async () => {
    const collector = clientFor(coordinatorSession);
    const bank = getPackage("rehab") as ClusterPackage;
    const added = {
      id: "rehab.ventetid",
      type: "text" as const,
      text: { da: "Hvor længe venter dine patienter på et tilbud?" },
      required: false,
      maxLength: 500,
    };
    const kept = [...bank.template.questions, added];
    const updated = { ...bank, template: { ...bank.template, questions: kept } };
    collector.state.packages.unshift(packageEntry(updated, 2, "2027-04-20"));
    render(
      <NewRoundPage
        client={collector.client}
        locale="da"
        cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
        access={coordinatorAccess}
        services={testServices()}
      />,
    );
    const select = (await screen.findByLabelText("Spørgeskema")) as HTMLSelectElement;
    await within(select).findByRole("option", {
      name: `${bankTitle("rehab")} (version 2, ${kept.length} spørgsmål)`,
    });
    expect(
      within(select)
        .getAllByRole("option")
        .filter((o) => o.getAttribute("value") === "template:rehab"),
    ).toHaveLength(1);
    await fillGoodRound();
    submit();
    await screen.findByText("Runden Baseline, marts 2027 er oprettet.");
    const body = collector.stub.callsOf("POST")[0]?.body as {
      version: { questionnaire: { questions: { id: string }[] } };
    };
    expect(body.version.questionnaire.questions.map((q) => q.id)).toContain(added.id);
    expect(body.version.questionnaire.questions).toHaveLength(kept.length);
  });

  it("offers the bank's templates when the package list cannot be had", async () => {
    setup({ handlers: { "GET /api/packages": () => refuse("forbidden") } });
    const select = (await screen.findByLabelText("Spørgeskema")) as HTMLSelectElement;
    await screen.findByRole("option", { name: "Vejle Kommune" });
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.getAttribute("value")),
    ).toEqual(["template:rehab", "template:akut", `version:${rehab.hash}`]);
  });
});
