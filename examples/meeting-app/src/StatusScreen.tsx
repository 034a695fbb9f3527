import type { Round } from "@klynge/engine";
import { type ResponseStore, useStoredValue } from "@klynge/widget";
import { messages, type OutboxRecord, type SentRecord } from "@klynge/widget/core";
import { type ReactElement, useCallback } from "react";
import { type Locale, meetingMessages } from "./messages.js";

export interface StatusScreenProps {
  readonly store: ResponseStore;
  readonly round: Round;
  readonly locale: Locale;
}

/** One response of this device, as the list shows it: never its answers. */
interface Line {
  readonly id: string;
  readonly givenAt: string;
  readonly state: "sent" | "waiting" | "refused";
  /** The outbox's `lastError.code` of a refused one (the contract's code, or "conflict"). */
  readonly reason?: string;
}

function lineOf(record: OutboxRecord | SentRecord): Line {
  const { response } = record;
  const givenAt = response.submittedAt ?? ("queuedAt" in record ? record.queuedAt : record.sentAt);
  if (!("state" in record)) return { id: response.id, givenAt, state: "sent" };
  if (record.state === "pending") return { id: response.id, givenAt, state: "waiting" };
  return {
    id: response.id,
    givenAt,
    state: "refused",
    reason: record.lastError?.code ?? record.state,
  };
}

async function linesOf(store: ResponseStore, roundId: string): Promise<readonly Line[]> {
  const [outbox, sent] = await Promise.all([store.outbox(), store.sent(roundId)]);
  return [...outbox.filter((record) => record.response.roundId === roundId), ...sent]
    .map(lineOf)
    .sort((a, b) => Date.parse(a.givenAt) - Date.parse(b.givenAt));
}

const none: readonly Line[] = [];

/**
 * "Svar på denne enhed": each response given on this tablet, sent, waiting or refused with the
 * reason in plain words. A refused one is never called waiting; it stays for the export.
 */
export function StatusScreen(props: StatusScreenProps): ReactElement {
  const { store, round, locale } = props;
  const text = meetingMessages[locale];
  const read = useCallback((from: ResponseStore) => linesOf(from, round.id), [round.id]);
  const lines = useStoredValue(store, read, none);
  const time = new Intl.DateTimeFormat(locale === "da" ? "da-DK" : "en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const anyRefused = lines.some((line) => line.state === "refused");
  return (
    <section className="meeting-status" aria-labelledby="meeting-status-title">
      <h2 id="meeting-status-title">{text.statusTitle}</h2>
      <p>{text.statusIntro}</p>
      {lines.length === 0 ? (
        <p>{text.statusNone}</p>
      ) : (
        <ol className="meeting-status__list">
          {lines.map((line, index) => (
            <li
              key={line.id}
              className={`meeting-status__item meeting-status__item--${line.state}`}
            >
              <span className="meeting-status__when">
                {text.statusGiven(index + 1, time.format(new Date(line.givenAt)))}
              </span>{" "}
              <span className="meeting-status__state">
                {line.state === "sent"
                  ? text.statusSent
                  : line.state === "waiting"
                    ? text.statusWaiting
                    : `${text.statusRefused} ${messages[locale].sync.refused(line.reason ?? "rejected")}`}
              </span>
            </li>
          ))}
        </ol>
      )}
      {anyRefused ? <p>{text.statusRefusedNote}</p> : null}
    </section>
  );
}
