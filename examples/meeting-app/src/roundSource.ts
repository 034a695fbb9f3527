import {
  type EmbedRound,
  type LoadRoundError,
  loadRound,
  type Result,
  readRoundDocument,
} from "@klynge/widget/core";

/**
 * The round (and its questionnaire version) the tablet answers. Fetched from the collector when
 * online; a copy is kept on the device, so the app opens the survey offline after one online
 * visit. The copy is checked again by the engine when read (the version re-hashed), so a copy
 * changed on the device is refused, not answered.
 */
const copyKey = (roundId: string) => `klynge.meeting.round.${roundId}`;
const lastRoundKey = "klynge.meeting.lastRound";

export type MeetingRound = Result<
  { readonly document: EmbedRound; readonly from: "network" | "device" },
  LoadRoundError
>;

function readCopy(roundId: string): EmbedRound | undefined {
  try {
    const text = localStorage.getItem(copyKey(roundId));
    if (text === null) return undefined;
    const copy = readRoundDocument(JSON.parse(text), roundId);
    return copy.success ? copy.data : undefined;
  } catch {
    return undefined;
  }
}

function keepCopy(value: EmbedRound): void {
  try {
    localStorage.setItem(
      copyKey(value.round.id),
      JSON.stringify({
        round: value.round,
        version: value.version,
        ...(value.k === undefined ? {} : { k: value.k }),
      }),
    );
    localStorage.setItem(lastRoundKey, value.round.id);
  } catch {
    // A full or blocked localStorage only costs the offline copy; the survey still works online.
  }
}

/** The round last opened on this device, for an app started without `?round=`. */
export function lastRoundId(): string | undefined {
  try {
    return localStorage.getItem(lastRoundKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export async function loadMeetingRound(api: URL, roundId: string): Promise<MeetingRound> {
  const fetched = await loadRound(api, roundId);
  if (fetched.success) {
    keepCopy(fetched.data);
    return { success: true, data: { document: fetched.data, from: "network" } };
  }
  if (fetched.issues[0].code === "unreachable") {
    const copy = readCopy(roundId);
    if (copy !== undefined) return { success: true, data: { document: copy, from: "device" } };
  }
  return fetched;
}
