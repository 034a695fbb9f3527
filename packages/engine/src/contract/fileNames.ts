/** Characters Windows, macOS or a header would not take in a file name. */
const unsafe = /[\p{Cc}<>:"/\\|?*]+/gu;

/**
 * The spreadsheet of a round's answers, named by the round's label as the coordinator wrote it:
 * "Svar – Baseline marts 2026.xlsx". The collector sends it, and the staff pages save it, so both
 * call this.
 */
export function answersFileName(roundLabel: string): string {
  const label = roundLabel.replace(unsafe, "-").replace(/\s+/g, " ").trim().slice(0, 100);
  return `Svar – ${label === "" ? "runde" : label}.xlsx`;
}
