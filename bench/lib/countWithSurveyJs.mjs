import { Model } from "survey-core";

/**
 * (d): what a user without a paid SurveyJS dashboard would write: for every stored result, build
 * a SurveyJS `Model` from the survey JSON, load the result as `model.data`, read every question's
 * value back through `getAllQuestions()` and count. The engine → SurveyJS mapping below is rough
 * and exists for this benchmark only (radiogroup, checkbox, comment, matrix).
 *
 * @typedef {import("@klynge/engine").QuestionnaireVersion} QuestionnaireVersion
 * @typedef {import("@klynge/engine").Question} Question
 * @typedef {import("@klynge/engine").Response} Response
 * @typedef {import("./countByHand.mjs").HandRoundTally} HandRoundTally
 * @typedef {import("./countByHand.mjs").HandChoiceTally} HandChoiceTally
 * @typedef {{ roundId: string, versionHash: string, data: Record<string, unknown> }} SurveyJsResult
 */

/** @param {{ code: string, label: { da: string } }} o */
const choiceOf = (o) => ({ value: o.code, text: o.label.da });

/** @type {{ [T in Question["type"]]: (q: Extract<Question, { type: T }>) => Record<string, unknown> }} */
const elementMakers = {
  rating: (q) => ({
    type: "radiogroup",
    name: q.id,
    title: q.text.da,
    choices: q.options.map(choiceOf),
  }),
  single: (q) => ({
    type: "radiogroup",
    name: q.id,
    title: q.text.da,
    choices: q.options.map(choiceOf),
    showCommentArea: q.options.some((o) => o.kind === "other"),
  }),
  multi: (q) => ({
    type: "checkbox",
    name: q.id,
    title: q.text.da,
    choices: q.options.map(choiceOf),
    showCommentArea: q.options.some((o) => o.kind === "other"),
  }),
  text: (q) => ({ type: "comment", name: q.id, title: q.text.da, maxLength: q.maxLength }),
  matrix: (q) => ({
    type: "matrix",
    name: q.id,
    title: q.text.da,
    rows: q.rows.map(choiceOf),
    columns: q.columns.map(choiceOf),
  }),
};

/** Bench-only: a SurveyJS survey JSON for a version. @param {QuestionnaireVersion} version */
export function toSurveyJson(version) {
  return {
    title: version.questionnaire.title.da,
    elements: version.questionnaire.questions.map((q) =>
      /** @type {(q: Question) => Record<string, unknown>} */ (elementMakers[q.type])(q),
    ),
  };
}

/**
 * Bench-only: a response as SurveyJS stores it (`"<name>-Comment"` holds the "Andet" text).
 * @param {Response} response
 * @returns {SurveyJsResult}
 */
export function toSurveyJsResult(response) {
  /** @type {Record<string, unknown>} */
  const data = {};
  for (const [id, answer] of Object.entries(response.answers)) {
    if ("choice" in answer) data[id] = answer.choice;
    else if ("choices" in answer) data[id] = [...answer.choices];
    else if ("text" in answer) data[id] = answer.text;
    else data[id] = { ...answer.rows };
    if ("otherText" in answer && answer.otherText !== undefined)
      data[`${id}-Comment`] = answer.otherText;
  }
  return { roundId: response.roundId, versionHash: response.versionHash, data };
}

/** @param {readonly QuestionnaireVersion[]} versions */
export function createSurveyJsCounter(versions) {
  const jsonByHash = new Map(versions.map((v) => [v.hash, toSurveyJson(v)]));
  // SurveyJS choices carry no ordinal, so the user keeps a side table for means.
  /** @type {Record<string, Record<string, number>>} */
  const ordinalsByQuestion = {};
  for (const v of versions) {
    for (const q of v.questionnaire.questions) {
      const scale = q.type === "rating" ? q.options : q.type === "matrix" ? q.columns : [];
      /** @type {Record<string, number>} */
      const ordinals = {};
      for (const point of scale)
        if (point.ordinal !== undefined) ordinals[point.code] = point.ordinal;
      ordinalsByQuestion[q.id] = ordinals;
    }
  }
  /** @type {Record<string, HandRoundTally>} */
  const rounds = {};

  /** @param {SurveyJsResult} result */
  const add = (result) => {
    const model = new Model(jsonByHash.get(result.versionHash));
    model.data = result.data;
    let round = rounds[result.roundId];
    if (round === undefined) {
      round = { respondents: 0, versions: {}, questions: {} };
      rounds[result.roundId] = round;
    }
    round.respondents++;
    round.versions[result.versionHash] = (round.versions[result.versionHash] ?? 0) + 1;
    for (const question of model.getAllQuestions()) {
      const name = question.name;
      let tally = round.questions[name];
      if (tally === undefined) {
        tally = { ...emptyChoiceTally(), asked: 0, otherTexts: [], texts: [], rows: {} };
        round.questions[name] = tally;
      }
      tally.asked++;
      if (question.isEmpty()) continue;
      tally.answered++;
      const value = question.value;
      const ordinals = ordinalsByQuestion[name] ?? {};
      const type = question.getType();
      if (type === "radiogroup" || type === "checkbox") {
        for (const code of Array.isArray(value) ? value : [value]) {
          tally.counts[code] = (tally.counts[code] ?? 0) + 1;
          const ordinal = ordinals[code];
          if (ordinal !== undefined) {
            tally.ordinalSum += ordinal;
            tally.ordinalCount++;
          }
        }
        if (question.comment) tally.otherTexts.push(question.comment);
      } else if (type === "comment") {
        tally.texts.push(value);
      } else if (type === "matrix") {
        for (const row in value) {
          const column = value[row];
          let rowTally = tally.rows[row];
          if (rowTally === undefined) {
            rowTally = emptyChoiceTally();
            tally.rows[row] = rowTally;
          }
          rowTally.answered++;
          rowTally.counts[column] = (rowTally.counts[column] ?? 0) + 1;
          const ordinal = ordinals[column];
          if (ordinal !== undefined) {
            rowTally.ordinalSum += ordinal;
            rowTally.ordinalCount++;
          }
        }
      }
    }
  };
  return { add, rounds };
}

/** @returns {HandChoiceTally} */
function emptyChoiceTally() {
  return { answered: 0, counts: {}, ordinalSum: 0, ordinalCount: 0 };
}
