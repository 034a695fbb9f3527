// @vitest-environment node

import { randomUUID } from "node:crypto";
import { inProcessCaller } from "@klynge/example-collector";
import { seriousViolations } from "@klynge/test-support/axe";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Demo } from "../../startDemo.js";
import { demoPages } from "./fixtures/demoPages.js";
import { type BrowserDemo, startBrowserDemo } from "./fixtures/startBrowserDemo.js";

// Issue 18's proof: a coordinator builds a questionnaire with a conditional local question by
// keyboard only in the staff pages' editor, publishes it and starts a round; one GP answers «Ja»
// and is asked the follow-up, another answers «Nej» and never sees it; the results page says
// whom the follow-up was asked and how many. The cluster's k is 5, so eight more answers (four
// of each) arrive through the round's open link, as other GPs' would, for the counts to be shown.

let started: BrowserDemo;
let demo: Demo;

beforeAll(async () => {
  started = await startBrowserDemo("conditional");
  demo = started.demo;
}, 240_000);

afterAll(async () => {
  await started?.close();
});

const { watchedPage, newContext, signInOnStaffPages } = demoPages(
  () => started.browser,
  () => demo,
);

const sourceText = "Bruger du kommunens rygestopkursus?";
const followText = "Hvis ja: hvordan fungerer kurset for dine patienter?";
const label = "Klynge Syd, rygestop, marts 2027";

/** Keys pressed in the editor (and characters typed), counted for the closing note. */
let presses = 0;
let typed = 0;

async function press(page: Page, key: string): Promise<void> {
  presses += 1;
  await page.keyboard.press(key);
}

async function typeText(page: Page, text: string): Promise<void> {
  typed += text.length;
  await page.keyboard.type(text);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const hasFocus = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement);

/** Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, key = "Tab"): Promise<void> {
  for (let n = 0; n < 200; n += 1) {
    await press(page, key);
    if (await hasFocus(target)) return;
  }
  throw new Error(`${target} was not reached with 200 presses of ${key}`);
}

/** Arrow keys on a focused select until the chosen option's text matches `wanted`. */
async function chooseOption(page: Page, select: Locator, wanted: RegExp): Promise<void> {
  const chosen = () =>
    select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
  await press(page, "Home");
  for (let n = 0; n < 30 && !wanted.test(await chosen()); n += 1) await press(page, "ArrowDown");
  expect(await chosen()).toMatch(wanted);
}

/** One GP through the survey's pages: «Ja» or «Nej» on the local question, the follow-up if shown. */
async function answerAsGp(page: Page, roundId: string, yes: boolean): Promise<boolean> {
  await page.goto(`${demo.collector}/frame/?round=${encodeURIComponent(roundId)}`);
  await page.locator("#klynge-prerender").waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Videre" }).waitFor();
  let sawFollowUp = false;
  for (let step = 0; step < 15; step += 1) {
    if (await page.getByText(sourceText).first().isVisible()) {
      await page
        .locator("label")
        .filter({ hasText: yes ? /^Ja$/ : /^Nej$/ })
        .first()
        .click();
    }
    if (await page.getByText(followText).first().isVisible()) {
      sawFollowUp = true;
      await page.getByRole("textbox", { name: followText }).fill("Godt, de kommer hurtigt i gang.");
    }
    const done = page.getByRole("button", { name: "Færdig" });
    if (await done.isVisible()) {
      await done.click();
      break;
    }
    await page.getByRole("button", { name: "Videre" }).click();
  }
  await page.getByText("Mange tak for din besvarelse!").waitFor();
  return sawFollowUp;
}

describe("a conditional question, end to end", () => {
  test("built by keyboard in the editor (axe clean), published, answered by two GPs (one sees the follow-up, one does not); the results say whom it was asked and how many", async () => {
    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    await signInOnStaffPages(page, "coordinator", "#/tilpas");
    const editor = page.getByRole("region", { name: /^Tilpas spørgeskemaet/ });
    await editor.waitFor();
    const newType = page.getByLabel("Type for nyt spørgsmål");
    const add = page.getByRole("button", { name: "Tilføj spørgsmål", exact: true });

    // The version's name first, at the top of the editor.
    await tabTo(page, page.getByLabel("Versionens navn"));
    await typeText(page, label);

    // A local single choice «Ja»/«Nej» (the type the form starts with).
    await tabTo(page, newType);
    await chooseOption(page, newType, /^Ét svar$/);
    await tabTo(page, add);
    await press(page, "Enter");
    const sourceField = page.getByLabel("Spørgsmål (dansk)").last();
    await expect.poll(() => hasFocus(sourceField)).toBe(true);
    await typeText(page, sourceText);
    const source = page.getByRole("article", { name: new RegExp(`: ${escaped(sourceText)}$`) });
    await tabTo(page, source.getByLabel("Svarmulighed 1 (dansk)"));
    await typeText(page, "Ja");
    await tabTo(page, source.getByLabel("Svarmulighed 2 (dansk)"));
    await typeText(page, "Nej");

    // The follow-up, a free text shown only to those who answered «Ja».
    await tabTo(page, newType);
    await chooseOption(page, newType, /^Fritekst$/);
    await tabTo(page, add);
    await press(page, "Enter");
    const followField = page.getByLabel("Spørgsmål (dansk)").last();
    await expect.poll(() => hasFocus(followField)).toBe(true);
    await typeText(page, followText);
    const follow = page.getByRole("article", { name: new RegExp(`: ${escaped(followText)}$`) });
    const condition = follow.getByLabel("Vis kun hvis dette spørgsmål er besvaret");
    await tabTo(page, condition);
    await chooseOption(page, condition, new RegExp(`^Spørgsmål \\d+: ${escaped(sourceText)}$`));
    const yes = follow
      .getByRole("group", { name: `… med et af disse svar på «${sourceText}»` })
      .getByLabel("Ja", { exact: true });
    await tabTo(page, yes);
    await press(page, "Space");
    expect(await yes.isChecked()).toBe(true);
    await page.getByText("Kladde gemt").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const publish = page.getByRole("button", { name: "Udgiv" });
    await expect.poll(() => publish.isEnabled()).toBe(true);
    await tabTo(page, publish);
    await press(page, "Enter");
    // The count for the closing note: every key pressed in the editor.
    console.info(
      `conditional question by keyboard: ${presses} key presses besides ${typed} characters typed`,
    );

    // Published on the server: "Ny runde" opens on the new version.
    await page.getByRole("heading", { name: "Ny runde" }).waitFor();
    await page.getByLabel("Rundens navn").fill("Rygestop, marts 2027");
    // The open link needs the number invited; it takes answers until that many have come.
    await page.getByLabel("Antal inviterede (valgfri)").fill("12");
    const roundId = `klynge-syd.${await page.getByLabel("Rundens id").inputValue()}`;
    await page.getByRole("button", { name: "Opret runde" }).click();
    await page.getByText("Runden Rygestop, marts 2027 er oprettet.").waitFor();
    const round = (await demo.app.inject(`/api/rounds/${roundId}`)).json();
    expect(round.version.label).toBe(label);
    const questions: { id: string; text: { da: string }; showIf?: unknown }[] =
      round.version.questionnaire.questions;
    const sourceId = questions.find((q) => q.text.da === sourceText)?.id;
    const followQuestion = questions.find((q) => q.text.da === followText);
    expect(followQuestion?.showIf).toEqual({ question: sourceId, anyOf: ["ja"] });

    // The round takes answers through its open link.
    const staff = await inProcessCaller(demo.app, demo.db, demo.users.coordinator.email);
    const opened = await staff.request({
      method: "PUT",
      url: `/api/rounds/${roundId}/open-link`,
      payload: { open: true },
    });
    expect(opened.statusCode).toBe(200);

    // Two GPs in the browser: «Ja» is asked the follow-up, «Nej» never sees it.
    const gp = await watchedPage(await newContext());
    expect(await answerAsGp(gp.page, roundId, true)).toBe(true);
    const other = await watchedPage(await newContext());
    expect(await answerAsGp(other.page, roundId, false)).toBe(false);

    // Eight more GPs, four «Ja» with a follow-up answer and four «Nej», so every count reaches k.
    for (let i = 0; i < 8; i += 1) {
      const id = randomUUID();
      const yesAnswer = i < 4;
      const reply = await fetch(`${demo.collector}/api/rounds/${roundId}/responses/${id}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          schemaVersion: 1,
          id,
          roundId,
          versionHash: round.version.hash,
          channel: "embed",
          startedAt: new Date().toISOString(),
          submittedAt: new Date().toISOString(),
          answers: {
            [sourceId as string]: { choice: yesAnswer ? "ja" : "nej" },
            ...(yesAnswer ? { [followQuestion?.id as string]: { text: `Svar ${i}` } } : {}),
          },
        }),
      });
      expect(reply.status).toBe(201);
    }
    const stored = async () =>
      (await staff.request({ method: "GET", url: "/api/clusters/klynge-syd/rounds" }))
        .json()
        .rounds.find((entry: { round: { id: string } }) => entry.round.id === roundId)?.responses;
    await expect.poll(stored).toBe(10);

    // The results page: the follow-up was asked of 5 of the 10, and says on what.
    await page.goto(`${demo.collector}/coordinator/#/resultater?rounds=${roundId}`);
    const results = page.getByRole("article", { name: followText });
    await results.waitFor();
    await results.getByText(`Spurgt dem, der svarede «Ja» på «${sourceText}».`).waitFor();
    await results.getByText("Spurgt 5 af 10", { exact: true }).waitFor();
    await results.getByText("Besvaret af 5", { exact: true }).waitFor();
    // The question everyone was asked says nothing of the kind.
    const sourceResults = page.getByRole("article", { name: sourceText });
    expect(await sourceResults.getByText(/^Spurgt/).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect([...problems, ...gp.problems, ...other.problems]).toEqual([]);
    await context.close();
  }, 300_000);
});
