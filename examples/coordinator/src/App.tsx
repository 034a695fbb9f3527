import { type ReactElement, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { AppHeader } from "./AppHeader.js";
import { refusalOf } from "./api/apiResult.js";
import { createApiClient } from "./api/createApiClient.js";
import { type AppServices, browserServices } from "./appServices.js";
import { coordinatorMessages, type Locale } from "./messages.js";
import { SignInPage } from "./session/SignInPage.js";
import { initialSessionState, sessionReducer } from "./session/sessionState.js";
import { shellMessages } from "./session/shellMessages.js";
import { forgetSignInProblem, readSignInProblem, signInNext } from "./session/signInProblem.js";
import { useHash } from "./useHashRoute.js";
import { Workspace } from "./Workspace.js";

export interface CoordinatorAppProps {
  /** The collector's root, where `/api/…` and `/auth/…` are. Default: this page's origin. */
  readonly base?: URL;
  /** Stand-ins for the browser's clock, downloads, navigation and storage. Default the browser's. */
  readonly services?: Partial<AppServices>;
}

/**
 * The staff pages: signed out, the sign-in page; signed in, the pages of the person's role in the
 * chosen cluster. Any call refused with `signed_out` ends the session here too.
 */
export function CoordinatorApp(props: CoordinatorAppProps): ReactElement {
  const { base } = props;
  const services = useMemo(() => ({ ...browserServices, ...props.services }), [props.services]);
  const [locale, setLocale] = useState<Locale>("da");
  const [large, setLarge] = useState(false);
  const [state, dispatch] = useReducer(sessionReducer, initialSessionState);
  // Read while rendering (pure, so StrictMode's second call agrees), forgotten after.
  const [problem] = useState(() => readSignInProblem(window.location.search));
  useEffect(() => forgetSignInProblem(), []);
  const token = useRef<string | undefined>(undefined);
  token.current = state.status === "signed-in" ? state.session.csrfToken : undefined;
  const client = useMemo(
    () =>
      createApiClient({
        ...(base === undefined ? {} : { base }),
        csrfToken: () => token.current,
        onSignedOut: () => dispatch({ type: "expired" }),
      }),
    [base],
  );
  // Read so the sign-in link's `next` follows the page shown.
  useHash();
  const text = coordinatorMessages[locale];
  const shell = shellMessages[locale];

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text.appName;
  }, [locale, text.appName]);

  useEffect(() => {
    if (state.status !== "loading") return;
    let active = true;
    void client.call("session").then((result) => {
      if (!active) return;
      dispatch(
        result.success
          ? { type: "loaded", info: result.data, problem }
          : { type: "failed", error: refusalOf(result) },
      );
    });
    return () => {
      active = false;
    };
  }, [client, state.status, problem]);

  const header = { locale, onLocale: setLocale, large, onLarge: setLarge };

  return (
    <div className={`coordinator${large ? " coordinator--large" : ""}`}>
      {state.status === "signed-in" ? (
        <Workspace session={state.session} client={client} services={services} header={header} />
      ) : (
        <>
          <AppHeader {...header} />
          <main className="coordinator-main">
            {state.status === "loading" ? (
              <p aria-busy="true">{shell.loadingSession}</p>
            ) : state.status === "failed" ? (
              <div role="alert" className="coordinator-error">
                <p>{`${shell.sessionFailed} ${state.error.message[locale]}`}</p>
                <button
                  type="button"
                  className="coordinator-button"
                  onClick={() => dispatch({ type: "retry" })}
                >
                  {shell.retry}
                </button>
              </div>
            ) : (
              <SignInPage
                locale={locale}
                problem={state.problem}
                signInUrl={client.url("signIn", { query: { next: signInNext(window.location) } })}
              />
            )}
          </main>
        </>
      )}
    </div>
  );
}
