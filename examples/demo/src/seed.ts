import {
  type Answer,
  applyEdits,
  type Channel,
  type Question,
  type QuestionnaireVersion,
  type Response,
  type Round,
} from "@klynge/engine";
import { invitationHeader, meetingKeyHeader } from "@klynge/engine/contract";
import {
  type Database,
  derivePass,
  type InProcessCaller,
  inProcessCaller,
  scrambleRows,
} from "@klynge/example-collector";
import { templateVersion } from "@klynge/question-bank";
import type { FastifyInstance } from "fastify";
import { demoMembers } from "./demoMembers.js";
import { freeTexts, otherTexts } from "./demoTexts.js";
import type { DemoUsers } from "./demoUsers.js";

/**
 * The demo cluster: Klynge Syd (40 GPs) with Vejle Kommune, a baseline round on KiAP's rehabilitation
 * questionnaire and a follow-up on a locally edited version (one bank question removed, one
 * local question added), each with an invitation for every GP; answers from the GPs' personal
 * links and (follow-up) from the meeting's tablets with a meeting key; the follow-up's open link
 * on, so the kiap.dk page and the meeting app take answers without a link of their own; the
 * municipality's referral file; and Klynge Nord, empty, whose coordinator sees none of it.
 * Everything goes in through the collector's own API, so it is validated and authorized as any
 * client's would be. Deterministic: the same seed gives the same data.
 */

export const demoRounds = {
  baseline: "klynge-syd.2026-03",
  followUp: "klynge-syd.2026-10",
} as const;

const localQuestion: Question = {
  id: "vejle.sundhedscenter",
  type: "single",
  text: {
    da: "Kender du Vejle Kommunes nye sundhedscenter i Bredballe?",
    en: "Do you know Vejle Municipality's new health centre in Bredballe?",
  },
  required: false,
  options: [
    {
      code: "ja-brugt",
      label: { da: "Ja, og jeg har henvist dertil", en: "Yes, and I have referred there" },
    },
    {
      code: "ja",
      label: {
        da: "Ja, men jeg har ikke henvist dertil",
        en: "Yes, but I have not referred there",
      },
    },
    { code: "nej", label: { da: "Nej", en: "No" } },
  ],
};

/** Mulberry32: a small, seeded PRNG, so the demo is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(random() * 4)] as string;
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** How likely each plain option is ticked, by its position: some common, some rare. */
const tickChance = [0.7, 0.25, 0.5, 0.15, 0.35, 0.2, 0.45];

/** The texts written to `questionId`, or a programmer's error naming the list to add them to. */
function poolOf(
  pools: Readonly<Record<string, readonly string[]>>,
  questionId: string,
): readonly string[] {
  const pool = pools[questionId];
  if (pool === undefined || pool.length === 0) {
    throw new Error(`demo seed: no texts for ${questionId}; write some in src/demoTexts.ts.`);
  }
  return pool;
}

/** One of `pool`, drawn with `random`. */
function drawn(pool: readonly string[], random: () => number): string {
  return pool[Math.floor(random() * pool.length)] as string;
}

/**
 * A plausible answer, or undefined (skipped). Ratings lean towards the middle of the scale;
 * `lean` moves them up by that many steps on average (the follow-up, after the meeting). "Andet"
 * texts are drawn with `textRandom`, apart, so the choices stay those the demo always had.
 */
function answerTo(
  question: Question,
  random: () => number,
  textRandom: () => number,
  lean: number,
): Answer | undefined {
  if (random() < 0.05) return undefined;
  switch (question.type) {
    case "rating": {
      if (random() < 0.06) {
        return { choice: question.options.find((o) => o.kind === "dontKnow")?.code ?? "" };
      }
      const scale = question.options
        .filter((o) => o.ordinal !== undefined)
        .sort((a, b) => (a.ordinal ?? 0) - (b.ordinal ?? 0));
      const centre = (scale.length - 1) / 2 - 0.3 + lean;
      const at = Math.round(centre + (random() + random() - 1) * 1.4);
      return { choice: scale[Math.max(0, Math.min(scale.length - 1, at))]?.code ?? "" };
    }
    case "single": {
      const plain = question.options.filter((o) => o.kind === undefined);
      // The first option half the time, the rest spread.
      const at = random() < 0.5 ? 0 : Math.floor(random() * plain.length);
      return { choice: plain[at]?.code ?? "" };
    }
    case "multi": {
      const plain = question.options.filter((o) => o.kind === undefined);
      const none = question.options.find((o) => o.kind === "none");
      if (none !== undefined && random() < 0.06) return { choices: [none.code] };
      const picked = plain.filter((_, i) => random() < (tickChance[i % tickChance.length] ?? 0.3));
      const other = question.options.find((o) => o.kind === "other");
      if (other !== undefined && random() < 0.12) {
        return {
          choices: [...picked.map((o) => o.code), other.code],
          otherText: drawn(poolOf(otherTexts, question.id), textRandom),
        };
      }
      return { choices: picked.length > 0 ? picked.map((o) => o.code) : [plain[0]?.code ?? ""] };
    }
    case "text":
      return random() < 0.45 ? { text: drawn(poolOf(freeTexts, question.id), random) } : undefined;
    case "matrix":
      return undefined;
  }
}

function responsesFor(
  version: QuestionnaireVersion,
  round: Round,
  count: number,
  random: () => number,
  textRandom: () => number,
  lean: number,
  day: string,
): Response[] {
  return Array.from({ length: count }, (_, i) => {
    const answers: Record<string, Answer> = {};
    for (const question of version.questionnaire.questions) {
      const answer = answerTo(question, random, textRandom, lean);
      if (answer !== undefined) answers[question.id] = answer;
    }
    const channel: Channel = i % 3 === 2 ? "kiosk" : "embed";
    const minute = String(10 + i).padStart(2, "0");
    return {
      schemaVersion: 1,
      id: uuid(random),
      roundId: round.id,
      versionHash: version.hash,
      channel,
      startedAt: `${day}T09:${minute}:00.000Z`,
      submittedAt: `${day}T09:${minute}:30.000Z`,
      answers,
    };
  });
}

const referralCsv = [
  "ydernummer;tilbud;henvisninger;tilknyttede_patienter",
  ...[
    ["041234", 2900],
    ["042345", 1700],
    ["043456", 4200],
    ["044567", 2300],
    ["045678", 3100],
  ].flatMap(([practice, listed], i) =>
    [
      ["Diabetesskole", 6 + i * 4],
      ["KOL-rehabilitering", i === 1 ? 3 : 8 + i * 3],
      ["Rygestop", 11 + i * 2],
    ].map(([offer, referrals]) => `${practice};${offer};${referrals};${listed}`),
  ),
].join("\r\n");

/** Shuffles a copy of `items` with the seeded random numbers. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Invites every GP to the round, then sends its answers as the GPs would: those from the embed
 * each through a member's personal link (the token a mail would carry), those from the tablets
 * with a meeting key made for the meeting.
 */
async function answerRound(
  app: FastifyInstance,
  coordinator: InProcessCaller,
  linkSecret: string,
  round: Round,
  responses: readonly Response[],
  random: () => number,
): Promise<void> {
  const invited = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { members: demoMembers },
  });
  check(`invitations ${round.id}`, invited, [201]);
  const invitations = (invited.json() as { invitations: { id: string }[] }).invitations;
  const answering = shuffled(invitations, random);
  const put = async (response: Response, header: Record<string, string>) => {
    const reply = await app.inject({
      method: "PUT",
      url: `/api/rounds/${round.id}/responses/${response.id}`,
      headers: { "content-type": "application/json", ...header },
      payload: JSON.stringify(response),
    });
    check("response", reply, [201]);
  };
  const fromLinks = responses.filter((response) => response.channel !== "kiosk");
  for (const [i, response] of fromLinks.entries()) {
    const invitation = answering[i] as { id: string };
    await put(response, {
      [invitationHeader]: derivePass(linkSecret, "invitation", invitation.id),
    });
  }
  const atMeeting = responses.filter((response) => response.channel === "kiosk");
  if (atMeeting.length === 0) return;
  const key = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/meeting-keys`,
    payload: { hours: 3 },
  });
  check(`meeting key ${round.id}`, key, [201]);
  const keyId = (key.json() as { key: { id: string } }).key.id;
  for (const response of atMeeting) {
    await put(response, { [meetingKeyHeader]: derivePass(linkSecret, "meeting-key", keyId) });
  }
}

/** Says what went wrong when the API refused a seed step. */
function check(step: string, reply: { statusCode: number; body: string }, ok: number[]): void {
  if (!ok.includes(reply.statusCode)) {
    throw new Error(`demo seed: ${step}: ${reply.statusCode} ${reply.body.slice(0, 300)}`);
  }
}

/**
 * Seeds an empty collector through its API, as its users would: KiAP's admin makes the two
 * clusters, the staff and their roles and approves the kiap.dk page; Klynge Syd's coordinator
 * publishes the versions, creates the rounds, invites the GPs, makes a meeting key, opens the
 * follow-up's link and uploads the referral file; the GPs answer (with the tokens their mails
 * would carry, made with the collector's link secret). Does nothing when the clusters are there.
 * Returns what it did.
 */
export async function seedDemo(
  app: FastifyInstance,
  db: Database,
  users: DemoUsers,
  kiapOrigin: string,
  linkSecret: string,
): Promise<string> {
  const admin = await inProcessCaller(app, db, users.admin.email);
  const clusters = await admin.request({ method: "GET", url: "/api/clusters" });
  if ((clusters.json() as { clusters: unknown[] }).clusters.length > 0) {
    return "kept the demo clusters already stored";
  }
  for (const cluster of [
    { id: "klynge-syd", name: "Klynge Syd", municipalities: ["Vejle Kommune"] },
    { id: "klynge-nord", name: "Klynge Nord", municipalities: ["Horsens Kommune"] },
  ]) {
    check(
      "cluster",
      await admin.request({ method: "POST", url: "/api/clusters", payload: cluster }),
      [201],
    );
  }
  const roles: [keyof DemoUsers, string, "coordinator" | "municipality"][] = [
    ["coordinator", "klynge-syd", "coordinator"],
    ["municipality", "klynge-syd", "municipality"],
    ["otherCoordinator", "klynge-nord", "coordinator"],
  ];
  for (const [who, cluster, role] of roles) {
    const { email, name } = users[who];
    const saved = await admin.request({
      method: "POST",
      url: "/api/staff",
      payload: { email, name },
    });
    check("staff", saved, [200]);
    const id = (saved.json() as { staff: { id: string } }).staff.id;
    const member = await admin.request({
      method: "PUT",
      url: `/api/clusters/${cluster}/members/${id}`,
      payload: { role },
    });
    check("role", member, [200]);
  }
  check(
    "approved sites",
    await admin.request({
      method: "PUT",
      url: "/api/allowed-origins",
      payload: { origins: [kiapOrigin] },
    }),
    [200],
  );

  const coordinator = await inProcessCaller(app, db, users.coordinator.email);
  const random = prng(2026);
  // Apart from the answers' numbers, so the answers are those the demo always had.
  const whoAnswers = prng(40);
  const otherTextRandom = prng(16);
  const template = templateVersion("rehab");
  const edited = applyEdits(
    template,
    [
      { op: "remove", questionId: "rehab.oplysninger" },
      { op: "add", question: localQuestion, at: 1 },
    ],
    { label: "Klynge Syd + Vejle Kommune, oktober 2026" },
  );
  if (!edited.success) throw new Error(`demo seed: ${JSON.stringify(edited.issues)}`);
  const rounds: [Round, QuestionnaireVersion, number, number, string][] = [
    [
      {
        id: demoRounds.baseline,
        label: "Baseline, marts 2026",
        cluster: "Klynge Syd",
        municipality: "Vejle Kommune",
        versionHash: template.hash,
        invited: 40,
      },
      template,
      31,
      0,
      "2026-03-04",
    ],
    [
      {
        id: demoRounds.followUp,
        label: "Opfølgning, oktober 2026",
        cluster: "Klynge Syd",
        municipality: "Vejle Kommune",
        versionHash: edited.data.hash,
        invited: 40,
      },
      edited.data,
      27,
      0.7,
      "2026-10-07",
    ],
  ];
  let stored = 0;
  for (const [round, version, count, lean, day] of rounds) {
    check(
      "version",
      await coordinator.request({
        method: "POST",
        url: "/api/clusters/klynge-syd/versions",
        payload: { version },
      }),
      [200, 201],
    );
    check(
      `round ${round.id}`,
      await coordinator.request({
        method: "POST",
        url: "/api/clusters/klynge-syd/rounds",
        payload: { round, version, embed: { shareAnswersWith: [] } },
      }),
      [201],
    );
    const responses = responsesFor(version, round, count, random, otherTextRandom, lean, day);
    await answerRound(app, coordinator, linkSecret, round, responses, whoAnswers);
    stored += responses.length;
  }
  // The kiap.dk page and the meeting app answer the follow-up through its open link (up to the
  // 40 invited); the GPs' own links and the tablets' key work beside it.
  check(
    "open link",
    await coordinator.request({
      method: "PUT",
      url: `/api/rounds/${demoRounds.followUp}/open-link`,
      payload: { open: true },
    }),
    [200],
  );
  const referrals = await coordinator.request({
    method: "PUT",
    url: `/api/rounds/${demoRounds.followUp}/referrals`,
    headers: { "content-type": "text/csv" },
    payload: referralCsv,
  });
  check("referrals", referrals, [200]);
  // What PostgreSQL's own bookkeeping says about which answer spent which link is wiped now,
  // not at the collector's next scheduled run.
  await scrambleRows(db);
  return `seeded 2 clusters, 4 staff, 2 rounds, ${2 * demoMembers.length} invitations, ${stored} responses and a referral file`;
}
