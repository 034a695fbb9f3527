import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoRounds, seedDemo } from "../demo/seed.js";
import { buildCollector } from "../server.js";
import { freshPostgres } from "./fixtures/databases.js";

describe("the demo's seed", () => {
  const opened = { close: async () => undefined as unknown };
  let app: Awaited<ReturnType<typeof buildCollector>>;

  beforeAll(async () => {
    const database = await freshPostgres();
    opened.close = async () => {
      await app.close();
      await database.drop();
    };
    app = await buildCollector({ db: database.db });
  }, 60_000);
  afterAll(() => opened.close());

  it("stores a baseline and an edited follow-up through the API, once", async () => {
    expect(await seedDemo(app)).toBe("seeded 2 rounds, 58 responses and a referral file");
    expect(await seedDemo(app)).toBe("kept the 2 rounds already stored");
    const reply = await app.inject(
      `/api/report?rounds=${demoRounds.baseline},${demoRounds.followUp}`,
    );
    const { report, referrals } = reply.json();
    expect(report.rounds.map((r: { respondents: unknown }) => r.respondents)).toEqual([
      { status: "shown", value: 31 },
      { status: "shown", value: 27 },
    ]);
    expect(report.rounds.every((r: { rejected: unknown[] }) => r.rejected.length === 0)).toBe(true);
    const [comparison] = report.comparisons;
    expect(comparison.added).toEqual(["vejle.sundhedscenter"]);
    expect(comparison.removed).toEqual(["rehab.oplysninger"]);
    expect(referrals.offers).toHaveLength(3);
    expect(referrals.pseudonyms).toHaveLength(5);
  });
});
