import { createServer } from "node:net";
import { PassThrough } from "node:stream";
import type { Round } from "@klynge/engine";
import type { InvitationList } from "@klynge/engine/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailTexts } from "../mailTexts.js";
import { answerOf, createRound, passOf, put, storedIn } from "./fixtures/respondents.js";
import { startService, type TestService, testConfig } from "./fixtures/service.js";
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from "./fixtures/smtpServer.js";

// Invitations and reminders by e-mail, through a real SMTP server: one mail per member, each with
// the member's own link, which works once; reminders only to those who have not answered.

let smtp: TestSmtpServer;
let service: TestService;
let round: Round;
const logLines: string[] = [];
/** The link each member's invitation mail held. */
const invitationLinks = new Map<string, string>();

const members = [
  { name: "Birgitte Holm", email: "birgitte@praksis.example" },
  { name: "Anders Bak", email: "anders@praksis.example" },
  { name: "Dorthe Ege", email: "dorthe@praksis.example" },
  { name: "Erik Fjord", email: "erik@praksis.example" },
  { name: "Carsten Dal" },
];

const send = (kind: "invitation" | "reminder", subject: string, text: string, s = service) =>
  s.coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations/mail`,
    payload: { kind, subject, text },
  });

const listed = async (): Promise<InvitationList> =>
  (
    await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/invitations`,
    })
  ).json();

/** The link in a mail's text: the frame page with the token in the fragment. */
function linkIn(mail: ReceivedMail): string {
  const match = /http:\/\/collector\.test\/frame\/\?round=[^\s#]+#invitation=[A-Za-z0-9_-]+/.exec(
    mail.text,
  );
  if (match === null) throw new Error(`no link in the mail to ${mail.to.join()}:\n${mail.text}`);
  return match[0];
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => logLines.push(...chunk.toString("utf8").split("\n")));
  service = await startService({
    config: {
      ...testConfig,
      mail: { smtpUrl: smtp.url, from: "KiAP Klynge <klynge@kiap.example>" },
    },
    logger: { stream },
  });
  round = await createRound(service, "klynge-syd.mails", 5);
  const made = await service.coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { members },
  });
  expect(made.statusCode).toBe(201);
}, 60_000);
afterAll(async () => {
  await service?.close();
  await smtp?.close();
});

describe("invitation mails over SMTP", () => {
  it("offers the Danish default texts with {navn}, {link}, {runde} and {klynge}", async () => {
    const reply = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/invitations/mail?kind=invitation`,
    });
    expect(reply.json()).toEqual(mailTexts.invitation);
    for (const placeholder of ["{navn}", "{link}", "{runde}", "{klynge}"]) {
      expect(mailTexts.invitation.text + mailTexts.invitation.subject).toContain(placeholder);
      expect(mailTexts.reminder.text + mailTexts.reminder.subject).toContain(placeholder);
    }
  });

  it("sends one invitation per member with an e-mail, each with the member's own link; the mail day is recorded", async () => {
    const text = `Kære {navn}\n\nSvar her: {link}\n\n{klynge}, {runde}`;
    const reply = await send("invitation", "Spørgeskema: {runde}", text);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ sent: 4, skipped: 1, failed: 0 });
    expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual(
      members.flatMap((m) => (m.email === undefined ? [] : [m.email])).sort(),
    );
    const links = new Set(smtp.mails.map(linkIn));
    expect(links.size).toBe(4);
    for (const mail of smtp.mails) invitationLinks.set(mail.to[0] ?? "", linkIn(mail));
    for (const mail of smtp.mails) {
      const member = members.find((m) => m.email === mail.to[0]);
      expect(mail.subject).toBe(`Spørgeskema: ${round.label}`);
      expect(mail.text).toContain(`Kære ${member?.name}`);
      expect(mail.text).toContain(`Klynge Syd, ${round.label}`);
      expect(mail.from).toBe("klynge@kiap.example");
    }
    const today = new Date().toISOString().slice(0, 10);
    const after = await listed();
    expect(
      after.invitations
        .map((i) => [i.name, i.mailedOn])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["Anders Bak", today],
      ["Birgitte Holm", today],
      ["Carsten Dal", null],
      ["Dorthe Ege", today],
      ["Erik Fjord", today],
    ]);
    // The texts sent are offered again next time.
    const template = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${round.id}/invitations/mail?kind=invitation`,
    });
    expect(template.json()).toEqual({ subject: "Spørgeskema: {runde}", text });
  });

  it("each mailed link works once: the first answer 201, another with it 403 invitation_spent", async () => {
    const byMember = new Map(smtp.mails.map((mail) => [mail.to[0], passOf(linkIn(mail))]));
    const birgitte = byMember.get("birgitte@praksis.example") ?? "";
    const anders = byMember.get("anders@praksis.example") ?? "";
    expect(
      (await put(service.anonymous, answerOf(round, 1), { invitation: birgitte })).statusCode,
    ).toBe(201);
    expect(
      (await put(service.anonymous, answerOf(round, 2), { invitation: anders })).statusCode,
    ).toBe(201);
    const again = await put(service.anonymous, answerOf(round, 3), { invitation: birgitte });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe("invitation_spent");
    expect(await storedIn(service, round.id)).toBe(2);
    expect(await listed()).toMatchObject({ invited: 5, used: 2 });
  });

  it("an invitation goes once: sent again, it reaches no one already mailed", async () => {
    smtp.clear();
    expect((await send("invitation", "Igen", "{link}")).json()).toEqual({
      sent: 0,
      skipped: 5,
      failed: 0,
    });
    expect(smtp.mails).toEqual([]);
  });

  it("a reminder goes only to those who have not answered, with the same link as their invitation", async () => {
    smtp.clear();
    const reply = await send("reminder", mailTexts.reminder.subject, mailTexts.reminder.text);
    expect(reply.json()).toEqual({ sent: 2, skipped: 3, failed: 0 });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual([
      "dorthe@praksis.example",
      "erik@praksis.example",
    ]);
    for (const mail of smtp.mails) {
      expect(mail.subject).toBe(`Påmindelse: spørgeskema til klyngemødet (${round.label})`);
      expect(mail.text).toContain("Vi mangler stadig dit svar");
      expect(linkIn(mail)).toBe(invitationLinks.get(mail.to[0] ?? ""));
    }
    const dorthe = passOf(invitationLinks.get("dorthe@praksis.example") ?? "");
    expect(
      (await put(service.anonymous, answerOf(round, 4), { invitation: dorthe })).statusCode,
    ).toBe(201);
    smtp.clear();
    expect((await send("reminder", "Sidste chance", "{link}")).json()).toEqual({
      sent: 1,
      skipped: 4,
      failed: 0,
    });
    expect(smtp.mails.map((m) => m.to[0])).toEqual(["erik@praksis.example"]);
    const trail = await service.database.db.query<{ target: string }>(
      "select target from audit_log where action = 'invitations_mailed' order by id",
    );
    expect(trail.map((t) => t.target)).toEqual([
      `${round.id}: 4 invitationer sendt, 0 fejlede`,
      `${round.id}: 0 invitationer sendt, 0 fejlede`,
      `${round.id}: 2 påmindelser sendt, 0 fejlede`,
      `${round.id}: 1 påmindelser sendt, 0 fejlede`,
    ]);
  });

  it("nothing of a mail reaches the log: no link, no token, no address, no text", async () => {
    const log = logLines.join("\n");
    expect(log).toContain("/invitations/mail");
    for (const mail of smtp.mails) {
      expect(log).not.toContain(passOf(linkIn(mail)));
      expect(log).not.toContain(mail.to[0]);
    }
    expect(log).not.toContain("#invitation=");
    expect(log).not.toContain("Kære");
  });
});

describe("without a mail server", () => {
  it("no SMTP configured: 503 mail_not_configured, the refusal audited, nothing recorded as mailed", async () => {
    const plain = await startService();
    try {
      const own = await createRound(plain, "klynge-syd.uden-mail", 5);
      await plain.coordinator.request({
        method: "POST",
        url: `/api/rounds/${own.id}/invitations`,
        payload: { members: [{ name: "Anders Bak", email: "anders@praksis.example" }] },
      });
      const reply = await plain.coordinator.request({
        method: "POST",
        url: `/api/rounds/${own.id}/invitations/mail`,
        payload: { kind: "invitation", subject: "S", text: "{link}" },
      });
      expect(reply.statusCode).toBe(503);
      expect(reply.json().error.code).toBe("mail_not_configured");
      const [entry] = await plain.database.db.query<{ outcome: string }>(
        "select outcome from audit_log where action = 'invitations_mailed'",
      );
      expect(entry?.outcome).toBe("refused");
    } finally {
      await plain.close();
    }
  });

  it("an SMTP server that cannot be reached: 502 mail_failed, no member marked as mailed", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const down = await startService({
      config: {
        ...testConfig,
        mail: { smtpUrl: `smtp://127.0.0.1:${port}`, from: "klynge@kiap.example" },
      },
    });
    try {
      const own = await createRound(down, "klynge-syd.mail-nede", 5);
      await down.coordinator.request({
        method: "POST",
        url: `/api/rounds/${own.id}/invitations`,
        payload: { members: [{ name: "Anders Bak", email: "anders@praksis.example" }] },
      });
      const reply = await down.coordinator.request({
        method: "POST",
        url: `/api/rounds/${own.id}/invitations/mail`,
        payload: { kind: "invitation", subject: "S", text: "{link}" },
      });
      expect(reply.statusCode).toBe(502);
      expect(reply.json().error.code).toBe("mail_failed");
      const list = await down.coordinator.request({
        method: "GET",
        url: `/api/rounds/${own.id}/invitations`,
      });
      expect(list.json().invitations[0].mailedOn).toBeNull();
    } finally {
      await down.close();
    }
  });
});
