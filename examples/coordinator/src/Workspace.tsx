import type { VersionEntry } from "@klynge/engine/contract";
import { lazy, type ReactElement, Suspense, useMemo, useRef, useState } from "react";
import { AppHeader, type AppHeaderProps } from "./AppHeader.js";
import { type ApiError, refusalOf } from "./api/apiResult.js";
import type { ApiClient } from "./api/createApiClient.js";
import type { AppServices } from "./appServices.js";
import { NewRoundPage } from "./NewRoundPage.js";
import { createPageFocus, PageFocusContext } from "./pageFocus.js";
import { RoundsPage } from "./rounds/RoundsPage.js";
import { VersionsPage } from "./rounds/VersionsPage.js";
import { accessIn, homePage, pagesFor } from "./session/access.js";
import {
  type ClusterChoice,
  chooseCluster,
  rememberCluster,
  rememberedCluster,
} from "./session/chooseCluster.js";
import { SessionBar } from "./session/SessionBar.js";
import type { SignedInSession } from "./session/sessionState.js";
import { shellMessages } from "./session/shellMessages.js";
import { useApiResult } from "./useApiResult.js";
import { navigate, type PageName, parseRoute, routeHash, useHash } from "./useHashRoute.js";

// The results page brings recharts, the editor SurveyJS (its preview); the others need
// neither, so each loads on first visit.
const ResultsPage = lazy(() =>
  import("./ResultsPage.js").then((m) => ({ default: m.ResultsPage })),
);
const EditPage = lazy(() => import("./EditPage.js").then((m) => ({ default: m.EditPage })));
// KiAP's pages: only admins open them.
const ClustersPage = lazy(() =>
  import("./admin/ClustersPage.js").then((m) => ({ default: m.ClustersPage })),
);
const StaffPage = lazy(() =>
  import("./admin/StaffPage.js").then((m) => ({ default: m.StaffPage })),
);
const OriginsPage = lazy(() =>
  import("./admin/OriginsPage.js").then((m) => ({ default: m.OriginsPage })),
);
// Only coordinators open it; it brings the QR code library.
const InvitationsPage = lazy(() =>
  import("./invitations/InvitationsPage.js").then((m) => ({ default: m.InvitationsPage })),
);
const PackagesPage = lazy(() =>
  import("./admin/PackagesPage.js").then((m) => ({ default: m.PackagesPage })),
);
const AuditPage = lazy(() =>
  import("./admin/AuditPage.js").then((m) => ({ default: m.AuditPage })),
);

/** Pages about the chosen cluster; KiAP's other pages are about all of Klynge. */
const clusterPages = new Set<PageName>([
  "edit",
  "versions",
  "new-round",
  "rounds",
  "invitations",
  "results",
]);

export interface WorkspaceProps {
  readonly session: SignedInSession;
  readonly client: ApiClient;
  readonly services: AppServices;
  readonly header: Omit<AppHeaderProps, "children">;
}

/** Signed in: the header with the person and the cluster, the role's pages, and the page shown. */
export function Workspace(props: WorkspaceProps): ReactElement {
  const { session, client, services, header } = props;
  const { locale } = header;
  const text = shellMessages[locale];
  const hash = useHash();
  const route = parseRoute(hash);
  const admin = session.user.admin;
  const [allClusters, reloadClusters] = useApiResult(admin ? "clusters" : null, () =>
    client.call("listClusters"),
  );
  const choices: readonly ClusterChoice[] = admin
    ? allClusters?.success === true
      ? allClusters.data.clusters
      : []
    : session.memberships.map((m) => m.cluster);

  const [picked, setPicked] = useState<string | null>(null);
  const clusterId = choices.some((c) => c.id === picked)
    ? picked
    : chooseCluster(choices, {
        rounds: route.page === "results" ? route.rounds : [],
        remembered: rememberedCluster(),
      });
  const cluster = choices.find((c) => c.id === clusterId);
  const access = accessIn(session, clusterId);
  const pages = pagesFor(access);
  const page = route.page === "home" ? homePage(pages) : route.page;

  const focus = useMemo(createPageFocus, []);
  const shownHash = useRef(hash);
  if (shownHash.current !== hash) {
    // Asked while rendering the new address, so the new page's heading (whose effect runs
    // before any of this component's) takes the focus; a re-render for another reason does not.
    shownHash.current = hash;
    focus.request();
  }

  // The version "Udgiv" just sent: "Ny runde" opens on it and says so.
  const [justPublished, setJustPublished] = useState<VersionEntry | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<ApiError | null>(null);
  async function signOut(): Promise<void> {
    setSigningOut(true);
    setSignOutError(null);
    const result = await client.call("signOut");
    if (result.success) {
      services.navigateTo(result.data.redirectTo);
      return;
    }
    setSigningOut(false);
    setSignOutError(refusalOf(result));
  }

  function choose(id: string): void {
    setPicked(id);
    rememberCluster(id);
  }

  const common = { client, locale, services, access };

  function content(): ReactElement {
    if (page === undefined) return <p role="status">{text.noCluster}</p>;
    if (admin && allClusters?.success === false && clusterPages.has(page)) {
      return (
        <p role="alert">{`${text.clustersFailed} ${refusalOf(allClusters).message[locale]}`}</p>
      );
    }
    if (!pages.includes(page)) return <p role="status">{text.notForRole}</p>;
    if (clusterPages.has(page) && cluster === undefined) {
      return admin && allClusters === undefined ? (
        <p aria-busy="true">{text.loadingPage}</p>
      ) : (
        <p role="status">{text.chooseClusterFirst}</p>
      );
    }
    const inCluster = { ...common, cluster: cluster as ClusterChoice };
    switch (page) {
      case "edit":
        return (
          <EditPage
            key={inCluster.cluster.id}
            {...inCluster}
            {...(route.page === "edit" && route.version !== undefined
              ? { startVersion: route.version }
              : {})}
            onPublished={(version) => {
              setJustPublished(version);
              navigate({ page: "new-round", version: version.hash });
            }}
          />
        );
      case "versions":
        return <VersionsPage {...inCluster} />;
      case "new-round":
        return (
          <NewRoundPage
            key={`${inCluster.cluster.id}:${route.page === "new-round" ? (route.version ?? "") : ""}`}
            {...inCluster}
            {...(route.page === "new-round" && route.version !== undefined
              ? { preselect: route.version }
              : {})}
            {...(route.page === "new-round" &&
            justPublished !== null &&
            route.version === justPublished.hash
              ? { justPublished: justPublished.label }
              : {})}
          />
        );
      case "rounds":
        return <RoundsPage {...inCluster} />;
      case "invitations":
        return (
          <InvitationsPage
            key={inCluster.cluster.id}
            {...inCluster}
            {...(route.page === "invitations" && route.round !== undefined
              ? { round: route.round }
              : {})}
            onChoose={(round) => navigate({ page: "invitations", round })}
          />
        );
      case "results":
        return (
          <ResultsPage
            key={inCluster.cluster.id}
            {...inCluster}
            rounds={route.page === "results" ? route.rounds : []}
            onChoose={(rounds) => navigate({ page: "results", rounds })}
          />
        );
      case "clusters":
        return (
          <ClustersPage
            {...common}
            clusters={allClusters}
            chosen={clusterId}
            onChoose={choose}
            onClustersChanged={reloadClusters}
          />
        );
      case "staff":
        return <StaffPage {...common} />;
      case "origins":
        return <OriginsPage {...common} />;
      case "packages":
        return <PackagesPage {...common} />;
      case "audit":
        return <AuditPage {...common} clusters={choices} />;
    }
  }

  return (
    <>
      <AppHeader {...header}>
        <SessionBar
          locale={locale}
          name={session.user.name}
          access={access}
          clusters={choices}
          chosen={cluster}
          onChoose={choose}
          signingOut={signingOut}
          signOutError={signOutError}
          onSignOut={() => void signOut()}
        />
      </AppHeader>
      {pages.length > 0 ? (
        <nav className="coordinator-nav" aria-label={text.mainNav}>
          {pages.map((name) => (
            <a
              key={name}
              href={routeHash(name === "results" ? { page: name, rounds: [] } : { page: name })}
              className="coordinator-nav__item"
              aria-current={page === name ? "page" : undefined}
            >
              {text.pages[name]}
            </a>
          ))}
        </nav>
      ) : null}
      <main className="coordinator-main">
        <PageFocusContext.Provider value={focus}>
          <Suspense fallback={<p aria-busy="true">{text.loadingPage}</p>}>{content()}</Suspense>
        </PageFocusContext.Provider>
      </main>
    </>
  );
}
