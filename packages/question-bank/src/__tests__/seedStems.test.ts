import { readFileSync } from "node:fs";
import { workspacePath } from "@klynge/test-support/workspace";
import { describe, expect, it } from "vitest";
import { getTemplate, listTemplates, type Template, type TemplateId } from "../index.js";

// The shared folder sits beside the repository: /work/shared next to /work/main locally,
// ../shared next to the clone in CI.
const seedPath = workspacePath("../shared/seeds/002_33f41c44d85624f3.txt");

/** The 19 stems as the bank must have them; kept literally so the test holds if the seed's layout changes. */
const expectedStems: Record<TemplateId, readonly string[]> = {
  rehab: [
    "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?",
    "Hvordan henviser du til kommunens forebyggende og rehabiliterende tilbud? (sæt gerne flere krydser)",
    "Hvad er din umiddelbare oplevelse af kommunens forskellige forebyggelses- og rehabiliteringstilbud?",
    "Er der noget, der afholder dig fra at henvise patienter til kommunens forebyggende tilbud? (sæt gerne flere krydser)",
    "Hvad skulle der til for, at du ville henvise flere?",
    "Oplever du, at der mangler kommunale tilbud til nogle patienter/patientgrupper – skriv hvilke?",
    "Hvor får du oplysninger om kommunens tilbud?",
    "Har du andre kommentarer eller ideer til emnet, kan du notere dem her",
  ],
  akut: [
    "Hvad er dit kendskab til indholdet i kommunens akutfunktioner?",
    "Hvor godt oplever du, at akutfunktionerne opfylder behovet for de henviste patienter?",
    "Er der patientgrupper med akut plejebehov, der ikke er tilstrækkeligt hjulpet i dag?",
    "Hvad er din oplevelse af kapaciteten af kommunens akutfunktioner?",
    "Hvad er din oplevelse af kompetencen af kommunens akutfunktioner?",
    "Har du ideer til forbedringer?",
    "Hvordan henviser du til kommunens akutfunktioner? (sæt gerne flere kryds)",
    "Hvad kan afholde dig fra at henvise borgere til kommunens akutfunktioner?",
    "Hvordan fungerer dialogen med akutfunktionen om igangværende forløb?",
    "Oplever du, at der mangler tilbagemelding fra kommunen om patienter, der er henvist til en kommunal akutfunktion?",
    "Har du kommentarer om eller spørgsmål til akutfunktionen, kan du skrive dem her",
  ],
};

/** Marks a free-text question in the seed; it describes the answer type, not the wording. */
const typeMarker = " (fritekst)";

/** Every other difference from the seed, as listed in the README. `position` counts from 1. */
const fixes: readonly { template: TemplateId; position: number; find: string; replace: string }[] =
  [
    // typo
    { template: "rehab", position: 1, find: "i kommunes ", replace: "i kommunens " },
    // the tick-all instruction after the question mark, as DOMAIN.md writes it
    {
      template: "rehab",
      position: 2,
      find: "tilbud (sæt gerne flere krydser)?",
      replace: "tilbud? (sæt gerne flere krydser)",
    },
    {
      template: "rehab",
      position: 4,
      find: "tilbud (sæt gerne flere krydser)?",
      replace: "tilbud? (sæt gerne flere krydser)",
    },
    // typo
    { template: "akut", position: 2, find: "for kde henviste", replace: "for de henviste" },
    // the patient groups become the matrix's rows
    {
      template: "akut",
      position: 2,
      find: "? (akut sygdom, kronisk sygdom, psykisk sygdom, komplekse tilstande)",
      replace: "?",
    },
  ];

interface SeedStem {
  readonly number: number;
  readonly text: string;
}

function readSeed(): string {
  try {
    return readFileSync(seedPath, "utf8").normalize("NFC");
  } catch (cause) {
    throw new Error(
      `Cannot read the seed at ${seedPath}: the shared folder must sit next to the repository.`,
      { cause },
    );
  }
}

/** The numbered paragraphs right after a slide heading, whitespace collapsed. */
function extractStems(seed: string, heading: string): SeedStem[] {
  const start = seed.indexOf(heading);
  if (start < 0) throw new Error(`The seed has no slide heading "${heading}".`);
  const stems: SeedStem[] = [];
  for (const paragraph of seed.slice(start + heading.length).split(/\n\s*\n/)) {
    const text = paragraph.replace(/\s+/g, " ").trim();
    if (text === "") continue;
    const match = /^(\d{1,2})[:.] (.+)$/.exec(text);
    if (match === null) break;
    stems.push({ number: Number(match[1]), text: match[2] ?? "" });
  }
  return stems;
}

function applyFixes(id: TemplateId, stems: readonly SeedStem[]): string[] {
  return stems.map((stem, i) => {
    let text = stem.text.replaceAll(typeMarker, "");
    for (const fix of fixes) {
      if (fix.template !== id || fix.position !== i + 1) continue;
      // A fix that no longer matches would hide a change in the seed.
      expect(text, `${id} Q${fix.position}`).toContain(fix.find);
      text = text.replace(fix.find, fix.replace);
    }
    return text;
  });
}

const seed = readSeed();
const bankStems = (template: Template) => template.questionnaire.questions.map((q) => q.text.da);

describe.each(listTemplates().map((t) => [t.id, t] as const))("stems of %s", (id, template) => {
  const seedStems = extractStems(seed, template.source.section);

  it("come from the seed section the template names, in the seed's numbering", () => {
    // The seed numbers the rehab survey 1–7 with "7" twice; it has 8 questions.
    const numbering =
      id === "rehab" ? [1, 2, 3, 4, 5, 6, 7, 7] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    expect(seedStems.map((s) => s.number)).toEqual(numbering);
  });

  it("match the seed word for word after the documented fixes", () => {
    expect(bankStems(template)).toEqual(applyFixes(id, seedStems));
  });

  it("match the literal list", () => {
    expect(bankStems(template)).toEqual(expectedStems[id]);
  });

  it("carry no type markers", () => {
    for (const stem of bankStems(template)) expect(stem).not.toContain("fritekst");
  });
});

describe("akut Q2", () => {
  it("turns the seed's parenthetical patient groups into the matrix rows, in order", () => {
    const stem = extractStems(seed, getTemplate("akut")?.source.section ?? "")[1]?.text ?? "";
    const groups = /\(([^)]*)\)$/.exec(stem)?.[1]?.split(", ") ?? [];
    expect(groups).toHaveLength(4);
    const question = getTemplate("akut")?.questionnaire.questions[1];
    if (question?.type !== "matrix") throw new Error(`akut Q2 is a matrix, got ${question?.type}`);
    // Row labels are capitalised; otherwise they are the seed's words.
    const capitalised = groups.map((g) => g.charAt(0).toUpperCase() + g.slice(1));
    expect(question.rows.map((r) => r.label.da)).toEqual(capitalised);
  });
});
