import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Mailbox, startMailbox } from "../mailbox.js";
import { linkedText, postHeaders, servePost } from "../postPage.js";

/** Speaks SMTP to `url` as a mail client would, one command at a time. */
async function sendRaw(url: string, to: string, message: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.setEncoding("utf8");
  let buffer = "";
  const reply = () =>
    new Promise<string>((resolve) => {
      const check = () => {
        const line = /^(\d{3}) .*\r\n/m.exec(buffer);
        if (line === null) return false;
        buffer = "";
        resolve(line[1] as string);
        return true;
      };
      if (!check())
        socket.on("data", function onData(chunk: string) {
          buffer += chunk;
          if (check()) socket.off("data", onData);
        });
    });
  expect(await reply()).toBe("220");
  for (const [command, code] of [
    ["EHLO test", "250"],
    ["MAIL FROM:<klynge@kiap.example>", "250"],
    [`RCPT TO:<${to}>`, "250"],
    ["DATA", "354"],
    [`${message.replaceAll("\n", "\r\n")}\r\n.`, "250"],
  ] as const) {
    socket.write(`${command}\r\n`);
    expect(await reply()).toBe(code);
  }
  socket.end("QUIT\r\n");
}

let mailbox: Mailbox;
let server: Server;
let origin: string;

beforeAll(async () => {
  mailbox = await startMailbox({
    host: "127.0.0.1",
    port: 0,
    keep: 2,
    now: () => new Date("2026-10-07T08:15:00.000Z"),
  });
  server = createServer((request, response) => {
    if (!servePost(mailbox, request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await mailbox.close();
});

describe("the demo's mailbox and Post page", () => {
  it("receives mails over SMTP and lists them newest first, each opening with its link clickable and nothing of it as markup", async () => {
    const link =
      "http://127.0.0.1:5174/frame/?round=klynge-syd.2026-10#invitation=abcDEF_123-xyz0123456789";
    for (const [to, name] of [
      ["anne.holm@laegehuset-vejle.example", "Anne Holm"],
      ["bent.bak@jelling-praksis.example", "Bent <b>Bak</b>"],
      ["ida.lund@give-laegecenter.example", "Ida Lund"],
    ]) {
      await sendRaw(
        mailbox.url,
        to as string,
        [
          "From: KiAP Klynge <klynge@kiap.example>",
          `To: "${name}" <${to}>`,
          "Subject: =?UTF-8?Q?Sp=C3=B8rgeskema_til_klyngem=C3=B8det?=",
          "Content-Type: text/plain; charset=utf-8",
          "",
          `Kære ${name}`,
          "",
          link,
        ].join("\n"),
      );
    }
    // Only the newest two are kept (keep: 2).
    expect(mailbox.mails.map((m) => [m.id, m.to])).toEqual([
      [2, ["bent.bak@jelling-praksis.example"]],
      [3, ["ida.lund@give-laegecenter.example"]],
    ]);

    const list = await fetch(`${origin}/post/`);
    expect(list.status).toBe(200);
    for (const [name, value] of Object.entries(postHeaders)) {
      expect(list.headers.get(name)).toBe(value);
    }
    const html = await list.text();
    expect(html).not.toMatch(/<script/i);
    expect(html.indexOf("Ida Lund")).toBeLessThan(html.indexOf("Bent &lt;b&gt;Bak"));
    expect(html).toContain("Spørgeskema til klyngemødet");
    expect(html).toContain('<a href="/post/3">');

    const mail = await (await fetch(`${origin}/post/2`)).text();
    expect(mail).toContain(`<a href="${link}">${link}</a>`);
    expect(mail).toContain("Kære Bent &lt;b&gt;Bak&lt;/b&gt;");
    expect(mail).not.toContain("<b>");
    expect((await fetch(`${origin}/post/1`)).status).toBe(404);
  });

  it("links only http(s) addresses, escaping everything", () => {
    expect(linkedText('Se <https://a.example/x?y=1&z="2"> og javascript:alert(1)')).toBe(
      'Se &lt;<a href="https://a.example/x?y=1&amp;z=">https://a.example/x?y=1&amp;z=</a>&quot;2&quot;&gt; og javascript:alert(1)',
    );
  });
});
