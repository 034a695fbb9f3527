import {
  type LocalQuestionFields,
  type LocalQuestionType,
  type LocalText,
  newLocalQuestion,
  standardKindsOf,
} from "./localQuestion.js";

export type StandardKind = "other" | "none" | "dontKnow";

/** A local question's fields after a type change, and what of the old fields did not fit. */
export interface TypeChange {
  readonly fields: LocalQuestionFields;
  /** Typed options the new type has no place for (blank ones are not counted). */
  readonly droppedOptions: readonly LocalText[];
  /** Ticked standard options the new type does not offer. */
  readonly droppedStandard: readonly StandardKind[];
  /** The old options are now scale points, whose order decides their values. */
  readonly becameScale: boolean;
}

/**
 * Changes the type and keeps what still fits: texts, "skal besvares", the options between the
 * types that take options, and each ticked standard option the new type offers too. A type the
 * old one lacked a standard option of gets that option's default. Options set aside by an earlier
 * change to a type without options (`setAside`) come back when the new type takes options again.
 */
export function changeQuestionType(
  fields: LocalQuestionFields,
  type: LocalQuestionType,
  setAside?: LocalQuestionFields,
): TypeChange {
  const fresh = newLocalQuestion(type);
  const from = takesOptions(fields.type) ? fields : (setAside ?? fields);
  const typed = (from.options ?? []).filter((option) => !isBlank(option));
  const oldKinds = new Set(standardKindsOf(from.type));
  const newKinds = standardKindsOf(type);
  const standard: Partial<Record<StandardKind, boolean>> = {};
  for (const kind of newKinds) {
    standard[kind] = oldKinds.has(kind) ? from[kind] === true : fresh[kind] === true;
  }
  const { other: _o, none: _n, dontKnow: _d, options: _options, ...rest } = fields;
  const next: LocalQuestionFields = {
    ...rest,
    type,
    ...(takesOptions(type)
      ? { options: typed.length > 0 ? (from.options ?? []) : (fresh.options ?? []) }
      : {}),
    // A matrix's rows stay with the fields (back if the type returns to a matrix); a new one gets blanks.
    ...(type === "matrix" && (fields.rows ?? []).length === 0 ? { rows: fresh.rows ?? [] } : {}),
    ...standard,
  };
  return {
    fields: next,
    droppedOptions: takesOptions(type) ? [] : typed,
    droppedStandard: standardKindsOf(fields.type).filter(
      (kind) => fields[kind] === true && !newKinds.includes(kind),
    ),
    becameScale: isScale(type) && !isScale(fields.type) && typed.length > 1,
  };
}

/** A rating's points and a matrix's columns are a scale, whose order decides the values. */
function isScale(type: LocalQuestionType): boolean {
  return type === "rating" || type === "matrix";
}

/** Whether the type lists options of its own (a free-text question does not). */
export function takesOptions(type: LocalQuestionType): boolean {
  return type !== "text";
}

function isBlank(option: LocalText): boolean {
  return option.da.trim() === "" && (option.en ?? "").trim() === "";
}
