import type { MemberRole } from "@klynge/engine/contract";
import type { Locale } from "../messages.js";
import type { PageName } from "../useHashRoute.js";
import type { SignInProblem } from "./signInProblem.js";

/** The texts around the pages: signing in and out, the header, the navigation. Danish first. */
const da = {
  loadingSession: "Henter din session …",
  sessionFailed: "Klynge kunne ikke finde ud af, om du er logget ind.",
  retry: "Prøv igen",

  signInTitle: "Log ind i Klynge",
  signInIntro:
    "Her arbejder klyngernes koordinatorer, kommunernes kontaktpersoner og KiAP med spørgeskemaer, runder og resultater. Du logger ind med din arbejdskonto.",
  signIn: "Log ind",
  problems: {
    "not-staff": "Din e-mail er ikke oprettet i Klynge. Bed KiAP om at oprette dig.",
    domain:
      "Din e-mail-adresse kan ikke bruges i Klynge: domænet er ikke godkendt, eller log-ind-tjenesten har ikke bekræftet adressen. Log ind med din arbejdsmail, eller kontakt KiAP.",
    interrupted:
      "Log-ind blev ikke gennemført: det blev afbrudt, tog for lang tid eller blev åbnet i en anden browser. Prøv igen.",
    provider: "Log-ind-tjenesten kunne ikke nås. Prøv igen om lidt.",
    "signed-out": "Du er logget ud.",
    expired:
      "Din session er udløbet. Log ind igen for at fortsætte. Et spørgeskema, du var ved at tilpasse, er gemt på denne enhed.",
  } satisfies Record<SignInProblem, string>,

  roles: {
    coordinator: "Koordinator",
    municipality: "Kommunens kontaktperson",
  } satisfies Record<MemberRole, string>,
  admin: "KiAP-administrator",
  roleIn: (role: string, cluster: string) => `${role} i ${cluster}`,
  noRoleIn: (cluster: string) => `Ingen rolle i ${cluster}`,
  you: "Logget ind som",
  clusterPicker: "Klynge",
  signOut: "Log ud",
  signingOut: "Logger ud …",
  signOutFailed: "Du blev ikke logget ud:",
  clustersFailed: "Klyngerne kunne ikke hentes:",

  mainNav: "Sider",
  pages: {
    edit: "Tilpas spørgeskema",
    versions: "Versioner",
    "new-round": "Ny runde",
    rounds: "Runder",
    invitations: "Invitationer",
    results: "Resultater",
    clusters: "Klynger",
    staff: "Personale",
    origins: "Godkendte sider",
    packages: "Klyngepakker",
    audit: "Revisionslog",
  } satisfies Record<PageName, string>,
  noCluster:
    "Du har endnu ingen rolle i en klynge. Bed KiAP om at give dig en rolle i din klynge; log derefter ind igen.",
  notForRole: "Den side hører ikke til din rolle i den valgte klynge. Vælg en side i menuen.",
  chooseClusterFirst: "Der er ingen klynge at vise. Opret en klynge under Klynger.",
  loadingPage: "Henter siden …",
};

export type ShellMessages = typeof da;

const en: ShellMessages = {
  loadingSession: "Loading your session …",
  sessionFailed: "Klynge could not find out whether you are signed in.",
  retry: "Try again",

  signInTitle: "Sign in to Klynge",
  signInIntro:
    "Here the clusters' coordinators, the municipalities' contacts and KiAP work with questionnaires, rounds and results. You sign in with your work account.",
  signIn: "Sign in",
  problems: {
    "not-staff": "Your e-mail is not registered in Klynge. Ask KiAP to add you.",
    domain:
      "Your e-mail address cannot be used in Klynge: its domain is not approved, or the sign-in service has not verified the address. Sign in with your work e-mail, or contact KiAP.",
    interrupted:
      "Signing in did not complete: it was cancelled, took too long or was opened in another browser. Try again.",
    provider: "The sign-in service could not be reached. Try again shortly.",
    "signed-out": "You are signed out.",
    expired:
      "Your session has expired. Sign in again to continue. A questionnaire you were adapting is kept on this device.",
  },

  roles: { coordinator: "Coordinator", municipality: "Municipality contact" },
  admin: "KiAP administrator",
  roleIn: (role, cluster) => `${role} in ${cluster}`,
  noRoleIn: (cluster) => `No role in ${cluster}`,
  you: "Signed in as",
  clusterPicker: "Cluster",
  signOut: "Sign out",
  signingOut: "Signing out …",
  signOutFailed: "You were not signed out:",
  clustersFailed: "The clusters could not be loaded:",

  mainNav: "Pages",
  pages: {
    edit: "Adapt questionnaire",
    versions: "Versions",
    "new-round": "New round",
    rounds: "Rounds",
    invitations: "Invitations",
    results: "Results",
    clusters: "Clusters",
    staff: "Staff",
    origins: "Approved sites",
    packages: "Cluster packages",
    audit: "Audit trail",
  },
  noCluster:
    "You have no role in a cluster yet. Ask KiAP to give you a role in your cluster; then sign in again.",
  notForRole:
    "That page does not belong to your role in the chosen cluster. Choose a page in the menu.",
  chooseClusterFirst: "There is no cluster to show. Create a cluster under Clusters.",
  loadingPage: "Loading the page …",
};

export const shellMessages: Record<Locale, ShellMessages> = { da, en };
