/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Target } from "./engine.js";

/** What `markTarget` answers: the CSS selector of the one element found, none yet, or too many. */
export type MarkResult = { readonly selector: string } | { readonly ambiguous: number } | null;

/**
 * Runs in the page (sent as source: it uses nothing from outside itself). Finds the one visible
 * element `target` names and marks it with a `data-engine-target` attribute, so each engine's own
 * click or typing can then reach it by CSS. A checkbox or radio drawn invisible under its label
 * (SurveyJS's) is reached through its label, where a finger would press.
 */
export function markTarget(target: Target): MarkResult {
  const scopes: Element[] =
    target.within === undefined ? [document.body] : [...document.querySelectorAll(target.within)];
  const all = (selector: string) =>
    scopes.flatMap((scope) => [...scope.querySelectorAll(selector)]);
  const trimmed = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 0 && box.height > 0 && style.visibility !== "hidden";
  };
  const nameOf = (element: Element): string => {
    const label = element.getAttribute("aria-label");
    if (label) return trimmed(label);
    const labelledBy = element.getAttribute("aria-labelledby");
    if (labelledBy) {
      return trimmed(
        labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" "),
      );
    }
    if (element instanceof HTMLInputElement && ["button", "submit"].includes(element.type)) {
      return trimmed(element.value);
    }
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0)
      return trimmed([...labels].map((l) => l.textContent).join(" "));
    return trimmed(element.textContent);
  };
  const roleSelectors: Record<string, string> = {
    button: "button, [role=button], input[type=button], input[type=submit]",
    checkbox: "input[type=checkbox], [role=checkbox]",
    radio: "input[type=radio], [role=radio]",
    textbox: "textarea, input:not([type]), input[type=text], input[type=email], [role=textbox]",
    link: "a[href], [role=link]",
  };

  let found: Element[];
  if ("css" in target) {
    found = all(target.css);
  } else if ("text" in target) {
    const wanted = trimmed(target.text);
    // The innermost element with exactly that text: not its ancestors, which contain it too.
    found = all("*").filter(
      (element) =>
        trimmed(element.textContent) === wanted &&
        ![...element.children].some((child) => trimmed(child.textContent) === wanted),
    );
  } else {
    const wanted = trimmed(target.name);
    found = all(roleSelectors[target.role] ?? target.role)
      .filter((element) => nameOf(element) === wanted)
      .map((element) => (visible(element) ? element : (element.closest("label") ?? element)));
  }
  const shown = [...new Set(found)].filter(visible);
  if (shown.length === 0) return null;
  if (shown.length > 1) return { ambiguous: shown.length };
  const marked = shown[0] as Element;
  const holder = window as unknown as { engineTargetCount?: number };
  holder.engineTargetCount = (holder.engineTargetCount ?? 0) + 1;
  const mark = String(holder.engineTargetCount);
  marked.setAttribute("data-engine-target", mark);
  return { selector: `[data-engine-target="${mark}"]` };
}
