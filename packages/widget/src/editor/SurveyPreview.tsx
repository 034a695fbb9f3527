import type { QuestionnaireVersion } from "@klynge/engine";
import { memo, useState } from "react";
import { Survey } from "survey-react-ui";
import type { Locale } from "../messages.js";
import { createSurveyModel } from "../surveyjs/createSurveyModel.js";

export interface SurveyPreviewProps {
  readonly version: QuestionnaireVersion;
  readonly locale: Locale;
}

/**
 * The version as respondents will see it, in the real SurveyJS form, read-only and on one page.
 * Made once per hash and locale: a new label alone (a new version object) does not remake it.
 */
export const SurveyPreview = memo(
  function SurveyPreview({ version, locale }: SurveyPreviewProps) {
    const [model] = useState(() => {
      const made = createSurveyModel(version, { locale, questionsPerPage: Infinity });
      made.mode = "display";
      return made;
    });
    return (
      <div className="klynge-survey klynge-editor__survey">
        <Survey model={model} />
      </div>
    );
  },
  (a, b) => a.version.hash === b.version.hash && a.locale === b.locale,
);
