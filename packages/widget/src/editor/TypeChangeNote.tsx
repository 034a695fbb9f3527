import { dontKnowChoice, noneChoice, otherChoice } from "@klynge/engine";
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
}

/** The note after changing `before` as `change` says, given what earlier changes set aside. */
export function typeChangeNote(
  change: TypeChange,
  before: LocalQuestionFields,
  setAside: LocalQuestionFields | undefined,
): TypeChangeNoteData {
  const kept =
    change.droppedOptions.length > 0
      ? before
      : takesOptions(change.fields.type)
        ? undefined
        : setAside;
  return { change, setAside: kept };
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
