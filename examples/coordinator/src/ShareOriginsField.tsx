import type { ReactElement } from "react";
import { coordinatorMessages, type Locale } from "./messages.js";
import type { Loadable } from "./useApiResult.js";

export interface ShareOriginsFieldProps {
  readonly id: string;
  readonly locale: Locale;
  /** KiAP's approved sites (`GET /api/allowed-origins`). */
  readonly approved: Loadable<{ readonly origins: readonly string[] }>;
  readonly chosen: readonly string[];
  readonly onChange: (chosen: readonly string[]) => void;
  readonly errors: readonly string[];
}

/**
 * The sites that may receive a round's answers: a checkbox for each site KiAP approved, so only
 * those can be chosen (the collector refuses any other with `origin_not_allowed`).
 */
export function ShareOriginsField(props: ShareOriginsFieldProps): ReactElement {
  const { id, locale, approved, chosen, onChange, errors } = props;
  const text = coordinatorMessages[locale];
  const origins = approved?.success === true ? approved.data.origins : [];
  return (
    <fieldset
      className={`coordinator-field${errors.length > 0 ? " coordinator-field--invalid" : ""}`}
      aria-describedby={`${id}-hint${errors.length > 0 ? ` ${id}-errors` : ""}`}
    >
      <legend>{text.shareLabel}</legend>
      <p id={`${id}-hint`} className="coordinator-hint">
        {text.shareHint}
      </p>
      {approved === undefined ? (
        <p aria-busy="true">{text.shareLoading}</p>
      ) : !approved.success ? (
        <p>{text.shareFailed}</p>
      ) : origins.length === 0 ? (
        <p>{text.shareNone}</p>
      ) : (
        <ul className="coordinator-checks">
          {origins.map((origin, i) => (
            <li key={origin}>
              <label>
                <input
                  type="checkbox"
                  // The form focuses its first field with an error by name.
                  name={i === 0 ? "shareAnswersWith" : undefined}
                  checked={chosen.includes(origin)}
                  onChange={(e) =>
                    onChange(
                      e.target.checked ? [...chosen, origin] : chosen.filter((o) => o !== origin),
                    )
                  }
                />
                {origin}
              </label>
            </li>
          ))}
        </ul>
      )}
      {errors.length > 0 ? (
        <ul id={`${id}-errors`} className="coordinator-field__errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
