// @vitest-environment happy-dom
import { applyEdits, createVersion } from "@klynge/engine";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { VersionsPage } from "../rounds/VersionsPage.js";
import type { Access } from "../session/access.js";
import { packageEntry, rehabVersion, versionEntry } from "./fixtures/fakeCollector.js";
import { clientFor, contactAccess, coordinatorAccess, testServices } from "./fixtures/renderApp.js";
import { coordinatorSession, klyngeSyd } from "./fixtures/sessions.js";
import { medicinPackage } from "./fixtures/uploadedPackage.js";

afterEach(cleanup);

function setup(access: Access, withTemplate = true) {
  const adapted = applyEdits(
    rehabVersion,
    [{ op: "remove", questionId: rehabVersion.questionnaire.questions[7]?.id ?? "" }],
    { label: "Klynge Syd, tilpasset marts 2027" },
  );
  if (!adapted.success) throw new Error("the edit should apply");
  const collector = clientFor(coordinatorSession);
  collector.state.versions["klynge-syd"] = [
    { entry: { ...versionEntry(adapted.data), publishedOn: "2027-03-01" }, version: adapted.data },
    ...(withTemplate
      ? [{ entry: versionEntry(rehabVersion, "Alma Admin"), version: rehabVersion }]
      : []),
  ];
  render(
    <VersionsPage
      client={collector.client}
      locale="da"
      cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
      access={access}
      services={testServices()}
    />,
  );
  return adapted.data;
}

const facts = (article: HTMLElement) =>
  Object.fromEntries(
    within(article)
      .getAllByRole("term")
      .map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
  );

describe("VersionsPage", () => {
  it("lists the cluster's versions with their date, publisher, template, base and questions", async () => {
    setup(contactAccess);
    const heading = await screen.findByRole("heading", {
      level: 3,
      name: "Klynge Syd, tilpasset marts 2027",
    });
    expect(facts(heading.closest("article") as HTMLElement)).toEqual({
      Udgivet: "1. marts 2027",
      "Udgivet af": "Karen Koordinator",
      Skabelon: "Forebyggelses- og rehabiliteringstilbud, version 1.0.0",
      "Bygger på": rehabVersion.label,
      Spørgsmål: "7",
    });
    const template = screen.getByRole("heading", { level: 3, name: rehabVersion.label });
    expect(facts(template.closest("article") as HTMLElement)["Bygger på"]).toBe(
      "Skabelonen, uændret",
    );
    // A municipality contact reads; nothing to start from here.
    expect(screen.queryAllByRole("link")).toHaveLength(0);
  });

  it("names the bank template of a version edited from it, even when the template was never published in the cluster", async () => {
    setup(contactAccess, false);
    const heading = await screen.findByRole("heading", {
      level: 3,
      name: "Klynge Syd, tilpasset marts 2027",
    });
    expect(facts(heading.closest("article") as HTMLElement)).toMatchObject({
      Skabelon: "Forebyggelses- og rehabiliteringstilbud, version 1.0.0",
      "Bygger på": rehabVersion.label,
    });
  });

  it("lets a coordinator open 'Ny runde' or the editor on a version", async () => {
    const adapted = setup(coordinatorAccess);
    const heading = await screen.findByRole("heading", {
      level: 3,
      name: "Klynge Syd, tilpasset marts 2027",
    });
    const article = heading.closest("article") as HTMLElement;
    expect(
      within(article)
        .getByRole("link", { name: /^Ny runde på denne version/ })
        .getAttribute("href"),
    ).toBe(`#/ny-runde?version=${adapted.hash}`);
    expect(
      within(article)
        .getByRole("link", { name: /^Tilpas videre/ })
        .getAttribute("href"),
    ).toBe(`#/tilpas?version=${adapted.hash}`);
  });

  it("names an uploaded package by its title and version number, as 'Klyngepakker' does", async () => {
    const sealed = createVersion(medicinPackage.template, {
      label: "KiAP skabelon: Medicin version 1",
      lineage: { base: null, edits: [], template: { id: "medicin", semver: "1.0.0" } },
    });
    if (!sealed.success) throw new Error("the package's questionnaire does not read");
    const adapted = applyEdits(sealed.data, [{ op: "remove", questionId: "medicin.ideer" }], {
      label: "Medicin, Klynge Syd",
    });
    if (!adapted.success) throw new Error("the edit should apply");
    const collector = clientFor(coordinatorSession);
    collector.state.packages.push(packageEntry(medicinPackage, 1, "2027-04-20"));
    collector.state.versions["klynge-syd"] = [
      { entry: versionEntry(adapted.data), version: adapted.data },
    ];
    render(
      <VersionsPage
        client={collector.client}
        locale="da"
        cluster={{ id: klyngeSyd.id, name: klyngeSyd.name }}
        access={contactAccess}
        services={testServices()}
      />,
    );
    const heading = await screen.findByRole("heading", { level: 3, name: "Medicin, Klynge Syd" });
    await within(heading.closest("article") as HTMLElement).findByText(
      "Medicin (FMK og dosisdispensering), version 1",
    );
    expect(facts(heading.closest("article") as HTMLElement)["Bygger på"]).toBe(
      "KiAP skabelon: Medicin (FMK og dosisdispensering) version 1",
    );
  });
});
