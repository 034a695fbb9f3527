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
<script>
  document.getElementById("survey").addEventListener("klynge:complete", (event) => {
    document.getElementById("log").textContent =
      "Hændelse klynge:complete – svar " + event.detail.responseId + (event.detail.queued ? " (venter på at blive sendt)" : " (modtaget)");
  });
</script>
<script src="${collector}/embed.js" async></script>
</body>
</html>`;
}
