import type { QuestionnaireVersion } from "@klynge/engine";
import { type ReactElement, useId, useState } from "react";
import { headingTag } from "../headingTag.js";
import type { Locale } from "../messages.js";
import type { EditorMessages } from "./editorMessages.js";
import { SurveyPreview } from "./SurveyPreview.js";

export interface PreviewPanelProps {
  /** The version as it stands; undefined while it has errors. */
  readonly version: QuestionnaireVersion | undefined;
  readonly locale: Locale;
  readonly headingLevel: number;
  readonly m: EditorMessages;
}

/** Below this width (editor.css) the preview comes after every question, so it starts folded. */
const narrow = "(max-width: 74.99rem)";

/**
 * The live preview, beside the questions on a wide screen (editor.css), with a toggle that narrows
 * it to a phone's width: most GPs answer on a phone or a tablet. On a narrow screen it would add
 * the whole form below the questions, so it is shown on request ("Vis forhåndsvisning").
 */
export function PreviewPanel({
  version,
  locale,
  headingLevel,
  m,
}: PreviewPanelProps): ReactElement {
  const headingId = useId();
  const [phone, setPhone] = useState(false);
  const [shown, setShown] = useState(
    () => typeof window === "undefined" || window.matchMedia?.(narrow).matches !== true,
  );
  const frameId = useId();
  const Heading = headingTag(headingLevel);
  return (
    <section
      className={`klynge-editor__preview${phone ? " klynge-editor__preview--phone" : ""}`}
      aria-labelledby={headingId}
    >
      <div className="klynge-editor__preview-bar">
        <Heading id={headingId}>{m.previewHeading}</Heading>
        <button
          type="button"
          aria-expanded={shown}
          aria-controls={frameId}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? m.previewHide : m.previewShow}
        </button>
        {shown && (
          <button type="button" aria-pressed={phone} onClick={() => setPhone((p) => !p)}>
            {m.previewPhone}
          </button>
        )}
      </div>
      {!shown ? null : version === undefined ? (
        <p id={frameId}>{m.previewUnavailable}</p>
      ) : (
        <div id={frameId} className="klynge-editor__preview-frame">
          <SurveyPreview key={`${version.hash}:${locale}`} version={version} locale={locale} />
        </div>
      )}
    </section>
  );
}
