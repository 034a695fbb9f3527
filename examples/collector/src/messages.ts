import type { LocalizedMessage } from "@klynge/engine";

/** What a client is told for each refusal, in Danish and English. */
export const errorMessages = {
  not_found: {
    da: "Findes ikke.",
    en: "Not found.",
  },
  unknown_round: {
    da: "Runden findes ikke på serveren.",
    en: "The round does not exist on the server.",
  },
  unknown_version: {
    da: "Spørgeskemaets version findes ikke på serveren.",
    en: "The questionnaire version does not exist on the server.",
  },
  invalid_response: {
    da: "Svaret blev afvist, fordi det ikke passer til spørgeskemaet.",
    en: "The response was refused because it does not fit the questionnaire.",
  },
  id_mismatch: {
    da: "Svarets id eller runde passer ikke til adressen.",
    en: "The response's id or round does not match the address.",
  },
  conflict: {
    da: "Der findes allerede et svar med dette id og et andet indhold.",
    en: "A response with this id and other content already exists.",
  },
  round_conflict: {
    da: "Der findes allerede en runde med dette id og et andet indhold.",
    en: "A round with this id and other content already exists.",
  },
  invalid_round: {
    da: "Runden eller spørgeskemaet blev afvist.",
    en: "The round or the questionnaire was refused.",
  },
  invalid_referrals: {
    da: "Henvisningsfilen blev afvist.",
    en: "The referral file was refused.",
  },
  invalid_report_request: {
    da: "Rapporten kan ikke laves med disse valg.",
    en: "The report cannot be made with these choices.",
  },
  too_large: {
    da: "Forespørgslen er for stor.",
    en: "The request is too large.",
  },
  bad_request: {
    da: "Forespørgslen kunne ikke læses.",
    en: "The request could not be read.",
  },
  unsupported_media_type: {
    da: "Forespørgslens indholdstype understøttes ikke.",
    en: "The request's content type is not supported.",
  },
  internal: {
    da: "Der skete en fejl på serveren. Svaret er ikke gemt; prøv igen.",
    en: "Something went wrong on the server. Nothing was stored; try again.",
  },
} as const satisfies Record<string, LocalizedMessage>;

export type ErrorCode = keyof typeof errorMessages;
