import type { Locale } from "../messages.js";
import type { LoadRoundError } from "./loadRound.js";

export interface EmbedMessages {
  readonly loading: string;
  readonly roundError: (error: LoadRoundError) => string;
  readonly missingRound: string;
  /** Over the reason (the contract's sentence) when the link or key cannot be used. */
  readonly passRefusedTitle: string;
}

const da: EmbedMessages = {
  loading: "Henter spørgeskemaet…",
  roundError: (error) => {
    switch (error.code) {
      case "not_found":
        return "Spørgeskemaet findes ikke (længere). Tjek linket, eller kontakt klyngens koordinator.";
      case "unreachable":
        return "Spørgeskemaet kunne ikke hentes. Tjek forbindelsen, og genindlæs siden.";
      case "invalid":
        return "Spørgeskemaet kunne ikke vises, fordi det er ugyldigt. Kontakt klyngens koordinator.";
    }
  },
  missingRound: "Siden mangler at få at vide, hvilket spørgeskema der skal vises.",
  passRefusedTitle: "Du kan ikke svare med dette link",
};

const en: EmbedMessages = {
  loading: "Loading the survey…",
  roundError: (error) => {
    switch (error.code) {
      case "not_found":
        return "This survey does not exist (any more). Check the link or contact the cluster's coordinator.";
      case "unreachable":
        return "The survey could not be loaded. Check the connection and reload the page.";
      case "invalid":
        return "The survey cannot be shown because it is invalid. Contact the cluster's coordinator.";
    }
  },
  missingRound: "The page was not told which survey to show.",
  passRefusedTitle: "You cannot answer with this link",
};

export const embedMessages: Record<Locale, EmbedMessages> = { da, en };
