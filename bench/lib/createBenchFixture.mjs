import { applyEdits, formatIssue, formatPath, parseRound } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";

/**
 * @typedef {import("@klynge/engine").QuestionnaireVersion} QuestionnaireVersion
 * @typedef {import("@klynge/engine").Round} Round
 * @typedef {{ round: Round, version: QuestionnaireVersion, previous: QuestionnaireVersion | null }} BenchRound
 * @typedef {{ versions: QuestionnaireVersion[], rounds: Round[], roundsByTemplate: BenchRound[][] }} BenchFixture
 */

// Local questions a cluster and its municipality might add (bench data, Danish like the bank).
const sundhedscenter = {
  id: "lokal.sundhedscenter",
  type: "rating",
  text: { da: "Hvor godt kender du Sundhedscenterets åbne rådgivning?" },
  options: [
    { code: "godt", label: { da: "Godt" }, ordinal: 3 },
    { code: "lidt", label: { da: "Lidt" }, ordinal: 2 },
    { code: "slet-ikke", label: { da: "Slet ikke" }, ordinal: 1 },
    { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow" },
  ],
};

const kontaktperson = {
  id: "lokal.kontaktperson",
  type: "single",
  text: { da: "Hvem kontakter du oftest i kommunen?" },
  options: [
    { code: "visitationen", label: { da: "Visitationen" } },
    { code: "sundhedscentret", label: { da: "Sundhedscentret" } },
    { code: "hjemmeplejen", label: { da: "Hjemmeplejen" } },
    { code: "andet", label: { da: "Andet (skriv)" }, kind: "other" },
  ],
};

const akutteam = {
  id: "lokal.akutteam",
  type: "rating",
  text: { da: "Hvor let er det at få fat i akutteamet?" },
  options: [
    { code: "let", label: { da: "Let" }, ordinal: 3 },
    { code: "svaert", label: { da: "Svært" }, ordinal: 2 },
    { code: "umuligt", label: { da: "Umuligt" }, ordinal: 1 },
    { code: "ved-ikke", label: { da: "Ved ikke" }, kind: "dontKnow" },
  ],
};

const kanaler = {
  id: "lokal.kanaler",
  type: "multi",
  text: { da: "Hvordan vil du helst have tilbagemelding fra akutfunktionen?" },
  options: [
    { code: "korrespondance", label: { da: "Korrespondancemeddelelse" } },
    { code: "epikrise", label: { da: "Epikrise" } },
    { code: "telefon", label: { da: "Telefon" } },
    { code: "andet", label: { da: "Andet (skriv)" }, kind: "other" },
    { code: "ingen", label: { da: "Ingen tilbagemelding" }, kind: "none" },
  ],
};

/** Each template in three versions: v1 the bank's, v2 one removed + one local added, v3 another edit. */
const editsByTemplate = {
  rehab: {
    v2: [
      { op: "remove", questionId: "rehab.henvise-flere" },
      { op: "add", question: sundhedscenter, at: 1 },
    ],
    v3: [{ op: "add", question: kontaktperson, at: 3 }],
  },
  akut: {
    v2: [
      { op: "remove", questionId: "akut.barrierer" },
      { op: "add", question: akutteam, at: 2 },
    ],
    v3: [
      { op: "add", question: kanaler },
      { op: "move", questionId: "akut.kommentarer", to: 11 },
    ],
  },
};

/** @returns {BenchFixture} */
export function createBenchFixture() {
  /** @type {QuestionnaireVersion[]} */
  const versions = [];
  /** @type {Round[]} */
  const rounds = [];
  /** @type {BenchRound[][]} */
  const roundsByTemplate = [];
  for (const [id, edits] of /** @type {const} */ ([
    ["rehab", editsByTemplate.rehab],
    ["akut", editsByTemplate.akut],
  ])) {
    const v1 = templateVersion(id);
    const v2 = unwrap(applyEdits(v1, edits.v2, { label: `Bench ${id} v2` }));
    const v3 = unwrap(applyEdits(v2, edits.v3, { label: `Bench ${id} v3` }));
    versions.push(v1, v2, v3);
    const own = [
      { label: "Baseline, marts 2027", id: `${id}-2027-03`, version: v1, previous: null },
      { label: "Opfølgning, oktober 2027", id: `${id}-2027-10`, version: v2, previous: v1 },
      { label: "Opfølgning, april 2028", id: `${id}-2028-04`, version: v3, previous: v2 },
    ].map(({ label, id: roundId, version, previous }) => {
      const round = unwrap(
        parseRound({
          id: roundId,
          label,
          versionHash: version.hash,
          cluster: "Klynge Syd",
          invited: 40,
        }),
      );
      rounds.push(round);
      return { round, version, previous };
    });
    roundsByTemplate.push(own);
  }
  return { versions, rounds, roundsByTemplate };
}

/**
 * @template T
 * @param {import("@klynge/engine").Result<T>} result
 * @returns {T}
 */
function unwrap(result) {
  if (result.success) return result.data;
  const issues = result.issues.map((i) => `${formatPath(i.path, "en")}: ${formatIssue(i, "en")}`);
  throw new Error(`bench fixture is invalid: ${issues.join("; ")}`);
}
