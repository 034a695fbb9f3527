import {
  type ChoiceOption,
  type Condition,
  dontKnowChoice,
  dontKnowScalePoint,
  type LocalizedText,
  limits,
  noneChoice,
  otherChoice,
  type Question,
  type ScaleOption,
} from "@klynge/engine";
import { slugify, uniqueName } from "./slugify.js";

/** The types a cluster may add: every type, a matrix (rows rated on one scale) included. */
export type LocalQuestionType = "rating" | "single" | "multi" | "text" | "matrix";
export const localQuestionTypes: readonly LocalQuestionType[] = [
  "rating",
  "single",
  "multi",
  "text",
  "matrix",
];

/** Prefix of generated question ids: `lokal.<slug of the Danish text>`. */
export const localIdPrefix = "lokal.";
const idSlugLength = limits.idLength - localIdPrefix.length - 4;
const codeSlugLength = limits.codeLength - 4;

export interface LocalText {
  readonly da: string;
  /** Default `""`: no English text. */
  readonly en?: string;
}

/**
 * What the person writing a local question fills in; ids, option codes and ordinals are made from
 * it by `buildLocalQuestion`. Texts are kept as typed: the engine trims them and refuses blanks.
 */
export interface LocalQuestionFields {
  readonly type: LocalQuestionType;
  /** Default `{ da: "" }`. */
  readonly text?: LocalText;
  /** Left out of the question when both languages are blank. */
  readonly description?: LocalText;
  /** Default `false`. */
  readonly required?: boolean;
  /**
   * The ordinary options (scale points for a rating or a matrix's columns, best first: they get
   * ordinals n, …, 2, 1).
   */
  readonly options?: readonly LocalText[];
  /** A matrix's rows (each rated on the scale of `options`). */
  readonly rows?: readonly LocalText[];
  /** Append "Andet (skriv)" (single and multi). Default `false`. */
  readonly other?: boolean;
  /** Append "Ingen af disse" (multi). Default `false`. */
  readonly none?: boolean;
  /** Append "Ved ikke", without an ordinal on a rating or a matrix. Default `false`. */
  readonly dontKnow?: boolean;
  /** Shown only when an earlier question was answered with one of some options. */
  readonly showIf?: Condition;
}

/** A new question of `type`: two blank options where it takes options; "Ved ikke" on a scale, "Andet" on a list. */
export function newLocalQuestion(type: LocalQuestionType): LocalQuestionFields {
  if (type === "text") return { type };
  return {
    type,
    options: [{ da: "" }, { da: "" }],
    ...(type === "matrix" ? { rows: [{ da: "" }, { da: "" }] } : {}),
    ...(type === "rating" || type === "matrix" ? { dontKnow: true } : { other: true }),
  };
}

/** Reads the fields back from a local question, so the form edits the question itself. */
export function fieldsOfQuestion(question: Question): LocalQuestionFields {
  const type: LocalQuestionType = question.type;
  const options: readonly (ChoiceOption | ScaleOption)[] =
    "options" in question ? question.options : "columns" in question ? question.columns : [];
  const has = (kind: string) => options.some((o) => o.kind === kind);
  return {
    type,
    text: textFields(question.text),
    ...(question.description === undefined
      ? {}
      : { description: textFields(question.description) }),
    required: question.required,
    options: options.filter((o) => o.kind === undefined).map((o) => textFields(o.label)),
    other: has("other"),
    none: has("none"),
    dontKnow: has("dontKnow"),
    ...("rows" in question ? { rows: question.rows.map((r) => textFields(r.label)) } : {}),
    ...(question.showIf === undefined ? {} : { showIf: question.showIf }),
  };
}

/** Which standard options the type offers, in the order they are appended. */
export function standardKindsOf(
  type: LocalQuestionType,
): readonly ("other" | "none" | "dontKnow")[] {
  switch (type) {
    case "rating":
    case "matrix":
      return ["dontKnow"];
    case "single":
      return ["other", "dontKnow"];
    case "multi":
      return ["other", "none", "dontKnow"];
    case "text":
      return [];
  }
}

/**
 * The question for `fields`, with the id `lokal.<slug of the Danish text>` made unique against
 * `isTaken`, option codes from the Danish labels, and ordinals n…1 on a scale (listed best first, as the bank's
 * scales: the first point gets the highest value). Two options with the
 * same label get the same code on purpose: the engine then reports the duplicate at that option.
 */
export function buildLocalQuestion(
  fields: LocalQuestionFields,
  isTaken: (id: string) => boolean,
): Question {
  const text = fields.text ?? { da: "" };
  const id = uniqueName(
    `${localIdPrefix}${slugify(text.da, idSlugLength) || "spoergsmaal"}`,
    isTaken,
  );
  const description = fields.description;
  const common = {
    id,
    text: localized(text),
    required: fields.required ?? false,
    ...(fields.showIf === undefined ? {} : { showIf: fields.showIf }),
    ...(description !== undefined && (!isBlank(description.da) || !isBlank(description.en))
      ? { description: localized(description) }
      : {}),
  };
  const kinds = new Set(standardKindsOf(fields.type).filter((kind) => fields[kind] === true));
  const standard = [otherChoice, noneChoice, dontKnowChoice].filter(
    (o) => o.kind !== undefined && kinds.has(o.kind),
  );
  const codes = optionCodes(fields.options ?? [], standard);
  const labels = (fields.options ?? []).map((o, i) => ({
    code: codes[i] as string,
    label: localized(o),
  }));
  const scale = [
    ...labels.map((o, i) => ({ ...o, ordinal: labels.length - i })),
    ...(kinds.has("dontKnow") ? [dontKnowScalePoint] : []),
  ];
  switch (fields.type) {
    case "text":
      return { ...common, type: "text", maxLength: limits.textAnswerDefault };
    case "rating":
      return { ...common, type: "rating", options: scale };
    case "matrix": {
      const rows = fields.rows ?? [];
      const rowCodes = optionCodes(rows, []);
      return {
        ...common,
        type: "matrix",
        rows: rows.map((r, i) => ({ code: rowCodes[i] as string, label: localized(r) })),
        columns: scale,
      };
    }
    case "single":
    case "multi":
      return { ...common, type: fields.type, options: [...labels, ...standard] };
  }
}

function optionCodes(options: readonly LocalText[], standard: readonly ChoiceOption[]): string[] {
  const labelOf = new Map<string, string>(standard.map((o) => [o.code, normalized(o.label.da)]));
  return options.map((option, i) => {
    const label = normalized(option.da);
    const wanted = slugify(option.da, codeSlugLength) || `svar-${i + 1}`;
    // A code already used for another label gets a suffix; the same label keeps the same code.
    const code = uniqueName(wanted, (c) => labelOf.has(c) && labelOf.get(c) !== label);
    labelOf.set(code, label);
    return code;
  });
}

function textFields(text: LocalizedText): LocalText {
  return text.en === undefined ? { da: text.da } : { da: text.da, en: text.en };
}

/** An empty optional field is left out; the Danish text is kept as typed for the engine to check. */
function localized(text: LocalText): LocalizedText {
  return isBlank(text.en) ? { da: text.da } : { da: text.da, en: text.en as string };
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === "";
}

function normalized(label: string): string {
  return label.trim().toLocaleLowerCase("da");
}
