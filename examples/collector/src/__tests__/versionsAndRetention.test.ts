import {
  applyEdits,
  createVersion,
  parseQuestionnaireVersion,
  type Question,
  type QuestionnaireVersion,
  type Round,
} from "@klynge/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReportMaker } from "../reports.js";
import { applyRetention } from "../retention.js";
import { createAuditStore } from "../store/auditStore.js";
import { createClusterStore } from "../store/clusterStore.js";
import { createInvitationStore } from "../store/invitationStore.js";
import { createPackageStore } from "../store/packageStore.js";
import { createResponseStore } from "../store/responseStore.js";
import { createRoundStore } from "../store/roundStore.js";
import { createSessionStore } from "../store/sessionStore.js";
import { baseline, rehab, responseFor, uuidOf } from "./fixtures/rounds.js";
import { startService, type TestService } from "./fixtures/service.js";

let service: TestService;
const json = { "content-type": "application/json" };

const edited = applyEdits(rehab, [{ op: "remove", questionId: "rehab.oplysninger" }], {
  label: "Klynge Syd + Vejle Kommune, oktober 2027",
});
if (!edited.success) throw new Error("the edited version was refused");
const followUp: Round = {
  ...baseline,
  id: "klynge-syd.2027-10",
  label: "Opfølgning, oktober 2027",
  versionHash: edited.data.hash,
};

beforeAll(async () => {
  service = await startService();
}, 60_000);
afterAll(() => service?.close());

async function answer(round: Round, from: number, count: number, choice: (n: number) => string) {
  for (let n = from; n < from + count; n += 1) {
    const body = { ...responseFor(n, choice(n), round), versionHash: round.versionHash };
    const put = await service.anonymous.request({
      method: "PUT",
      url: `/api/rounds/${round.id}/responses/${uuidOf(n)}`,
      headers: json,
      payload: JSON.stringify(body),
    });
    expect(put.statusCode).toBe(201);
  }
}

describe("questionnaire versions live on the server, per cluster", () => {
  it("a published version is listed for the cluster's coordinators and municipality, with who and when, and read back re-hashable", async () => {
    const published = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/versions",
      payload: { version: edited.data },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().version).toMatchObject({
      hash: edited.data.hash,
      label: "Klynge Syd + Vejle Kommune, oktober 2027",
      base: rehab.hash,
      publishedBy: "Anne Koordinator",
    });
    const again = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/versions",
      payload: { version: edited.data },
    });
    expect(again.statusCode).toBe(200);
    const listed = await service.municipality.request({
      method: "GET",
      url: "/api/clusters/klynge-syd/versions",
    });
    // The baseline round's version came in with the round.
    expect(
      listed
        .json()
        .versions.map((v: { hash: string }) => v.hash)
        .sort(),
    ).toEqual([rehab.hash, edited.data.hash].sort());
    const read = await service.municipality.request({
      method: "GET",
      url: `/api/clusters/klynge-syd/versions/${edited.data.hash}`,
    });
    expect(parseQuestionnaireVersion(read.json().version).success).toBe(true);
    const elsewhere = await service.otherCoordinator.request({
      method: "GET",
      url: `/api/clusters/klynge-nord/versions/${edited.data.hash}`,
    });
    expect(elsewhere.statusCode).toBe(404);
    const tampered = structuredClone(edited.data) as { label: string; hash: string };
    tampered.hash = "0".repeat(64);
    const refused = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/versions",
      payload: { version: tampered },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe("invalid_version");
  });

  it("a version whose own question breaks the authoring rules (a scale worst first, no name) is refused on publish and with a new round, and nothing is stored", async () => {
    // Made past applyEdits (which would refuse it), as a hand-made client could send it.
    const local: Question = {
      id: "lokal.tilfreds",
      type: "rating",
      text: { da: "Hvor tilfreds er du med samarbejdet?" },
      required: false,
      options: [
        { code: "utilfreds", label: { da: "Utilfreds" }, ordinal: 1 },
        { code: "tilfreds", label: { da: "Tilfreds" }, ordinal: 2 },
      ],
    };
    const made = createVersion(
      { ...rehab.questionnaire, questions: [...rehab.questionnaire.questions, local] },
      { label: " ", lineage: { base: rehab.hash, edits: [{ op: "add", question: local }] } },
    );
    if (!made.success) throw new Error("the hand-made version did not parse");
    const turned: QuestionnaireVersion = made.data;
    const published = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/versions",
      payload: { version: turned },
    });
    expect(published.statusCode).toBe(400);
    expect(published.json().error.code).toBe("invalid_version");
    expect(
      published
        .json()
        .error.issues.map((i: { code: string; path: unknown[] }) => [i.code, i.path.join(".")]),
    ).toEqual([
      ["blank_label", "version.label"],
      ["scale_order", "version.lineage.edits.0.question.options.1.ordinal"],
    ]);
    const round = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/rounds",
      payload: {
        round: { ...baseline, id: "klynge-syd.omvendt", versionHash: turned.hash },
        version: turned,
      },
    });
    expect(round.statusCode).toBe(400);
    expect(round.json().error.code).toBe("invalid_round");
    expect(round.json().error.issues[0].path.slice(0, 2)).toEqual(["version", "label"]);
    const listed = await service.coordinator.request({
      method: "GET",
      url: "/api/clusters/klynge-syd/versions",
    });
    expect(listed.json().versions.map((v: { hash: string }) => v.hash)).not.toContain(turned.hash);
  });
});

describe("retention: raw answers deleted, the report kept", () => {
  const reportOf = async (rounds: string) => {
    const reply = await service.municipality.request({
      method: "GET",
      url: `/api/report?rounds=${rounds}`,
    });
    expect(reply.statusCode).toBe(200);
    const { report } = reply.json();
    return report;
  };

  it("after the cluster's months have passed since a round closed, its answers go, its report and the comparison stay the same", async () => {
    const created = await service.coordinator.request({
      method: "POST",
      url: "/api/clusters/klynge-syd/rounds",
      payload: { round: followUp, version: edited.data },
    });
    expect(created.statusCode).toBe(201);
    const opened = await service.coordinator.request({
      method: "PUT",
      url: `/api/rounds/${followUp.id}/open-link`,
      payload: { open: true },
    });
    expect(opened.statusCode).toBe(200);
    await answer(baseline, 1, 12, (n) => (n % 3 === 0 ? "i-hoej-grad" : "i-nogen-grad"));
    await answer(followUp, 100, 9, (n) => (n % 2 === 0 ? "i-hoej-grad" : "i-mindre-grad"));
    const both = `${baseline.id},${followUp.id}`;
    const before = await reportOf(both);
    const baselineAlone = await reportOf(baseline.id);

    const closed = await service.coordinator.request({
      method: "POST",
      url: `/api/rounds/${baseline.id}/close`,
    });
    expect(closed.json().round.closedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const db = service.database.db;
    const rounds = createRoundStore(db);
    const options = {
      db,
      rounds,
      reports: createReportMaker({
        rounds,
        responses: createResponseStore(db),
        clusters: createClusterStore(db),
        invitations: createInvitationStore(db),
        packages: createPackageStore(db),
      }),
      audit: createAuditStore(db),
      sessions: createSessionStore(db),
    };
    // Closed today: within the cluster's 12 months, nothing is deleted.
    expect(await applyRetention(options)).toEqual([]);
    await db.query(
      "update rounds set closed_on = current_date - interval '13 months' where id = $1",
      [baseline.id],
    );
    expect(await applyRetention(options)).toEqual([baseline.id]);

    const left = await db.query<{ n: string }>(
      "select count(*) as n from responses where round_id = $1",
      [baseline.id],
    );
    expect(Number(left[0]?.n)).toBe(0);
    expect(await reportOf(both)).toEqual(before);
    expect(await reportOf(baseline.id)).toEqual(baselineAlone);
    const [line] = await db.query<{ actor: string; target: string }>(
      "select actor, target from audit_log where action = 'responses_deleted' order by id desc limit 1",
    );
    expect(line?.actor).toBe("system");
    expect(line?.target).toMatch(/^klynge-syd\.2027-03: 12 svar slettet/);

    // The round takes no more answers, and gives none out.
    const late = await service.anonymous.request({
      method: "PUT",
      url: `/api/rounds/${baseline.id}/responses/${uuidOf(50)}`,
      headers: json,
      payload: JSON.stringify(responseFor(50)),
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe("responses_deleted");
    const csv = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${baseline.id}/responses.csv`,
    });
    expect(csv.statusCode).toBe(410);
    const xlsx = await service.coordinator.request({
      method: "GET",
      url: `/api/rounds/${baseline.id}/responses.xlsx`,
    });
    expect(xlsx.statusCode).toBe(410);
    expect(xlsx.json().error.code).toBe("responses_deleted");
    const listed = await service.coordinator.request({
      method: "GET",
      url: "/api/clusters/klynge-syd/rounds",
    });
    const entry = listed
      .json()
      .rounds.find((r: { round: { id: string } }) => r.round.id === baseline.id);
    expect(entry.responses).toBe(0);
    expect(entry.rawDeletedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("a coordinator may delete a round's answers at once; the municipality may not; the report stays", async () => {
    const before = await reportOf(followUp.id);
    const refused = await service.municipality.request({
      method: "DELETE",
      url: `/api/rounds/${followUp.id}/responses`,
    });
    expect(refused.statusCode).toBe(403);
    const deleted = await service.coordinator.request({
      method: "DELETE",
      url: `/api/rounds/${followUp.id}/responses`,
    });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().deleted).toBe(9);
    expect(await reportOf(followUp.id)).toEqual(before);
    const trail = await service.database.db.query<{ actor: string; outcome: string }>(
      "select actor, outcome from audit_log where action = 'responses_deleted' and target like $1 order by id",
      [`${followUp.id}%`],
    );
    // The municipality's attempt is in the trail too.
    expect(trail.map((t) => t.outcome)).toEqual(["refused", "ok"]);
    expect(trail[0]?.actor).toMatch(/Bo Kommune/);
    expect(trail[1]?.actor).toMatch(/Anne Koordinator/);
  });

  it("k is locked once a round's answers are deleted: its kept report was made with that k", async () => {
    const change = await service.admin.request({
      method: "PATCH",
      url: "/api/clusters/klynge-syd",
      payload: { k: 7 },
    });
    expect(change.statusCode).toBe(409);
    expect(change.json().error.code).toBe("k_locked");
    const same = await service.admin.request({
      method: "PATCH",
      url: "/api/clusters/klynge-syd",
      payload: { k: 5, name: "Klynge Syd" },
    });
    expect(same.statusCode).toBe(200);
    expect((await reportOf(baseline.id)).k).toBe(5);
  });

  it("the audit trail refuses to be changed", async () => {
    await expect(service.database.db.query("delete from audit_log")).rejects.toThrow(/append-only/);
    await expect(service.database.db.query("update audit_log set outcome = 'ok'")).rejects.toThrow(
      /append-only/,
    );
  });
});
