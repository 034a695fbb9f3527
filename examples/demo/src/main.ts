// `pnpm start`: the whole story on localhost. A local OpenID provider with the demo's staff; the
// collector (API + the survey's iframe page and host script + the meeting app + the staff pages)
// with its own PostgreSQL in the data folder; a mock kiap.dk page that embeds the survey on a
// third origin; a demo cluster seeded on first start.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoRounds } from "./seed.js";
import { startDemo } from "./startDemo.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const path = (p: string) => join(repo, p);

const needed = [
  "packages/widget/dist/embed.js",
  "packages/widget/dist/frame/index.html",
  "examples/meeting-app/dist/index.html",
  "examples/coordinator/dist/index.html",
];
const missing = needed.filter((p) => !existsSync(path(p)));
if (missing.length > 0) {
  console.error(`Build first (\`pnpm build\`); missing: ${missing.join(", ")}`);
  process.exit(1);
}

const dataDir = process.env.DATA_DIR ?? path(".data/demo");
const demo = await startDemo({
  dataDir,
  ports: {
    collector: Number(process.env.KLYNGE_DEMO_PORT ?? 5174),
    kiap: Number(process.env.KLYNGE_DEMO_KIAP_PORT ?? 5173),
    idp: Number(process.env.KLYNGE_DEMO_IDP_PORT ?? 5175),
    smtp: Number(process.env.KLYNGE_DEMO_SMTP_PORT ?? 2525),
  },
  built: {
    widget: path("packages/widget/dist"),
    meetingApp: path("examples/meeting-app/dist"),
    coordinator: path("examples/coordinator/dist"),
  },
});
const { collector, kiap, users } = demo;

const row = (label: string, user: { email: string; password: string }) =>
  `  ${label.padEnd(42)}${user.email.padEnd(34)}${user.password}`;
console.log(`
Klynge demo (${demo.db.kind} database; ${demo.seeded})

  kiap.dk (mock) with the embedded survey:  ${kiap}/
  Meeting app (tablets, works offline):     ${collector}/app/?round=${demoRounds.followUp}
  A GP's personal invitation link (once):   ${demo.invitationLink ?? "(every invitation is used)"}
  Staff pages (sign in):                    ${collector}/coordinator/
  Invitations, mails, meeting keys:         ${collector}/coordinator/#/invitationer?round=${demoRounds.followUp}
  Post (the mails the demo's SMTP got):     ${demo.post}
  Results (baseline vs follow-up):          ${collector}/coordinator/#/resultater?rounds=${demoRounds.baseline},${demoRounds.followUp}
  Sign-in service (local OpenID provider):  ${demo.idp.issuer}

Demo staff (e-mail, password):
${row("KiAP admin", users.admin)}
${row("Coordinator, Klynge Syd", users.coordinator)}
${row("Municipality contact, Vejle Kommune", users.municipality)}
${row("Coordinator, Klynge Nord (other cluster)", users.otherCoordinator)}

Mails go to the demo's own SMTP server (${demo.mailbox.url}), never out; send the invitations
from the staff pages as the coordinator, then open one on the Post page and click its link.

Ctrl+C stops. Data: ${dataDir} (delete it to start afresh).
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void demo.close().then(() => process.exit(0));
  });
}
