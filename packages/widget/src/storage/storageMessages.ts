import type { LocalizedMessage } from "@klynge/engine";
import type { StorageErrorCode } from "./storageError.js";

/** What the respondent is told for each storage failure, in Danish and English. */
export const storageMessages: { readonly [C in StorageErrorCode]: LocalizedMessage } = {
  quota_exceeded: {
    da: "Enheden er løbet tør for lagerplads, så det sidste svar blev ikke gemt. Det, der allerede er gemt, er bevaret. Frigør plads på enheden, og prøv igen.",
    en: "The device has run out of storage space, so the last answer was not saved. What was already saved is kept. Free up space on the device and try again.",
  },
  unavailable: {
    da: "Browserens lager (IndexedDB) kan ikke bruges lige nu. Genindlæs siden; hjælper det ikke, så prøv uden privat tilstand eller i en anden browser.",
    en: "The browser's storage (IndexedDB) cannot be used right now. Reload the page; if that does not help, try without private mode or in another browser.",
  },
  outdated: {
    da: "Spørgeskemaet er blevet opdateret i en anden fane. Genindlæs siden for at fortsætte; det, der er gemt, er bevaret.",
    en: "The survey was updated in another tab. Reload the page to continue; what was saved is kept.",
  },
  write_failed: {
    da: "Svaret kunne ikke gemmes. Prøv igen.",
    en: "The answer could not be saved. Please try again.",
  },
  conflicting_submit: {
    da: "Dette svar er allerede sendt ind med et andet indhold og kan ikke ændres.",
    en: "This response was already submitted with different content and cannot be changed.",
  },
  draft_missing: {
    da: "Besvarelsen findes ikke længere her; den er måske sendt ind eller kasseret i en anden fane.",
    en: "This response no longer exists here; it may have been submitted or discarded in another tab.",
  },
  id_in_use: {
    da: "Svar-id'et er allerede i brug af en anden besvarelse.",
    en: "The response id is already used by another response.",
  },
  invalid_record: {
    da: "Svaret har ikke en form, der kan gemmes.",
    en: "The response does not have a shape that can be stored.",
  },
};
