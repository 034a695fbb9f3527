import { type ReactElement, useEffect, useId, useRef } from "react";
import type { Locale } from "../messages.js";
import { shellMessages } from "./shellMessages.js";
import type { SignInProblem } from "./signInProblem.js";

export interface SignInPageProps {
  readonly locale: Locale;
  readonly problem: SignInProblem | null;
  /** `/auth/login?next=…`: the collector's sign-in, back to this view afterwards. */
  readonly signInUrl: string;
}

/** Signed out: one way in, and in plain words why the last attempt did not get there. */
export function SignInPage(props: SignInPageProps): ReactElement {
  const { locale, problem, signInUrl } = props;
  const text = shellMessages[locale];
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // An ended session replaces the page someone was using: tell them where they are now.
  useEffect(() => {
    if (problem === "expired") heading.current?.focus();
  }, [problem]);

  return (
    <section aria-labelledby={titleId} className="coordinator-sign-in">
      <h2 id={titleId} ref={heading} tabIndex={-1} className="coordinator-page-heading">
        {text.signInTitle}
      </h2>
      {problem === null ? null : problem === "signed-out" ? (
        <p role="status" className="coordinator-notice">
          {text.problems[problem]}
        </p>
      ) : (
        <p role="alert" className="coordinator-error">
          {text.problems[problem]}
        </p>
      )}
      <p>{text.signInIntro}</p>
      <p>
        <a className="coordinator-button coordinator-button--primary" href={signInUrl}>
          {text.signIn}
        </a>
      </p>
    </section>
  );
}
