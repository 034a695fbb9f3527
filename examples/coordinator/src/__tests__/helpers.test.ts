import { parseRound } from "@klynge/engine";
import { roundBelongsTo } from "@klynge/engine/contract";
import { templateVersion } from "@klynge/question-bank";
import { matrixRowsReport } from "@klynge/test-support/responses";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../deck/buildDeck.js";
import { chunk } from "../deck/chunk.js";
import { linksFor } from "../linksFor.js";
import { suggestRoundId } from "../suggestRoundId.js";
import { parseRoute, routeHash } from "../useHashRoute.js";
import { generatedAt } from "./fixtures/report.js";

describe("suggestRoundId", () => {
  const versionHash = templateVersion("rehab").hash;
  const accepted = (id: string) =>
    parseRound({ id, label: "Baseline", cluster: "Klynge", versionHash }).success;

  it("gives the cluster's id, a dot and the month: an id the engine accepts and the collector's prefix rule keeps", () => {
    const id = suggestRoundId("klynge-syd", new Date(2027, 2, 15));
    expect(id).toBe("klynge-syd.2027-03");
    expect(accepted(id)).toBe(true);
    expect(roundBelongsTo(id, "klynge-syd")).toBe(true);
  });

  it("counts on past ids the cluster has already used that month", () => {
    const taken = ["klynge-syd.2027-03", "klynge-syd.2027-03-2"];
    expect(suggestRoundId("klynge-syd", new Date(2027, 2, 1), taken)).toBe("klynge-syd.2027-03-3");
    expect(suggestRoundId("klynge-syd", new Date(2027, 9, 1), taken)).toBe("klynge-syd.2027-10");
  });
});

describe("routes", () => {
  it("reads and writes each page's address", () => {
    const route = parseRoute("#/resultater?rounds=a.1,b-2");
    expect(route).toEqual({ page: "results", rounds: ["a.1", "b-2"] });
    expect(routeHash(route)).toBe("#/resultater?rounds=a.1,b-2");
    expect(parseRoute("")).toEqual({ page: "home" });
    expect(parseRoute("#/ukendt")).toEqual({ page: "home" });
    expect(parseRoute("#/resultater")).toEqual({ page: "results", rounds: [] });
    expect(parseRoute("#/ny-runde?version=abc")).toEqual({ page: "new-round", version: "abc" });
    expect(parseRoute("#/tilpas")).toEqual({ page: "edit" });
    for (const page of [
      "versions",
      "rounds",
      "clusters",
      "staff",
      "origins",
      "packages",
      "audit",
    ] as const) {
      expect(parseRoute(routeHash({ page }))).toEqual({ page });
    }
  });
});

describe("chunk", () => {
  it("splits by item count and by characters, keeping order, no item left alone", () => {
    expect(chunk(["a", "b", "c", "d", "e", "f", "g"], { items: 3, chars: 100 })).toEqual([
      ["a", "b", "c"],
      ["d", "e"],
      ["f", "g"],
    ]);
    // "e" alone would be one bullet: the slide before takes it in (one over the item limit).
    expect(chunk(["a", "b", "c", "d", "e"], { items: 2, chars: 100 })).toEqual([
      ["a", "b"],
      ["c", "d", "e"],
    ]);
    expect(chunk(["x".repeat(60), "y".repeat(60), "z"], { items: 8, chars: 100 })).toEqual([
      ["x".repeat(60), "y".repeat(60), "z"],
    ]);
    // Too long to share a slide: alone (the deck shows it without a bullet).
    expect(chunk(["x".repeat(90), "y".repeat(90)], { items: 8, chars: 100 })).toEqual([
      ["x".repeat(90)],
      ["y".repeat(90)],
    ]);
  });
});

describe("linksFor", () => {
  it("makes the links relative to the coordinator's page", () => {
    const links = linksFor("syd.2027-03", "https://k.example/koordinator/index.html#/ny-runde");
    expect(links.embedScript).toBe("https://k.example/embed.js");
    expect(links.meetingApp).toBe("https://k.example/app/?round=syd.2027-03");
    expect(links.survey).toBe("https://k.example/frame/?round=syd.2027-03");
    expect(links.results).toBe(
      "https://k.example/koordinator/index.html#/resultater?rounds=syd.2027-03",
    );
  });
});

describe("a matrix question (akut)", () => {
  const report = matrixRowsReport(templateVersion("akut"));

  it("puts the rows of a matrix side by side, two a slide, as charts", async () => {
    const pptx = buildDeck({ report, referrals: null, locale: "da", generatedAt });
    const zip = await JSZip.loadAsync(
      (await pptx.write({ outputType: "nodebuffer" })) as Uint8Array,
    );
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const charts = Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    // title + 7 questions with options (the matrix's 4 rows on 2 slides) + 4 free-text questions.
    expect(slides).toHaveLength(1 + 7 + 1 + 4);
    // Only the matrix was answered: its two rows with figures get charts; nothing else does.
    expect(charts).toHaveLength(2);
  });
});
