// Issue 16: how long "Hent PowerPoint" takes to build the meeting deck for a 40-GP cluster.
// `node --expose-gc bench/deck.bench.mjs` after building the engine and the bank (`pnpm bench`
// does both); `--quick` is a smoke run only.
//
// The cluster: 40 GPs, the rehab questionnaire, baseline and follow-up (40 invited, 36 and 33
// answering), answers drawn with a seeded PRNG, free texts from a pool of realistic Danish
// answers (some written by many, so identical answers are merged), referral figures for 14
// practices × 5 offers. Contenders, each building the deck and writing the .pptx to a buffer
// (what the browser saves), over the same report:
//   (e) floor: an empty deck of one title slide, written (pptxgenjs's own fixed cost);
//   (q) the deck without a plan: the questions in order, as before issue 16;
//   (p) the deck following the rehab package's meeting plan (programme, blocks, talk slots,
//       reflections, dialog, speaker notes, "skjult" boxes).
// CPU time (user + system) of the process, medians, each run after a full garbage collection;
// contenders interleaved in rotating order.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import { fileURLToPath } from "node:url";
import { aggregate, parseReferralCsv, referralRates } from "@klynge/engine";
import { getPackage, templateVersion } from "@klynge/question-bank";
import { createPrng } from "./lib/createPrng.mjs";
import { collectGarbage, median } from "./lib/measureTime.mjs";

const quick = process.argv.includes("--quick");
const config = {
  seed: 20271016,
  gps: 40,
  answering: [36, 33],
  k: 5,
  warmup: quick ? 1 : 5,
  reps: quick ? 3 : 21,
};

/** Answers GPs write to the rehab questionnaire's free-text questions (bench data). */
const pool = {
  "rehab.oplevelse": [
    "Gode tilbud, men lang ventetid",
    "Patienterne er glade for KOL-holdet",
    "Svært at finde rundt i, hvad der findes",
    "Fint samarbejde med sundhedscentret",
    "Diabetesskolen får god feedback fra patienterne",
    "Vi hører for lidt om, hvordan det går patienterne bagefter",
    "Hjerterehabiliteringen fungerer godt",
    "Tilbuddene ændrer sig ofte, så det er svært at følge med",
  ],
  "rehab.henvise-flere": [
    "Kortere ventetid",
    "En kort oversigt over tilbuddene",
    "Tilbagemelding når patienten er startet",
    "Henvisning direkte fra lægesystemet",
    "Hold om aftenen for dem, der arbejder",
    "En fast kontaktperson i kommunen",
  ],
  "rehab.manglende-tilbud": [
    "Patienter med lænderygsmerter",
    "Yngre med type 2-diabetes",
    "Patienter med angst og depression sammen med kronisk sygdom",
    "Tilbud på andre sprog end dansk",
    "Patienter med long covid",
  ],
  "rehab.kommentarer": [
    "Tak for et godt møde",
    "Gerne fælles undervisning med kommunens sygeplejersker",
    "Mere om hjerterehabilitering næste gang",
    "Vi bør mødes igen om et år",
  ],
};
const otherTexts = [
  "Via sekretæren",
  "Brev til sundhedscentret",
  "Ved konsultationen",
  "Sms til patienten",
];

const rng = createPrng(config.seed);
const version = templateVersion("rehab");
const pkg = getPackage("rehab");
if (pkg === undefined) throw new Error("bench: the bank has no rehab package");

/** @param {import("@klynge/engine").Question} q @returns {import("@klynge/engine").Answer | undefined} */
function answer(q) {
  if (q.type === "text") {
    const texts = pool[/** @type {keyof typeof pool} */ (q.id)] ?? ["Ingen kommentarer"];
    // Most write something short; a third leave it blank.
    return rng.chance(0.65) ? { text: rng.pickSkewed(texts) } : undefined;
  }
  if (q.type === "rating" || q.type === "single") return { choice: rng.pickSkewed(q.options).code };
  if (q.type === "multi") {
    const plain = q.options.filter((o) => o.kind === undefined);
    const choices = [...new Set([rng.pickSkewed(plain).code, rng.pickSkewed(plain).code])];
    const other = q.options.find((o) => o.kind === "other");
    if (other !== undefined && rng.chance(0.15))
      return { choices: [...choices, other.code], otherText: rng.pick(otherTexts) };
    return { choices };
  }
  return { rows: Object.fromEntries(q.rows.map((r) => [r.code, rng.pickSkewed(q.columns).code])) };
}

const rounds = ["2027-03", "2027-10"].map((month, i) => ({
  id: `klynge-bench.${month}`,
  label: i === 0 ? "Baseline, marts 2027" : "Opfølgning, oktober 2027",
  cluster: "Klynge Bench",
  municipality: "Vejle Kommune",
  versionHash: version.hash,
  invited: config.gps,
}));
const responses = rounds.flatMap((round, r) =>
  Array.from({ length: /** @type {number} */ (config.answering[r]) }, (_, i) => ({
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${r}${i.toString(16).padStart(11, "0")}`,
    roundId: round.id,
    versionHash: version.hash,
    channel: "app",
    startedAt: "2027-03-04T09:00:00.000Z",
    submittedAt: "2027-03-04T09:04:00.000Z",
    answers: Object.fromEntries(
      version.questionnaire.questions.flatMap((q) => {
        const a = answer(q);
        return a === undefined ? [] : [[q.id, a]];
      }),
    ),
  })),
);
const aggregated = aggregate({ responses, rounds, versions: [version], k: config.k });
if (!aggregated.success) throw new Error(`bench: ${JSON.stringify(aggregated.issues)}`);
const report = aggregated.data;

const offers = ["Diabetes", "KOL", "Hjerte", "Kræft", "Lænd/ryg"];
const csv = [
  "ydernummer;tilbud;henvisninger;tilknyttede_patienter",
  ...Array.from({ length: 14 }, (_, p) =>
    offers.map((o) => `${400000 + p * 37};${o};${rng.int(0, 40)};${rng.int(1200, 4000)}`),
  ).flat(),
].join("\n");
const rows = parseReferralCsv(csv);
if (!rows.success) throw new Error("bench: referral file refused");
const referrals = referralRates(rows.data, { seed: "bench-seed-0123456789", k: config.k });

// The deck builder is the coordinator app's TypeScript module: Vite loads it for Node.
const coordinator = fileURLToPath(new URL("../examples/coordinator/", import.meta.url));
const { createServer } = await import(createRequire(`${coordinator}package.json`).resolve("vite"));
const vite = await createServer({
  root: coordinator,
  configFile: `${coordinator}vite.config.ts`,
  logLevel: "silent",
  server: { middlewareMode: true, watch: null, hmr: false },
});
const { buildDeck } = await vite.ssrLoadModule("/src/deck/buildDeck.ts");
const { default: PptxGenJS } = await vite.ssrLoadModule("pptxgenjs");
// Kept open to the end: pptxgenjs imports its Node helpers through the runner on each write.

const input = { report, referrals, locale: "da", generatedAt: "2027-10-20T08:30:00.000Z" };
/** @param {unknown} deck */
const write = (deck) =>
  /** @type {{ write: (o: object) => Promise<Uint8Array> }} */ (deck).write({
    outputType: "nodebuffer",
  });
const contenders = [
  {
    name: "(e) empty deck, one title slide",
    run: () => {
      const pptx = new PptxGenJS();
      pptx.layout = "LAYOUT_WIDE";
      pptx.addSlide().addText("Klynge Bench", { x: 0.5, y: 1, w: 12, h: 1 });
      return write(pptx);
    },
  },
  { name: "(q) questions in order, no plan", run: () => write(buildDeck(input)) },
  {
    name: "(p) following the rehab plan",
    run: () => write(buildDeck({ ...input, plan: pkg.plan, packageTitle: pkg.title.da })),
  },
];

/** @param {() => Promise<Uint8Array>} run */
async function time(run) {
  collectGarbage();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const bytes = await run();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall, bytes: bytes.length };
}

for (let i = 0; i < config.warmup; i++) for (const c of contenders) await c.run();
/** @type {Map<string, { cpu: number[], wall: number[], bytes: number }>} */
const times = new Map(contenders.map((c) => [c.name, { cpu: [], wall: [], bytes: 0 }]));
for (let rep = 0; rep < config.reps; rep++) {
  for (let j = 0; j < contenders.length; j++) {
    const c = /** @type {(typeof contenders)[number]} */ (
      contenders[(rep + j) % contenders.length]
    );
    const t = /** @type {{ cpu: number[], wall: number[], bytes: number }} */ (times.get(c.name));
    const m = await time(c.run);
    t.cpu.push(m.cpu);
    t.wall.push(m.wall);
    t.bytes = m.bytes;
  }
}

const slides = (/** @type {object} */ deckInput) =>
  /** @type {{ slides: unknown[] }} */ (/** @type {unknown} */ (buildDeck(deckInput))).slides
    .length;
const planned = { ...input, plan: pkg.plan, packageTitle: pkg.title.da };
const counts = {
  "(e) empty deck, one title slide": 1,
  "(q) questions in order, no plan": slides(input),
  "(p) following the rehab plan": slides(planned),
};
const cpuOf = (/** @type {string} */ name) => median(times.get(name)?.cpu ?? []);
const floor = cpuOf("(e) empty deck, one title slide");
const plain = cpuOf("(q) questions in order, no plan");
const table = contenders.map((c) => ({
  contender: c.name,
  slides: counts[/** @type {keyof typeof counts} */ (c.name)],
  kib: (times.get(c.name)?.bytes ?? 0) / 1024,
  cpu: cpuOf(c.name),
  wall: median(times.get(c.name)?.wall ?? []),
  vsFloor: cpuOf(c.name) / floor,
  vsPlain: cpuOf(c.name) / plain,
}));
const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const lines = [
  `# Deck bench (${quick ? "quick: figures mean nothing" : `${config.reps} reps`})`,
  "",
  `Commit ${commit}, Node ${process.version}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}.`,
  `Cluster: ${config.gps} GPs invited, rehab, baseline and follow-up (${config.answering.join(" and ")} answering), k = ${config.k}; referral figures for 14 practices × 5 offers.`,
  "",
  "| contender | slides | .pptx KiB | CPU ms (median) | wall ms (median) | × (e) | × (q) |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...table.map(
    (r) =>
      `| ${r.contender} | ${r.slides} | ${r.kib.toFixed(0)} | ${r.cpu.toFixed(1)} | ${r.wall.toFixed(1)} | ${r.vsFloor.toFixed(2)}× | ${r.vsPlain.toFixed(2)}× |`,
  ),
  "",
  "Each run builds the deck and writes the .pptx to a buffer, after a full garbage collection.",
];
const text = lines.join("\n");
console.log(text);
await vite.close();
if (!quick) {
  const results = new URL("./results/", import.meta.url);
  mkdirSync(results, { recursive: true });
  writeFileSync(new URL("deck.md", results), `${text}\n`);
  writeFileSync(
    new URL("deck.json", results),
    `${JSON.stringify({ config, commit, node: process.version, loadavg: os.loadavg(), table, times: Object.fromEntries(times) }, null, 2)}\n`,
  );
}
