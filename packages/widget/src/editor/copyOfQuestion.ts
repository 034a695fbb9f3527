import type { LocalQuestionFields } from "./localQuestion.js";

// Question content in each of its languages (not the editor's own words, which follow its locale).
const copySuffix = { da: " (kopi)", en: " (copy)" } as const;

/**
 * The fields of a copy of a local question: everything the same, the text marked as a copy, so two
 * questions never read alike by accident and the copy gets its own id.
 */
export function copyOfQuestion(fields: LocalQuestionFields): LocalQuestionFields {
  const text = fields.text ?? { da: "" };
  const en =
    text.en === undefined || text.en.trim() === "" ? text.en : `${text.en}${copySuffix.en}`;
  return {
    ...fields,
    text: { ...text, da: `${text.da}${copySuffix.da}`, ...(en === undefined ? {} : { en }) },
  };
}
