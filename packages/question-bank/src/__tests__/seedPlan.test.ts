import { readFileSync } from "node:fs";
import type { LocalizedText, MeetingPlan } from "@klynge/engine";
import { workspacePath } from "@klynge/test-support/workspace";
import { describe, expect, it } from "vitest";
import { getPackage } from "../index.js";

// The runbook (004) and the cluster package (000), beside the repository as in seedStems.test.ts.
const seeds = ["000_2ceee587fa043145.txt", "004_adb15ddfe93edb86.txt"]
  .map((name) => readFileSync(workspacePath(`../shared/seeds/${name}`), "utf8"))
  .join("\n");

/** The seeds' words without layout: tags, bullets and line breaks folded to single spaces. */
const normalize = (text: string) =>
  text
    .replace(/<[^>]+>/g, " ")
    .replace(/[•*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const seedText = normalize(seeds);

/** The texts the bank changed, as the README lists them: each with the seed's pieces it is made of. */
const corrections: Record<string, readonly string[]> = {
  "Hvad kan fremme henvisninger: Hvad kan kommunen gøre? Hvad kan klyngen gøre?": [
    "Hvad kan fremme henvisninger",
    "Hvad kan kommunen gøre?",
    "Hvad kan klyngen gøre?",
  ],
  "Hvilken henvisningsmetode vil fungere bedst i dagligdagen – for praksis? for kommune?": [
    "Hvilken henvisningsmetode vil fungere bedst i dagligdagen",
    "for praksis?",
    "for kommune?",
  ],
  "Har vi ønsker til ændringer i, hvor og hvordan der findes tilbud til os og patienterne om kommunens tilbud?":
    [
      "Har vi ønsker til ændringer i, hvor og hvordan der findes tilbud til os og patienterne om kommunes tilbud?",
    ],
  "Aftal et opfølgende møde mellem klyngen og kommunen. Invitér kommunens praksiskonsulenter.": [
    "Aftal et opfølgende møde mellem klyngen og kommunen.",
    "Inviterer kommunens praksiskonsulenter.",
  ],
};

/** Every Danish text of a plan: titles, intros, points, talks, reflections, dialogs, actions. */
function textsOf(plan: MeetingPlan): string[] {
  const all: LocalizedText[] = plan.items.flatMap((item) => {
    const own = [item.title];
    if (item.kind === "pause") return own;
    if (item.intro !== undefined) own.push(item.intro);
    own.push(...item.points);
    if (item.kind === "block") {
      for (const talk of item.talks) own.push(talk.title, ...talk.points);
      own.push(...item.reflections, item.dialog);
    }
    if (item.kind === "follow-up") own.push(...item.actions.map((a) => a.text));
    return own;
  });
  return all.map((t) => t.da);
}

describe("the rehab plan's words", () => {
  const plan = getPackage("rehab")?.plan;
  if (plan === undefined) throw new Error("the bank has rehab");

  it.each(textsOf(plan))("%s: from seed 000 or 004", (text) => {
    for (const piece of corrections[text] ?? [text]) expect(seedText).toContain(piece);
  });

  it("uses every listed correction", () => {
    expect(Object.keys(corrections).filter((text) => !textsOf(plan).includes(text))).toEqual([]);
  });
});
