import type { MessageCatalogue } from "../issues/issue.js";

const was = (received: string | undefined) => (received === undefined ? "" : ` (fik ${received})`);

/** Words for the language-neutral terms an issue's `expected` may hold; others are shown as they are. */
const terms: Record<string, string> = {
  string: "tekst",
  number: "et tal",
  int: "et heltal",
  boolean: "sand/falsk",
  object: "et objekt",
  array: "en liste",
  record: "et objekt",
  present: "en værdi",
  json: "almindelige JSON-data",
  uuid: "et UUID",
  datetime: "et ISO 8601-tidspunkt",
  "question-id": "små bogstaver, tal og - _ . (fx rehab.kendskab)",
  code: "små bogstaver, tal og - _ (fx ved-ikke)",
  ordinal: "mindst ét skalapunkt med rangværdi",
};
const term = (expected: string | undefined, fallback: string) =>
  expected === undefined ? fallback : (terms[expected] ?? expected);

export const da: MessageCatalogue = {
  invalid_type: (p) => `forventede ${term(p.expected, "en anden type")}${was(p.received)}.`,
  invalid_value: (p) =>
    `ugyldig værdi; tilladt er ${term(p.expected, "en anden værdi")}${was(p.received)}.`,
  invalid_format: (p) =>
    `ugyldigt format; forventede ${term(p.expected, "et andet format")}${was(p.received)}.`,
  too_small: (p) => `for kort eller for lille; mindst ${p.limit ?? "?"}${was(p.received)}.`,
  too_big: (p) => `for langt eller for stort; højst ${p.limit ?? "?"}${was(p.received)}.`,
  unknown_key: (p) => `ukendt felt "${p.value ?? ""}".`,
  duplicate_question_id: (p) => `spørgsmåls-id'et "${p.value ?? ""}" findes allerede.`,
  duplicate_option_code: (p) => `svarkoden "${p.value ?? ""}" bruges to gange i samme spørgsmål.`,
  duplicate_row_code: (p) => `rækkekoden "${p.value ?? ""}" bruges to gange i samme matrix.`,
  duplicate_special_option: (p) => `der må kun være én svarmulighed af typen "${p.value ?? ""}".`,
  missing_ordinal: () => `en skala-svarmulighed skal have en rangværdi (ordinal).`,
  unexpected_ordinal: () => `"Ved ikke" og lignende svarmuligheder må ikke have en rangværdi.`,
  duplicate_ordinal: (p) => `rangværdien ${p.value ?? ""} bruges to gange på samme skala.`,
  empty_questionnaire: () => `spørgeskemaet skal have mindst ét spørgsmål.`,
  unknown_question: (p) => `spørgsmålet "${p.value ?? ""}" findes ikke i denne version.`,
  invalid_position: (p) => `placeringen skal være mellem 0 og ${p.limit ?? "?"}${was(p.received)}.`,
  hash_mismatch: (p) =>
    `indholdet passer ikke til versionens hash ${term(p.expected, "")}; versionen er ændret eller beskadiget.`,
  unknown_round: (p) => `runden "${p.value ?? ""}" er ukendt.`,
  unknown_version: (p) => `spørgeskemaversionen ${p.value ?? ""} er ukendt.`,
  duplicate_response: (p) =>
    `svaret ${p.value ?? ""} er allerede talt med; en kopi tælles ikke to gange.`,
  duplicate_round: (p) =>
    `runden "${p.value ?? ""}" er givet to gange; en runde tælles enten fra sine svar eller fra én gemt rapport.`,
  report_mismatch: (p) =>
    `den gemte rapport passer ikke til rundens spørgeskemaversioner ved spørgsmålet "${p.value ?? ""}"; forventede ${term(p.expected, "et andet resultat")}${was(p.received)}.`,
  version_mismatch: (p) =>
    `svaret hører til version ${p.received ?? "?"}, ikke ${term(p.expected, "?")}.`,
  unknown_option: (p) => `svarmuligheden "${p.value ?? ""}" findes ikke i spørgsmålet.`,
  unknown_row: (p) => `rækken "${p.value ?? ""}" findes ikke i matrixen.`,
  duplicate_choice: (p) => `svarmuligheden "${p.value ?? ""}" er valgt to gange.`,
  exclusive_option_combined: (p) => `"${p.value ?? ""}" kan ikke kombineres med andre svar.`,
  other_text_without_other: () => `der er skrevet en "Andet"-tekst, men "Andet" er ikke valgt.`,
  required_missing: () => `spørgsmålet skal besvares.`,
  text_too_long: (p) => `teksten er for lang; højst ${p.limit ?? "?"} tegn${was(p.received)}.`,
  // referral data (CSV)
  csv_unclosed_quote: () => `en celle åbner med anførselstegn ("), som aldrig lukkes.`,
  csv_too_many_lines: (p) => `filen har for mange rækker; højst ${p.limit ?? "?"} rækker med data.`,
  csv_empty: () => `filen har ingen rækker med data.`,
  csv_missing_column: (p) =>
    `kolonnen "${p.value ?? ""}" mangler i overskriftsrækken; mulige navne: ${term(p.expected, "")}.`,
  csv_duplicate_column: (p) =>
    `kolonnen "${p.value ?? ""}" står mere end én gang i overskriftsrækken.`,
  csv_cell_count: (p) =>
    `rækken har ${p.received ?? "?"} celler, men overskriftsrækken har ${term(p.expected, "?")}.`,
  csv_empty_cell: () => `cellen er tom.`,
  csv_bad_number: (p) => `forventede et helt tal, fx 1234 eller 1.234${was(p.received)}.`,
  csv_negative: (p) => `antallet må ikke være negativt${was(p.received)}.`,
  csv_referrals_exceed_listed: (p) =>
    `flere henvisninger (${p.received ?? "?"}) end tilknyttede patienter (${term(p.expected, "?")}); er kolonnerne byttet om?`,
  csv_duplicate_row: (p) => `samme praksis og tilbud står allerede i række ${p.value ?? "?"}.`,
};
