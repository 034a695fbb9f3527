/** SurveyJS's value for its built-in "Other" item; it recognizes "Other" by this value alone. */
export const surveyOtherValue = "other";

// Our codes never contain ":", so a prefixed value cannot be the value of another code.
const escapePrefix = "klynge:";

/**
 * Codes SurveyJS would misread if used as values: "other" is its "Other" item's value, and a matrix
 * reads row "constructor" from its value without an own-property check, so the row looks answered.
 */
const reservedCodes: ReadonlySet<string> = new Set([surveyOtherValue, "constructor"]);

interface Coded {
  readonly code: string;
  readonly kind?: string | undefined;
}

/**
 * Our codes ⇄ SurveyJS values for one list of options, matrix rows or matrix columns. A value is
 * the code itself, except that the "Andet" option becomes SurveyJS's "Other" item and a reserved
 * code gets a prefix; so SurveyJS's own values never reach the engine.
 */
export class CodeTable {
  readonly #values = new Map<string, string>();
  readonly #codes = new Map<string, string>();

  constructor(items: readonly Coded[]) {
    for (const item of items) {
      const value =
        item.kind === "other"
          ? surveyOtherValue
          : reservedCodes.has(item.code)
            ? `${escapePrefix}${item.code}`
            : item.code;
      this.#values.set(item.code, value);
      this.#codes.set(value, item.code);
    }
  }

  /** The SurveyJS value of `code`; undefined for a code the list does not have. */
  toValue(code: string): string | undefined {
    return this.#values.get(code);
  }

  /** Our code for a SurveyJS value; undefined for a value no item has. */
  toCode(value: string): string | undefined {
    return this.#codes.get(value);
  }
}
