// @vitest-environment happy-dom
import type { ClusterPackage } from "@klynge/engine";
import { getPackage } from "@klynge/question-bank";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../api/createApiClient.js";
import type { AppServices } from "../appServices.js";
import { ResultsPage } from "../ResultsPage.js";
import type { Access } from "../session/access.js";
import { stubChartSize } from "./fixtures/chartSize.js";
import { collectorStub, ok, refuse } from "./fixtures/fetchStub.js";
import { base, contactAccess, coordinatorAccess, testServices } from "./fixtures/renderApp.js";
import {
  baseline,
  baselineComments,
  baselineTexts,
  followUp,
  followUpTexts,
  generatedAt,
  oneRoundReport,
  referrals,
  twoRoundReport,
  xss,
  ydernumre,
} from "./fixtures/report.js";

const entries = [
  {
    round: baseline,
    versionLabel: "KiAP skabelon",
    responses: 12,
    closedOn: null,
    rawDeletedOn: null,
    openLink: false,
    invitations: { invited: 0, used: 0 },
  },
  {
    round: followUp,
    versionLabel: "KiAP skabelon",
    responses: 9,
    closedOn: null,
    rawDeletedOn: null,
    openLink: false,
    invitations: { invited: 0, used: 0 },
  },
];
const cluster = { id: "klynge-syd", name: "Klynge Syd" };
const client = () => createApiClient({ base });

/** The results page as a municipality contact sees it: reports are theirs too. */
function renderResults(
  rounds: readonly string[],
  options: {
    locale?: "da" | "en";
    onChoose?: (r: readonly string[]) => void;
    services?: Partial<AppServices>;
    access?: Access;
  } = {},
) {
  render(
    <ResultsPage
      client={client()}
      locale={options.locale ?? "da"}
      cluster={cluster}
      access={options.access ?? contactAccess}
      services={testServices(options.services)}
      rounds={rounds}
      onChoose={options.onChoose ?? (() => {})}
    />,
  );
}

/** The bundle as it crosses the wire: JSON, so nothing but data reaches the page. */
function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function stubCollector(bundle: unknown) {
  const stub = collectorStub({
    "GET /api/clusters/klynge-syd/rounds": () => ok({ rounds: entries }),
    "GET /api/report": () => ({ status: 200, body: wire(bundle) }),
  });
  vi.stubGlobal("fetch", stub.fetch);
  return stub;
}

/** The question's own section (the comparison repeats its heading). */
function articleOf(questionText: string): HTMLElement {
  const article = screen
    .getAllByRole("heading", { level: 3, name: questionText })
    .map((heading) => heading.closest("article"))
    .find((found) => found !== null);
  if (article === undefined || article === null) {
    throw new Error(`no article around "${questionText}"`);
  }
  return article;
}

function cellsOfRow(container: HTMLElement, name: string | RegExp): string[] {
  const row = within(container).getByRole("row", { name });
  return within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent ?? "");
}

beforeEach(() => stubChartSize());

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ResultsPage with a baseline and a follow-up", () => {
  async function renderTwoRounds(onDownload = vi.fn(async () => {})) {
    // As the collector sends it: the last round's plan and its package's title.
    const rehabPackage = getPackage("rehab") as ClusterPackage;
    const stub = stubCollector({
      report: twoRoundReport,
      referrals,
      generatedAt,
      plan: rehabPackage.plan,
      packageTitle: rehabPackage.title,
    });
    renderResults([baseline.id, followUp.id], { services: { downloadDeck: onDownload } });
    await screen.findByRole("heading", { name: "Runderne" });
    return { stub, onDownload };
  }

  it("asks the collector for both rounds, oldest first", async () => {
    const { stub } = await renderTwoRounds();
    const report = stub.callsOf("GET", "/api/report");
    expect(report).toHaveLength(1);
    const url = new URL(report[0]?.url ?? "");
    expect([...url.searchParams]).toEqual([["rounds", "klynge-syd.2027-03,klynge-syd.2027-10"]]);
  });

  it("shows each round's respondents and response rate", () => {
    return renderTwoRounds().then(() => {
      const summary = screen.getByRole("heading", { name: "Runderne" }).closest("section");
      if (summary === null) throw new Error("no summary section");
      expect(cellsOfRow(summary, /Baseline, marts 2027/)).toEqual([
        "Klynge Syd + Vejle Kommune",
        "12",
        "15",
        "80\u00a0%",
      ]);
      expect(cellsOfRow(summary, /Opfølgning, oktober 2027/)).toEqual([
        "Klynge Syd + Vejle Kommune",
        "9",
        "14",
        "64\u00a0%",
      ]);
    });
  });

  it("marks a round that took answers through an open link «åbent link», and says what it means", async () => {
    stubCollector({
      report: twoRoundReport,
      referrals,
      generatedAt,
      openLinkRounds: [followUp.id],
    });
    renderResults([baseline.id, followUp.id]);
    const summary = (await screen.findByRole("heading", { name: "Runderne" })).closest(
      "section",
    ) as HTMLElement;
    expect(within(summary).getByRole("rowheader", { name: /Opfølgning/ }).textContent).toBe(
      "Opfølgning, oktober 2027 åbent link",
    );
    expect(within(summary).getByRole("rowheader", { name: /Baseline/ }).textContent).toBe(
      "Baseline, marts 2027",
    );
    expect(summary.textContent).toContain(
      "«Åbent link»: runden tog også imod svar fra alle med rundens link (højst så mange som inviterede)",
    );
  });

  it("says nothing of an open link when no round had one", async () => {
    await renderTwoRounds();
    expect(screen.queryByText("åbent link")).toBeNull();
    expect(screen.queryByText(/^«Åbent link»/)).toBeNull();
  });

  it("shows every question of the report with how many answered in each round", async () => {
    await renderTwoRounds();
    for (const question of twoRoundReport.questions) {
      expect(articleOf(question.text.da)).toBeTruthy();
    }
    const kendskab = articleOf(twoRoundReport.questions[0]?.text.da ?? "");
    expect(within(kendskab).getByText("Baseline, marts 2027: Besvaret af 12")).toBeTruthy();
    expect(within(kendskab).getByText("Opfølgning, oktober 2027: Besvaret af 9")).toBeTruthy();
    const henviseFlere = articleOf("Hvad skulle der til for, at du ville henvise flere?");
    expect(
      within(henviseFlere).getByText(
        "Baseline, marts 2027: Skjult: færre end 5 har besvaret spørgsmålet.",
      ),
    ).toBeTruthy();
  });

  it("writes withheld cells as 'skjult', never as 0, next to the shown ones", async () => {
    await renderTwoRounds();
    const kendskab = articleOf(twoRoundReport.questions[0]?.text.da ?? "");
    // Baseline: 1 chose "I høj grad" (withheld) and so is "I mindre grad" to protect it.
    expect(cellsOfRow(kendskab, /^I høj grad/)).toEqual(["skjult", "skjult", "skjult", "skjult"]);
    expect(cellsOfRow(kendskab, /^I nogen grad/)).toEqual(["6", "50\u00a0%", "skjult", "skjult"]);
    expect(cellsOfRow(kendskab, /^Slet ikke/)).toEqual(["0", "0\u00a0%", "0", "0\u00a0%"]);
    expect(within(kendskab).getByText(/^Baseline, marts 2027: Gennemsnit: skjult/)).toBeTruthy();
  });

  it("draws a chart per question with options, hidden from screen readers in favour of the table", async () => {
    await renderTwoRounds();
    const kendskab = articleOf(twoRoundReport.questions[0]?.text.da ?? "");
    const chart = within(kendskab).getByRole("img");
    expect(chart.getAttribute("aria-label")).toContain("Tallene står i tabellen");
    expect(chart.querySelectorAll(".recharts-bar-rectangle").length).toBeGreaterThan(0);
    expect(chart.textContent).toContain("skjult");
  });

  it("lists free texts and 'Andet' texts as text: the XSS payload is text, no <img> exists", async () => {
    await renderTwoRounds();
    const oplevelse = articleOf(
      "Hvad er din umiddelbare oplevelse af kommunens forskellige forebyggelses- og rehabiliteringstilbud?",
    );
    const items = within(oplevelse)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual(expect.arrayContaining([...baselineTexts, ...followUpTexts]));
    expect(within(oplevelse).getByText(xss)).toBeTruthy();
    expect(screen.getByText(`Via sekretæren ${xss}`)).toBeTruthy();
    for (const comment of baselineComments) expect(screen.getByText(comment)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
    expect(document.body.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("explains every withheld figure, by round label, in the notes", async () => {
    await renderTwoRounds();
    const notes = screen
      .getByRole("heading", { name: "Skjulte tal og hvorfor" })
      .closest("section");
    if (notes === null) throw new Error("no notes section");
    const shown = within(notes)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(twoRoundReport.suppressed.length).toBeGreaterThan(5);
    expect(shown.length).toBeGreaterThan(5);
    for (const line of shown)
      expect(line).toMatch(/^(Baseline, marts 2027|Opfølgning, oktober 2027): /);
    // Each withheld count is named by its label once in its round's line.
    const counted = twoRoundReport.suppressed.filter((n) => n.optionCode !== undefined);
    const named = shown.join(" ").match(/»[^«]+«/g) ?? [];
    expect(named.length).toBe(counted.length);
  });

  it("shows the comparison in percentage points, and 'skjult' where a side is withheld", async () => {
    await renderTwoRounds();
    const section = screen
      .getByRole("heading", {
        name: "Udvikling: Baseline, marts 2027 → Opfølgning, oktober 2027",
      })
      .closest("section");
    if (section === null) throw new Error("no comparison section");
    expect(cellsOfRow(section, /^Via forløbsplan/)).toEqual([
      "42\u00a0%",
      "56\u00a0%",
      "+14 procentpoint",
    ]);
    // All 9 of the follow-up ticked "Ventetid": in a group under 10 that is withheld (the
    // engine's group-disclosure rule), and its change with it.
    expect(cellsOfRow(section, /^Ventetid/)).toEqual([
      "42\u00a0%",
      "skjult",
      "skjultIngen ændring vist: tallet er skjult i opfølgningen (se spørgsmålet ovenfor).",
    ]);
    // Withheld in the baseline only: the follow-up's share is the one its table shows, and the
    // missing change says why.
    const telefonisk = cellsOfRow(section, /^Telefonisk/);
    const shownAbove = cellsOfRow(
      articleOf(
        "Hvordan henviser du til kommunens forebyggende og rehabiliterende tilbud? (sæt gerne flere krydser)",
      ),
      /^Telefonisk/,
    );
    expect(telefonisk.slice(0, 2)).toEqual(["skjult", shownAbove[3]]);
    expect(telefonisk[1]).toMatch(/%$/);
    expect(telefonisk[2]).toBe(
      "skjultIngen ændring vist: tallet er skjult i baseline (se spørgsmålet ovenfor).",
    );
    // Nobody chose it in either round: left out.
    expect(within(section).queryByRole("row", { name: /^Slet ikke/ })).toBeNull();
    // A zero beside a withheld count is withheld too (so that the withheld count could be 0):
    // in the baseline here; the follow-up's 0 % is shown, as in the question's table.
    expect(cellsOfRow(section, /^Patienterne ønsker det ikke/)).toEqual([
      "skjult",
      "0\u00a0%",
      "skjultIngen ændring vist: tallet er skjult i baseline (se spørgsmålet ovenfor).",
    ]);
  });

  it("says why the key question's mean is hidden in both rounds: a count beside it is", async () => {
    await renderTwoRounds();
    const section = screen
      .getByRole("heading", { name: /^Udvikling:/ })
      .closest("section") as HTMLElement;
    const key =
      "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?";
    const group = within(section)
      .getByRole("heading", { level: 3, name: key })
      .closest("div") as HTMLElement;
    expect(cellsOfRow(group, /^Gennemsnit/)).toEqual([
      "skjult",
      "skjult",
      "skjultGennemsnittet er skjult i begge runder, fordi et antal i spørgsmålets tabel er skjult, og gennemsnittet sammen med de viste antal ville afsløre det (anonymitet).",
    ]);
    // The question's own section says the same: the mean is withheld, a count in its table too.
    expect(within(articleOf(key)).getAllByText(/skjult/).length).toBeGreaterThan(2);
  });

  it("never hides in the comparison a share that a question's table shows", async () => {
    await renderTwoRounds();
    const section = screen
      .getByRole("heading", { name: /^Udvikling:/ })
      .closest("section") as HTMLElement;
    let compared = 0;
    for (const heading of within(section).getAllByRole("heading", { level: 3 })) {
      const group = heading.closest("div") as HTMLElement;
      const article = articleOf(heading.textContent ?? "");
      for (const row of within(group).queryAllByRole("row").slice(1)) {
        const name = row.querySelector("th")?.textContent ?? "";
        if (name.startsWith("Gennemsnit")) continue;
        const cells = within(row)
          .getAllByRole("cell")
          .map((c) => c.textContent ?? "");
        const above = within(article)
          .getAllByRole("row")
          .find((r) => r.querySelector("th")?.textContent === name);
        if (above === undefined) throw new Error(`no row "${name}" in the question's table`);
        const shares = within(above)
          .getAllByRole("cell")
          .map((c) => c.textContent ?? "")
          .filter((_, i) => i % 2 === 1);
        expect([cells[0], cells[1]], name).toEqual(shares);
        if (cells[2]?.startsWith("skjult")) expect(cells[2].length, name).toBeGreaterThan(10);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("shows referral rates under pseudonyms, a withheld one as 'færre end 5 henvisninger', no ydernummer", async () => {
    await renderTwoRounds();
    const section = screen
      .getByRole("heading", { name: "Henvisninger pr. 1.000 tilknyttede patienter" })
      .closest("section");
    if (section === null) throw new Error("no referral section");
    const diabetes = referrals.offers.find((o) => o.offer === "Diabetes");
    const withheld = diabetes?.practices.find((p) => p.rate.status === "suppressed");
    if (withheld === undefined) throw new Error("the fixture has a withheld rate");
    const tables = within(section).getAllByRole("table");
    expect(tables).toHaveLength(2);
    const diabetesTable = tables[0] as HTMLElement;
    expect(cellsOfRow(diabetesTable, new RegExp(`^${withheld.pseudonym}`))).toEqual([
      "<5 (færre end 5 henvisninger)",
    ]);
    for (const practice of diabetes?.practices ?? []) {
      if (practice.rate.status !== "shown") continue;
      expect(cellsOfRow(diabetesTable, new RegExp(`^${practice.pseudonym}`))).toEqual([
        String(practice.rate.perThousand),
      ]);
    }
    expect(cellsOfRow(diabetesTable, /^Gennemsnit for praksisserne/)).toEqual([
      "skjult (en praksis har færre end 5 henvisninger)",
    ]);
    for (const ydernummer of ydernumre) expect(document.body.textContent).not.toContain(ydernummer);
  });

  it("hands the report and the rehab package's meeting plan to the deck builder when 'Hent PowerPoint' is pressed", async () => {
    const { onDownload } = await renderTwoRounds();
    fireEvent.click(screen.getByRole("button", { name: "Hent PowerPoint" }));
    await vi.waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    const rehabPackage = getPackage("rehab");
    expect(onDownload).toHaveBeenCalledWith(
      {
        report: twoRoundReport,
        referrals,
        generatedAt,
        locale: "da",
        plan: wire(rehabPackage?.plan),
        packageTitle: rehabPackage?.title.da,
      },
      "klynge-resultater-klynge-syd.2027-03_klynge-syd.2027-10.pptx",
    );
  });

  it("hands the deck the round's meeting plan and the package's title in the page's language", async () => {
    const rehab = getPackage("rehab") as ClusterPackage;
    stubCollector({
      report: twoRoundReport,
      referrals,
      generatedAt,
      plan: rehab.plan,
      packageTitle: rehab.title,
    });
    const onDownload = vi.fn(async () => {});
    renderResults([baseline.id, followUp.id], {
      locale: "en",
      services: { downloadDeck: onDownload },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Download PowerPoint" }));
    await vi.waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    expect(onDownload).toHaveBeenCalledWith(
      expect.objectContaining({
        plan: wire(rehab.plan),
        packageTitle: "Collaboration on patients with chronic disease",
      }),
      expect.any(String),
    );
    // The municipality's contact reads the plan in the deck; only the coordinator edits it.
    expect(screen.queryByRole("button", { name: "Edit the meeting plan" })).toBeNull();
  });

  it("lets the coordinator edit the last round's plan there, and the deck follows the saved plan", async () => {
    const rehab = getPackage("rehab") as ClusterPackage;
    const planPath = `/api/rounds/${followUp.id}/plan`;
    const stub = collectorStub({
      "GET /api/clusters/klynge-syd/rounds": () => ok({ rounds: entries }),
      "GET /api/report": () =>
        ok({ report: twoRoundReport, referrals, generatedAt, plan: rehab.plan }),
      [`GET ${planPath}`]: () =>
        ok({
          plan: rehab.plan,
          source: { id: "rehab", version: 1, title: rehab.title },
          edited: false,
        }),
      [`PUT ${planPath}`]: (_url, body) => {
        const { plan } = body as { plan: { items: { minutes: number }[] } };
        const minutes = plan.items.reduce((sum, i) => sum + i.minutes, 0);
        return ok({ plan: { ...plan, minutes }, source: null, edited: true });
      },
    });
    vi.stubGlobal("fetch", stub.fetch);
    const onDownload = vi.fn(async () => {});
    renderResults([baseline.id, followUp.id], {
      access: coordinatorAccess,
      services: { downloadDeck: onDownload },
    });
    const open = await screen.findByRole("button", { name: "Redigér mødeplanen" });
    expect(open.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(open);
    expect(open.getAttribute("aria-expanded")).toBe("true");
    const plan = await screen.findByRole("region", {
      name: "Mødeplan for runden «Opfølgning, oktober 2027»",
    });
    const first = within(plan)
      .getByText(/^Punkt 1:/)
      .closest("fieldset") as HTMLElement;
    fireEvent.change(within(first).getByLabelText("Minutter"), { target: { value: "12" } });
    fireEvent.click(within(plan).getByRole("button", { name: "Gem mødeplanen" }));
    await within(plan).findByText("Mødeplanen er gemt.");
    fireEvent.click(screen.getByRole("button", { name: "Hent PowerPoint" }));
    await vi.waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    const [input] = onDownload.mock.calls[0] as unknown as [
      { plan: { minutes: number; items: { minutes: number }[] } },
    ];
    expect(input.plan.items[0]?.minutes).toBe(12);
    expect(input.plan.minutes).toBe(rehab.plan.minutes + 2);
  });
});

describe("ResultsPage with one round", () => {
  it("shows one column of figures, no comparison, and says there are no referral data", async () => {
    stubCollector({ report: oneRoundReport, referrals: null, generatedAt });
    renderResults([baseline.id], { locale: "en" });
    await screen.findByRole("heading", { name: "The rounds" });
    const kendskab = articleOf(
      "To what extent are you familiar with the content of the municipality's prevention and rehabilitation services?",
    );
    expect(within(kendskab).getByText("Answered by 12")).toBeTruthy();
    expect(cellsOfRow(kendskab, /^To a great extent/)).toEqual(["hidden", "hidden"]);
    expect(screen.queryByRole("heading", { name: /^Development:/ })).toBeNull();
    expect(screen.getByText("There are no referral data for these rounds.")).toBeTruthy();
  });

  it("refuses a report that does not have the engine's shape, and says why", async () => {
    const broken = wire({ report: oneRoundReport, referrals: null, generatedAt }) as {
      report: { k: unknown };
    };
    broken.report.k = 1;
    stubCollector(broken);
    renderResults([baseline.id]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Resultaterne blev afvist");
    expect(within(alert).getAllByRole("listitem")[0]?.textContent).toMatch(
      /^report\.k: .*mindst 3/,
    );
    expect(screen.queryByRole("heading", { name: "Runderne" })).toBeNull();
  });

  it("says why the collector refused the report", async () => {
    const stub = collectorStub({
      "GET /api/clusters/klynge-syd/rounds": () => ok({ rounds: entries }),
      "GET /api/report": () => refuse("invalid_report_request"),
    });
    vi.stubGlobal("fetch", stub.fetch);
    renderResults([baseline.id]);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "Resultaterne kunne ikke hentes: Rapporten kan ikke laves med disse valg.",
    );
  });
});

describe("ResultsPage round choice", () => {
  it("does not call a round whose raw answers were deleted a round of 0 answers", async () => {
    const stub = collectorStub({
      "GET /api/clusters/klynge-syd/rounds": () =>
        ok({
          rounds: [
            { ...entries[0], responses: 0, closedOn: "2027-04-01", rawDeletedOn: "2027-05-01" },
            entries[1],
          ],
        }),
    });
    vi.stubGlobal("fetch", stub.fetch);
    renderResults([]);
    const first = (await screen.findByLabelText("Runde (baseline)")) as HTMLSelectElement;
    await vi.waitFor(() => expect(first.options).toHaveLength(2));
    expect([...first.options].map((o) => o.textContent)).toEqual([
      "Baseline, marts 2027 (rå svar slettet, rapporten gemt)",
      "Opfølgning, oktober 2027 (9 svar)",
    ]);
  });

  it("offers the collector's rounds and reports the choice oldest first", async () => {
    stubCollector({ report: oneRoundReport, referrals: null, generatedAt });
    const onChoose = vi.fn();
    renderResults([], { onChoose });
    const first = (await screen.findByLabelText("Runde (baseline)")) as HTMLSelectElement;
    await vi.waitFor(() => expect(first.options).toHaveLength(2));
    fireEvent.change(first, { target: { value: followUp.id } });
    fireEvent.change(screen.getByLabelText("Sammenlign med (opfølgning, valgfri)"), {
      target: { value: baseline.id },
    });
    fireEvent.click(screen.getByRole("button", { name: "Vis resultater" }));
    expect(onChoose).toHaveBeenCalledWith([baseline.id, followUp.id]);
  });
});
