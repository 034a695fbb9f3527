/**
 * Lower-case ASCII words of `text` joined by "-", whole words only, at most `maxLength`
 * characters (a first word longer than that is cut): "Hvor lang ventetid?" → "hvor-lang-ventetid".
 * Danish letters are spelled out as the bank's codes spell them (ø → oe, æ → ae, å → aa).
 */
export function slugify(text: string, maxLength: number): string {
  const ascii = text
    .toLocaleLowerCase("da")
    .replaceAll("æ", "ae")
    .replaceAll("ø", "oe")
    .replaceAll("å", "aa")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  let slug = "";
  for (const word of ascii.split(/[^a-z0-9]+/)) {
    if (word === "") continue;
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > maxLength) return slug === "" ? word.slice(0, maxLength) : slug;
    slug = next;
  }
  return slug;
}

/** `wanted`, or `wanted-2`, `wanted-3`, … : the first that `isTaken` refuses. */
export function uniqueName(wanted: string, isTaken: (name: string) => boolean): string {
  if (!isTaken(wanted)) return wanted;
  let n = 2;
  while (isTaken(`${wanted}-${n}`)) n++;
  return `${wanted}-${n}`;
}
