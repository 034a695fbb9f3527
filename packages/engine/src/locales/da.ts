import type { MessageCatalogue } from "../issue.js";

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
  invalid_type: (p) =>
    `${p.path}: forventede ${term(p.expected, "en anden type")}${was(p.received)}.`,
  invalid_value: (p) =>
    `${p.path}: ugyldig værdi; tilladt er ${term(p.expected, "en anden værdi")}${was(p.received)}.`,
  invalid_format: (p) =>
    `${p.path}: ugyldigt format; forventede ${term(p.expected, "et andet format")}${was(p.received)}.`,
  too_small: (p) =>
    `${p.path}: for kort eller for lille; mindst ${p.limit ?? "?"}${was(p.received)}.`,
  too_big: (p) =>
    `${p.path}: for langt eller for stort; højst ${p.limit ?? "?"}${was(p.received)}.`,
  unknown_key: (p) => `${p.path}: ukendt felt "${p.value ?? ""}".`,
  duplicate_question_id: (p) => `${p.path}: spørgsmåls-id'et "${p.value ?? ""}" findes allerede.`,
  duplicate_option_code: (p) =>
    `${p.path}: svarkoden "${p.value ?? ""}" bruges to gange i samme spørgsmål.`,
  duplicate_row_code: (p) =>
    `${p.path}: rækkekoden "${p.value ?? ""}" bruges to gange i samme matrix.`,
  duplicate_special_option: (p) =>
    `${p.path}: der må kun være én svarmulighed af typen "${p.value ?? ""}".`,
  missing_ordinal: (p) => `${p.path}: en skala-svarmulighed skal have en rangværdi (ordinal).`,
  unexpected_ordinal: (p) =>
    `${p.path}: "Ved ikke" og lignende svarmuligheder må ikke have en rangværdi.`,
  duplicate_ordinal: (p) =>
    `${p.path}: rangværdien ${p.value ?? ""} bruges to gange på samme skala.`,
  empty_questionnaire: (p) => `${p.path}: spørgeskemaet skal have mindst ét spørgsmål.`,
  unknown_question: (p) => `${p.path}: spørgsmålet "${p.value ?? ""}" findes ikke i denne version.`,
  invalid_position: (p) =>
    `${p.path}: placeringen skal være mellem 0 og ${p.limit ?? "?"}${was(p.received)}.`,
  hash_mismatch: (p) =>
    `${p.path}: indholdet passer ikke til versionens hash ${term(p.expected, "")}; versionen er ændret eller beskadiget.`,
  unknown_round: (p) => `${p.path}: runden "${p.value ?? ""}" er ukendt.`,
  unknown_version: (p) => `${p.path}: spørgeskemaversionen ${p.value ?? ""} er ukendt.`,
  duplicate_response: (p) =>
    `${p.path}: svaret ${p.value ?? ""} er allerede talt med; en kopi tælles ikke to gange.`,
  version_mismatch: (p) =>
    `${p.path}: svaret hører til version ${p.received ?? "?"}, ikke ${term(p.expected, "?")}.`,
  unknown_option: (p) => `${p.path}: svarmuligheden "${p.value ?? ""}" findes ikke i spørgsmålet.`,
  unknown_row: (p) => `${p.path}: rækken "${p.value ?? ""}" findes ikke i matrixen.`,
  duplicate_choice: (p) => `${p.path}: svarmuligheden "${p.value ?? ""}" er valgt to gange.`,
  exclusive_option_combined: (p) =>
    `${p.path}: "${p.value ?? ""}" kan ikke kombineres med andre svar.`,
  other_text_without_other: (p) =>
    `${p.path}: der er skrevet en "Andet"-tekst, men "Andet" er ikke valgt.`,
  required_missing: (p) => `${p.path}: spørgsmålet skal besvares.`,
  text_too_long: (p) =>
    `${p.path}: teksten er for lang; højst ${p.limit ?? "?"} tegn${was(p.received)}.`,
  // referral data (CSV)
  csv_unclosed_quote: (p) => `${p.path}: en celle åbner med anførselstegn ("), som aldrig lukkes.`,
  csv_too_many_lines: (p) =>
    `${p.path}: filen har for mange rækker; højst ${p.limit ?? "?"} rækker med data.`,
  csv_empty: (p) => `${p.path}: filen har ingen rækker med data.`,
  csv_missing_column: (p) =>
    `${p.path}: kolonnen "${p.value ?? ""}" mangler i overskriftsrækken; mulige navne: ${term(p.expected, "")}.`,
  csv_duplicate_column: (p) =>
    `${p.path}: kolonnen "${p.value ?? ""}" står mere end én gang i overskriftsrækken.`,
  csv_cell_count: (p) =>
    `${p.path}: rækken har ${p.received ?? "?"} celler, men overskriftsrækken har ${term(p.expected, "?")}.`,
  csv_empty_cell: (p) => `${p.path}: cellen er tom.`,
  csv_bad_number: (p) =>
    `${p.path}: forventede et helt tal, fx 1234 eller 1.234${was(p.received)}.`,
  csv_negative: (p) => `${p.path}: antallet må ikke være negativt${was(p.received)}.`,
  csv_referrals_exceed_listed: (p) =>
    `${p.path}: flere henvisninger (${p.received ?? "?"}) end tilknyttede patienter (${term(p.expected, "?")}); er kolonnerne byttet om?`,
  csv_duplicate_row: (p) =>
    `${p.path}: samme praksis og tilbud står allerede i række ${p.value ?? "?"}.`,
};
