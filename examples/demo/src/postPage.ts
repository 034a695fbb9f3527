import type { IncomingMessage, ServerResponse } from "node:http";
import type { Mailbox, ReceivedMail } from "./mailbox.js";

/** The Post page's headers: no script at all, nothing framed, nothing sent on as a Referer. */
export const postHeaders = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
} as const;

const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");

const when = (date: Date) =>
  new Intl.DateTimeFormat("da-DK", {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: "Europe/Copenhagen",
  }).format(date);

/** A mail's text, escaped, with each http(s) address a link a newcomer can click. */
export function linkedText(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join("");
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 0; font-family: system-ui, sans-serif; color: #1a1a1a; background: #f4f4f4; line-height: 1.45; }
  header { background: #3b3b6d; color: #fff; padding: .75rem 1rem; }
  header h1 { margin: 0; font-size: 1.3rem; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; background: #fff; }
  a { color: #1f4e9c; }
  a:focus-visible { outline: 3px solid #b35900; outline-offset: 2px; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #ccc; vertical-align: top; overflow-wrap: anywhere; }
  .scroll { overflow-x: auto; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: #fafafa; border: 1px solid #ccc; padding: .75rem; }
  dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; }
  dt { font-weight: 600; }
  dd { margin: 0; overflow-wrap: anywhere; }
  .note { background: #fff4d6; padding: .5rem .75rem; }
</style>
</head>
<body>
<header><h1>Post – demoens mails</h1></header>
<main>
${body}
</main>
</body>
</html>`;
}

/** The list: newest first, each mail by its recipient, subject and time. */
export function postListPage(mailbox: Pick<Mailbox, "url" | "mails">): string {
  const mails = [...mailbox.mails].reverse();
  const rows = mails
    .map(
      (mail) =>
        `<tr><td><a href="/post/${mail.id}">${escapeHtml(mail.toHeader || mail.to.join(", "))}</a></td><td>${escapeHtml(mail.subject)}</td><td>${escapeHtml(when(mail.receivedAt))}</td></tr>`,
    )
    .join("\n");
  return page(
    "Post – demoens mails",
    `<p>Demoen har sin egen mailserver (SMTP på <code>${escapeHtml(mailbox.url)}</code>). Her står de mails, Klynge har sendt: invitationer og påmindelser til klyngens læger. Åbn en mail, og klik på linket i den for at svare som lægen.</p>
<p class="note">Lægernes adresser er opdigtede (<code>.example</code>), og intet sendes ud af maskinen. Mails sendes fra koordinatorsiderne: Invitationer → Mails.</p>
<p><a href="/post/">Opdater</a></p>
${
  mails.length === 0
    ? "<p>Ingen mails endnu.</p>"
    : `<div class="scroll"><table>
<caption>${mails.length} ${mails.length === 1 ? "mail" : "mails"}, nyeste først</caption>
<thead><tr><th scope="col">Til</th><th scope="col">Emne</th><th scope="col">Modtaget</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`
}`,
  );
}

/** One mail: who it is to and from, when, and its text with the link clickable. */
export function postMailPage(mail: ReceivedMail): string {
  return page(
    `${mail.subject} – Post`,
    `<p><a href="/post/">Tilbage til alle mails</a></p>
<h2>${escapeHtml(mail.subject)}</h2>
<dl>
<dt>Til</dt><dd>${escapeHtml(mail.toHeader || mail.to.join(", "))}</dd>
<dt>Fra</dt><dd>${escapeHtml(mail.from)}</dd>
<dt>Modtaget</dt><dd>${escapeHtml(when(mail.receivedAt))}</dd>
</dl>
<pre>${linkedText(mail.text)}</pre>`,
  );
}

/** Answers `/post/` and `/post/<n>`; false for any other path. */
export function servePost(
  mailbox: Pick<Mailbox, "url" | "mails">,
  request: IncomingMessage,
  response: ServerResponse,
): boolean {
  const path = new URL(request.url ?? "/", "http://post.invalid").pathname;
  if (path === "/post" || path === "/post/") {
    response.writeHead(200, postHeaders).end(postListPage(mailbox));
    return true;
  }
  const match = /^\/post\/(\d{1,9})$/.exec(path);
  if (match === null) return false;
  const mail = mailbox.mails.find((m) => m.id === Number(match[1]));
  if (mail === undefined) {
    response
      .writeHead(404, postHeaders)
      .end(
        page(
          "Ikke fundet – Post",
          '<p>Mailen findes ikke (demoen glemmer sine mails, når den genstartes). <a href="/post/">Alle mails</a></p>',
        ),
      );
    return true;
  }
  response.writeHead(200, postHeaders).end(postMailPage(mail));
  return true;
}
