import type { DeckInput } from "./deckInput.js";

/** Builds the deck and lets the browser save it; pptxgenjs is loaded only when asked for. */
export async function downloadDeck(input: DeckInput, fileName: string): Promise<void> {
  const { buildDeck } = await import("./buildDeck.js");
  await buildDeck(input).writeFile({ fileName });
}
