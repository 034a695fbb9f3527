import { parseQuestionnaireVersion, type QuestionnaireVersion } from "@klynge/engine";

/**
 * Versions the coordinator published with the editor on this device, so "Ny runde" can offer
 * them beside the bank's templates. Kept in localStorage; each is re-hashed by the engine when
 * read, so a copy changed on the device is dropped, not offered.
 */
const key = "klynge.coordinator.versions";
const maxKept = 20;

export function readPublishedVersions(
  storage: Storage | undefined = globalThis.localStorage,
): QuestionnaireVersion[] {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(key) ?? "[]");
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item) => {
      const parsed = parseQuestionnaireVersion(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

export function keepPublishedVersion(
  version: QuestionnaireVersion,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  const others = readPublishedVersions(storage).filter((v) => v.hash !== version.hash);
  try {
    storage?.setItem(key, JSON.stringify([version, ...others].slice(0, maxKept)));
  } catch {
    // A full localStorage only costs the shortcut; the version can be published again.
  }
}
