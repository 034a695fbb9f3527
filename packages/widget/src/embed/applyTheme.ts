import type { EmbedTheme } from "./protocol.js";

const variables: Record<keyof EmbedTheme, string> = {
  accent: "--klynge-accent",
  text: "--klynge-text",
  surface: "--klynge-surface",
  focus: "--klynge-focus",
  fontFamily: "--klynge-font-family",
};

/**
 * Sets the host's theme as `--klynge-*` variables on `element`. The values were checked by
 * `themeSchema` (colours and font names only), and `setProperty` cannot add other declarations.
 */
export function applyTheme(element: HTMLElement, theme: EmbedTheme): void {
  for (const [key, name] of Object.entries(variables) as [keyof EmbedTheme, string][]) {
    const value = theme[key];
    if (value !== undefined) element.style.setProperty(name, value);
  }
}
