/**
 * The frame page's build (`vite.frame.config.ts`) splits the English catalogues off the first
 * page's JS: a Danish page needs none of their words before the first question. Each split
 * catalogue registers its loader here; until it has run, its English lookups get the Danish words.
 * Elsewhere (the library, tests) nothing registers and the catalogues are imported as usual.
 */
const loaders: (() => Promise<void>)[] = [];
let loading: Promise<void> | undefined;

export function registerEnglishLoader(load: () => Promise<void>): void {
  loaders.push(load);
  loading = undefined;
}

/** Loads every split English catalogue (once); resolves at once where none was split. */
export function loadEnglish(): Promise<void> {
  loading ??= Promise.all(loaders.map((load) => load())).then(() => undefined);
  return loading;
}
