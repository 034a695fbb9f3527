import { canonicalJson, dontKnowChoice, noneChoice, otherChoice } from "@klynge/engine";
import { localize } from "../localize.js";
import type { Locale } from "../messages.js";
import type { StandardKind, TypeChange } from "./changeQuestionType.js";
import { takesOptions } from "./changeQuestionType.js";
import type { EditorMessages } from "./editorMessages.js";
import type { LocalQuestionFields } from "./localQuestion.js";

/** What one type change has to say, and the fields whose options it set aside. */
export interface TypeChangeNoteData {
  readonly change: TypeChange;
  /** The fields before a change that dropped options, until a type that takes options uses them. */
  readonly setAside: LocalQuestionFields | undefined;
  /** The card's place when it was changed. */
  readonly at: number;
}

/** The note after changing `before` as `change` says, given what earlier changes set aside. */
export function typeChangeNote(
  change: TypeChange,
  before: LocalQuestionFields,
  setAside: LocalQuestionFields | undefined,
  at: number,
): TypeChangeNoteData {
  const kept =
    change.droppedOptions.length > 0
      ? before
      : takesOptions(change.fields.type)
        ? undefined
        : setAside;
  return { change, setAside: kept, at };
}

/**
 * The note while it is about the question the card shows: a local card's state follows its place
 * among the local cards, so after a move or a delete it may show another question; a note is kept
 * only at the same place and while the question's type and options are as the change left them.
 */
export function noteFor(
  note: TypeChangeNoteData | undefined,
  fields: LocalQuestionFields,
  at: number,
): TypeChangeNoteData | undefined {
  if (note === undefined || note.at !== at) return undefined;
  return canonicalJson(shape(note.change.fields)) === canonicalJson(shape(fields))
    ? note
    : undefined;
}

function shape(fields: LocalQuestionFields) {
  const { text: _text, description: _description, required: _required, ...rest } = fields;
  return {
    ...rest,
    other: rest.other === true,
    none: rest.none === true,
    dontKnow: rest.dontKnow === true,
    options: (rest.options ?? []).map((o) => ({ da: o.da, en: o.en ?? "" })),
  };
}

const standardLabels: { readonly [K in StandardKind]: typeof otherChoice.label } = {
  other: otherChoice.label,
  none: noneChoice.label,
  dontKnow: dontKnowChoice.label,
};

export interface TypeChangeNoteProps {
  readonly note: TypeChangeNoteData | undefined;
  readonly locale: Locale;
  readonly m: EditorMessages;
}

/** Says in the card what a type change removed (never silently) and what it asks to check. */
export function TypeChangeNote({ note, locale, m }: TypeChangeNoteProps) {
  const lines: string[] = [];
  if (note !== undefined) {
    const { droppedOptions, droppedStandard, becameScale, fields } = note.change;
    const type = m.questionType[fields.type];
    if (droppedOptions.length > 0) {
      const labels = droppedOptions.map((o) => (o.da.trim() === "" ? (o.en ?? "") : o.da));
      lines.push(m.typeDroppedOptions(labels, type));
    }
    if (droppedStandard.length > 0) {
      const labels = droppedStandard.map((kind) => localize(standardLabels[kind], locale).text);
      lines.push(m.typeDroppedStandard(labels, type));
    }
    if (becameScale) lines.push(m.typeCheckScale);
  }
  // The live region is always there, so what is put in it is read out.
  return (
    <div className="klynge-editor__type-note" role="status">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
