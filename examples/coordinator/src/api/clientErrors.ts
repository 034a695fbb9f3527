import type { LocalizedMessage } from "@klynge/engine";
import type { ClientErrorCode } from "./apiResult.js";

/** What the coordinator is told when the collector's own error table has no word for it. */
export const clientErrors: Record<ClientErrorCode, LocalizedMessage> = {
  unreachable: {
    da: "Klynges server svarer ikke. Tjek forbindelsen, og prøv igen.",
    en: "Klynge's server does not answer. Check the connection and try again.",
  },
  invalid_reply: {
    da: "Serverens svar havde ikke den forventede form. Intet er vist; prøv igen.",
    en: "The server's reply did not have the expected shape. Nothing is shown; try again.",
  },
};
