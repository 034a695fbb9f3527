// @vitest-environment node

import { randomUUID } from "node:crypto";
import type { InvitationEntry, InvitationList } from "@klynge/engine/contract";
import { invitationHeader } from "@klynge/engine/contract";
import { inProcessCaller } from "@klynge/example-collector";
import { seriousViolations } from "@klynge/test-support/axe";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReceivedMail } from "../../mailbox.js";
import { demoRounds } from "../../seed.js";
import type { Demo } from "../../startDemo.js";
import { demoPages } from "./fixtures/demoPages.js";
import { type BrowserDemo, startBrowserDemo } from "./fixtures/startBrowserDemo.js";

// Issue 14 end to end, wired as `pnpm start` wires it: the coordinator signs in through the local
// OpenID provider, sends the seeded follow-up's invitations from the staff pages; the mails
// arrive at the demo's SMTP server and on its Post page; a GP's link from a mail stores one
// answer; the pending list no longer names that GP; a reminder goes only to those still missing.

let started: BrowserDemo;
let demo: Demo;

beforeAll(async () => {
  started = await startBrowserDemo("invitations");
  demo = started.demo;
}, 240_000);

afterAll(async () => {
  await started?.close();
});

const { watchedPage, newContext, signInOnStaffPages } = demoPages(
  () => started.browser,
  () => demo,
);

const round = demoRounds.followUp;

/** The follow-up's invitations as the collector lists them to its coordinator. */
async function members(): Promise<InvitationList> {
  const caller = await inProcessCaller(demo.app, demo.db, demo.users.coordinator.email);
  return (await caller.request({ method: "GET", url: `/api/rounds/${round}/invitations` })).json();
}

const pendingOf = (list: InvitationList): InvitationEntry[] =>
  list.invitations.filter((entry) => entry.name !== null && !entry.used);

/** The personal link in a mail: the survey's page with the token in the fragment. */
function linkIn(mail: ReceivedMail): string {
  const pattern = new RegExp(
    `${demo.collector.replaceAll(".", "\\.")}/frame/\\?round=[^\\s#]+#invitation=[A-Za-z0-9_-]+`,
  );
  const match = pattern.exec(mail.text);
  if (match === null) throw new Error(`no link in the mail to ${mail.to.join()}:\n${mail.text}`);
  return match[0];
}

/** The names the invitations page lists as not having answered. */
async function pendingNames(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: /^Har ikke svaret endnu/ });
  await list.waitFor();
  return (await list.getByRole("listitem").allTextContents()).map((item) =>
    item.replace(/\s*\(.*\)$/, "").trim(),
  );
}

/** Sends the mail of `kind` from the page's "Mails" section, confirming, and returns what it said. */
async function sendMail(page: Page, kind: "Invitation" | "Påmindelse"): Promise<string> {
  const mails = page.getByRole("region", { name: "Mails" });
  await mails.getByRole("radio", { name: kind }).check();
  const subject = mails.getByLabel("Emne");
  const start = kind === "Invitation" ? "Spørgeskema" : "Påmindelse";
  await expect.poll(() => subject.inputValue()).toMatch(new RegExp(`^${start}`));
  await mails
    .getByRole("button", {
      name: kind === "Invitation" ? "Send invitationen …" : "Send påmindelsen …",
    })
    .click();
  await mails.getByRole("button", { name: "Ja, send" }).click();
  const status = mails.getByRole("status");
  await status.waitFor();
  return (await status.textContent()) ?? "";
}

describe("invitations in the demo, end to end", () => {
  test("the coordinator sends the invitations from the staff pages; one mail per member with an e-mail arrives; a GP's link stores one answer; the pending list no longer names them; a reminder goes only to those still missing", async () => {
    const before = pendingOf(await members());
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((entry) => entry.email !== null && entry.mailedOn === null)).toBe(true);
    expect(demo.mailbox.mails).toHaveLength(0);

    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    await signInOnStaffPages(page, "coordinator", `#/invitationer?round=${round}`);
    await page
      .getByRole("heading", { level: 2, name: "Invitationer og svar: Opfølgning, oktober 2026" })
      .waitFor();
    expect((await pendingNames(page)).sort()).toEqual(before.map((e) => e.name).sort());
    expect(await seriousViolations(page)).toEqual([]);

    // The invitation: one mail per member with an e-mail whose link is unused.
    const invited = await sendMail(page, "Invitation");
    expect(invited).toBe(
      `${before.length} mails sendt. ${40 - before.length} sprunget over (har svaret, har ingen e-mail eller har allerede fået invitationen). Ingen fejlede.`,
    );
    const mails = [...demo.mailbox.mails];
    expect(mails.flatMap((mail) => mail.to).sort()).toEqual(before.map((e) => e.email).sort());
    const links = mails.map(linkIn);
    expect(new Set(links).size).toBe(before.length);
    for (const mail of mails) {
      const member = before.find((entry) => entry.email === mail.to[0]);
      expect(mail.subject).toBe("Spørgeskema til klyngemødet: Opfølgning, oktober 2026");
      expect(mail.text).toContain(`Kære ${member?.name}`);
    }

    // On the Post page a newcomer finds the GP's mail and its link, clickable.
    const gp = before[0] as InvitationEntry;
    const gpMail = mails.find((mail) => mail.to[0] === gp.email) as ReceivedMail;
    const post = await watchedPage(context);
    await post.page.goto(demo.post);
    await post.page.getByRole("link", { name: new RegExp(gp.name ?? "") }).click();
    await post.page.getByRole("heading", { name: gpMail.subject }).waitFor();
    const link = post.page.getByRole("link", { name: /\/frame\/\?round=/ });
    expect(await link.getAttribute("href")).toBe(linkIn(gpMail));
    expect(await seriousViolations(post.page)).toEqual([]);
    expect(post.problems).toEqual([]);

    // The GP answers through the link: its token goes in the header, as the survey page sends it.
    const token = new URL(linkIn(gpMail)).hash.replace("#invitation=", "");
    const document = await (await fetch(`${demo.collector}/api/rounds/${round}`)).json();
    const answer = (id: string) =>
      fetch(`${demo.collector}/api/rounds/${round}/responses/${id}`, {
        method: "PUT",
        headers: { "content-type": "application/json", [invitationHeader]: token },
        body: JSON.stringify({
          schemaVersion: 1,
          id,
          roundId: round,
          versionHash: document.version.hash,
          channel: "embed",
          startedAt: new Date().toISOString(),
          submittedAt: new Date().toISOString(),
          answers: { "vejle.sundhedscenter": { choice: "ja" } },
        }),
      });
    expect((await answer(randomUUID())).status).toBe(201);
    const again = await answer(randomUUID());
    expect(again.status).toBe(403);
    expect((await again.json()).error.code).toBe("invitation_spent");

    // The pending list no longer names the GP; the count of links used says one more.
    await page.reload();
    await expect.poll(async () => (await pendingNames(page)).length).toBe(before.length - 1);
    expect(await pendingNames(page)).not.toContain(gp.name);

    // The reminder: only to those who have not answered.
    const sentBefore = demo.mailbox.mails.length;
    const reminded = await sendMail(page, "Påmindelse");
    expect(reminded).toBe(
      `${before.length - 1} mails sendt. ${40 - before.length + 1} sprunget over (har svaret, har ingen e-mail eller har allerede fået invitationen). Ingen fejlede.`,
    );
    const reminders = demo.mailbox.mails.slice(sentBefore);
    expect(reminders.flatMap((mail) => mail.to).sort()).toEqual(
      before
        .filter((entry) => entry.id !== gp.id)
        .map((entry) => entry.email)
        .sort(),
    );
    expect(reminders.every((mail) => mail.subject.startsWith("Påmindelse"))).toBe(true);
    // Each reminder carries the member's own link, the one their invitation had.
    for (const mail of reminders) {
      expect(linkIn(mail)).toBe(linkIn(mails.find((m) => m.to[0] === mail.to[0]) as ReceivedMail));
    }
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  test("on a phone (360 px) and a tablet the invitations page scrolls nowhere sideways; a meeting key shows its link and QR code", async () => {
    const context = await newContext(360, 780);
    const { page, problems } = await watchedPage(context);
    await signInOnStaffPages(page, "coordinator", `#/invitationer?round=${round}`);
    const keys = page.getByRole("region", { name: "Mødenøgle til tablets" });
    await keys.getByLabel("Mødets længde i timer").fill("2");
    await keys.getByRole("button", { name: "Lav mødenøgle" }).click();
    await keys.getByRole("status").waitFor();
    // Newest first: the seed's key for the meeting is listed after it.
    const qr = keys.getByRole("img", { name: "QR-kode med linket til tabletten" }).first();
    await qr.waitFor();
    expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThan(200);
    expect(
      await keys
        .getByRole("link", { name: /\/app\/\?round=/ })
        .first()
        .getAttribute("href"),
    ).toMatch(new RegExp(`^${demo.collector}/app/\\?round=.+#key=[A-Za-z0-9_-]{43}$`));
    const sideways = () =>
      page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(await sideways()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 800, height: 1280 });
    expect(await sideways()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  test("a GP opens the link from a received mail on the Post page: the intro, the answers, the thanks; the pending list no longer names them", async () => {
    const pending = pendingOf(await members());
    const gp = pending[0] as InvitationEntry;
    const mail = [...demo.mailbox.mails].reverse().find((m) => m.to[0] === gp.email);
    expect(mail).toBeDefined();
    const context = await newContext();
    const { page, problems } = await watchedPage(context);
    await page.goto(demo.post);
    await page
      .getByRole("link", { name: new RegExp(gp.name ?? "") })
      .first()
      .click();
    await page.getByRole("link", { name: /\/frame\/\?round=/ }).click();
    await page.waitForURL((url) => url.origin === demo.collector);
    await page.getByRole("region", { name: "Før du begynder" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The intro's line stands above the first question; the form takes over the server's page.
    await page.locator("#klynge-prerender").waitFor({ state: "detached" });
    await page
      .locator("label")
      .filter({ hasText: "Ja, og jeg har henvist dertil" })
      .first()
      .click();
    for (let step = 0; step < 10; step += 1) {
      const done = page.getByRole("button", { name: "Færdig" });
      if (await done.isVisible()) {
        await done.click();
        break;
      }
      await page.getByRole("button", { name: "Videre" }).click();
    }
    await page.getByText("Mange tak for din besvarelse!").waitFor();
    await expect
      .poll(async () => pendingOf(await members()).some((entry) => entry.id === gp.id))
      .toBe(false);

    await signInOnStaffPages(page, "coordinator", `#/invitationer?round=${round}`);
    expect(await pendingNames(page)).not.toContain(gp.name);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
