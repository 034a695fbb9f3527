import {
  type LocalEdit,
  longestCommonSubsequence,
  type Question,
  type QuestionnaireVersion,
} from "@klynge/engine";

/** A question of the edited list: from the base version (kept verbatim) or added locally. */
export interface EditorItem {
  readonly question: Question;
  readonly origin: "bank" | "local";
}

/**
 * The question list `edits` leave of `base`, read structurally: the local questions are not
 * validated here (the engine's `applyEdits` does that). Undefined when an edit does not fit the
 * list (an unknown id, a position out of range, an id added twice): such edits are not ours.
 */
export function itemsAfter(
  base: QuestionnaireVersion,
  edits: readonly LocalEdit[],
): EditorItem[] | undefined {
  let items: EditorItem[] = base.questionnaire.questions.map((question) => ({
    question,
    origin: "bank",
  }));
  const indexOf = (id: string) => items.findIndex((item) => item.question.id === id);
  const baseIds = new Set(items.map((item) => item.question.id));
  for (const edit of edits) {
    switch (edit.op) {
      case "remove": {
        const index = indexOf(edit.questionId);
        if (index < 0) return undefined;
        items = items.filter((_, i) => i !== index);
        break;
      }
      case "add": {
        const at = edit.at ?? items.length;
        if (baseIds.has(edit.question.id) || indexOf(edit.question.id) >= 0) return undefined;
        if (at < 0 || at > items.length) return undefined;
        items = [
          ...items.slice(0, at),
          { question: edit.question, origin: "local" },
          ...items.slice(at),
        ];
        break;
      }
      case "move": {
        const index = indexOf(edit.questionId);
        if (index < 0 || edit.to < 0 || edit.to >= items.length) return undefined;
        const moved = items[index] as EditorItem;
        const rest = items.filter((_, i) => i !== index);
        items = [...rest.slice(0, edit.to), moved, ...rest.slice(edit.to)];
        break;
      }
    }
  }
  return items;
}

/**
 * The shortest plain edit list that turns `base` into `items`: first the removed bank questions
 * (in base order), then the fewest moves that put the kept ones in order, then each local question
 * added at its final place, front to back. So the same list gives the same edits, however it was
 * reached: moving a question up and down again leaves no edit behind.
 */
export function editsFor(base: QuestionnaireVersion, items: readonly EditorItem[]): LocalEdit[] {
  const edits: LocalEdit[] = [];
  const wanted = items.filter((item) => item.origin === "bank").map((item) => item.question.id);
  const kept = new Set(wanted);
  for (const question of base.questionnaire.questions) {
    if (!kept.has(question.id)) edits.push({ op: "remove", questionId: question.id });
  }
  let current = base.questionnaire.questions.map((q) => q.id).filter((id) => kept.has(id));
  const placed = new Set(longestCommonSubsequence(current, wanted));
  wanted.forEach((id, k) => {
    if (placed.has(id)) return;
    // Right after its nearest predecessor that is already in order, so the order grows by one.
    let before: string | undefined;
    for (let j = k - 1; j >= 0 && before === undefined; j--) {
      if (placed.has(wanted[j] as string)) before = wanted[j];
    }
    const rest = current.filter((other) => other !== id);
    const to = before === undefined ? 0 : rest.indexOf(before) + 1;
    current = [...rest.slice(0, to), id, ...rest.slice(to)];
    edits.push({ op: "move", questionId: id, to });
    placed.add(id);
  });
  items.forEach((item, at) => {
    if (item.origin === "local") edits.push({ op: "add", question: item.question, at });
  });
  return edits;
}
