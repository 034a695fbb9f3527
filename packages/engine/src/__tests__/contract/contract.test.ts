import { validQuestionnaire } from "@klynge/test-support/questionnaires";
import { describe, expect, it } from "vitest";
import {
  apiErrors,
  errorBody,
  errorBodySchema,
  isOrigin,
  parseRoundDocument,
  respondentRoutes,
  roundBelongsTo,
  routePath,
  routes,
} from "../../contract/index.js";
import { createVersion } from "../../versions/questionnaireVersion.js";

describe("@klynge/engine/contract", () => {
  it("knows an origin as browsers write it", () => {
    for (const good of [
      "https://kiap.dk",
      "http://127.0.0.1:5173",
      "http://localhost:8080",
      "https://[::1]:8443",
    ]) {
      expect(isOrigin(good), good).toBe(true);
    }
    for (const bad of [
      "https://kiap.dk/",
      "https://KIAP.dk",
      "https://kiap.dk:443",
      "http://kiap.dk:80",
      "https://kiap.dk/path",
      "ftp://kiap.dk",
      "https://kiap.dk:99999",
      "https://kiap.dk:0080",
      "javascript:alert(1)",
      "",
    ]) {
      expect(isOrigin(bad), bad).toBe(false);
    }
  });

  it("fills a route's path, each parameter encoded, and says which one is missing", () => {
    expect(routePath(routes.putResponse.path, { round: "a.b", response: "x/y" })).toBe(
      "/api/rounds/a.b/responses/x%2Fy",
    );
    expect(() => routePath(routes.putResponse.path, { round: "a" })).toThrow(/"response"/);
  });

  it("has the respondent's routes in the one table, the same definitions", () => {
    const names = Object.keys(respondentRoutes) as (keyof typeof respondentRoutes)[];
    expect(names).toEqual(["roundDocument", "putResponse", "passStatus"]);
    for (const name of names) expect(routes[name], name).toBe(respondentRoutes[name]);
  });

  it("has one error body per code, with the table's status and both languages", () => {
    for (const code of Object.keys(apiErrors) as (keyof typeof apiErrors)[]) {
      const { status, body } = errorBody(code);
      expect(status).toBe(apiErrors[code].status);
      expect(errorBodySchema.safeParse(body).success).toBe(true);
      expect(body.error.message.da).not.toBe(body.error.message.en);
    }
  });

  it("reads a round document with the engine: a tampered version, another round, a foreign origin", () => {
    const created = createVersion(validQuestionnaire, { label: "v" });
    if (!created.success) throw new Error("fixture");
    const version = created.data;
    const round = {
      id: "klynge-syd.2027-03",
      label: "Baseline",
      cluster: "Klynge Syd",
      versionHash: version.hash,
    };
    const document = { round, version, embed: { shareAnswersWith: ["https://kiap.dk"] } };
    const read = parseRoundDocument(document, round.id);
    expect(read.success && read.data.shareAnswersWith).toEqual(["https://kiap.dk"]);
    expect(parseRoundDocument(document, "klynge-syd.other").success).toBe(false);
    const tampered = structuredClone(document);
    (tampered.version.questionnaire as { title: { da: string } }).title.da = "Ændret";
    const refused = parseRoundDocument(tampered, round.id);
    expect(!refused.success && refused.issues[0]?.path[0]).toBe("version");
    // An origin list that is not one shares with no one.
    const odd = parseRoundDocument(
      { ...document, embed: { shareAnswersWith: ["kiap.dk"] } },
      round.id,
    );
    expect(odd.success && odd.data.shareAnswersWith).toEqual([]);
    // The cluster's k when the collector says it; one below the minimum is left out.
    expect(read.success && "k" in read.data).toBe(false);
    const withK = parseRoundDocument({ ...document, k: 7 }, round.id);
    expect(withK.success && withK.data.k).toBe(7);
    const lowK = parseRoundDocument({ ...document, k: 2 }, round.id);
    expect(lowK.success && "k" in lowK.data).toBe(false);
  });

  it("a round belongs to the cluster whose id and a dot begin its id", () => {
    expect(roundBelongsTo("klynge-syd.2027-03", "klynge-syd")).toBe(true);
    expect(roundBelongsTo("klynge-sydvest.2027-03", "klynge-syd")).toBe(false);
    expect(roundBelongsTo("klynge-syd.", "klynge-syd")).toBe(false);
  });
});
