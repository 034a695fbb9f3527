import { createPrng } from "./createPrng.mjs";

/**
 * @typedef {import("./createPrng.mjs").Prng} Prng
 * @typedef {import("@klynge/engine").Question} Question
 * @typedef {import("@klynge/engine").Answer} Answer
 * @typedef {import("@klynge/engine").Response} Response
 * @typedef {import("./createBenchFixture.mjs").BenchFixture} BenchFixture
 * @typedef {(rng: Prng) => Answer | undefined} AnswerMaker
 * @typedef {{ texts: boolean }} TextOption
 */

/** Share of choice questions left unanswered. */
const skipRate = 0.1;
/** Share of free-text questions answered: most respondents leave them blank. */
const textRate = 0.35;
/** Share of "Andet" ticks that come with a text. */
const otherTextRate = 0.8;
/** Share of a round's responses given on the version before (a tablet with a cached copy). */
const previousVersionRate = 0.05;

const words = [
  "ventetid",
  "kommunen",
  "god",
  "dialog",
  "tilbagemelding",
  "for",
  "lang",
  "patienterne",
  "mangler",
  "tilbud",
  "hurtigere",
  "kontakt",
  "sygeplejerske",
  "bedre",
  "information",
  "svært",
  "at",
  "finde",
  "rehabilitering",
  "træning",
  "hjemmeplejen",
  "akutteam",
  "visitation",
  "ofte",
  "aldrig",
  "telefon",
  "borgerne",
  "samarbejde",
  "fungerer",
  "fint",
  "og",
  "ikke",
  "med",
  "til",
];

const channels = /** @type {const} */ (["embed", "embed", "embed", "app", "app", "kiosk"]);
const firstDay = Date.UTC(2027, 2, 1);
/** "2027-03-01T" … for 400 days: one toISOString per day, not two per response. */
const days = Array.from({ length: 400 }, (_, d) =>
  new Date(firstDay + d * 86_400_000).toISOString().slice(0, 11),
);
const sixty = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** One answer maker per question type, each given the question: no switch on type names. */
const answerMakers = {
  /** @param {Extract<Question, { type: "rating" }>} q @returns {AnswerMaker} */
  rating: (q) => (rng) =>
    rng.chance(skipRate) ? undefined : { choice: rng.pickSkewed(q.options).code },
  /** @param {Extract<Question, { type: "single" }>} q @param {TextOption} o @returns {AnswerMaker} */
  single: (q, o) => (rng) => {
    if (rng.chance(skipRate)) return undefined;
    const option = rng.pickSkewed(q.options);
    const text = option.kind === "other" ? maybeText(rng, o, otherTextRate, 6) : undefined;
    return text === undefined ? { choice: option.code } : { choice: option.code, otherText: text };
  },
  /** @param {Extract<Question, { type: "multi" }>} q @param {TextOption} o @returns {AnswerMaker} */
  multi: (q, o) => {
    const exclusive = q.options.filter((x) => x.kind === "none" || x.kind === "dontKnow");
    const regular = q.options.filter((x) => !exclusive.includes(x));
    return (rng) => {
      if (rng.chance(skipRate)) return undefined;
      if (exclusive.length > 0 && rng.chance(0.1)) return { choices: [rng.pick(exclusive).code] };
      const wanted = rng.int(1, 3);
      /** @type {string[]} */
      const choices = [];
      let other = false;
      while (choices.length < wanted) {
        const option = rng.pickSkewed(regular);
        if (choices.includes(option.code)) continue;
        choices.push(option.code);
        if (option.kind === "other") other = true;
      }
      const text = other ? maybeText(rng, o, otherTextRate, 6) : undefined;
      return text === undefined ? { choices } : { choices, otherText: text };
    };
  },
  /** @param {Extract<Question, { type: "text" }>} _q @param {TextOption} o @returns {AnswerMaker} */
  text: (_q, o) => (rng) => {
    const text = maybeText(rng, o, textRate, 12);
    return text === undefined ? undefined : { text };
  },
  /** @param {Extract<Question, { type: "matrix" }>} q @returns {AnswerMaker} */
  matrix: (q) => (rng) => {
    if (rng.chance(skipRate)) return undefined;
    /** @type {Record<string, string>} */
    const rows = {};
    let answered = 0;
    for (const row of q.rows) {
      if (rng.chance(0.05)) continue;
      rows[row.code] = rng.pickSkewed(q.columns).code;
      answered++;
    }
    if (answered === 0)
      rows[/** @type {string} */ (q.rows[0]?.code)] = rng.pickSkewed(q.columns).code;
    return { rows };
  },
};

/**
 * Synthetic responses, valid for their version, made one at a time so that a million of them
 * never sit in memory together. Same seed, same responses.
 * @param {BenchFixture} fixture
 * @param {{ count: number, seed: number, texts?: boolean }} options
 *   `texts: false` leaves out free texts and "Andet" texts (for the memory measurement).
 * @returns {Generator<Response>}
 */
export function* generateResponses(fixture, { count, seed, texts = true }) {
  const rng = createPrng(seed);
  const plans = new Map(
    fixture.versions.map((v) => [
      v.hash,
      v.questionnaire.questions.map((q) => {
        const make = /** @type {(q: Question, o: TextOption) => AnswerMaker} */ (
          answerMakers[q.type]
        );
        return { id: q.id, make: make(q, { texts }) };
      }),
    ]),
  );
  for (let i = 0; i < count; i++) {
    const bench = rng.pick(rng.pick(fixture.roundsByTemplate));
    const version =
      bench.previous !== null && rng.chance(previousVersionRate) ? bench.previous : bench.version;
    /** @type {Record<string, Answer>} */
    const answers = {};
    for (const step of /** @type {{ id: string, make: AnswerMaker }[]} */ (
      plans.get(version.hash)
    )) {
      const answer = step.make(rng);
      if (answer !== undefined) answers[step.id] = answer;
    }
    const day = rng.pick(days);
    const hour = rng.int(7, 17);
    const minute = rng.int(0, 29);
    yield {
      schemaVersion: 1,
      id: uuid(rng),
      roundId: bench.round.id,
      versionHash: version.hash,
      channel: rng.pick(channels),
      startedAt: [day, sixty[hour], ":", sixty[minute], ":", rng.pick(sixty), ".000Z"].join(""),
      submittedAt: [
        day,
        sixty[hour],
        ":",
        sixty[minute + rng.int(1, 30)],
        ":",
        rng.pick(sixty),
        ".000Z",
      ].join(""),
      answers,
    };
  }
}

// Strings are joined, never built with `+`: like strings from JSON.parse they are then flat, where
// `+` leaves rope strings whose flattening would be charged to whoever first compares them.

/**
 * @param {Prng} rng
 * @param {TextOption} options
 * @param {number} rate
 * @param {number} maxWords
 */
function maybeText(rng, options, rate, maxWords) {
  if (!options.texts || !rng.chance(rate)) return undefined;
  const picked = Array.from({ length: rng.int(2, maxWords) }, () => rng.pick(words));
  return picked.join(" ");
}

/** A version-4 UUID from the seeded generator. @param {Prng} rng */
function uuid(rng) {
  const a = rng.uint32();
  const b = rng.uint32();
  const c = rng.uint32();
  const d = rng.uint32();
  const h = (/** @type {number} */ n, /** @type {number} */ shift) => hex[(n >>> shift) & 0xff];
  return [
    h(a, 24),
    h(a, 16),
    h(a, 8),
    h(a, 0),
    "-",
    h(b, 24),
    h(b, 16),
    "-",
    "4",
    hex[(b >>> 8) & 0x0f]?.[1],
    h(b, 0),
    "-",
    hex[0x80 | ((c >>> 24) & 0x3f)],
    h(c, 16),
    "-",
    h(c, 8),
    h(c, 0),
    h(d, 24),
    h(d, 16),
    h(d, 8),
    h(d, 0),
  ].join("");
}
