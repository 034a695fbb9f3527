import {
  createIssue,
  type Issue,
  parseQuestionnaireVersion,
  parseRound,
  type QuestionnaireVersion,
  type Response,
  type Round,
  validateResponse,
} from "@klynge/engine";
import type { Result } from "../result.js";
import type { OutboxRecord } from "../storage/records.js";

/**
 * "Eksportér usendte svar": the responses a device has not been able to send, in a JSON file
 * another device can import and upload. The file carries the rounds and versions the responses
 * were given on, so a device that never saw the round can still check every response with the
 * engine before it takes it.
 */
export const unsentFileKind = "klynge-unsent-responses";
export const unsentFileFormatVersion = 1;
/** Largest file read, in characters: a response is a few KB, so this holds thousands. */
export const maxUnsentFileChars = 20_000_000;

export interface UnsentFile {
  readonly kind: typeof unsentFileKind;
  readonly formatVersion: typeof unsentFileFormatVersion;
  readonly exportedAt: string;
  readonly rounds: readonly Round[];
  readonly versions: readonly QuestionnaireVersion[];
  readonly responses: readonly Response[];
}

export interface CreateUnsentFileInput {
  /** The outbox (all states: a conflict or refusal is still an answer worth keeping). */
  readonly outbox: readonly OutboxRecord[];
  /** The rounds and versions the device knows; only those the responses use are written. */
  readonly rounds: readonly Round[];
  readonly versions: readonly QuestionnaireVersion[];
  readonly now?: () => Date;
}

/** The file's text; responses whose round or version the device does not know are still written. */
export function createUnsentFile(input: CreateUnsentFileInput): string {
  const responses = input.outbox.map((record) => record.response as Response);
  const roundIds = new Set(responses.map((response) => response.roundId));
  const hashes = new Set(responses.map((response) => response.versionHash));
  const file: UnsentFile = {
    kind: unsentFileKind,
    formatVersion: unsentFileFormatVersion,
    exportedAt: (input.now?.() ?? new Date()).toISOString(),
    rounds: input.rounds.filter((round) => roundIds.has(round.id)),
    versions: input.versions.filter((version) => hashes.has(version.hash)),
    responses,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A suggested file name: `klynge-usendte-svar-2027-03-04T09-05.json`. */
export function unsentFileName(now: Date = new Date()): string {
  return `klynge-usendte-svar-${now.toISOString().slice(0, 16).replace(":", "-")}.json`;
}

export type UnsentFileErrorCode = "too_large" | "not_json" | "not_unsent_file" | "unsupported";

/** What an exported file holds that can be imported, and what was refused. */
export interface UnsentFileContents {
  readonly rounds: readonly Round[];
  readonly versions: readonly QuestionnaireVersion[];
  /** Every response checked by the engine against its own version. */
  readonly responses: readonly Response[];
  /** Responses (or rounds, versions) the engine refused, with why; nothing of them is kept. */
  readonly refused: readonly RefusedItem[];
}

/** Why a file cannot be read at all. */
export interface UnsentFileIssue {
  readonly code: UnsentFileErrorCode;
}

export type ParsedUnsentFile = Result<UnsentFileContents, UnsentFileIssue>;

function unreadable(code: UnsentFileErrorCode): ParsedUnsentFile {
  return { success: false, issues: [{ code }] };
}

export interface RefusedItem {
  readonly what: "response" | "round" | "version";
  /** Its position in the file's list. */
  readonly index: number;
  /** Its id (response, round) or hash (version), when it has a readable one. */
  readonly id?: string;
  readonly issues: readonly Issue[];
}

function idOf(value: unknown, key: "id" | "hash"): string | undefined {
  return stringAt(value, key) || undefined;
}

function listAt(file: Record<string, unknown>, key: string): unknown[] {
  const value = file[key];
  return Array.isArray(value) ? value : [];
}

function stringAt(value: unknown, key: string): string {
  if (typeof value !== "object" || value === null) return "";
  const found = (value as Record<string, unknown>)[key];
  return typeof found === "string" ? found.slice(0, 100) : "";
}

/**
 * Reads an exported file: every version is re-hashed, every round and response checked by the
 * engine; what fails is listed in `refused` and left out, the rest can be imported.
 */
export function parseUnsentFile(text: string): ParsedUnsentFile {
  if (text.length > maxUnsentFileChars) return unreadable("too_large");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return unreadable("not_json");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return unreadable("not_unsent_file");
  }
  const file = body as Record<string, unknown>;
  if (file.kind !== unsentFileKind) return unreadable("not_unsent_file");
  if (file.formatVersion !== unsentFileFormatVersion) return unreadable("unsupported");

  const refused: RefusedItem[] = [];
  const refuse = (
    what: RefusedItem["what"],
    index: number,
    raw: unknown,
    issues: readonly Issue[],
  ) => {
    const id = idOf(raw, what === "version" ? "hash" : "id");
    refused.push(id === undefined ? { what, index, issues } : { what, index, id, issues });
  };
  const versions = new Map<string, QuestionnaireVersion>();
  listAt(file, "versions").forEach((raw, index) => {
    const parsed = parseQuestionnaireVersion(raw);
    if (parsed.success) versions.set(parsed.data.hash, parsed.data);
    else refuse("version", index, raw, parsed.issues);
  });
  const rounds = new Map<string, Round>();
  listAt(file, "rounds").forEach((raw, index) => {
    const parsed = parseRound(raw);
    if (parsed.success && versions.has(parsed.data.versionHash))
      rounds.set(parsed.data.id, parsed.data);
    else if (parsed.success) {
      const issue = createIssue("unknown_version", ["versionHash"], {
        value: parsed.data.versionHash,
      });
      refuse("round", index, raw, [issue]);
    } else refuse("round", index, raw, parsed.issues);
  });
  const responses: Response[] = [];
  listAt(file, "responses").forEach((raw, index) => {
    const roundId = stringAt(raw, "roundId");
    const round = rounds.get(roundId);
    const version = round === undefined ? undefined : versions.get(round.versionHash);
    if (version === undefined) {
      refuse("response", index, raw, [
        createIssue("unknown_round", ["roundId"], { value: roundId }),
      ]);
      return;
    }
    const checked = validateResponse(version, raw);
    if (checked.success) responses.push(checked.data);
    else refuse("response", index, raw, checked.issues);
  });
  return {
    success: true,
    data: { rounds: [...rounds.values()], versions: [...versions.values()], responses, refused },
  };
}
