import { createHash } from "node:crypto";

/** The page's own inline script: it shows the widget's `klynge:complete` event. */
const pageScript = `
  document.getElementById("survey").addEventListener("klynge:complete", (event) => {
    document.getElementById("log").textContent =
      "Hændelse klynge:complete – svar " + event.detail.responseId + (event.detail.queued ? " (venter på at blive sendt)" : " (modtaget)");
  });
`;

/**
 * The headers a host page like kiap.dk's can send with the survey embedded (what a region's IT
 * approves): scripts from the page itself (its inline one by hash) and the collector's embed.js,
 * frames from the collector only, nothing else fetched by the page.
 */
export function kiapPageHeaders(collector: string): Record<string, string> {
  const hash = createHash("sha256").update(pageScript).digest("base64");
  return {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": [
      "default-src 'none'",
      `script-src 'sha256-${hash}' ${collector}/embed.js`,
      `frame-src ${collector}`,
      "style-src 'unsafe-inline'",
      "base-uri 'none'",
      "form-action 'none'",
    ].join("; "),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

/** A page in the style of kiap.dk's cluster-package pages, embedding the survey with one tag. */
export function kiapPage(options: { readonly collector: string; readonly round: string }): string {
  const { collector, round } = options;
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klyngepakke: Samarbejde om forebyggelse og rehabilitering – KiAP (demo)</title>
<style>
  body { margin: 0; font-family: Georgia, "Times New Roman", serif; color: #1d1d1b; background: #f6f4ef; }
  header { background: #00553f; color: #fff; padding: 1rem 1.5rem; }
  header p { margin: 0; font-family: system-ui, sans-serif; font-size: .9rem; }
  main { max-width: 50rem; margin: 0 auto; padding: 1.5rem; background: #fff; }
  .note { font-family: system-ui, sans-serif; font-size: .9rem; background: #fff4d6; padding: .5rem .75rem; }
  #log { font-family: ui-monospace, monospace; font-size: .8rem; color: #444; }
</style>
</head>
<body>
<header><p>KiAP – Kvalitet i Almen Praksis (demoside, ikke kiap.dk)</p>
<h1>Klyngepakke: Samarbejde om forebyggelse og rehabilitering</h1></header>
<main>
<p>Inden klyngemødet med kommunen besvarer alle læger i klyngen et kort spørgeskema. Resultaterne vises på mødet.</p>
<p class="note">Spørgeskemaet nedenfor kommer fra Klynge-serveren (${collector}) i en iframe; siden her har kun indlæst et lille script.</p>
<div id="survey" data-klynge-survey="${round}"></div>
<p id="log" aria-live="polite"></p>
</main>
<script>${pageScript}</script>
<script src="${collector}/embed.js" async></script>
</body>
</html>`;
}
