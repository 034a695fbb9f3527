/** Size limits of the API that clients may want to respect before sending. */
export const apiLimits = {
  /** A response: a few KB; 64 KiB is far beyond a real one. */
  responseBytes: 64 * 1024,
  /** A round with its version, a version, or a referral file. */
  documentBytes: 1024 * 1024,
  /** A cluster package file (questionnaire + meeting plan): the bank's are ~30 KB. */
  packageBytes: 256 * 1024,
  /** `rounds=` of a report: up to 10 round ids and their commas. */
  reportRoundsChars: 10 * 65,
  /** Rounds in one report. */
  reportRounds: 10,
} as const;
