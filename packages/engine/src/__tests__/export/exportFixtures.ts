import { validQuestionnaire } from "@klynge/test-support/questionnaires";
import { makeResponse, validAnswers, versionOf } from "@klynge/test-support/responses";
import { unwrap } from "@klynge/test-support/unwrap";
import { validateResponse } from "../../responses/validateResponse.js";
import { applyEdits } from "../../versions/applyEdits.js";
import type { QuestionnaireVersion } from "../../versions/questionnaireVersion.js";

/** The template as first sent out, and the cluster's later version: "rehab.rolle" out, a local question in. */
export const v1 = versionOf(validQuestionnaire, "KiAP-udkast");
export const v2 = unwrap(
  applyEdits(
    v1,
    [
      { op: "remove", questionId: "rehab.rolle" },
      {
        op: "add",
        question: { id: "lokal.ventetid", type: "text", text: { da: "Hvor lang er ventetiden?" } },
      },
    ],
    { label: "Klynge Syd, opfølgning" },
  ),
);

/** A response to `version`, as the engine accepts it. */
export function response(
  version: QuestionnaireVersion,
  answers: Record<string, unknown>,
  patch: Record<string, unknown>,
) {
  return unwrap(
    validateResponse(version, makeResponse(version, answers, patch), { mode: "draft" }),
  );
}

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const { "rehab.rolle": _rolle, ...answersWithoutRolle } = validAnswers;
