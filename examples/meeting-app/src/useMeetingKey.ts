import { type ApiErrorCode, type PassStatus, passTokenSchema } from "@klynge/engine/contract";
import { checkPass, type RespondentPass } from "@klynge/widget/core";
import { useEffect, useState } from "react";
import { type KeptMeetingKey, keepMeetingKey, readMeetingKey } from "./meetingKey.js";

/** The key the tablet answers with, and what the collector last said about it. */
export interface EnrolledKey {
  readonly pass: RespondentPass;
  /** Its window and what is left of its cap, as last checked (also when offline now). */
  readonly status?: PassStatus;
  readonly checkedAt?: string;
  /** The collector refuses it now (revoked, expired, cap reached). */
  readonly refused?: ApiErrorCode;
}

export interface MeetingKeyState {
  /** False until the collector was asked (or could not be). */
  readonly checked: boolean;
  readonly key?: EnrolledKey;
  /** No key here, and the round takes no answers without one (`pass_required`). */
  readonly required: boolean;
  /** What became of the key in this visit's link (`#key=…`), if it had one. */
  readonly link?: "enrolled" | "unchecked" | ApiErrorCode;
}

const asPass = (token: string): RespondentPass => ({ kind: "meeting-key", token });

function enrolled(kept: KeptMeetingKey, refused?: ApiErrorCode): EnrolledKey {
  return {
    pass: asPass(kept.token),
    ...(kept.status === undefined || kept.checkedAt === undefined
      ? {}
      : { status: kept.status, checkedAt: kept.checkedAt }),
    ...(refused === undefined ? {} : { refused }),
  };
}

/**
 * Enrols the tablet with the key from the link (`#key=…`) once the collector says it is usable,
 * keeping it on the device; a key that cannot be checked (no connection) is not kept. Otherwise
 * the key kept earlier is used, its status refreshed whenever the collector can be reached.
 */
export function useMeetingKey(
  api: URL,
  roundId: string | undefined,
  fromLink: string | undefined,
  online: boolean,
): MeetingKeyState {
  const [state, setState] = useState<MeetingKeyState>({ checked: false, required: false });
  useEffect(() => {
    if (roundId === undefined) return;
    let active = true;
    let kept = readMeetingKey(roundId);
    if (!online) {
      // Asked again when the device is online: a key is not enrolled unchecked.
      const unchecked = fromLink !== undefined && fromLink !== kept?.token;
      setState({
        checked: true,
        required: false,
        ...(kept ? { key: enrolled(kept) } : {}),
        ...(unchecked ? { link: "unchecked" } : {}),
      });
      return;
    }
    setState({ checked: false, required: false, ...(kept ? { key: enrolled(kept) } : {}) });
    void (async () => {
      const now = () => new Date().toISOString();
      let link: MeetingKeyState["link"];
      let refused: ApiErrorCode | undefined;
      if (fromLink !== undefined && !passTokenSchema.safeParse(fromLink).success) {
        link = "pass_unknown";
      } else if (fromLink !== undefined && fromLink !== kept?.token) {
        const check = await checkPass(api, roundId, asPass(fromLink));
        if (check.state === "usable") {
          kept = { token: fromLink, status: check.status, checkedAt: now() };
          keepMeetingKey(roundId, kept);
          link = "enrolled";
        } else {
          link = check.state === "refused" ? check.code : "unchecked";
        }
      } else if (kept !== undefined) {
        const check = await checkPass(api, roundId, asPass(kept.token));
        if (check.state === "refused") refused = check.code;
        const status = check.state === "unknown" ? undefined : check.status;
        if (status !== undefined) {
          kept = { token: kept.token, status, checkedAt: now() };
          keepMeetingKey(roundId, kept);
        }
      }
      const required =
        kept === undefined && (await checkPass(api, roundId, undefined)).state === "refused";
      if (!active) return;
      setState({
        checked: true,
        required,
        ...(kept === undefined ? {} : { key: enrolled(kept, refused) }),
        ...(link === undefined ? {} : { link }),
      });
    })();
    return () => {
      active = false;
    };
  }, [api, roundId, fromLink, online]);
  return state;
}
