/**
 * (a), the limit: the counting loop a competent developer writes by hand over the same
 * response objects, trusting them (no validation). Per round and question: asked, answered,
 * option counts, ordinal sums, "Andet" and free texts, matrix rows. Same figures as the
 * engine's `AccumulatorState.rounds`, so the two can be compared.
 *
 * @typedef {import("@klynge/engine").QuestionnaireVersion} QuestionnaireVersion
 * @typedef {import("@klynge/engine").Response} Response
 * @typedef {{ answered: number, counts: Record<string, number>, ordinalSum: number, ordinalCount: number }} HandChoiceTally
 * @typedef {HandChoiceTally & { asked: number, otherTexts: string[], texts: string[], rows: Record<string, HandChoiceTally> }} HandQuestionTally
 * @typedef {{ respondents: number, versions: Record<string, number>, questions: Record<string, HandQuestionTally> }} HandRoundTally
 * @typedef {{ id: string, type: string, ordinals: Record<string, number> }} HandQuestion
 */

/** @param {readonly QuestionnaireVersion[]} versions */
export function createHandCounter(versions) {
  /** @type {Map<string, HandQuestion[]>} */
  const questionsByHash = new Map();
  for (const version of versions) {
    questionsByHash.set(
      version.hash,
      version.questionnaire.questions.map((q) => {
        /** @type {Record<string, number>} */
        const ordinals = {};
        const scale = q.type === "rating" ? q.options : q.type === "matrix" ? q.columns : [];
        for (const point of scale)
          if (point.ordinal !== undefined) ordinals[point.code] = point.ordinal;
        return { id: q.id, type: q.type, ordinals };
      }),
    );
  }
  /** @type {Record<string, HandRoundTally>} */
  const rounds = {};

  /** @param {Response} response */
  const add = (response) => {
    // An answer set with no answers is not a respondent (as the engine counts since issue 14).
    let answeredSomething = false;
    for (const _ in response.answers) {
      answeredSomething = true;
      break;
    }
    if (!answeredSomething) return;
    const questions = /** @type {HandQuestion[]} */ (questionsByHash.get(response.versionHash));
    let round = rounds[response.roundId];
    if (round === undefined) {
      round = { respondents: 0, versions: {}, questions: {} };
      rounds[response.roundId] = round;
    }
    round.respondents++;
    round.versions[response.versionHash] = (round.versions[response.versionHash] ?? 0) + 1;
    const answers = /** @type {Record<string, any>} */ (response.answers);
    for (const question of questions) {
      let tally = round.questions[question.id];
      if (tally === undefined) {
        tally = { ...emptyChoiceTally(), asked: 0, otherTexts: [], texts: [], rows: {} };
        round.questions[question.id] = tally;
      }
      tally.asked++;
      const answer = answers[question.id];
      if (answer === undefined) continue;
      tally.answered++;
      switch (question.type) {
        case "rating": {
          tally.counts[answer.choice] = (tally.counts[answer.choice] ?? 0) + 1;
          const ordinal = question.ordinals[answer.choice];
          if (ordinal !== undefined) {
            tally.ordinalSum += ordinal;
            tally.ordinalCount++;
          }
          break;
        }
        case "single":
          tally.counts[answer.choice] = (tally.counts[answer.choice] ?? 0) + 1;
          if (answer.otherText !== undefined) tally.otherTexts.push(answer.otherText);
          break;
        case "multi":
          for (const code of answer.choices) tally.counts[code] = (tally.counts[code] ?? 0) + 1;
          if (answer.otherText !== undefined) tally.otherTexts.push(answer.otherText);
          break;
        case "text":
          tally.texts.push(answer.text);
          break;
        case "matrix":
          for (const row in answer.rows) {
            const column = answer.rows[row];
            let rowTally = tally.rows[row];
            if (rowTally === undefined) {
              rowTally = emptyChoiceTally();
              tally.rows[row] = rowTally;
            }
            rowTally.answered++;
            rowTally.counts[column] = (rowTally.counts[column] ?? 0) + 1;
            const ordinal = question.ordinals[column];
            if (ordinal !== undefined) {
              rowTally.ordinalSum += ordinal;
              rowTally.ordinalCount++;
            }
          }
          break;
      }
    }
  };
  return { add, rounds };
}

/** @returns {HandChoiceTally} */
function emptyChoiceTally() {
  return { answered: 0, counts: {}, ordinalSum: 0, ordinalCount: 0 };
}
