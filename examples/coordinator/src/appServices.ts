import type { EditorDraftStore } from "@klynge/widget/editor";
import type { DeckInput } from "./deck/deckInput.js";
import { downloadDeck } from "./deck/downloadDeck.js";
import { saveFile } from "./saveFile.js";

/** What the pages take from the browser, passed in so tests can stand in for each. */
export interface AppServices {
  /** Today, for the suggested round id. Default the clock. */
  readonly now: () => Date;
  /** This page's address; links are made relative to it. Default `location.href`. */
  readonly pageUrl: () => string;
  /** Saves a downloaded file. Default an `<a download>` of a Blob. */
  readonly saveFile: (fileName: string, content: string | ArrayBuffer, type: string) => void;
  /** Builds and saves the deck. Default pptxgenjs in the browser, loaded on first use. */
  readonly downloadDeck: (input: DeckInput, fileName: string) => Promise<void>;
  /** Follows a redirect (after signing out). Default `location.assign`. */
  readonly navigateTo: (url: string) => void;
  /** Where the editor keeps its draft. Default IndexedDB. */
  readonly draftStorage?: EditorDraftStore;
  /** Width of the charts before they are measured; tests have no layout. */
  readonly chartWidth?: number;
}

export const browserServices: AppServices = {
  now: () => new Date(),
  pageUrl: () => window.location.href,
  saveFile,
  downloadDeck,
  navigateTo: (url) => window.location.assign(url),
};
