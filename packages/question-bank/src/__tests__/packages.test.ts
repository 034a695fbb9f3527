import {
  createVersion,
  type MeetingPlan,
  type PlanItem,
  parsePackage,
  undiscussedQuestions,
} from "@klynge/engine";
import { describe, expect, it } from "vitest";
import { getPackage, getTemplate, listPackages, templateVersion } from "../index.js";
import { packageFiles } from "../packages.js";

const blocksOf = (plan: MeetingPlan) =>
  plan.items.filter((item): item is Extract<PlanItem, { kind: "block" }> => item.kind === "block");

/** The programme as a list: kind, title, minutes, and each talk's minutes. */
const programme = (plan: MeetingPlan) =>
  plan.items.map((item) => [
    item.kind,
    item.title.da,
    item.minutes,
    ...(item.kind === "block" ? item.talks.map((t) => `${t.by} ${t.minutes} ${t.at}`) : []),
  ]);

describe("the bank's packages", () => {
  it("are read by parsePackage from their JSON text, rehab then akut", () => {
    for (const file of packageFiles) {
      const result = parsePackage(JSON.parse(JSON.stringify(file)));
      expect(result.success ? [] : result.issues, file.id).toEqual([]);
    }
    expect(listPackages().map((p) => p.id)).toEqual(["rehab", "akut"]);
  });

  it("carry the bank templates unchanged: the same content hash", () => {
    for (const pkg of listPackages()) {
      const id = pkg.id as "rehab" | "akut";
      expect(pkg.template).toEqual(getTemplate(id)?.questionnaire);
      const sealed = createVersion(pkg.template, { label: "x" });
      expect(sealed.success && sealed.data.hash).toBe(templateVersion(id).hash);
    }
  });

  it("are frozen, and looked up by an id from outside", () => {
    expect(Object.isFrozen(getPackage("rehab")?.plan.items[1])).toBe(true);
    expect(getPackage("akut")?.title.da).toBe("Akutfunktioner");
    expect(getPackage("attester")).toBeUndefined();
  });
});

describe("the rehab package's plan (seeds 000 and 004)", () => {
  const pkg = getPackage("rehab");
  if (pkg === undefined) throw new Error("the bank has rehab");
  const { plan } = pkg;

  it("is KiAP's programme of 2 h 30 min, with the municipality's 25- and 5-minute talks", () => {
    expect(programme(plan)).toEqual([
      ["introduction", "Introduktion", 10],
      ["block", "Kommunens tilbud", 60, "municipality 25 start"],
      ["pause", "Pause", 20],
      ["block", "Kendskab til og information om tilbuddene", 20],
      ["block", "Henvisningsprocedurer", 20, "municipality 5 end"],
      ["follow-up", "Opsamling og opfølgning", 20],
    ]);
    expect(plan.minutes).toBe(150);
  });

  it("is not a draft: every text is from the seeds", () => {
    expect(JSON.stringify(plan)).not.toContain('"draft":true');
  });

  it("gives each block its questions, the referral figures in block 1, and a closing dialog", () => {
    const blocks = blocksOf(plan);
    expect(blocks.map((b) => [b.questions, b.referrals, b.dialog.da])).toEqual([
      [
        ["rehab.oplevelse", "rehab.manglende-tilbud", "rehab.henvise-flere"],
        true,
        "Er der noget, der skal ændres? Skal vi henvise flere til tilbuddene?",
      ],
      [
        ["rehab.kendskab", "rehab.oplysninger"],
        false,
        "Har vi ønsker til ændringer i, hvor og hvordan der findes tilbud til os og patienterne om kommunens tilbud?",
      ],
      [
        ["rehab.henvisningsmaade", "rehab.barrierer"],
        false,
        "Skal henvisningsprocedurerne ændres/justeres?",
      ],
    ]);
    expect(blocks.map((b) => b.reflections.length)).toEqual([8, 7, 6]);
    expect(undiscussedQuestions(pkg.plan, pkg.template.questions).map((q) => q.id)).toEqual([
      "rehab.kommentarer",
    ]);
  });

  it("ends with the follow-up: implementation, a follow-up meeting, the KLU agenda, new data", () => {
    const last = plan.items.at(-1);
    if (last?.kind !== "follow-up") throw new Error("the plan ends with the follow-up");
    expect(last.actions.map((a) => a.kind)).toEqual([
      "implementation",
      "follow-up-meeting",
      "klu-agenda",
      "new-data",
    ]);
    expect(last.points).toHaveLength(6);
  });
});

describe("the akut package's plan (a draft: the seeds give no programme)", () => {
  const pkg = getPackage("akut");
  if (pkg === undefined) throw new Error("the bank has akut");
  const { plan } = pkg;

  it("has the rehab plan's shape and is marked draft, as a whole and item by item", () => {
    expect(programme(plan).map(([kind, , minutes]) => [kind, minutes])).toEqual([
      ["introduction", 10],
      ["block", 60],
      ["pause", 20],
      ["block", 20],
      ["block", 20],
      ["follow-up", 20],
    ]);
    expect(plan.draft).toBe(true);
    expect(plan.items.map((item) => item.draft)).toEqual(plan.items.map(() => true));
  });

  it("shows no referral figures (seed 002: its data is the survey only)", () => {
    expect(blocksOf(plan).map((b) => b.referrals)).toEqual([false, false, false]);
  });

  it("discusses every question but the closing comments", () => {
    expect(undiscussedQuestions(pkg.plan, pkg.template.questions).map((q) => q.id)).toEqual([
      "akut.kommentarer",
    ]);
  });
});
