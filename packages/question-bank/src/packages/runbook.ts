import type { LocalizedText } from "@klynge/engine";

/** A Danish-only plan text: the meeting runs in Danish, and the seeds give no English. */
export const da = (text: string): LocalizedText => ({ da: text });

/** Seed 004, the programme's first line. */
export const meetingIntro = da("Introduktion til emnet og dagens møde");

/** Seed 004, Blok 3: the municipality's 5-minute talk on what it wants of a referral. */
export const referralTalk = {
  by: "municipality" as const,
  title: da("Oplæg ved kommunen"),
  minutes: 5,
  at: "end" as const,
  points: [da("Fortæller om deres ønsker til henvisningen")],
};

/** Seed 004, "5: Efter klyngemødet": what the cluster and the municipality do afterwards. */
export const afterMeeting = {
  implementation: {
    kind: "implementation" as const,
    text: da(
      "Klyngen og kommunen arbejder med at implementere de aftaler, der blev indgået på klyngemødet.",
    ),
  },
  kluAgenda: {
    kind: "klu-agenda" as const,
    text: da("Sæt resultatet fra klyngemødet på dagsordenen til det næste KLU-møde."),
  },
};
