// @vitest-environment node
import type { Round } from "@klynge/engine";
import { invitationHeader } from "@klynge/engine/contract";
import { templateVersion } from "@klynge/question-bank";
import { seriousViolations } from "@klynge/test-support/axe";
import { launchChromium } from "@klynge/test-support/chromium";
import type { CollectorServer, RespondentAccess } from "@klynge/test-support/collectorServer";
import {
  buildEmbed,
  type PageServer,
  startPageServer,
  startWidgetServer,
} from "@klynge/test-support/embedServers";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";

// A GP's personal invitation in a real Chromium: the link to the iframe page carries the token in
// its fragment (#invitation=…), kiap.dk's page in its own (#klynge-invitation=…), handed to the
// frame in `init`. The collector (in memory, the contract's access rules) checks the header on
// every PUT and on GET …/pass. The token must never appear in a URL a server sees.

const version = templateVersion("rehab");
const roundId = "klynge-syd.inviteret";
const round: Round = {
  id: roundId,
  label: "Baseline, marts 2027",
  versionHash: version.hash,
  cluster: "Klynge Syd",
};
const tokens = {
  answers: "Tok_answers-0123456789abcdef",
  resumes: "Tok_resumes-0123456789abcdef",
  host: "Tok_kiapdk-0123456789abcdefg",
  raced: "Tok_raced-0123456789abcdefgh",
} as const;
const firstQuestion = version.questionnaire.questions[0]?.text.da ?? "?";
const text = {
  introTitle: "Før du begynder",
  start: "Begynd",
  next: "Videre",
  previous: "Tilbage",
  complete: "Færdig",
  thanks: "Mange tak for din besvarelse!",
  spent: "Dette link er allerede brugt. Kontakt koordinatoren, hvis du ikke har svaret.",
  spentEn: "This link has already been used. Contact the coordinator if you have not answered.",
  // From the English catalogue, which the frame's build loads in a chunk of its own.
  refusedTitleEn: "You cannot answer with this link.",
  introTitleEn: "Before you start",
  required: "Spørgeskemaet kan kun besvares fra det personlige link i invitationen.",
  notReceived: "Dine svar blev ikke modtaget",
};

let built: { dir: string; remove(): void };
let widget: CollectorServer;
let host: PageServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
let pageErrors: string[] = [];
/** Every URL and Referer the browser sent, to show the token never travels in one. */
let sent: string[] = [];
const access: RespondentAccess = {
  closedRounds: new Set([roundId]),
  invitations: new Map(),
  meetingKeys: new Map(),
};

/** kiap.dk's page: the embed by attribute, its link carrying #klynge-invitation=…. */
function kiapPage(widgetOrigin: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>kiap.dk (test)</title>
<script>window.__events = [];</script></head><body>
<h1>Klyngemøde om rehabilitering</h1>
<div id="survey" data-klynge-survey="${roundId}" data-klynge-src="${widgetOrigin}/frame/"></div>
<script>
for (const type of ["ready", "complete", "error"]) {
  document.getElementById("survey").addEventListener("klynge:" + type, (event) =>
    window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) }));
}
</script>
<script src="${widgetOrigin}/embed.js"></script>
</body></html>`;
}

beforeAll(async () => {
  built = await buildEmbed();
  let widgetOrigin = "";
  host = await startPageServer((path) => (path === "/moede" ? kiapPage(widgetOrigin) : undefined));
  widget = await startWidgetServer({
    dir: built.dir,
    rounds: new Map([[roundId, { round, version, k: 5 }]]),
    frameAncestors: () => [host.origin],
    access,
  });
  widgetOrigin = widget.origin;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await widget?.close();
  await host?.close();
  built?.remove();
});

beforeEach(() => {
  widget.reset();
  access.invitations.clear();
  for (const token of Object.values(tokens)) access.invitations.set(token, { roundId });
  pageErrors = [];
  sent = [];
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors).toEqual([]);
  // Never in an address or a Referer: only in the header.
  for (const token of Object.values(tokens)) {
    expect(sent.filter((line) => line.includes(token))).toEqual([]);
  }
});

/** A fresh browser profile (its own IndexedDB) that records what it sends. */
async function newBrowser(): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  contexts.push(context);
  context.setDefaultTimeout(15_000);
  context.on("request", (request) => {
    sent.push(request.url());
    const referer = request.headers().referer;
    if (referer !== undefined) sent.push(`referer ${referer}`);
  });
  return context;
}

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  return page;
}

const frameLink = (token: string) => `${widget.origin}/frame/?round=${roundId}#invitation=${token}`;

/** From the first page through every page to "Færdig", answering the first question. */
async function answerAll(target: Page | Frame): Promise<void> {
  await target.getByText(firstQuestion).waitFor();
  await target.getByText("I høj grad", { exact: true }).click();
  await target.getByText("Gemt", { exact: true }).waitFor();
  await target.getByRole("button", { name: text.next }).click();
  await target.getByRole("button", { name: text.next }).click();
  await target.getByRole("button", { name: text.complete }).click();
}

const storedIds = () => [...widget.rows.keys()].map((key) => key.split("/")[1] ?? "");

describe("a GP's personal invitation in Chromium", { timeout: 60_000 }, () => {
  test("the link opens the intro, the answers are stored with the token in the header, and the fragment is gone", async () => {
    const page = await newPage(await newBrowser());
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(frameLink(tokens.answers));
    const intro = page.getByRole("region", { name: text.introTitle });
    await intro.waitFor();
    expect(await intro.textContent()).toContain("tal fra færre end 5 personer vises ikke");
    expect(await intro.textContent()).toMatch(/Det tager cirka \d+ minutter \(8 spørgsmål\)/);
    // The intro is one line above the first question, the rest folded: no "Begynd" click first.
    await page.getByText(firstQuestion).waitFor();
    expect(await page.getByRole("button", { name: text.start }).count()).toBe(0);
    expect(page.url()).toBe(`${widget.origin}/frame/?round=${roundId}`);
    expect(await seriousViolations(page)).toEqual([]);

    // SurveyJS in the widget's Danish: its progress bar named from the catalogue.
    await page.getByLabel("Hvor langt du er").waitFor();
    await page.getByLabel("Side 1 af 3").waitFor();
    expect(await page.locator(".sd-root-modern").getAttribute("lang")).toBe("da-DK");
    await page.getByText("I høj grad", { exact: true }).click();
    await page.getByRole("button", { name: text.next }).click();
    await page.getByRole("button", { name: text.next }).click();
    await page.getByRole("button", { name: text.complete }).click();
    await page.getByText(text.thanks).waitFor();

    await expect.poll(() => widget.rows.size).toBe(1);
    const [id] = storedIds();
    expect(widget.headersById.get(id ?? "")).toEqual({ invitation: tokens.answers });
    expect(access.invitations.get(tokens.answers)?.spentBy).toBe(id);
    expect(widget.stats.refused).toBe(0);
    // A Danish link answered from start to end loads no English words (a chunk of their own).
    expect(scripts.filter((path) => path.includes("/vendor-")).length).toBe(1);
    expect(scripts.filter((path) => /\/en-[\w-]+\.js$/.test(path))).toEqual([]);
  });

  test("the link with locale=en: the intro in English, from the catalogue loaded apart", async () => {
    const page = await newPage(await newBrowser());
    await page.goto(frameLink(tokens.answers).replace("#", "&locale=en#"));
    await page.getByRole("region", { name: text.introTitleEn }).waitFor();
    expect(await page.getByText(text.introTitle).count()).toBe(0);
  });

  test("the same link in another browser: the Danish refusal at once, English second, nothing asked or stored", async () => {
    access.invitations.set(tokens.answers, { roundId, spentBy: "an earlier response" });
    const context = await newBrowser();
    const page = await newPage(context);
    await page.goto(frameLink(tokens.answers));
    const alert = page.getByRole("alert");
    await alert.getByText(text.spent, { exact: true }).waitFor();
    await alert.getByText(text.spentEn).waitFor();
    expect(await alert.locator("[lang=en]").count()).toBe(1);
    await alert.locator("[lang=en]").getByText(text.refusedTitleEn, { exact: true }).waitFor();
    expect(await page.getByText(firstQuestion).count()).toBe(0);
    expect(await page.getByRole("button", { name: text.start }).count()).toBe(0);
    expect(widget.stats.passChecks).toBe(1);
    expect(widget.stats.puts).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    // Without any token, on a round whose open link is off: said at once too.
    const bare = await newPage(context);
    await bare.goto(`${widget.origin}/frame/?round=${roundId}`);
    await bare.getByRole("alert").getByText(text.required, { exact: false }).waitFor();
    expect(widget.stats.puts).toBe(0);
  });

  test("a GP who closes the tab mid-survey and comes back via the link resumes the draft, and its upload carries the token", async () => {
    const context = await newBrowser();
    const first = await newPage(context);
    await first.goto(frameLink(tokens.resumes));
    await first.getByText(firstQuestion).waitFor();
    await first.getByText("I nogen grad", { exact: true }).click();
    await first.getByText("Gemt", { exact: true }).waitFor();
    await first.getByRole("button", { name: text.next }).click();
    await first.getByRole("button", { name: text.previous }).waitFor();
    await first.close();

    const again = await newPage(context);
    await again.goto(frameLink(tokens.resumes));
    // No intro for a draft with answers: straight back to the page the GP left.
    await again.getByRole("button", { name: text.previous }).waitFor();
    expect(await again.getByRole("button", { name: text.start }).count()).toBe(0);
    await again.getByRole("button", { name: text.previous }).click();
    await again
      .getByRole("radio", { name: "I nogen grad", exact: true, checked: true })
      .waitFor({ state: "attached" });
    await again.getByRole("button", { name: text.next }).click();
    await again.getByRole("button", { name: text.next }).click();
    await again.getByRole("button", { name: text.complete }).click();
    await again.getByText(text.thanks).waitFor();

    await expect.poll(() => widget.rows.size).toBe(1);
    const [id] = storedIds();
    expect(widget.headersById.get(id ?? "")).toEqual({ invitation: tokens.resumes });
    const stored = JSON.parse([...widget.rows.values()][0] ?? "{}");
    expect(stored.answers["rehab.kendskab"]).toEqual({ choice: "i-nogen-grad" });
  });

  test("kiap.dk's page with #klynge-invitation= hands the token to the frame in init; the host's address bar loses it", async () => {
    const page = await newPage(await newBrowser());
    await page.goto(`${host.origin}/moede?emne=rehab#klynge-invitation=${tokens.host}`);
    const frame = await (await page.waitForSelector("#survey iframe")).contentFrame();
    if (frame === null) throw new Error("no iframe content");
    await frame.getByRole("region", { name: text.introTitle }).waitFor();
    expect(page.url()).toBe(`${host.origin}/moede?emne=rehab`);
    const src = await page.locator("#survey iframe").getAttribute("src");
    expect(src).not.toContain(tokens.host);
    expect(await seriousViolations(frame)).toEqual([]);

    await answerAll(frame);
    await frame.getByText(text.thanks).waitFor();
    await expect.poll(() => widget.rows.size).toBe(1);
    const [id] = storedIds();
    expect(widget.headersById.get(id ?? "")).toEqual({ invitation: tokens.host });
    await page.waitForFunction(() =>
      (window as unknown as { __events: { type: string }[] }).__events.some(
        (e) => e.type === "complete",
      ),
    );
  });

  test("kiap.dk's page with a spent link: the frame says the refusal, and the host is told its code and sentence", async () => {
    access.invitations.set(tokens.host, { roundId, spentBy: "an earlier response" });
    const page = await newPage(await newBrowser());
    await page.goto(`${host.origin}/moede#klynge-invitation=${tokens.host}`);
    const frame = await (await page.waitForSelector("#survey iframe")).contentFrame();
    if (frame === null) throw new Error("no iframe content");
    await frame.getByRole("alert").getByText(text.spent, { exact: true }).waitFor();
    // The sentence comes with the refusal screen's chunk (not up front), so the event may follow it.
    await page.waitForFunction(() =>
      (window as unknown as { __events: { type: string }[] }).__events.some(
        (e) => e.type === "error",
      ),
    );
    const events = await page.evaluate(
      () => (window as unknown as { __events: { type: string }[] }).__events,
    );
    expect(events.filter((e) => e.type === "error")).toEqual([
      { type: "error", detail: { code: "invitation_spent", message: text.spent } },
    ]);
    expect(widget.stats.puts).toBe(0);
  });

  test("kiap.dk's page reloaded mid-survey (its fragment gone): the frame resumes this browser's draft with its token", async () => {
    const page = await newPage(await newBrowser());
    await page.goto(`${host.origin}/moede#klynge-invitation=${tokens.resumes}`);
    let frame = await (await page.waitForSelector("#survey iframe")).contentFrame();
    await frame?.getByText(firstQuestion).waitFor();
    await frame?.getByText("I mindre grad", { exact: true }).click();
    await frame?.getByText("Gemt", { exact: true }).waitFor();
    await page.reload();
    expect(page.url()).toBe(`${host.origin}/moede`);
    frame = await (await page.waitForSelector("#survey iframe")).contentFrame();
    if (frame === null) throw new Error("no iframe content");
    await frame
      .getByRole("radio", { name: "I mindre grad", exact: true, checked: true })
      .waitFor({ state: "attached" });
    await frame.getByRole("button", { name: text.next }).click();
    await frame.getByRole("button", { name: text.next }).click();
    await frame.getByRole("button", { name: text.complete }).click();
    await frame.getByText(text.thanks).waitFor();
    await expect.poll(() => widget.rows.size).toBe(1);
    expect([...widget.headersById.values()]).toEqual([{ invitation: tokens.resumes }]);
  });

  test("a link spent elsewhere while the GP answered: the refusal is said in Danish at the end, never as waiting", async () => {
    const page = await newPage(await newBrowser());
    await page.goto(frameLink(tokens.raced));
    await page.getByText(firstQuestion).waitFor();
    await page.getByText("I høj grad", { exact: true }).click();
    await page.getByText("Gemt", { exact: true }).waitFor();
    // The same link was used in another browser meanwhile.
    access.invitations.set(tokens.raced, { roundId, spentBy: "another response" });
    await page.getByRole("button", { name: text.next }).click();
    await page.getByRole("button", { name: text.next }).click();
    await page.getByRole("button", { name: text.complete }).click();

    const alert = page.getByRole("alert");
    await alert.getByText(text.notReceived).waitFor();
    await alert.getByText(text.spent).waitFor();
    expect(await page.getByText(text.thanks).count()).toBe(0);
    expect(await page.getByText(/venter|sendes, når|sendt endnu/).count()).toBe(0);
    expect(widget.rows.size).toBe(0);
    expect(widget.stats.refused).toBe(1);
    expect([...widget.headersById.values()]).toEqual([{ invitation: tokens.raced }]);
    expect(await seriousViolations(page)).toEqual([]);
    // The header the contract names, and nothing else, carried it.
    expect(invitationHeader).toBe("x-klynge-invitation");
  });
});
