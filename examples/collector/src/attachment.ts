/** Danish letters and dashes as ASCII spells them; anything else not ASCII becomes "_". */
const ascii: Record<string, string> = {
  æ: "ae",
  ø: "oe",
  å: "aa",
  Æ: "Ae",
  Ø: "Oe",
  Å: "Aa",
  "–": "-",
  "—": "-",
};

/**
 * A Content-Disposition that saves the reply as `fileName`: the name as written in `filename*`
 * (RFC 6266 / 5987, which every current browser reads) and an ASCII one in `filename` for the
 * rest. `fileName` must already be safe as a file name (`answersFileName`).
 */
export function attachment(fileName: string): string {
  const fallback = fileName
    .replace(/[æøåÆØÅ–—]/g, (letter) => ascii[letter] ?? "_")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
