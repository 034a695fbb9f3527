import { aggregate, applyEdits, type Change, type Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";

// Baseline on KiAP's draft; the follow-up drops one question and adds a local one.
const baselineVersion = templateVersion("rehab");
const edited = applyEdits(
  baselineVersion,
  [
    { op: "remove", questionId: "rehab.oplysninger" },
    {
      op: "add",
      at: 2,
      question: {
        id: "vejle.ventetid",
        type: "rating",
        text: {
          da: "Hvor lang ventetid oplever dine patienter på kommunens rehabiliteringstilbud?",
        },
        options: [
          { code: "under-2-uger", label: { da: "Under 2 uger" }, ordinal: 3 },
          { code: "2-4-uger", label: { da: "2-4 uger" }, ordinal: 2 },
          { code: "over-4-uger", label: { da: "Over 4 uger" }, ordinal: 1 },
          { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow" },
        ],
      },
    },
  ],
  { label: "Klynge Syd + Vejle Kommune, oktober 2027" },
);
if (!edited.success) throw new Error("The local edits were refused.");
export const followUpVersion = edited.data;

const rounds: Round[] = [
  {
    id: "syd-2027-03",
    label: "Baseline, marts 2027",
    versionHash: baselineVersion.hash,
    cluster: "Klynge Syd",
    municipality: "Vejle Kommune",
    invited: 14,
  },
  {
    id: "syd-2027-10",
    label: "Opfølgning, oktober 2027",
    versionHash: followUpVersion.hash,
    cluster: "Klynge Syd",
    municipality: "Vejle Kommune",
    invited: 14,
  },
];

// Synthetic answers, one line per respondent: how well they know the offers, how they refer,
// what keeps them from referring (an empty list: question skipped), then any other answers.
const E = "elektronisk-henvisning";
const P = "patienten-selv";
const K = "manglende-kendskab";
const V = "ventetid";

function answers(kendskab: string, ways: string[], barriers: string[], more = {}) {
  return {
    "rehab.kendskab": { choice: kendskab },
    "rehab.henvisningsmaade": { choices: ways },
    ...(barriers.length > 0 ? { "rehab.barrierer": { choices: barriers } } : {}),
    ...more,
  };
}

const web = { "rehab.oplysninger": { choices: ["kommunens-hjemmeside"] } };
const colleagues = { "rehab.oplysninger": { choices: ["kolleger"] } };
const baselineAnswers = [
  answers("i-nogen-grad", [E], [K], web),
  answers("i-nogen-grad", [E], [K], web),
  answers("i-nogen-grad", [E], [K], web),
  answers("i-nogen-grad", [E], [K], web),
  answers("i-nogen-grad", [E, P], [K], web),
  answers("i-mindre-grad", [E, P], [K, V], colleagues),
  answers("i-mindre-grad", [P], [K, V], colleagues),
  answers("i-mindre-grad", [P], [V], colleagues),
  answers("i-mindre-grad", [P], [V], colleagues),
  answers("i-mindre-grad", [P], [V], colleagues),
];

const weeks = (choice: string) => ({ "vejle.ventetid": { choice } });
const followUpAnswers = [
  answers("i-hoej-grad", [E], [K], weeks("2-4-uger")),
  answers("i-hoej-grad", [E], [K], weeks("2-4-uger")),
  answers("i-hoej-grad", [E], [K, V], weeks("2-4-uger")),
  answers("i-hoej-grad", [E], [V], weeks("2-4-uger")),
  answers("i-hoej-grad", [E], [V], weeks("2-4-uger")),
  answers("i-nogen-grad", [E], [V], weeks("2-4-uger")),
  answers("i-nogen-grad", [E], [V], weeks("over-4-uger")),
  answers("i-nogen-grad", [E, P], [V], weeks("over-4-uger")),
  answers("i-nogen-grad", [E, P], [], weeks("over-4-uger")),
  answers("i-nogen-grad", [E, P], [], weeks("over-4-uger")),
  answers("i-nogen-grad", [P], [], weeks("over-4-uger")),
  answers("i-nogen-grad", [P], [], weeks("over-4-uger")),
];

// Responses as they come from the collector: untrusted objects, validated by `aggregate`.
function responsesOf(round: Round, list: object[], firstId: number, startedAt: string) {
  return list.map((given, i) => ({
    schemaVersion: 1,
    id: `00000000-0000-4000-8000-${String(firstId + i).padStart(12, "0")}`,
    roundId: round.id,
    versionHash: round.versionHash,
    channel: "kiosk",
    startedAt,
    answers: given,
  }));
}
const [baseline, followUp] = rounds as [Round, Round];
const followUpResponses = responsesOf(followUp, followUpAnswers, 201, "2027-10-06T19:30:00+02:00");
const responses = [
  ...responsesOf(baseline, baselineAnswers, 101, "2027-03-10T19:30:00+01:00"),
  ...followUpResponses,
  // A tablet uploaded one response twice: the copy is rejected, never counted.
  followUpResponses[0],
];

const result = aggregate({
  rounds,
  versions: [baselineVersion, followUpVersion],
  responses,
  k: 5,
});
if (!result.success) throw new Error("The rounds or k were refused.");
export const report = result.data;

// A compact summary: each round, then the change in a few questions the diff calls comparable.
const percent = (share: number) => `${Math.round(share * 100)} %`;
const signed = (text: string) => (text.startsWith("-") ? text : `+${text}`);
const points = (change: number) => `${signed(String(Math.round(change * 100)))} points`;
const steps = (change: number) => signed(change.toFixed(2));

/** "50 % → 58 % (+8 points)", or why the change is not shown. */
function changeText(change: Change, value: (n: number) => string, delta: (n: number) => string) {
  if (change.status === "not_offered") return "not offered";
  if (change.status === "suppressed") return `withheld (${change.reason})`;
  return `${value(change.baseline)} → ${value(change.followUp)} (${delta(change.change)})`;
}

for (const round of report.rounds) {
  const n = round.respondents.status === "shown" ? round.respondents.value : "withheld";
  const rate = round.responseRate.status === "shown" ? percent(round.responseRate.value) : "–";
  const rejected = round.rejected.flatMap((r) => r.codes);
  console.log(
    `${round.label}: ${n} of ${round.invited} answered (${rate}); rejected: ${rejected.join(", ") || "none"}`,
  );
}

const [comparison] = report.comparisons;
if (comparison === undefined) throw new Error("Two rounds give one comparison.");
for (const id of ["rehab.kendskab", "rehab.henvisningsmaade", "rehab.barrierer"]) {
  const question = report.questions.find((q) => q.id === id);
  const compared = comparison.questions.find((q) => q.id === id);
  if (question === undefined || compared?.comparable !== true) continue;
  console.log(id);
  for (const { code, share } of compared.options) {
    // Options nobody chose in either round are left out to keep the summary short.
    if (share.status === "shown" && share.baseline === 0 && share.followUp === 0) continue;
    const label = question.options?.find((o) => o.code === code)?.label.da ?? code;
    console.log(`  ${label}: ${changeText(share, percent, points)}`);
  }
  for (const { mean } of compared.means)
    console.log(`  mean: ${changeText(mean, (n) => n.toFixed(2), steps)}`);
}
console.log(`added: ${comparison.added.join(", ")}`);
console.log(`removed: ${comparison.removed.join(", ")}`);
