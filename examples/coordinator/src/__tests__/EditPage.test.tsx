// @vitest-environment happy-dom

import { createVersion } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { polyfillSurveyJs } from "@klynge/test-support/happyDom";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EditPage } from "../EditPage.js";
import { packageEntry } from "./fixtures/fakeCollector.js";
import { refuse } from "./fixtures/fetchStub.js";
import {
  clientFor,
  coordinatorAccess,
  memoryDraftStore,
  testServices,
} from "./fixtures/renderApp.js";
import { coordinatorSession, klyngeSyd } from "./fixtures/sessions.js";
import { medicinPackage } from "./fixtures/uploadedPackage.js";

// SurveyJS asks for these; happy-dom lacks them.
beforeAll(polyfillSurveyJs);

afterEach(cleanup);

const rehab = templateVersion("rehab");
const oplysninger = "Hvor får du oplysninger om kommunens tilbud?";

function setup(handlers = {}) {
  const collector = clientFor(coordinatorSession, handlers);
  const draftStorage = memoryDraftStore();
  const onPublished = vi.fn();
  render(
    <EditPage
      client={collector.client}
      locale="da"
      cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
      access={coordinatorAccess}
      services={testServices({ draftStorage })}
      onPublished={onPublished}
    />,
  );
  return { ...collector, draftStorage, onPublished };
}

async function adapt(): Promise<void> {
  fireEvent.click(await screen.findByRole("button", { name: `Fjern: ${oplysninger}` }));
  fireEvent.change(screen.getByLabelText("Versionens navn"), {
    target: { value: "Klynge Syd + Vejle Kommune, marts 2027" },
  });
}

describe("EditPage", () => {
  it("publishes the edited version to the cluster with the CSRF token, then hands on the server's entry", async () => {
    const { stub, onPublished } = setup();
    await adapt();
    fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));

    await vi.waitFor(() => expect(onPublished).toHaveBeenCalledTimes(1));
    const [post] = stub.callsOf("POST");
    expect(post?.url).toBe("https://klynge.example/api/clusters/klynge-syd/versions");
    expect(post?.headers["x-csrf-token"]).toBe("csrf-karen");
    if (post === undefined) throw new Error("nothing was published");
    const { version: sent } = post.body as {
      version: {
        hash: string;
        label: string;
        questionnaire: { questions: { text: { da: string } }[] };
      };
    };
    expect(sent.label).toBe("Klynge Syd + Vejle Kommune, marts 2027");
    expect(sent.hash).not.toBe(rehab.hash);
    expect(sent.questionnaire.questions.map((q) => q.text.da)).not.toContain(oplysninger);
    expect(sent.questionnaire.questions).toHaveLength(rehab.questionnaire.questions.length - 1);
    expect(onPublished.mock.calls[0]?.[0]).toMatchObject({
      hash: sent.hash,
      label: "Klynge Syd + Vejle Kommune, marts 2027",
      questions: 7,
    });
  });

  it("keeps the draft and shows the server's reason when publishing is refused", async () => {
    const { draftStorage, onPublished } = setup({
      "POST /api/clusters/klynge-syd/versions": () => refuse("invalid_version"),
    });
    await adapt();
    fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Versionen blev ikke udgivet: Spørgeskemaet blev afvist.");
    expect(await screen.findByText("Versionen kunne ikke udgives. Prøv igen.")).toBeTruthy();
    expect(onPublished).not.toHaveBeenCalled();
    await vi.waitFor(() =>
      expect([...draftStorage.drafts.values()][0]?.edits).toEqual([
        { op: "remove", questionId: expect.any(String) },
      ]),
    );
    expect([...draftStorage.drafts.keys()]).toEqual([`coordinator:klynge-syd:${rehab.hash}`]);
  });

  it("starts from one of the cluster's versions and compares with an earlier round's", async () => {
    const { stub } = setup();
    const start = (await screen.findByLabelText("Tag udgangspunkt i")) as HTMLSelectElement;
    const published = await within(start).findByRole("option", {
      name: `Udgivet version: ${rehab.label}`,
    });
    fireEvent.change(start, { target: { value: (published as HTMLOptionElement).value } });
    await vi.waitFor(() =>
      expect(stub.callsOf("GET", `/api/clusters/klynge-syd/versions/${rehab.hash}`)).toHaveLength(
        1,
      ),
    );
    const previous = screen.getByLabelText("Sammenlign med en tidligere runde (valgfri)");
    expect(
      within(previous)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Ingen", "Baseline, marts 2027", "Opfølgning, oktober 2027"]);
    expect(await screen.findByRole("button", { name: "Udgiv" })).toBeTruthy();
  });

  it("starts from a package KiAP uploaded, offered by its title, and publishes it adapted", async () => {
    const collector = clientFor(coordinatorSession);
    collector.state.packages.push(packageEntry(medicinPackage, 1, "2027-04-20"));
    const onPublished = vi.fn();
    render(
      <EditPage
        client={collector.client}
        locale="da"
        cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
        access={coordinatorAccess}
        services={testServices({ draftStorage: memoryDraftStore() })}
        onPublished={onPublished}
      />,
    );
    const start = screen.getByLabelText("Tag udgangspunkt i") as HTMLSelectElement;
    const option = await within(start).findByRole("option", {
      name: "Skabelon: Medicin (FMK og dosisdispensering)",
    });
    fireEvent.change(start, { target: { value: (option as HTMLOptionElement).value } });
    fireEvent.click(await screen.findByRole("button", { name: "Fjern: Hvad kan vi gøre bedre?" }));
    fireEvent.change(screen.getByLabelText("Versionens navn"), {
      target: { value: "Medicin, Klynge Syd" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));
    await vi.waitFor(() => expect(onPublished).toHaveBeenCalledTimes(1));
    const [post] = collector.stub.callsOf("POST");
    if (post === undefined) throw new Error("nothing was published");
    const { version: sent } = post.body as {
      version: { questionnaire: { questions: { id: string }[] }; lineage: { base: string } };
    };
    expect(sent.questionnaire.questions.map((q) => q.id)).toEqual(["medicin.fmk", "medicin.dosis"]);
    // Edited from the package's questionnaire: the collector finds the package (and its plan) by it.
    const fromPackage = createVersion(medicinPackage.template, { label: "x" });
    if (!fromPackage.success) throw new Error("the package's questionnaire does not read");
    expect(sent.lineage.base).toBe(fromPackage.data.hash);
  });
});
