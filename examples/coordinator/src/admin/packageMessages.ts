import type { Locale } from "../messages.js";

const da = {
  title: "Klyngepakker",
  intro:
    "KiAP's klyngepakker: spørgeskemaet og mødeplanen for hver pakke. Bankens pakker følger med programmet som version 1. En ny pakke eller en ny udgave af en pakke lægges op som en pakkefil (JSON) og bliver en ny version; runder, der allerede er oprettet, beholder den version, de blev oprettet med.",
  loading: "Henter klyngepakkerne …",
  failed: "Klyngepakkerne kunne ikke hentes:",
  caption: "Klyngepakker og deres versioner, nyeste version først",
  package: "Pakke",
  version: "Version",
  questions: "Spørgsmål",
  minutes: "Mødets længde",
  uploadedOn: "Lagt op",
  builtIn: "Følger med programmet",
  minutesValue: (n: number) => `${n} min`,
  fileLabel: "Pakkefil (JSON)",
  fileHint: (kb: number) => `En pakkefil i Klynges pakkeformat, højst ${kb} KB.`,
  upload: "Læg pakken op",
  uploading: "Lægger op …",
  chooseFile: "Vælg en pakkefil først.",
  tooLarge: (kb: number) => `Filen er for stor: en pakkefil må højst fylde ${kb} KB.`,
  notJson: "Filen er ikke en JSON-fil, så den kan ikke være en pakkefil.",
  uploadFailed: "Pakken blev ikke lagt op:",
  uploaded: (title: string, version: number) => `«${title}» er gemt som version ${version}.`,
  unchanged: (title: string, version: number) =>
    `«${title}» er den samme som version ${version}; intet nyt er gemt.`,
};

const en: typeof da = {
  title: "Cluster packages",
  intro:
    "KiAP's cluster packages: each package's questionnaire and meeting plan. The bank's packages come with the software as version 1. A new package, or a new edition of one, is uploaded as a package file (JSON) and becomes a new version; rounds already created keep the version they were created with.",
  loading: "Loading the cluster packages …",
  failed: "The cluster packages could not be loaded:",
  caption: "Cluster packages and their versions, newest version first",
  package: "Package",
  version: "Version",
  questions: "Questions",
  minutes: "Meeting length",
  uploadedOn: "Uploaded",
  builtIn: "Comes with the software",
  minutesValue: (n) => `${n} min`,
  fileLabel: "Package file (JSON)",
  fileHint: (kb) => `A package file in Klynge's package format, at most ${kb} KB.`,
  upload: "Upload the package",
  uploading: "Uploading …",
  chooseFile: "Choose a package file first.",
  tooLarge: (kb) => `The file is too large: a package file may be at most ${kb} KB.`,
  notJson: "The file is not a JSON file, so it cannot be a package file.",
  uploadFailed: "The package was not uploaded:",
  uploaded: (title, version) => `“${title}” is saved as version ${version}.`,
  unchanged: (title, version) =>
    `“${title}” is the same as version ${version}; nothing new was saved.`,
};

export const packageMessages: Record<Locale, typeof da> = { da, en };
