// @vitest-environment happy-dom
import {
  type ClusterPackage,
  createIssue,
  type MeetingPlan,
  parseMeetingPlan,
  prefixIssues,
} from "@klynge/engine";
import { getPackage } from "@klynge/question-bank";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../api/createApiClient.js";
import { PlanEditor } from "../plan/PlanEditor.js";
import { collectorStub, ok, type Reply, refuse } from "./fixtures/fetchStub.js";
import { base } from "./fixtures/renderApp.js";

const rehab = getPackage("rehab") as ClusterPackage;
const round = { id: "klynge-syd.2027-03", label: "Baseline, marts 2027" };
const planPath = `/api/rounds/${round.id}/plan`;
const questions = rehab.template.questions.map((q) => ({ id: q.id, text: q.text.da }));
const source = { id: "rehab", version: 1, title: rehab.title };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor(onPut: (body: { plan: MeetingPlan }) => Reply, pkg: ClusterPackage = rehab) {
  const stub = collectorStub({
    [`GET ${planPath}`]: () =>
      ok({ plan: pkg.plan, source: { ...source, id: pkg.id, title: pkg.title }, edited: false }),
    [`PUT ${planPath}`]: (_url, body) => onPut(body as { plan: MeetingPlan }),
  });
  vi.stubGlobal("fetch", stub.fetch);
  const onSaved = vi.fn();
  render(
    <PlanEditor
      client={createApiClient({ base, csrfToken: () => "csrf-anne" })}
      locale="da"
      round={round}
      questions={questions}
      onSaved={onSaved}
    />,
  );
  return { stub, onSaved };
}

/** The fieldset of the item whose legend starts "Punkt n:". */
async function item(n: number): Promise<HTMLElement> {
  const legend = await screen.findByText(new RegExp(`^Punkt ${n}:`));
  return legend.closest("fieldset") as HTMLElement;
}

describe("the meeting plan editor", () => {
  it("says when the package's plan is a draft (akut), and not for a settled one (rehab)", async () => {
    const draftNotice = /Planen er et udkast/;
    renderEditor(() => refuse("internal"), getPackage("akut") as ClusterPackage);
    expect(await screen.findByText(draftNotice)).toBeTruthy();
    cleanup();
    renderEditor(() => refuse("internal"));
    await screen.findByText(/varer i alt 150 minutter/);
    expect(screen.queryByText(draftNotice)).toBeNull();
  });

  it("edits minutes with the total kept in step, moves a block by keyboard-reachable buttons, and saves the whole plan", async () => {
    const { stub, onSaved } = renderEditor((body) => {
      const minutes = body.plan.items.reduce((sum, i) => sum + i.minutes, 0);
      return ok({ plan: { ...body.plan, minutes }, source, edited: true });
    });
    expect(await screen.findByText(/varer i alt 150 minutter \(2 t 30 min\)/)).toBeTruthy();

    const intro = await item(1);
    fireEvent.change(within(intro).getByLabelText("Minutter"), { target: { value: "15" } });
    expect(screen.getByText(/varer i alt 155 minutter \(2 t 35 min\)/)).toBeTruthy();

    const fourth = await item(4);
    const fourthTitle = (within(fourth).getByLabelText("Overskrift") as HTMLInputElement).value;
    const up = within(fourth).getByRole("button", { name: `Flyt «${fourthTitle}» op` });
    expect(up.tagName).toBe("BUTTON");
    fireEvent.click(up);
    const third = await item(3);
    expect((within(third).getByLabelText("Overskrift") as HTMLInputElement).value).toBe(
      fourthTitle,
    );
    // The moved block's button keeps the focus, in its new place.
    expect(document.activeElement).toBe(
      within(third).getByRole("button", { name: `Flyt «${fourthTitle}» op` }),
    );

    fireEvent.click(screen.getByRole("button", { name: "Gem mødeplanen" }));
    expect(await screen.findByText("Mødeplanen er gemt.")).toBeTruthy();
    const [put] = stub.callsOf("PUT", planPath);
    if (put === undefined) throw new Error("no PUT of the plan");
    expect(put.headers["x-csrf-token"]).toBe("csrf-anne");
    const sent = (put.body as { plan: MeetingPlan }).plan;
    expect(sent).not.toHaveProperty("minutes");
    expect(sent.items.map((i) => i.title.da)).toEqual([
      "Introduktion",
      rehab.plan.items[1]?.title.da,
      fourthTitle,
      rehab.plan.items[2]?.title.da,
      ...rehab.plan.items.slice(4).map((i) => i.title.da),
    ]);
    expect(sent.items[0]?.minutes).toBe(15);
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ minutes: 155 }));
  });

  it("chooses a block's questions by their text, never by id; a question belongs to one block", async () => {
    const { stub } = renderEditor((body) =>
      ok({ plan: { ...body.plan, minutes: 150 }, source, edited: true }),
    );
    const later = rehab.plan.items[3];
    if (later?.kind !== "block") throw new Error("the rehab plan's fourth item is not a block");
    const moving = rehab.template.questions.find((q) => q.id === later.questions[0]);
    if (moving === undefined) throw new Error("no question");
    const groupOf = async (n: number) =>
      within(await item(n)).getByRole("group", { name: "Spørgsmål, blokken drøfter" });

    const second = await groupOf(2);
    expect(within(second).queryByText(/rehab\./)).toBeNull();
    const taken = within(second).getByRole("checkbox", {
      name: `${moving.text.da} (drøftes i punkt 4)`,
    }) as HTMLInputElement;
    expect(taken.disabled).toBe(true);
    fireEvent.click(within(await groupOf(4)).getByRole("checkbox", { name: moving.text.da }));
    const free = within(await groupOf(2)).getByRole("checkbox", {
      name: moving.text.da,
    }) as HTMLInputElement;
    expect(free.disabled).toBe(false);
    fireEvent.click(free);

    fireEvent.click(screen.getByRole("button", { name: "Gem mødeplanen" }));
    await screen.findByText("Mødeplanen er gemt.");
    const [put] = stub.callsOf("PUT", planPath);
    if (put === undefined) throw new Error("no PUT of the plan");
    const sent = (put.body as { plan: MeetingPlan }).plan;
    const [sentSecond, sentFourth] = [sent.items[1], sent.items[3]];
    expect(sentSecond?.kind === "block" && sentSecond.questions.at(-1)).toBe(moving.id);
    expect(sentFourth?.kind === "block" && sentFourth.questions).not.toContain(moving.id);
  });

  it("shows a refusal next to the field it is about, in a coordinator's words", async () => {
    renderEditor(() =>
      refuse("invalid_plan", [
        createIssue("invalid_minutes", ["plan", "items", 2, "minutes"], {
          limit: 600,
          received: "0",
        }),
        createIssue("plan_unknown_question", ["plan", "items", 1, "questions", 0], {
          value: "rehab.oplevelse",
        }),
      ]),
    );
    const pause = await item(3);
    fireEvent.change(within(pause).getByLabelText("Minutter"), { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem mødeplanen" }));

    expect(await screen.findByText(/Mødeplanen blev ikke gemt/)).toBeTruthy();
    const minutes = within(pause).getByLabelText("Minutter");
    expect(minutes.getAttribute("aria-invalid")).toBe("true");
    const described = (minutes.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
    expect(described).toMatch(/Minuttallet skal være et helt tal fra 1 til 600/);

    const block = await item(2);
    const group = within(block).getByRole("group", { name: "Spørgsmål, blokken drøfter" });
    expect(group.getAttribute("aria-invalid")).toBe("true");
    expect(within(group).getByText(/findes ikke i rundens spørgeskema/)).toBeTruthy();
    expect(screen.queryByText(/rehab\.oplevelse/)).toBeNull();
    expect(screen.queryByText("Mødeplanen er gemt.")).toBeNull();
  });

  it("an emptied minutes field, refused by the engine as the server would, asks for minutes at that field", async () => {
    renderEditor((body) => {
      const read = parseMeetingPlan(body.plan, rehab.template);
      if (read.success) return ok({ plan: read.data, source, edited: true });
      return refuse("invalid_plan", prefixIssues(["plan"], read.issues));
    });
    const pause = await item(3);
    const minutes = within(pause).getByLabelText("Minutter");
    fireEvent.change(minutes, { target: { value: "" } });
    expect(screen.getByText(/varer i alt 130 minutter/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Gem mødeplanen" }));
    expect(await within(pause).findByText("Skriv et antal minutter (et helt tal).")).toBeTruthy();
    expect(minutes.getAttribute("aria-invalid")).toBe("true");
    // The focus goes to the field in an effect after the render that marks it.
    await waitFor(() => expect(document.activeElement).toBe(minutes));
    expect(screen.queryByText("Mødeplanen er gemt.")).toBeNull();
  });
});
