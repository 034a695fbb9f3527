import {
  applyEdits,
  createVersion,
  type MeetingPlan,
  parsePackage,
  type QuestionnaireVersion,
  type Response,
  type Round,
} from "@klynge/engine";
import { routes } from "@klynge/engine/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attesterPackage } from "./fixtures/attesterPackage.js";
import { baseline, uuidOf } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService } from "./fixtures/service.js";

let service: TestService;

beforeAll(async () => {
  service = await startService();
}, 60_000);
afterAll(() => service?.close());

interface Listed {
  id: string;
  version: number;
  package: unknown;
}

/** The newest version of `id` that `GET /api/packages` lists, sealed as the coordinator seals it. */
async function offered(id: string): Promise<{ entry: Listed; version: QuestionnaireVersion }> {
  const reply = await service.coordinator.request({ method: "GET", url: "/api/packages" });
  expect(reply.statusCode).toBe(200);
  const entry = (reply.json().packages as Listed[]).find((p) => p.id === id);
  if (entry === undefined) throw new Error(`${id} is not listed`);
  const pkg = parsePackage(entry.package);
  if (!pkg.success) throw new Error(`${id} does not read as a package`);
  const version = createVersion(pkg.data.template, {
    label: `KiAP skabelon: ${pkg.data.title.da} version ${entry.version}`,
    lineage: { base: null, edits: [], template: { id, semver: `${entry.version}.0.0` } },
  });
  if (!version.success) throw new Error(`${id}'s template is not a questionnaire`);
  return { entry, version: version.data };
}

async function createRound(id: string, version: QuestionnaireVersion): Promise<Round> {
  const round: Round = { ...baseline, id, label: id, versionHash: version.hash, invited: 50 };
  const reply = await service.coordinator.request({
    method: "POST",
    url: "/api/clusters/klynge-syd/rounds",
    payload: { round, version },
  });
  expect(reply.statusCode, reply.body).toBe(201);
  const opened = await service.coordinator.request({
    method: "PUT",
    url: `/api/rounds/${id}/open-link`,
    payload: { open: true },
  });
  expect(opened.statusCode, opened.body).toBe(200);
  return round;
}

const planOf = async (round: string) => {
  const reply = await service.coordinator.request({
    method: "GET",
    url: `/api/rounds/${round}/plan`,
  });
  expect(reply.statusCode, reply.body).toBe(200);
  expect(routes.getRoundPlan.reply.safeParse(reply.json()).success).toBe(true);
  return reply.json() as { plan: MeetingPlan; source: { id: string; version: number } };
};

/** What the widget loads for the round: its version, from the collector. */
const versionOfRound = async (round: string, caller: Caller = service.anonymous) => {
  const reply = await caller.request({ method: "GET", url: `/api/rounds/${round}` });
  expect(reply.statusCode).toBe(200);
  return reply.json().version as QuestionnaireVersion;
};

const questionIds = (version: QuestionnaireVersion) =>
  version.questionnaire.questions.map((q) => q.id);
const blockQuestions = (plan: MeetingPlan) =>
  plan.items.flatMap((item) => (item.kind === "block" ? item.questions : []));

function answer(round: Round, n: number): Response {
  return {
    schemaVersion: 1,
    id: uuidOf(n),
    roundId: round.id,
    versionHash: round.versionHash,
    channel: "embed",
    startedAt: "2027-03-04T09:00:00.000Z",
    submittedAt: "2027-03-04T09:04:00.000Z",
    answers: {
      "attester.omfang": { choice: "godt" },
      "attester.forslag": { text: "Færre blanketter, og de samme for alle kommuner." },
    },
  };
}

const put = (response: Response) =>
  service.anonymous.request({
    method: "PUT",
    url: `/api/rounds/${response.roundId}/responses/${response.id}`,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(response),
  });

const upload = (edition: 1 | 2) =>
  service.admin.request({
    method: "POST",
    url: "/api/packages",
    payload: attesterPackage(edition),
  });

describe("a package uploaded by KiAP, not in the bank", () => {
  it("takes rounds, answers and a report; a new version reaches new rounds only", async () => {
    const first = await upload(1);
    expect(first.statusCode, first.body).toBe(201);
    const v1 = await offered("attester");
    // A package new to the service starts at version 1 (a bank package's first upload is 2).
    expect(v1.entry.version).toBe(1);
    expect(questionIds(v1.version)).toEqual([
      "attester.omfang",
      "attester.blanketter",
      "attester.forslag",
    ]);

    const round = await createRound("klynge-syd.attester-1", v1.version);
    const plan = await planOf(round.id);
    expect(plan.source).toEqual({
      id: "attester",
      version: v1.entry.version,
      title: { da: "Attester" },
    });
    expect(plan.plan.items.map((item) => item.title.da)).toEqual([
      "Velkommen",
      "Attester i praksis",
      "Opsamling",
    ]);
    expect(blockQuestions(plan.plan)).toEqual(questionIds(v1.version));

    expect((await versionOfRound(round.id)).hash).toBe(v1.version.hash);
    const accepted = await put(answer(round, 1));
    expect(accepted.statusCode, accepted.body).toBeLessThan(300);
    const report = await service.coordinator.request({
      method: "GET",
      url: `/api/report?rounds=${round.id}`,
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().report.questions.map((q: { id: string }) => q.id)).toEqual(
      questionIds(v1.version),
    );
    // The answer is counted (on version 1), none is rejected.
    expect(report.json().report.rounds[0].versions).toEqual([v1.version.hash]);
    expect(report.json().report.rounds[0].rejected).toEqual([]);
    expect(report.json().packageTitle).toEqual({ da: "Attester" });

    // Customised like a bank template: the round keeps the package's plan, fitted to its questions.
    const edited = applyEdits(v1.version, [{ op: "remove", questionId: "attester.blanketter" }], {
      label: "Attester, Klynge Syd",
    });
    if (!edited.success) throw new Error("the edit was refused");
    const custom = await createRound("klynge-syd.attester-tilpasset", edited.data);
    const customPlan = await planOf(custom.id);
    expect(customPlan.source).toMatchObject({ id: "attester", version: v1.entry.version });
    expect(blockQuestions(customPlan.plan)).toEqual(["attester.omfang", "attester.forslag"]);

    const second = await upload(2);
    expect(second.statusCode, second.body).toBe(201);
    const v2 = await offered("attester");
    expect(v2.entry.version).toBe(v1.entry.version + 1);
    expect(questionIds(v2.version)).toContain("attester.frister");

    // The old round keeps version 1's questionnaire and plan, and still takes answers on it.
    expect((await versionOfRound(round.id)).hash).toBe(v1.version.hash);
    expect(await planOf(round.id)).toEqual(plan);
    expect((await put(answer(round, 2))).statusCode).toBeLessThan(300);

    const newer = await createRound("klynge-syd.attester-2", v2.version);
    expect((await versionOfRound(newer.id)).hash).toBe(v2.version.hash);
    const newerPlan = await planOf(newer.id);
    expect(newerPlan.source).toMatchObject({ id: "attester", version: v2.entry.version });
    expect(blockQuestions(newerPlan.plan)).toEqual(questionIds(v2.version));
    expect(newerPlan.plan.minutes).toBe(60);

    // A round made on version 1's questionnaire after the upload (a page left open) gets the
    // plan written for that questionnaire, not one for questions it does not have.
    const late = await createRound("klynge-syd.attester-sen", v1.version);
    expect((await planOf(late.id)).source).toMatchObject({ version: v1.entry.version });
  });

  it("refuses an answer to a question the round's version does not have", async () => {
    const { version } = await offered("attester");
    const round = await createRound("klynge-syd.attester-fremmed", version);
    const foreign = { ...answer(round, 3), answers: { "rehab.kendskab": { choice: "godt" } } };
    const refused = await put(foreign);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues).toContainEqual(
      expect.objectContaining({ path: ["answers", "rehab.kendskab"] }),
    );
  });
});
