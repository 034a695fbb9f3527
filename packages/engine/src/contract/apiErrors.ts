import * as z from "zod/mini";
import { formatIssue } from "../issues/formatIssue.js";
import type { Issue } from "../issues/issue.js";
import type { LocalizedMessage } from "../questionnaire/localize.js";
import { issueSchema } from "./issueSchema.js";

/**
 * Every refusal the collector can give: its HTTP status and what the client is told. One table,
 * so a status is never chosen in a route and a client can look up what a code means.
 */
export const apiErrors = {
  bad_request: {
    status: 400,
    da: "Forespørgslen kunne ikke læses.",
    en: "The request could not be read.",
  },
  invalid_id: {
    status: 400,
    da: "Adressen indeholder et id, der ikke er gyldigt.",
    en: "The address holds an id that is not valid.",
  },
  invalid_response: {
    status: 400,
    da: "Svaret blev afvist, fordi det ikke passer til spørgeskemaet.",
    en: "The response was refused because it does not fit the questionnaire.",
  },
  id_mismatch: {
    status: 400,
    da: "Svarets id eller runde passer ikke til adressen.",
    en: "The response's id or round does not match the address.",
  },
  invalid_round: {
    status: 400,
    da: "Runden eller spørgeskemaet blev afvist.",
    en: "The round or the questionnaire was refused.",
  },
  invalid_version: {
    status: 400,
    da: "Spørgeskemaet blev afvist.",
    en: "The questionnaire was refused.",
  },
  invalid_referrals: {
    status: 400,
    da: "Henvisningsfilen blev afvist.",
    en: "The referral file was refused.",
  },
  invalid_report_request: {
    status: 400,
    da: "Rapporten kan ikke laves med disse valg.",
    en: "The report cannot be made with these choices.",
  },
  invalid_package: {
    status: 400,
    da: "Pakkefilen blev afvist.",
    en: "The package file was refused.",
  },
  invalid_plan: {
    status: 400,
    da: "Mødeplanen blev ikke gemt, fordi noget i den skal rettes.",
    en: "The meeting plan was not saved because something in it needs correcting.",
  },
  invalid_cluster: {
    status: 400,
    da: "Klyngens oplysninger blev afvist.",
    en: "The cluster's details were refused.",
  },
  origin_not_allowed: {
    status: 400,
    da: "Svarene kan kun deles med hjemmesider på KiAP's liste over godkendte sider.",
    en: "Answers can only be shared with sites on KiAP's list of approved sites.",
  },
  pass_required: {
    status: 401,
    da: "Spørgeskemaet kan kun besvares fra det personlige link i invitationen. Kontakt koordinatoren, hvis du ikke har fået et.",
    en: "The survey can only be answered from the personal link in the invitation. Contact the coordinator if you did not get one.",
  },
  signed_out: {
    status: 401,
    da: "Du er ikke logget ind, eller din session er udløbet. Log ind igen.",
    en: "You are not signed in, or your session has expired. Sign in again.",
  },
  forbidden: {
    status: 403,
    da: "Din rolle giver ikke adgang til dette.",
    en: "Your role does not give access to this.",
  },
  pass_unknown: {
    status: 403,
    da: "Linket gælder ikke for dette spørgeskema. Brug linket fra din invitation, eller kontakt koordinatoren.",
    en: "The link is not for this survey. Use the link from your invitation, or contact the coordinator.",
  },
  invitation_spent: {
    status: 403,
    da: "Dette link er allerede brugt. Kontakt koordinatoren, hvis du ikke har svaret.",
    en: "This link has already been used. Contact the coordinator if you have not answered.",
  },
  meeting_key_revoked: {
    status: 403,
    da: "Mødenøglen er trukket tilbage. Svaret er ikke sendt; det ligger stadig på denne enhed og kan eksporteres.",
    en: "The meeting key was revoked. The answer was not sent; it is still on this device and can be exported.",
  },
  meeting_key_expired: {
    status: 403,
    da: "Mødenøglen gælder ikke længere (mødets tidsrum er slut). Svaret ligger stadig på denne enhed og kan eksporteres.",
    en: "The meeting key is no longer valid (the meeting's time is over). The answer is still on this device and can be exported.",
  },
  answers_full: {
    status: 403,
    da: "Der er ikke plads til flere svar i runden ad denne vej: der er kommet lige så mange svar, som der er inviterede.",
    en: "The round takes no more answers this way: as many answers have come as there are members invited.",
  },
  csrf: {
    status: 403,
    da: "Siden er for gammel til at gemme fra. Genindlæs siden, og prøv igen.",
    en: "The page is too old to save from. Reload the page and try again.",
  },
  not_found: {
    status: 404,
    da: "Findes ikke.",
    en: "Not found.",
  },
  unknown_round: {
    status: 404,
    da: "Runden findes ikke på serveren.",
    en: "The round does not exist on the server.",
  },
  unknown_version: {
    status: 404,
    da: "Spørgeskemaets version findes ikke på serveren.",
    en: "The questionnaire version does not exist on the server.",
  },
  request_timeout: {
    status: 408,
    da: "Forespørgslen kom ikke færdig i tide.",
    en: "The request did not arrive in time.",
  },
  conflict: {
    status: 409,
    da: "Der findes allerede et svar med dette id og et andet indhold.",
    en: "A response with this id and other content already exists.",
  },
  round_conflict: {
    status: 409,
    da: "Der findes allerede en runde med dette id og et andet indhold.",
    en: "A round with this id and other content already exists.",
  },
  cluster_conflict: {
    status: 409,
    da: "Der findes allerede en klynge med dette id.",
    en: "A cluster with this id already exists.",
  },
  invited_unknown: {
    status: 409,
    da: "Runden har intet antal inviterede, så der er ingen grænse for, hvor mange der kan svare ad denne vej. Opret invitationer til runden (eventuelt anonyme links) først.",
    en: "The round has no number of members invited, so nothing limits how many could answer this way. Create the round's invitations (anonymous links will do) first.",
  },
  k_locked: {
    status: 409,
    da: "Grænsen k kan ikke ændres, fordi klyngen har runder, hvis svar er slettet: deres gemte rapporter er lavet med den nuværende grænse og kan ikke laves om.",
    en: "k cannot be changed: the cluster has rounds whose answers were deleted, and their kept reports were made with the current k and cannot be made again.",
  },
  responses_deleted: {
    status: 410,
    da: "Rundens svar er slettet efter rundens afslutning, så der kan ikke længere svares eller hentes svar. Rundens rapport er gemt.",
    en: "The round's answers were deleted after it closed, so it takes no answers and gives none out. Its report was kept.",
  },
  too_large: {
    status: 413,
    da: "Forespørgslen er for stor.",
    en: "The request is too large.",
  },
  uri_too_long: {
    status: 414,
    da: "Adressen er for lang.",
    en: "The address is too long.",
  },
  unsupported_media_type: {
    status: 415,
    da: "Forespørgslens indholdstype understøttes ikke.",
    en: "The request's content type is not supported.",
  },
  rate_limited: {
    status: 429,
    da: "For mange forespørgsler på kort tid. Vent lidt, og prøv igen.",
    en: "Too many requests in a short time. Wait a moment and try again.",
  },
  headers_too_large: {
    status: 431,
    da: "Forespørgslens hoveder er for store.",
    en: "The request's headers are too large.",
  },
  internal: {
    status: 500,
    da: "Der skete en fejl på serveren. Intet er ændret; prøv igen.",
    en: "Something went wrong on the server. Nothing was changed; try again.",
  },
  mail_failed: {
    status: 502,
    da: "Mailserveren kunne ikke nås, så ingen mails blev sendt. Prøv igen senere, eller kontakt KiAP.",
    en: "The mail server could not be reached, so no mails were sent. Try again later, or contact KiAP.",
  },
  unavailable: {
    status: 503,
    da: "Tjenesten er midlertidigt utilgængelig. Intet er ændret; prøv igen om lidt.",
    en: "The service is temporarily unavailable. Nothing was changed; try again shortly.",
  },
  mail_not_configured: {
    status: 503,
    da: "Serveren er ikke sat op til at sende mails, så ingen mails blev sendt. Kontakt KiAP.",
    en: "The server is not set up to send mails, so no mails were sent. Contact KiAP.",
  },
} as const satisfies Record<string, LocalizedMessage & { readonly status: number }>;

export type ApiErrorCode = keyof typeof apiErrors;

const apiErrorCodes = Object.keys(apiErrors) as [ApiErrorCode, ...ApiErrorCode[]];

/** `{ error: { code, message: { da, en }, issues? } }`: the body of every refusal. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.object({ da: z.string(), en: z.string() }),
    issues: z.optional(z.array(issueSchema)),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/**
 * The body of a refusal with `code`, and its status. Issues travel as data with their words beside
 * (`message`, without the path, which travels as `path`), for clients that do not run the engine.
 */
export function errorBody(
  code: ApiErrorCode,
  issues?: readonly Issue[],
): { readonly status: number; readonly body: ErrorBody } {
  const { status, da, en } = apiErrors[code];
  const error = { code, message: { da, en } };
  return {
    status,
    body: {
      error: issues === undefined ? error : { ...error, issues: issues.map(toApiIssue) },
    },
  };
}

/** An engine issue as it travels: its data, and its sentence in both languages as `message`. */
export type ApiIssue = z.output<typeof issueSchema>;

/** The issue as an error body carries it; for a client that checks with the contract's schemas too. */
export function toApiIssue(issue: Issue): ApiIssue {
  const message = { da: formatIssue(issue, "da"), en: formatIssue(issue, "en") };
  return { ...issue, path: [...issue.path], message };
}
