import type { LocalizedText } from "../questionnaire/primitives.js";
import type { Catalogue, DisclosureContext, SuppressionContext } from "./catalogue.js";

const was = (received: string) => ` (fik ${received})`;

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
};
const term = (expected: string) => terms[expected] ?? expected;

const figureNames = {
  respondents: "antallet af besvarelser",
  versionCount: "antallet, der svarede på udgaven",
  asked: "antallet, der fik spørgsmålet",
  answered: "antallet, der svarede",
  count: "antallet",
  mean: "gennemsnittet",
  change: "ændringen",
} as const;

const text = (t: LocalizedText) => t.da;

function subject(c: DisclosureContext): string {
  const parts: string[] = [figureNames[c.figure]];
  if (c.version !== undefined) parts.push(`»${c.version}«`);
  if (c.question !== undefined) parts.push(`i »${text(c.question)}«`);
  if (c.row !== undefined) parts.push(`rækken »${text(c.row)}«`);
  if (c.option !== undefined) parts.push(`svaret »${text(c.option)}«`);
  parts.push(`(runden »${c.round}«`);
  return parts.join(" ") + (c.rest ? ", blandt de besvarelser, der ikke er på enheden)" : ")");
}

function range({ interval: { min, max } }: DisclosureContext): string {
  if (max === null) return `mindst ${min}`;
  return min === max ? String(min) : `mellem ${min} og ${max}`;
}

/** »Spørgsmål«, rækken »række«, svaret »svar« (runden »navn«) */
function where(c: SuppressionContext): string {
  if (c.question === undefined) return `Runden »${c.round}«`;
  const parts = [`»${text(c.question)}«`];
  if (c.row !== undefined) parts.push(`rækken »${text(c.row)}«`);
  if (c.option !== undefined) parts.push(`svaret »${text(c.option)}«`);
  return `${parts.join(", ")} (runden »${c.round}«)`;
}

export const da: Catalogue = {
  root: "(rod)",

  issue(issue) {
    switch (issue.code) {
      case "invalid_type":
        return `Forventede ${term(issue.expected)}${was(issue.received)}.`;
      case "invalid_value":
        return `Ugyldig værdi; tilladt er ${term(issue.expected ?? "en anden værdi")}${was(issue.received)}.`;
      case "invalid_format":
        return `Ugyldigt format; forventede ${term(issue.expected)}${was(issue.received)}.`;
      case "too_small":
        return `For kort eller for lille; mindst ${issue.limit}${was(issue.received)}.`;
      case "too_big":
        return `For langt eller for stort; højst ${issue.limit}${was(issue.received)}.`;
      case "unknown_key":
        return `Ukendt felt "${issue.value}".`;
      case "duplicate_question_id":
        return `Spørgsmåls-id'et "${issue.value}" findes allerede.`;
      case "duplicate_option_code":
        return `Svarkoden "${issue.value}" bruges to gange i samme spørgsmål.`;
      case "duplicate_row_code":
        return `Rækkekoden "${issue.value}" bruges to gange i samme matrix.`;
      case "duplicate_special_option":
        return `Der må kun være én svarmulighed af typen "${issue.value}".`;
      case "missing_ordinal":
        return `En skala-svarmulighed skal have en rangværdi (ordinal).`;
      case "unexpected_ordinal":
        return `"Ved ikke" og lignende svarmuligheder må ikke have en rangværdi.`;
      case "duplicate_ordinal":
        return `Rangværdien ${issue.value} bruges to gange på samme skala.`;
      case "empty_questionnaire":
        return `Spørgeskemaet skal have mindst ét spørgsmål.`;
      case "condition_unknown_question":
        return `Betingelsen henviser til et spørgsmål, der ikke findes i spørgeskemaet ("${issue.value}").`;
      case "condition_not_earlier":
        return `Et spørgsmål kan kun vises ud fra svaret på et spørgsmål, der kommer før det.`;
      case "condition_source_type":
        return `Et spørgsmål kan kun vises ud fra svaret på en skala eller et spørgsmål med svarmuligheder (ikke ${issue.received === "text" ? "et tekstfelt" : "en matrix"}).`;
      case "condition_unknown_option":
        return `Betingelsen nævner et svar, som spørgsmålet ikke har ("${issue.value}").`;
      case "answer_not_shown":
        return `Spørgsmålet blev ikke vist ud fra de andre svar, så det kan ikke være besvaret.`;
      case "duplicate_option_text":
        return `To svarmuligheder hedder »${issue.value}«.`;
      case "duplicate_row_text":
        return `To rækker hedder »${issue.value}«.`;
      case "dont_know_as_option":
        return `»${issue.value}« skal være den særlige svarmulighed »Ved ikke«, så svaret holdes uden for gennemsnit og fordelinger.`;
      case "other_repeated":
        return `»${issue.value}« ligner »Andet (skriv)«, som spørgsmålet allerede har: de svarende ville se to »Andet«.`;
      case "scale_order":
        return `Skalaen skal stå fra bedst til dårligst, som de øvrige skalaer: »${issue.value}« står under et punkt, der ikke er bedre.`;
      case "duplicate_question_text":
        return `Spørgsmålet »${issue.value}« findes allerede i spørgeskemaet.`;
      case "blank_label":
        return `Giv versionen et navn.`;
      case "unknown_question":
        return `Spørgsmålet "${issue.value}" findes ikke i denne version.`;
      case "invalid_position":
        return `Placeringen skal være mellem 0 og ${issue.limit}${was(issue.received)}.`;
      case "hash_mismatch":
        return `Indholdet passer ikke til versionens hash ${issue.expected}; versionen er ændret eller beskadiget.`;
      case "unknown_round":
        return `Runden "${issue.value}" er ukendt.`;
      case "unknown_version":
        return `Spørgeskemaversionen ${issue.value} er ukendt.`;
      case "duplicate_response":
        return `Svaret ${issue.value} er allerede talt med; en kopi tælles ikke to gange.`;
      case "duplicate_round":
        return `Runden "${issue.value}" er givet to gange; en runde tælles enten fra sine svar eller fra én gemt rapport.`;
      case "report_mismatch":
        return `Den gemte rapport passer ikke til rundens spørgeskemaversioner ved spørgsmålet "${issue.value}"; forventede ${term(issue.expected)}${issue.received === undefined ? "" : was(issue.received)}.`;
      case "version_mismatch":
        return `Svaret hører til version ${issue.received}, ikke ${issue.expected}.`;
      case "unknown_option":
        return `Svarmuligheden "${issue.value}" findes ikke i spørgsmålet.`;
      case "unknown_row":
        return `Rækken "${issue.value}" findes ikke i matrixen.`;
      case "duplicate_choice":
        return `Svarmuligheden "${issue.value}" er valgt to gange.`;
      case "exclusive_option_combined":
        return `"${issue.value}" kan ikke kombineres med andre svar.`;
      case "other_text_without_other":
        return `Der er skrevet en "Andet"-tekst, men "Andet" er ikke valgt.`;
      case "required_missing":
        return `Spørgsmålet skal besvares.`;
      case "text_too_long":
        return `Teksten er for lang; højst ${issue.limit} tegn${was(issue.received)}.`;
      case "csv_unclosed_quote":
        return `En celle åbner med anførselstegn ("), som aldrig lukkes.`;
      case "csv_too_many_lines":
        return `Filen har for mange rækker; højst ${issue.limit} rækker med data.`;
      case "csv_empty":
        return `Filen har ingen rækker med data.`;
      case "csv_missing_column":
        return `Kolonnen "${issue.value}" mangler i overskriftsrækken; mulige navne: ${issue.expected}.`;
      case "csv_duplicate_column":
        return `Kolonnen "${issue.value}" står mere end én gang i overskriftsrækken.`;
      case "csv_cell_count":
        return `Rækken har ${issue.received} celler, men overskriftsrækken har ${issue.expected}.`;
      case "csv_empty_cell":
        return `Cellen er tom.`;
      case "csv_bad_number":
        return `Forventede et helt tal, fx 1234 eller 1.234${was(issue.received)}.`;
      case "csv_negative":
        return `Antallet må ikke være negativt${was(issue.received)}.`;
      case "csv_referrals_exceed_listed":
        return `Flere henvisninger (${issue.received}) end tilknyttede patienter (${issue.expected}); er kolonnerne byttet om?`;
      case "csv_duplicate_row":
        return `Samme praksis og tilbud står allerede i række ${issue.value}.`;
      case "unsupported_format_version":
        return `Pakkefilen er i formatversion ${issue.received}, men kan kun læses i version ${issue.expected}; den kræver en nyere udgave af Klynge.`;
      case "invalid_minutes":
        return `Minuttallet skal være et helt tal fra 1 til ${issue.limit}${was(issue.received)}.`;
      case "plan_unknown_question":
        return `Mødeplanen nævner spørgsmålet "${issue.value}", som ikke findes i spørgeskemaet.`;
      case "question_in_two_blocks":
        return `Spørgsmålet "${issue.value}" drøftes allerede i punkt ${issue.block + 1} af mødeplanen; et spørgsmål hører til én blok.`;
      case "talks_exceed_block":
        return `Oplæggene varer tilsammen ${issue.received} minutter, men blokken kun ${issue.limit}.`;
      case "plan_minutes_mismatch":
        return `Mødeplanen siger ${issue.expected} minutter, men punkterne varer tilsammen ${issue.received}.`;
    }
  },

  disclosure(c) {
    const d = subject(c);
    switch (c.code) {
      case "pinned":
        return `${d}: vises ikke, men kan regnes ud af det viste: ${range(c)}.`;
      case "small":
        return `${d}: vises ikke, men kan kun være ${range(c)}, altså færre end ${c.k} og mindst 1.`;
      case "shown_small":
        return `${d}: vises, skønt det er færre end ${c.k}.`;
      case "unanimous":
        return `${d}: viser, at alle i en lille gruppe valgte det samme.`;
      case "change_shown":
        return `${d}: vises, skønt tallet i den ene runde er skjult; ændringen viser det.`;
      case "mixed_policy":
        return `${d}: rapporterne af runden er lavet med forskellig anonymitetsgrænse; sammen viser de, hvad den ene skjuler.`;
      case "inconsistent":
        return `${d}: rapporterne kan ikke alle være af de samme besvarelser.`;
    }
  },

  suppression(c) {
    const d = where(c);
    const group = c.row !== undefined ? "rækken" : "spørgsmålet";
    switch (c.figure) {
      case "nobody":
        return `${d}: ingen har svaret på ${group}, så der er ingen svar at vise.`;
      case "mean":
        return c.reason === "few_respondents"
          ? `${d}: gennemsnittet vises ikke, fordi færre end ${c.k} har svaret på skalaen ("Ved ikke" tæller ikke med) (anonymitet).`
          : `${d}: gennemsnittet vises ikke, fordi det sammen med de viste tal ville afsløre et skjult antal (anonymitet).`;
      case "count":
        return `${d}: antallet vises ikke (anonymitet). Enten valgte færre end ${c.k} svaret, eller alle i en lille gruppe valgte det, eller antallet er skjult, så sådan et tal ikke kan regnes ud.`;
      case "asked":
        return `${d}: hvor mange der fik spørgsmålet, vises ikke, fordi det ville vise, hvor få der svarede på en anden udgave af spørgeskemaet (anonymitet).`;
      case "askedOnCondition":
        return `${d}: hvor mange der fik spørgsmålet, vises ikke, fordi det er dem, der gav et bestemt svar på et tidligere spørgsmål, og det antal er skjult (anonymitet).`;
      case "all":
        if (c.reason === "few_respondents") {
          return c.question === undefined
            ? `${d}: ingen tal vises, fordi færre end ${c.k} har svaret (anonymitet).`
            : `${d}: svarene vises ikke, fordi færre end ${c.k} har svaret på ${group} (anonymitet).`;
        }
        return c.question === undefined
          ? `${d}: ingen tal vises, fordi de sammen ville vise, hvor få der svarede på en af spørgeskemaets udgaver (anonymitet).`
          : `${d}: ingen tal vises for spørgsmålet, fordi de sammen med rapportens andre tal ville afsløre et skjult antal (anonymitet).`;
    }
  },
};
