import type { apiErrors } from "@klynge/engine/contract";
import type { Locale } from "./widgetMessages.js";

type Sentences = typeof apiErrors;
let sentences: Sentences | undefined;
let loading: Promise<void> | undefined;

/**
 * `contractText` in the frame's build: the contract's sentences (apiErrors, both languages) come in
 * a chunk of their own, loaded with the uploader and with a refusal's reader (`loadUploaderLater`,
 * `loadReadRefusalLater`), the ways a refusal's code reaches the page. Never rejects: when the
 * chunk cannot be loaded, the catalogue's general sentence stands, and a later call tries again.
 */
export function loadContractText(): Promise<void> {
  loading ??= import("./contractSentences.js").then(
    (m) => {
      sentences = m.apiErrors;
    },
    () => {
      loading = undefined;
    },
  );
  return loading;
}

/** The contract's sentence for `code` once loaded; before, undefined (the general sentence). */
export function contractText(code: string | undefined, locale: Locale): string | undefined {
  if (code === undefined || sentences === undefined || !Object.hasOwn(sentences, code)) {
    return undefined;
  }
  return sentences[code as keyof Sentences][locale];
}
