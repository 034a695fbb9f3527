import { type PassStatus, passTokenSchema, routes } from "@klynge/engine/contract";

/**
 * The meeting key a tablet was enrolled with, kept on the device beside the round's copy (both in
 * localStorage, per round), with the last status the collector gave for it: its window and what
 * is left of its cap, shown also when offline. Checked again when read.
 */
export interface KeptMeetingKey {
  readonly token: string;
  /** The collector's last word on it (`GET …/pass`), and when it was said (ISO time). */
  readonly status?: PassStatus;
  readonly checkedAt?: string;
}

const keyOf = (roundId: string) => `klynge.meeting.key.${roundId}`;

export function readMeetingKey(roundId: string): KeptMeetingKey | undefined {
  try {
    const text = localStorage.getItem(keyOf(roundId));
    if (text === null) return undefined;
    const kept: unknown = JSON.parse(text);
    if (typeof kept !== "object" || kept === null) return undefined;
    const { token, status, checkedAt } = kept as Record<string, unknown>;
    if (!passTokenSchema.safeParse(token).success) return undefined;
    const checked = routes.passStatus.reply.safeParse(status);
    return {
      token: token as string,
      ...(checked.success && typeof checkedAt === "string"
        ? { status: checked.data, checkedAt }
        : {}),
    };
  } catch {
    return undefined;
  }
}

export function keepMeetingKey(roundId: string, kept: KeptMeetingKey): void {
  try {
    localStorage.setItem(keyOf(roundId), JSON.stringify(kept));
  } catch {
    // A full or blocked localStorage: the key works until the app is closed, then must be enrolled again.
  }
}
