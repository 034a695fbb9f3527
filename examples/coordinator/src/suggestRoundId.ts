const danishLetters: Record<string, string> = { æ: "ae", ø: "oe", å: "aa" };

/**
 * A round id from the cluster's name and the month, e.g. "Klynge Syd" in March 2027 →
 * "klynge-syd.2027-03": only the characters the engine's `roundIdSchema` allows.
 */
export function suggestRoundId(cluster: string, date: Date): string {
  const slug = cluster
    .toLocaleLowerCase("da")
    .replace(/[æøå]/g, (letter) => danishLetters[letter] ?? letter)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  const month = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
  return `${slug === "" ? "runde" : slug}.${month}`;
}
