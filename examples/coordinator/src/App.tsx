import { lazy, type ReactElement, Suspense, useEffect, useMemo, useState } from "react";
import { type CollectorClient, createCollectorClient } from "./collectorClient.js";
import { coordinatorMessages, type Locale } from "./messages.js";
import { NewRoundPage } from "./NewRoundPage.js";
import { keepPublishedVersion, readPublishedVersions } from "./publishedVersions.js";
import { navigate, routeHash, useHashRoute } from "./useHashRoute.js";

// The results page brings recharts and the editor SurveyJS (its preview); the form needs
// neither, so each loads on first visit.
const ResultsPage = lazy(() =>
  import("./ResultsPage.js").then((m) => ({ default: m.ResultsPage })),
);
const EditPage = lazy(() => import("./EditPage.js").then((m) => ({ default: m.EditPage })));

export interface CoordinatorAppProps {
  /** The collector's API, e.g. `new URL("../api/", location.href)`. */
  readonly api: URL;
  /** Default: a client on the global `fetch`. */
  readonly client?: CollectorClient;
}

/** The coordinator's pages, "Tilpas spørgeskema", "Ny runde" and "Resultater", addressed by the URL's hash. */
export function CoordinatorApp(props: CoordinatorAppProps): ReactElement {
  const { api } = props;
  const client = useMemo(() => props.client ?? createCollectorClient(api), [props.client, api]);
  const [locale, setLocale] = useState<Locale>("da");
  const [large, setLarge] = useState(false);
  const route = useHashRoute();
  const text = coordinatorMessages[locale];
  const [published, setPublished] = useState(() => readPublishedVersions());

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text.appName;
  }, [locale, text.appName]);

  const pages = [
    { route: { page: "edit" } as const, label: text.navEdit },
    { route: { page: "new-round" } as const, label: text.navNewRound },
    { route: { page: "results", rounds: [] } as const, label: text.navResults },
  ];

  return (
    <div className={`coordinator${large ? " coordinator--large" : ""}`}>
      <header className="coordinator-header">
        <h1>{text.appName}</h1>
        <label className="coordinator-switch">
          <input type="checkbox" checked={large} onChange={(e) => setLarge(e.target.checked)} />
          {text.largeText}
        </label>
        <button
          type="button"
          className="coordinator-button coordinator-button--quiet"
          lang={locale === "da" ? "en" : "da"}
          aria-label={text.languageLabel}
          onClick={() => setLocale(locale === "da" ? "en" : "da")}
        >
          {text.language}
        </button>
      </header>
      <nav className="coordinator-nav" aria-label={text.mainNav}>
        {pages.map((page) => (
          <a
            key={page.route.page}
            href={routeHash(page.route)}
            className="coordinator-nav__item"
            aria-current={route.page === page.route.page ? "page" : undefined}
          >
            {page.label}
          </a>
        ))}
      </nav>
      <main className="coordinator-main">
        {route.page === "new-round" ? (
          <NewRoundPage
            key={route.version ?? ""}
            client={client}
            locale={locale}
            published={published}
            {...(route.version === undefined ? {} : { preselect: route.version })}
          />
        ) : route.page === "edit" ? (
          <Suspense fallback={<p aria-busy="true">{text.loadingReport}</p>}>
            <EditPage
              client={client}
              locale={locale}
              onPublished={(version) => {
                keepPublishedVersion(version);
                setPublished(readPublishedVersions());
                navigate({ page: "new-round", version: version.hash });
              }}
            />
          </Suspense>
        ) : (
          <Suspense fallback={<p aria-busy="true">{text.loadingReport}</p>}>
            <ResultsPage
              client={client}
              locale={locale}
              rounds={route.rounds}
              onChoose={(rounds) => navigate({ page: "results", rounds })}
            />
          </Suspense>
        )}
      </main>
    </div>
  );
}
