/**
 * What SurveyJS asks of the browser and happy-dom lacks: `matchMedia` (never matching) and a
 * `ResizeObserver` that observes nothing. Fills only what is missing; call it in `beforeAll`.
 */
export function polyfillSurveyJs(): void {
  const scope = globalThis as unknown as { window?: Record<string, unknown> } & Record<
    string,
    unknown
  >;
  const window = scope.window ?? scope;
  window.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
  scope.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
