import { surveyLocalization } from "survey-core";
// Registers SurveyJS's Danish strings under "da", the fallback for every string not below;
// survey-core has no "sideEffects" field, so bundlers keep this import.
import "survey-core/i18n/danish";
import type { Locale } from "../messages.js";

/**
 * SurveyJS's own words in Danish where its Danish pack reads wrong (partly machine-translated:
 * "Forpremiere", "Markere…", "Tilmeld dig her", an English "Please enter less than …", "Ingen"
 * for "No"), in one catalogue. Only strings that differ from the pack, or that a GP sees on every
 * survey, are listed; the pack answers the rest.
 */
export const danishSurveyStrings = {
  // Navigation and progress: what every GP sees.
  pagePrevText: "Tilbage",
  pageNextText: "Videre",
  completeText: "Færdig",
  previewText: "Se dine svar",
  editText: "Ret svarene",
  startSurveyText: "Begynd",
  progressText: "Side {0} af {1}",
  indexText: "{0} af {1}",
  questionsProgressText: "{0} af {1} spørgsmål besvaret",
  progressbar: "Hvor langt du er",
  progressbarPage: "Side {0}",
  completingSurvey: "Mange tak for din besvarelse!",
  completingSurveyBefore: "Du har allerede besvaret dette spørgeskema.",
  loadingSurvey: "Henter spørgeskemaet …",
  emptySurvey: "Spørgeskemaet har ingen spørgsmål at vise.",
  // Choices.
  otherItemText: "Andet (skriv)",
  noneItemText: "Ingen af disse",
  refuseItemText: "Ønsker ikke at svare",
  dontKnowItemText: "Ved ikke",
  selectAllItemText: "Vælg alle",
  deselectAllItemText: "Fravælg alle",
  commentText: "Skriv gerne en kommentar",
  placeholder: "Vælg …",
  ratingOptionsCaption: "Vælg …",
  buttongroupOptionsCaption: "Vælg …",
  selectCaption: "Vælg",
  clearCaption: "Ryd",
  booleanCheckedLabel: "Ja",
  booleanUncheckedLabel: "Nej",
  // SurveyJS's own checks (the engine judges, but its words must not read wrong if one shows).
  requiredError: "Spørgsmålet skal besvares.",
  requiredErrorInPanel: "Besvar mindst ét af spørgsmålene.",
  requiredInAllRowsError: "Besvar alle rækker.",
  eachRowUniqueError: "Hver række skal have sit eget svar.",
  otherRequiredError: "Skriv dit svar i feltet ved »Andet«.",
  numericError: "Skriv et tal.",
  minError: "Tallet må ikke være mindre end {0}.",
  maxError: "Tallet må ikke være større end {0}.",
  stepError: "Skriv et tal i trin på {0}.",
  invalidInputError: "Svaret er ikke gyldigt.",
  textNoDigitsAllow: "Feltet må ikke indeholde tal.",
  incompletePatternError: "Udfyld feltet helt, i det viste format.",
  textMinLength: "Skriv mindst {0} tegn.",
  textMaxLength: "Skriv højst {0} tegn.",
  textMinMaxLength: "Skriv mindst {0} og højst {1} tegn.",
  minSelectError: "Vælg mindst {0} svarmulighed(er).",
  maxSelectError: "Vælg højst {0} svarmulighed(er).",
  invalidEmail: "Skriv en gyldig e-mailadresse.",
  // Dialogs and loading.
  modalCancelButtonText: "Annullér",
  modalApplyButtonText: "Anvend",
  cancel: "Annullér",
  ok: "OK",
  loadingPage: "Indlæser …",
  loadingData: "Indlæser …",
  loadingFile: "Indlæser …",
  signaturePlaceHolder: "Skriv under her",
  timerMin: "min",
  savingData: "Svarene gemmes …",
  savingDataError: "Der skete en fejl, og svarene blev ikke gemt.",
  savingDataSuccess: "Svarene er gemt.",
  saveAgainButton: "Prøv igen",
} as const satisfies Readonly<Record<string, string>>;

/**
 * The code the widget's Danish models use: SurveyJS looks a string up under "da-DK" first (this
 * catalogue) and then under "da" (its pack). A locale of its own, so a host page's own SurveyJS
 * forms in "da" are left as they are; and "da-DK" is what the form's `lang` attribute says.
 */
const danishCode = "da-DK";

/** SurveyJS's locale code for `locale`, with the Danish catalogue registered on first use. */
export function surveyLocaleOf(locale: Locale): string {
  if (locale === "en") return "en";
  if (surveyLocalization.locales[danishCode] === undefined) {
    surveyLocalization.setupLocale({
      localeCode: danishCode,
      strings: { ...danishSurveyStrings },
      nativeName: "dansk",
      englishName: "Danish",
    });
  }
  return danishCode;
}
