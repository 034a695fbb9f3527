import type { Locale } from "../messages.js";
import type { MemberIssue } from "./parseMembers.js";

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The texts of "Invitationer": inviting, tracking, mails and the open link. Danish first. */
const da = {
  title: (round: string) => `Invitationer og svar: ${round}`,
  titleNoRound: "Invitationer og svar",
  intro:
    "Her inviterer du klyngens medlemmer til en runde, sender invitationen og påmindelser, følger med i, hvem der endnu ikke har svaret, og laver en mødenøgle til mødets tablets.",
  roundLabel: "Runde",
  roundsLoading: "Henter runderne …",
  roundsFailed: "Runderne kunne ikke hentes:",
  roundsNone: "Klyngen har ingen runder endnu. Opret en runde først.",
  roundDeleted:
    "Rundens rå svar er slettet, så den tager ikke imod svar, og der kan ikke inviteres eller sendes mails.",
  listLoading: "Henter invitationerne …",
  listFailed: "Invitationerne kunne ikke hentes:",

  trackingTitle: "Svar",
  privacy:
    "Siden viser kun, om et medlems link er brugt – aldrig, hvad nogen har svaret. Svarene gemmes uden navn og kan ikke kobles til invitationen.",
  invited: "Inviterede",
  used: "Links brugt",
  withoutInvitation: "Svar uden invitation (tablets, åbent link)",
  responseRate: "Svarprocent",
  rate: (percent: string, answers: number, invited: number) =>
    `${percent} (${n(answers, "svar", "svar")} af ${invited} inviterede)`,
  noInvitations: "Ingen invitationer endnu. Inviter medlemmerne nedenfor.",
  pendingTitle: (count: number) => `Har ikke svaret endnu (${count})`,
  pendingNone: "Alle navngivne medlemmer har brugt deres link.",
  mailedOn: (date: string) => `mail sendt ${date}`,
  notMailed: "ingen mail sendt endnu",
  noEmail: "ingen e-mail",
  tabletNote:
    "Et medlem, der har svaret på en tablet på mødet eller via det åbne link, står stadig her: Klynge kan ikke vide, at det var dem.",
  anonymousTitle: (count: number) => `Anonyme links (${count})`,
  anonymousHint:
    "Del hvert link med én person. Et link kan bruges én gang. Klynge ved ikke, hvem der har hvilket link.",
  anonymousLink: (number: number) => `Anonymt link ${number}`,
  linkColumn: "Link",
  stateColumn: "Status",
  stateUsed: "Brugt",
  stateUnused: "Ikke brugt",
  linkUnavailable:
    "Linket kan ikke vises (serverens link-hemmelighed er skiftet); lav et nyt anonymt link.",

  inviteTitle: "Inviter medlemmer",
  inviteKind: "Hvad vil du lave?",
  inviteMembers: "Personlige links til navngivne medlemmer",
  inviteAnonymous: "Et antal anonyme links",
  membersLabel: "Medlemmer – én pr. linje",
  membersHint:
    "Navn og e-mail adskilt af semikolon, f.eks. «Anne Hansen; anne@praksis.dk». To kolonner kopieret fra Excel går også. Kun et navn går også, men så får medlemmet ingen mail.",
  previewTitle: "Det har Klynge læst",
  previewEmpty: "Indsæt medlemmerne i feltet ovenfor.",
  previewSummary: (members: number, withEmail: number) =>
    `${n(members, "medlem", "medlemmer")}, heraf ${withEmail} med e-mail.`,
  lineColumn: "Linje",
  nameColumn: "Navn",
  emailColumn: "E-mail",
  noEmailCell: "(ingen)",
  issuesTitle: (count: number) => `${n(count, "linje", "linjer")} skal rettes`,
  withoutEmailWarning: (count: number) =>
    `${n(count, "medlem", "medlemmer")} uden e-mail får ingen mail, og Klynge viser ikke deres personlige link. De kan svare på mødets tablets eller via et åbent link – men står så stadig som «har ikke svaret».`,
  createMembers: (count: number) =>
    count === 0 ? "Opret invitationer" : `Opret ${n(count, "invitation", "invitationer")}`,
  fixFirst: "Ret de linjer, der er markeret, før invitationerne oprettes.",
  nothingToInvite: "Indsæt mindst ét medlem først.",
  anonymousLabel: "Antal anonyme links",
  anonymousCountHint: "Fra 1 til 500. Linkene vises herover, så du kan kopiere dem.",
  createAnonymous: "Lav anonyme links",
  creating: "Opretter …",
  createdMembers: (count: number) =>
    `${n(count, "invitation", "invitationer")} er oprettet. Send invitationen under «Mails».`,
  createdAnonymous: (count: number) =>
    `${n(count, "anonymt link", "anonyme links")} er lavet. De står under «Anonyme links».`,
  createFailed: "Invitationerne blev ikke oprettet:",

  mailTitle: "Mails",
  mailKind: "Hvilken mail?",
  kindInvitation: "Invitation",
  kindInvitationHint: "Til medlemmer med e-mail, som ikke har fået invitationen endnu.",
  kindReminder: "Påmindelse",
  kindReminderHint: "Kun til medlemmer med e-mail, som ikke har svaret.",
  textsLoading: "Henter teksterne …",
  textsFailed: "Mailens tekster kunne ikke hentes:",
  subjectLabel: "Emne",
  textLabel: "Tekst",
  placeholdersTitle: "Det udfyldes for hvert medlem",
  placeholders: {
    "{navn}": "medlemmets navn",
    "{link}": "medlemmets personlige link (skal stå i teksten)",
    "{runde}": "rundens navn",
    "{klynge}": "klyngens navn",
  },
  linkMissing: "Teksten skal indeholde {link} – ellers får medlemmet intet link.",
  subjectMissing: "Skriv et emne.",
  recipients: (count: number) =>
    count === 0
      ? "Der er ingen at sende til lige nu."
      : `Sendes til ${n(count, "medlem", "medlemmer")}.`,
  sendInvitation: "Send invitationen …",
  sendReminder: "Send påmindelsen …",
  confirmInvitation: (count: number) => `Send invitationen til ${n(count, "medlem", "medlemmer")}?`,
  confirmReminder: (count: number) => `Send påmindelsen til ${n(count, "medlem", "medlemmer")}?`,
  confirmMailText:
    "Hver mail har medlemmets eget link. Mails kan ikke kaldes tilbage, når de er sendt.",
  confirmSend: "Ja, send",
  cancel: "Fortryd",
  sending: "Sender …",
  sent: (sent: number, skipped: number, failed: number) =>
    [
      `${n(sent, "mail", "mails")} sendt.`,
      skipped > 0
        ? `${skipped} sprunget over (har svaret, har ingen e-mail eller har allerede fået invitationen).`
        : "",
      failed > 0
        ? `${failed} blev afvist af mailserveren; send igen senere, så får de den.`
        : "Ingen fejlede.",
    ]
      .filter((part) => part !== "")
      .join(" "),
  sendFailed: "Ingen mails blev sendt:",

  openTitle: "Åbent link",
  openSwitch: "Åbent link: alle med linket kan svare",
  openHint: (invited: number | undefined) =>
    `Alle med rundens link kan svare – højst så mange som inviterede${invited === undefined ? "" : ` (${invited})`}. Runden markeres «åbent link» i rapporten, fordi de svarende så ikke nødvendigvis er de inviterede.`,
  openLinkIs: "Rundens link:",
  opened: "Det åbne link er slået til. Runden markeres «åbent link» i rapporten.",
  closedLink: "Det åbne link er slået fra. Der kan kun svares med personlige links og mødenøgler.",
  openFailed: "Det åbne link blev ikke ændret:",
  saving: "Gemmer …",
};

export type InvitationMessages = typeof da;

const en: InvitationMessages = {
  title: (round) => `Invitations and answers: ${round}`,
  titleNoRound: "Invitations and answers",
  intro:
    "Here you invite the cluster's members to a round, send the invitation and reminders, follow who has not answered yet, and make a meeting key for the meeting's tablets.",
  roundLabel: "Round",
  roundsLoading: "Loading the rounds …",
  roundsFailed: "The rounds could not be loaded:",
  roundsNone: "The cluster has no rounds yet. Create a round first.",
  roundDeleted:
    "The round's raw answers were deleted, so it takes no answers, and no invitations or mails can be made.",
  listLoading: "Loading the invitations …",
  listFailed: "The invitations could not be loaded:",

  trackingTitle: "Answers",
  privacy:
    "This page only shows whether a member's link was used – never what anyone answered. Answers are stored without a name and cannot be linked to the invitation.",
  invited: "Invited",
  used: "Links used",
  withoutInvitation: "Answers without an invitation (tablets, open link)",
  responseRate: "Response rate",
  rate: (percent, answers, invited) =>
    `${percent} (${n(answers, "answer", "answers")} of ${invited} invited)`,
  noInvitations: "No invitations yet. Invite the members below.",
  pendingTitle: (count) => `Not answered yet (${count})`,
  pendingNone: "Every named member has used their link.",
  mailedOn: (date) => `mail sent ${date}`,
  notMailed: "no mail sent yet",
  noEmail: "no e-mail",
  tabletNote:
    "A member who answered on a tablet at the meeting, or through the open link, is still listed: Klynge cannot know it was them.",
  anonymousTitle: (count) => `Anonymous links (${count})`,
  anonymousHint:
    "Give each link to one person. A link can be used once. Klynge does not know who has which link.",
  anonymousLink: (number) => `Anonymous link ${number}`,
  linkColumn: "Link",
  stateColumn: "Status",
  stateUsed: "Used",
  stateUnused: "Not used",
  linkUnavailable:
    "The link cannot be shown (the server's link secret changed); make a new anonymous link.",

  inviteTitle: "Invite members",
  inviteKind: "What do you want to make?",
  inviteMembers: "Personal links for named members",
  inviteAnonymous: "A number of anonymous links",
  membersLabel: "Members – one per line",
  membersHint:
    "Name and e-mail separated by a semicolon, e.g. “Anne Hansen; anne@praksis.dk”. Two columns copied from Excel work too. A name alone works too, but then the member gets no mail.",
  previewTitle: "What Klynge has read",
  previewEmpty: "Paste the members into the box above.",
  previewSummary: (members, withEmail) =>
    `${n(members, "member", "members")}, ${withEmail} with an e-mail.`,
  lineColumn: "Line",
  nameColumn: "Name",
  emailColumn: "E-mail",
  noEmailCell: "(none)",
  issuesTitle: (count) => `${n(count, "line needs", "lines need")} fixing`,
  withoutEmailWarning: (count) =>
    `${n(count, "member", "members")} without an e-mail get no mail, and Klynge does not show their personal link. They can answer on the meeting's tablets or through an open link – but are then still listed as “not answered”.`,
  createMembers: (count) =>
    count === 0 ? "Create invitations" : `Create ${n(count, "invitation", "invitations")}`,
  fixFirst: "Fix the marked lines before the invitations are created.",
  nothingToInvite: "Paste at least one member first.",
  anonymousLabel: "Number of anonymous links",
  anonymousCountHint: "From 1 to 500. The links are shown above for you to copy.",
  createAnonymous: "Make anonymous links",
  creating: "Creating …",
  createdMembers: (count) =>
    `${n(count, "invitation was", "invitations were")} created. Send the invitation under “Mails”.`,
  createdAnonymous: (count) =>
    `${n(count, "anonymous link was", "anonymous links were")} made. They are listed under “Anonymous links”.`,
  createFailed: "The invitations were not created:",

  mailTitle: "Mails",
  mailKind: "Which mail?",
  kindInvitation: "Invitation",
  kindInvitationHint: "To members with an e-mail who have not had the invitation yet.",
  kindReminder: "Reminder",
  kindReminderHint: "Only to members with an e-mail who have not answered.",
  textsLoading: "Loading the texts …",
  textsFailed: "The mail's texts could not be loaded:",
  subjectLabel: "Subject",
  textLabel: "Text",
  placeholdersTitle: "Filled in for each member",
  placeholders: {
    "{navn}": "the member's name",
    "{link}": "the member's personal link (must be in the text)",
    "{runde}": "the round's name",
    "{klynge}": "the cluster's name",
  },
  linkMissing: "The text must contain {link} – otherwise the member gets no link.",
  subjectMissing: "Write a subject.",
  recipients: (count) =>
    count === 0
      ? "There is no one to send to right now."
      : `Goes to ${n(count, "member", "members")}.`,
  sendInvitation: "Send the invitation …",
  sendReminder: "Send the reminder …",
  confirmInvitation: (count) => `Send the invitation to ${n(count, "member", "members")}?`,
  confirmReminder: (count) => `Send the reminder to ${n(count, "member", "members")}?`,
  confirmMailText: "Each mail holds the member's own link. Mails cannot be recalled once sent.",
  confirmSend: "Yes, send",
  cancel: "Cancel",
  sending: "Sending …",
  sent: (sent, skipped, failed) =>
    [
      `${n(sent, "mail", "mails")} sent.`,
      skipped > 0 ? `${skipped} skipped (answered, no e-mail, or already had the invitation).` : "",
      failed > 0
        ? `${failed} refused by the mail server; send again later and they will get it.`
        : "None failed.",
    ]
      .filter((part) => part !== "")
      .join(" "),
  sendFailed: "No mails were sent:",

  openTitle: "Open link",
  openSwitch: "Open link: anyone with the link may answer",
  openHint: (invited) =>
    `Anyone with the round's link may answer – at most as many as were invited${invited === undefined ? "" : ` (${invited})`}. The round is marked “open link” in the report, since those answering are then not necessarily the members invited.`,
  openLinkIs: "The round's link:",
  opened: "The open link is on. The round is marked “open link” in the report.",
  closedLink: "The open link is off. Answers come only through personal links and meeting keys.",
  openFailed: "The open link was not changed:",
  saving: "Saving …",
};

export const invitationMessages: Record<Locale, InvitationMessages> = { da, en };

/** A pasted line's fault as a sentence, its line first. */
export function memberIssueText(issue: MemberIssue, locale: Locale): string {
  const danish = locale === "da";
  switch (issue.code) {
    case "bad_email":
      return danish
        ? `Linje ${issue.line}: «${issue.received}» er ikke en gyldig e-mail-adresse.`
        : `Line ${issue.line}: “${issue.received}” is not a valid e-mail address.`;
    case "two_emails":
      return danish
        ? `Linje ${issue.line}: der står mere end én e-mail-adresse. Skriv ét medlem pr. linje.`
        : `Line ${issue.line}: there is more than one e-mail address. Write one member per line.`;
    case "no_name":
      return danish
        ? `Linje ${issue.line}: der mangler et navn før «${issue.received}». Navnet står i mailen («Kære …»).`
        : `Line ${issue.line}: a name is missing before “${issue.received}”. The name is used in the mail (“Dear …”).`;
    case "name_too_long":
      return danish
        ? `Linje ${issue.line}: navnet er længere end ${issue.limit} tegn.`
        : `Line ${issue.line}: the name is longer than ${issue.limit} characters.`;
    case "duplicate_email":
      return danish
        ? `Linje ${issue.line}: ${issue.email} står også på linje ${issue.firstLine}.`
        : `Line ${issue.line}: ${issue.email} is also on line ${issue.firstLine}.`;
    case "already_invited":
      return danish
        ? `Linje ${issue.line}: ${issue.email} er allerede inviteret til runden.`
        : `Line ${issue.line}: ${issue.email} is already invited to the round.`;
    case "too_many":
      return danish
        ? `Der er ${issue.received} medlemmer; højst ${issue.limit} ad gangen.`
        : `There are ${issue.received} members; at most ${issue.limit} at a time.`;
  }
}
