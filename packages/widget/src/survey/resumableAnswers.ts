import { type Answer, type QuestionnaireVersion, validateResponse } from "@klynge/engine";
import type { DraftRecord } from "../storage/records.js";
import { buildResponse } from "./buildResponse.js";

/**
 * The draft's answers that the engine accepts for `version` (draft mode: required questions may
 * be open). An answer it refuses is dropped one by one, so one bad answer does not lose the rest.
 */
export function resumableAnswers(
  version: QuestionnaireVersion,
  draft: DraftRecord,
): Record<string, Answer> {
  const all = validateResponse(version, buildResponse(draft, draft.answers), { mode: "draft" });
  if (all.success) return { ...all.data.answers };
  const kept: Record<string, Answer> = {};
  for (const [id, answer] of Object.entries(draft.answers)) {
    const one = validateResponse(version, buildResponse(draft, { [id]: answer }), {
      mode: "draft",
    });
    if (one.success && Object.hasOwn(one.data.answers, id)) {
      kept[id] = one.data.answers[id] as Answer;
    }
  }
  return kept;
}
