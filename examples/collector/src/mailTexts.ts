/** The invitation mails' default texts (Danish); the coordinator edits them before sending. */
export const mailTexts = {
  invitation: {
    subject: "Spørgeskema til klyngemødet: {runde}",
    text: [
      "Kære {navn}",
      "",
      "Inden klyngemødet besvarer alle læger i {klynge} et kort spørgeskema. Det tager omkring fem minutter.",
      "",
      "Dit personlige link til spørgeskemaet ({runde}):",
      "{link}",
      "",
      "Linket kan bruges én gang. Dine svar er anonyme: de vises kun samlet for klyngen, og ingen – heller ikke koordinatoren eller KiAP – kan se, hvad du har svaret. Koordinatoren kan kun se, om linket er brugt.",
      "",
      "Venlig hilsen",
      "{klynge}",
    ].join("\n"),
  },
  reminder: {
    subject: "Påmindelse: spørgeskema til klyngemødet ({runde})",
    text: [
      "Kære {navn}",
      "",
      "Vi mangler stadig dit svar på spørgeskemaet til klyngemødet i {klynge}. Det tager omkring fem minutter.",
      "",
      "Dit personlige link ({runde}):",
      "{link}",
      "",
      "Har du allerede svaret på mødet, kan du se bort fra denne mail. Dine svar er anonyme.",
      "",
      "Venlig hilsen",
      "{klynge}",
    ].join("\n"),
  },
} as const satisfies Record<"invitation" | "reminder", { subject: string; text: string }>;

/** Fills `{navn}`, `{link}`, `{runde}` and `{klynge}`; other braces are left as written. */
export function fillMailText(
  template: string,
  values: {
    readonly navn: string;
    readonly link: string;
    readonly runde: string;
    readonly klynge: string;
  },
): string {
  return template.replace(
    /\{(navn|link|runde|klynge)\}/g,
    (_, name: keyof typeof values) => values[name],
  );
}
