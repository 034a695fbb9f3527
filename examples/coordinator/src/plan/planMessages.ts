import type { PlanItem } from "@klynge/engine";
import type { Locale } from "../messages.js";

type Kind = PlanItem["kind"];

const da = {
  title: "Mødeplan",
  intro:
    "Planen for klyngemødet: punkternes rækkefølge, minutter, hvilke spørgsmål hver blok drøfter, og teksterne. PowerPoint-præsentationen følger planen. Den gemmes på serveren med runden.",
  open: "Redigér mødeplanen",
  close: "Luk mødeplanen",
  forRound: (round: string) => `Mødeplan for runden «${round}»`,
  source: (title: string, version: number, builtIn: boolean) =>
    builtIn ? `Fra klyngepakken «${title}».` : `Fra klyngepakken «${title}», version ${version}.`,
  edited: "Planen er tilpasset til denne runde.",
  draft:
    "Planen er et udkast: KiAP har endnu ikke fastlagt programmet for denne klyngepakke. Tjek punkter, tider og spørgsmål, før I bruger den på mødet.",
  loading: "Henter mødeplanen …",
  loadFailed: "Mødeplanen kunne ikke hentes:",
  none: "Rundens spørgeskema hører ikke til en klyngepakke, så runden har ingen mødeplan.",
  total: (minutes: number) =>
    `Mødet varer i alt ${minutes} minutter (${Math.floor(minutes / 60)} t ${minutes % 60} min).`,
  item: (n: number, kind: string, title: string) =>
    kind === title ? `Punkt ${n}: ${title}` : `Punkt ${n}: ${kind} – ${title}`,
  kinds: {
    introduction: "Introduktion",
    block: "Blok",
    pause: "Pause",
    "follow-up": "Opsamling og opfølgning",
  } satisfies Record<Kind, string>,
  moveUp: (title: string) => `Flyt «${title}» op`,
  moveDown: (title: string) => `Flyt «${title}» ned`,
  up: "Op",
  down: "Ned",
  itemTitle: "Overskrift",
  minutes: "Minutter",
  introText: "Indledning",
  questions: "Spørgsmål, blokken drøfter",
  questionsHint: "Resultaterne vises i blokken i den rækkefølge, du sætter kryds.",
  inOtherBlock: (n: number) => `(drøftes i punkt ${n})`,
  referrals: "Vis kommunens henvisningstal i blokken",
  reflections: "Refleksionsspørgsmål",
  reflectionsHint: "Ét spørgsmål pr. linje.",
  dialog: "Spørgsmål til fælles dialog",
  talk: (n: number) => `Oplæg ${n}`,
  talkTitle: "Oplæggets titel",
  talkMinutes: "Minutter",
  save: "Gem mødeplanen",
  saving: "Gemmer …",
  saved: "Mødeplanen er gemt.",
  saveFailed: "Mødeplanen blev ikke gemt:",
  fixBelow: "Ret det markerede nedenfor, og gem igen.",
  unknownQuestion:
    "Et af spørgsmålene findes ikke i rundens spørgeskema. Fjern krydset ved det, og gem igen.",
  questionTwice: "Et spørgsmål kan kun drøftes i én blok. Fjern det fra en af blokkene.",
  notInVersion: "Et spørgsmål, der ikke er i rundens spørgeskema",
  minutesMissing: "Skriv et antal minutter (et helt tal).",
};

const en: typeof da = {
  title: "Meeting plan",
  intro:
    "The plan for the cluster meeting: the order of its items, their minutes, which questions each block discusses, and the texts. The PowerPoint deck follows the plan. It is kept on the server with the round.",
  open: "Edit the meeting plan",
  close: "Close the meeting plan",
  forRound: (round) => `Meeting plan for the round “${round}”`,
  source: (title, version, builtIn) =>
    builtIn
      ? `From the cluster package “${title}”.`
      : `From the cluster package “${title}”, version ${version}.`,
  edited: "The plan has been adapted for this round.",
  draft:
    "This plan is a draft: KiAP has not yet settled the programme of this cluster package. Check its items, times and questions before you use it at the meeting.",
  loading: "Loading the meeting plan …",
  loadFailed: "The meeting plan could not be loaded:",
  none: "The round's questionnaire belongs to no cluster package, so the round has no meeting plan.",
  total: (minutes) =>
    `The meeting lasts ${minutes} minutes in all (${Math.floor(minutes / 60)} h ${minutes % 60} min).`,
  item: (n, kind, title) =>
    kind === title ? `Item ${n}: ${title}` : `Item ${n}: ${kind} – ${title}`,
  kinds: {
    introduction: "Introduction",
    block: "Block",
    pause: "Break",
    "follow-up": "Summing up and follow-up",
  },
  moveUp: (title) => `Move “${title}” up`,
  moveDown: (title) => `Move “${title}” down`,
  up: "Up",
  down: "Down",
  itemTitle: "Heading",
  minutes: "Minutes",
  introText: "Introduction",
  questions: "Questions the block discusses",
  questionsHint: "The results are shown in the block in the order you tick them.",
  inOtherBlock: (n) => `(discussed in item ${n})`,
  referrals: "Show the municipality's referral figures in the block",
  reflections: "Reflection questions",
  reflectionsHint: "One question per line.",
  dialog: "Question for the joint dialogue",
  talk: (n) => `Talk ${n}`,
  talkTitle: "Title of the talk",
  talkMinutes: "Minutes",
  save: "Save the meeting plan",
  saving: "Saving …",
  saved: "The meeting plan is saved.",
  saveFailed: "The meeting plan was not saved:",
  fixBelow: "Correct what is marked below and save again.",
  unknownQuestion:
    "One of the questions is not in the round's questionnaire. Untick it and save again.",
  questionTwice: "A question can be discussed in one block only. Remove it from one of the blocks.",
  notInVersion: "A question that is not in the round's questionnaire",
  minutesMissing: "Write a number of minutes (a whole number).",
};

export const planMessages: Record<Locale, typeof da> = { da, en };
export type PlanMessages = typeof da;
