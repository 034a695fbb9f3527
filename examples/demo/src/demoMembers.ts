/** A member of the demo cluster: a GP who is invited to answer. */
export interface DemoMember {
  readonly name: string;
  readonly email: string;
}

const firstNames = [
  "Anne",
  "Bent",
  "Camilla",
  "Dorte",
  "Erik",
  "Frederik",
  "Gitte",
  "Hans",
  "Ida",
  "Jens",
  "Karin",
  "Lars",
  "Mette",
  "Niels",
  "Pia",
  "Rasmus",
  "Susanne",
  "Thomas",
  "Ulla",
  "Vibeke",
];
const lastNames = ["Holm", "Bak", "Lund", "Kjær", "Dahl", "Friis", "Vestergaard", "Mortensen"];
const practices = ["laegehuset-vejle", "bredballe-laegerne", "jelling-praksis", "give-laegecenter"];

/** Pure ASCII for an address: "Kjær" → "kjaer". */
const ascii = (text: string) =>
  text.toLowerCase().replaceAll("æ", "ae").replaceAll("ø", "oe").replaceAll("å", "aa");

/** Klynge Syd's 40 GPs (invented; `.example` addresses, which reach no one). */
export const demoMembers: readonly DemoMember[] = Array.from({ length: 40 }, (_, i) => {
  const first = firstNames[i % firstNames.length] ?? "";
  const last = lastNames[(i * 3 + Math.floor(i / firstNames.length)) % lastNames.length] ?? "";
  const practice = practices[i % practices.length] ?? "";
  return {
    name: `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}@${practice}.example`,
  };
});
