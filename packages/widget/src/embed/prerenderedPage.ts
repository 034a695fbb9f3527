import type { Model } from "survey-core";
import { offstageClass } from "./prerenderIds.js";

/** An answer given in the server-rendered page: a choice, ticks, a text, or a matrix's rows. */
export type PrerenderedValue = string | readonly string[] | Readonly<Record<string, string>>;

/** Where the focus was in the server-rendered page, to put it on the same input after the swap. */
export interface PrerenderedFocus {
  /** SurveyJS's question name (`data-name`). */
  readonly name: string;
  /** A choice's value; undefined for a text. */
  readonly value?: string;
  /** A matrix row's value. */
  readonly row?: string;
}

export interface PrerenderedInput {
  /** By SurveyJS question name; an "Andet" text under `${name}-Comment`. */
  readonly answers: ReadonlyMap<string, PrerenderedValue>;
  readonly focus?: PrerenderedFocus;
}

const textInputs = "textarea, input[type=text], input:not([type])";

/** A matrix input's row: its `name` is the question element's id, "_", the row's value. */
function rowOf(question: Element, input: HTMLInputElement): string | undefined {
  const prefix = `${question.id}_`;
  return question.id !== "" && input.name.startsWith(prefix)
    ? input.name.slice(prefix.length)
    : undefined;
}

/** The choice inputs of a question element (SurveyJS's radios or checkboxes). */
function choicesOf(question: Element): HTMLInputElement[] {
  return [
    ...question.querySelectorAll<HTMLInputElement>("input[type=radio], input[type=checkbox]"),
  ];
}

/** Adds what one question element holds to `answers`, under its name (and `${name}-Comment`). */
function readQuestion(
  question: Element,
  name: string,
  answers: Map<string, PrerenderedValue>,
): void {
  const choices = choicesOf(question);
  if (question.querySelector("table") !== null) {
    const rows: Record<string, string> = {};
    for (const input of choices) {
      const row = rowOf(question, input);
      if (row !== undefined && input.checked) rows[row] = input.value;
    }
    if (Object.keys(rows).length > 0) answers.set(name, rows);
  } else if (choices.some((input) => input.type === "checkbox")) {
    const ticked = choices.filter((input) => input.checked).map((input) => input.value);
    if (ticked.length > 0) answers.set(name, ticked);
  } else {
    const chosen = choices.find((input) => input.checked);
    if (chosen !== undefined) answers.set(name, chosen.value);
  }
  const text = question.querySelector<HTMLInputElement | HTMLTextAreaElement>(textInputs);
  if (text !== null && text.value !== "") {
    answers.set(choices.length > 0 ? `${name}-Comment` : name, text.value);
  }
}

/** The question elements (`data-name`) in `container`, each with its name. */
function questionsIn(container: ParentNode): [HTMLElement, string][] {
  return [...container.querySelectorAll<HTMLElement>("[data-name]")].flatMap(
    (question): [HTMLElement, string][] => {
      const name = question.dataset.name;
      return name === undefined || name === "" ? [] : [[question, name]];
    },
  );
}

/**
 * What the respondent answered in the server-rendered page, read from its native inputs and keyed
 * by the question names SurveyJS put on them (`data-name`), never by generated ids alone; and the
 * input that has the focus, if it is in there.
 */
export function readPrerenderedInput(
  container: ParentNode,
  active: Element | null = null,
): PrerenderedInput {
  const answers = new Map<string, PrerenderedValue>();
  let focus: PrerenderedFocus | undefined;
  for (const [question, name] of questionsIn(container)) {
    readQuestion(question, name, answers);
    if (active !== null && question.contains(active)) {
      const input = active as HTMLInputElement;
      const choices = choicesOf(question);
      const choice = choices.includes(input);
      const matrix = question.querySelector("table") !== null;
      const row = choice && matrix ? rowOf(question, input) : undefined;
      focus = {
        name,
        ...(choice ? { value: input.value } : {}),
        ...(row === undefined ? {} : { row }),
      };
    }
  }
  return focus === undefined ? { answers } : { answers, focus };
}

/** Sets one question element's inputs to what `answers` holds for `name` (nothing: cleared). */
function writeQuestion(
  question: Element,
  name: string,
  answers: ReadonlyMap<string, PrerenderedValue>,
): void {
  const value = answers.get(name);
  const choices = choicesOf(question);
  for (const input of choices) {
    const row = rowOf(question, input);
    input.checked =
      typeof value === "string"
        ? input.value === value
        : Array.isArray(value)
          ? value.includes(input.value)
          : value !== undefined &&
            row !== undefined &&
            (value as Record<string, string>)[row] === input.value;
  }
  const text = question.querySelector<HTMLInputElement | HTMLTextAreaElement>(textInputs);
  const typed = answers.get(choices.length > 0 ? `${name}-Comment` : name);
  if (text !== null) text.value = typeof typed === "string" ? typed : "";
}

/**
 * Puts stored answers into the server-rendered page's inputs (every layout of a question), for the
 * questions `restore` lets through and `answers` holds: what a page saved before a reload.
 */
export function writePrerenderedInput(
  container: ParentNode,
  answers: ReadonlyMap<string, PrerenderedValue>,
  restore: (name: string) => boolean = () => true,
): void {
  for (const [question, name] of questionsIn(container)) {
    if (!restore(name) || !(answers.has(name) || answers.has(`${name}-Comment`))) continue;
    writeQuestion(question, name, answers);
  }
}

/**
 * After an input of `question` changed, the same question in the page's other layout (SurveyJS's
 * wide and narrow forms are both in the page) is set alike, so the page holds one answer per
 * question whichever layout is shown. Returns the question's name.
 */
export function mirrorQuestion(container: ParentNode, question: HTMLElement): string | undefined {
  const name = question.dataset.name;
  if (name === undefined || name === "") return undefined;
  const answers = new Map<string, PrerenderedValue>();
  readQuestion(question, name, answers);
  for (const [twin, twinName] of questionsIn(container)) {
    if (twin !== question && twinName === name) writeQuestion(twin, name, answers);
  }
  return name;
}

/**
 * Sets each answer on the model as SurveyJS would on a click (so the page's value-changed handler
 * saves it); names the model does not have are skipped. Returns the names set.
 */
export function carryPrerenderedAnswers(
  model: Model,
  answers: ReadonlyMap<string, PrerenderedValue>,
): string[] {
  const set: string[] = [];
  for (const [key, value] of answers) {
    const comment = key.endsWith("-Comment");
    const name = comment ? key.slice(0, -"-Comment".length) : key;
    if (model.getQuestionByName(name) === null) continue;
    if (comment) model.setComment(name, value as string);
    else model.setValue(name, Array.isArray(value) ? [...value] : value);
    set.push(key);
  }
  return set;
}

/** The input in `root` (SurveyJS's own form) that stands where the focus was. */
export function inputAt(root: ParentNode, focus: PrerenderedFocus): HTMLElement | undefined {
  const question = [...root.querySelectorAll<HTMLElement>("[data-name]")].find(
    (element) => element.dataset.name === focus.name,
  );
  if (question === undefined) return undefined;
  if (focus.value === undefined) {
    return question.querySelector<HTMLElement>(textInputs) ?? undefined;
  }
  return choicesOf(question).find(
    (input) =>
      input.value === focus.value &&
      (focus.row === undefined || rowOf(question, input) === focus.row),
  );
}

/** The server-rendered first page, seen from the client until SurveyJS takes its place. */
export interface PrerenderedPage {
  /**
   * Carries what was answered in it into `model` (`update` runs the setting, e.g. in React's
   * `flushSync` so SurveyJS's DOM shows it), then removes it and shows `root` in its place, with
   * the focus on the same input: all in one task, so nothing moves or is lost in between.
   */
  takeOver(model: Model, update?: (set: () => void) => void): void;
  /** Removes it and shows `root` (a refusal or a failed load says why there). */
  dismiss(): void;
}

/** The prerendered `container` in front of the React `root`, laid out off-stage meanwhile. */
export function createPrerenderedPage(container: HTMLElement, root: HTMLElement): PrerenderedPage {
  let done = false;
  const swap = () => {
    done = true;
    container.remove();
    root.classList.remove(offstageClass);
  };
  return {
    takeOver(model, update = (set) => set()) {
      if (done) return;
      const document = container.ownerDocument;
      const input = readPrerenderedInput(container, document.activeElement);
      update(() => carryPrerenderedAnswers(model, input.answers));
      swap();
      if (input.focus !== undefined) {
        const target = inputAt(root, input.focus);
        target?.focus({ preventScroll: true });
        if (target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement) {
          if (target.type === "text" || target instanceof HTMLTextAreaElement) {
            target.setSelectionRange(target.value.length, target.value.length);
          }
        }
      }
    },
    dismiss() {
      if (!done) swap();
    },
  };
}
