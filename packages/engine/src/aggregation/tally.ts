/**
 * What the accumulator keeps per question and round: counts and sums only (plus the texts
 * themselves), so memory does not grow with the number of responses. One shape for every
 * question type keeps merging generic. Records have no prototype: an option may be coded
 * "constructor".
 */
export interface ChoiceTally {
  answered: number;
  /** Option code → respondents who chose it. */
  counts: Record<string, number>;
  /** Sum and count of ordinals of scale answers ("Ved ikke" excluded), for the mean. */
  ordinalSum: number;
  ordinalCount: number;
}

export interface QuestionTally extends ChoiceTally {
  /** Responses whose version asked this question. */
  asked: number;
  otherTexts: string[];
  texts: string[];
  /** Matrix row code → that row's tally. */
  rows: Record<string, ChoiceTally>;
}

export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function createChoiceTally(): ChoiceTally {
  return { answered: 0, counts: emptyRecord(), ordinalSum: 0, ordinalCount: 0 };
}

export function createQuestionTally(): QuestionTally {
  return { ...createChoiceTally(), asked: 0, otherTexts: [], texts: [], rows: emptyRecord() };
}

export function mergeChoiceTallies<T extends ChoiceTally>(into: T, from: ChoiceTally): T {
  into.answered += from.answered;
  into.ordinalSum += from.ordinalSum;
  into.ordinalCount += from.ordinalCount;
  for (const code in from.counts)
    into.counts[code] = (into.counts[code] ?? 0) + (from.counts[code] as number);
  return into;
}

/** A fresh tally holding a + b; neither input is changed. */
export function mergeQuestionTallies(a: QuestionTally, b: QuestionTally): QuestionTally {
  const merged = mergeChoiceTallies(mergeChoiceTallies(createQuestionTally(), a), b);
  merged.asked = a.asked + b.asked;
  merged.otherTexts = [...a.otherTexts, ...b.otherTexts];
  merged.texts = [...a.texts, ...b.texts];
  for (const source of [a.rows, b.rows]) {
    for (const row in source) {
      merged.rows[row] = mergeChoiceTallies(
        merged.rows[row] ?? createChoiceTally(),
        source[row] as ChoiceTally,
      );
    }
  }
  return merged;
}
