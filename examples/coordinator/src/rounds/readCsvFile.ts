/**
 * A CSV file's text. Excel in Denmark often saves "CSV" as Windows-1252, not UTF-8: a file that is
 * not valid UTF-8 is read as Windows-1252, so "Genoptræning" arrives as written, not as "Genoptr�ning".
 */
export async function readCsvFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
