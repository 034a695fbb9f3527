// @vitest-environment happy-dom
import { type ClusterPackage, parsePackage } from "@klynge/engine";
import { apiLimits, type ClusterPackageEntry } from "@klynge/engine/contract";
import { listPackages } from "@klynge/question-bank";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { PackagesPage } from "../admin/PackagesPage.js";
import { createApiClient } from "../api/createApiClient.js";
import { collectorStub, ok, refuse } from "./fixtures/fetchStub.js";
import { adminAccess, base, testServices } from "./fixtures/renderApp.js";

afterEach(cleanup);

const entryOf = (pkg: ClusterPackage, version: number, uploadedOn: string | null) =>
  ({
    id: pkg.id,
    version,
    title: pkg.title,
    builtIn: uploadedOn === null,
    uploadedOn,
    questions: pkg.template.questions.length,
    minutes: pkg.plan.minutes,
    package: pkg,
  }) satisfies ClusterPackageEntry;

/** A collector that reads an uploaded package with the engine, as the real one does. */
function renderPage() {
  const packages = listPackages().map((pkg) => entryOf(pkg, 1, null));
  const stub = collectorStub({
    "GET /api/packages": () => ok({ packages }),
    "POST /api/packages": (_url, body) => {
      const parsed = parsePackage(body);
      if (!parsed.success) return refuse("invalid_package", parsed.issues);
      const entry = entryOf(parsed.data, 2, "2027-03-14");
      packages.unshift(entry);
      return ok({ package: entry }, 201);
    },
  });
  const client = createApiClient({ base, fetch: stub.fetch, csrfToken: () => "csrf-kiap" });
  render(
    <PackagesPage locale="da" access={adminAccess} services={testServices()} client={client} />,
  );
  return stub;
}

function choose(file: File): void {
  fireEvent.change(screen.getByLabelText("Pakkefil (JSON)"), { target: { files: [file] } });
  fireEvent.click(screen.getByRole("button", { name: "Læg pakken op" }));
}

const jsonFile = (value: unknown, name = "attester.json") =>
  new File([JSON.stringify(value)], name, { type: "application/json" });

describe("PackagesPage", () => {
  it("lists the bank's packages as coming with the software, and uploads a new version", async () => {
    const stub = renderPage();
    const table = await screen.findByRole("table", { name: /Klyngepakker og deres versioner/ });
    const rehab = within(table).getByRole("row", {
      name: /^Samarbejde om patienter med kronisk sygdom/,
    });
    expect(
      within(rehab)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["1", "8", "150 min", "Følger med programmet"]);

    const newer = structuredClone(listPackages()[0]) as ClusterPackage;
    choose(jsonFile({ ...newer, title: { da: "Kronisk sygdom, 2. udgave" } }));
    expect(
      await screen.findByText("«Kronisk sygdom, 2. udgave» er gemt som version 2."),
    ).toBeTruthy();
    expect(await screen.findByRole("row", { name: /^Kronisk sygdom, 2. udgave 2/ })).toBeTruthy();
    expect(stub.callsOf("POST", "/api/packages")[0]?.headers["x-csrf-token"]).toBe("csrf-kiap");
  });

  it("shows the engine's reasons for a refused package in Danish", async () => {
    renderPage();
    await screen.findByRole("table");
    const broken = structuredClone(listPackages()[0]) as { plan: { items: { minutes: number }[] } };
    (broken.plan.items[0] as { minutes: number }).minutes = 0;
    choose(jsonFile(broken));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/Pakken blev ikke lagt op: Pakkefilen blev afvist\./);
    expect(alert.textContent).toMatch(/Minuttallet skal være et helt tal fra 1 til 600 \(fik 0\)/);
    expect(screen.queryByText(/er gemt som version/)).toBeNull();
  });

  it("refuses a file that is not JSON or too large before sending it, and asks for a file first", async () => {
    const stub = renderPage();
    await screen.findByRole("table");
    fireEvent.click(screen.getByRole("button", { name: "Læg pakken op" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Vælg en pakkefil først.");
    choose(new File(["ikke { json"], "pakke.json"));
    expect(await screen.findByText(/Filen er ikke en JSON-fil/)).toBeTruthy();
    choose(new File(["x".repeat(apiLimits.packageBytes + 1)], "stor.json"));
    expect(
      await screen.findByText(/Filen er for stor: en pakkefil må højst fylde 256 KB\./),
    ).toBeTruthy();
    expect(stub.callsOf("POST")).toHaveLength(0);
  });
});
