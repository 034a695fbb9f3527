import type { ReactElement } from "react";

export interface FieldControlProps {
  readonly id: string;
  readonly name: string;
  readonly "aria-describedby": string;
  readonly "aria-invalid": boolean;
}

export interface FieldProps {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  /** Sentences shown under the control, read out with it. */
  readonly errors: readonly string[];
  readonly children: (control: FieldControlProps) => ReactElement;
}

/** A labelled form control with its hint and its errors tied to it for screen readers. */
export function Field(props: FieldProps): ReactElement {
  const { id, name, label, hint, errors, children } = props;
  const described = [
    hint === undefined ? null : `${id}-hint`,
    errors.length > 0 ? `${id}-errors` : null,
  ]
    .filter((part) => part !== null)
    .join(" ");
  return (
    <div className={`coordinator-field${errors.length > 0 ? " coordinator-field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="coordinator-hint">
          {hint}
        </p>
      )}
      {children({ id, name, "aria-describedby": described, "aria-invalid": errors.length > 0 })}
      {errors.length > 0 ? (
        <ul id={`${id}-errors`} className="coordinator-field__errors">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
