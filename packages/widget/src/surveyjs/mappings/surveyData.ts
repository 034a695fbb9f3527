import { settings } from "survey-core";
import type { SurveyData } from "./surveyMapping.js";

/** The key of a question's "Andet" text; read at call time, as SurveyJS itself reads the setting. */
export function commentKeyOf(name: string): string {
  return `${name}${settings.commentSuffix}`;
}

/** The value stored under `key`, or undefined for none, null or "" (SurveyJS's "no value"). */
export function readValue(data: SurveyData, key: string): unknown {
  // hasOwn: SurveyJS data is a plain object; an inherited member is no answer.
  if (!Object.hasOwn(data, key)) return undefined;
  const value = data[key];
  return value === null || value === "" ? undefined : value;
}

/** A trimmed, non-blank text, or undefined. */
export function readText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text === "" ? undefined : text;
}

/** The trimmed "Andet" text of the question named `name`, or undefined when blank. */
export function readOtherText(data: SurveyData, name: string): string | undefined {
  return readText(readValue(data, commentKeyOf(name)));
}
