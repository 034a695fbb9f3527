import { applyEdits, type ClusterPackage, type MeetingPlan, type Round } from "@klynge/engine";
import { apiLimits, routes } from "@klynge/engine/contract";
import { getPackage } from "@klynge/question-bank";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseline, rehab } from "./fixtures/rounds.js";
import { type Caller, startService, type TestService } from "./fixtures/service.js";

let service: TestService;
const json = { "content-type": "application/json" };

const bankRehab = getPackage("rehab") as ClusterPackage;

beforeAll(async () => {
  service = await startService();
}, 60_000);
afterAll(() => service?.close());

const storedPackages = async () =>
  Number(
    (
      await service.database.db.query<{ n: string }>("select count(*) as n from cluster_packages")
    )[0]?.n,
  );

const upload = (payload: unknown, caller: Caller = service.admin) =>
  caller.request({
    method: "POST",
    url: "/api/packages",
    headers: json,
    payload: typeof payload === "string" ? payload : JSON.stringify(payload),
  });

const planOf = async (round: string, caller: Caller = service.coordinator) => {
  const reply = await caller.request({ method: "GET", url: `/api/rounds/${round}/plan` });
  expect(reply.statusCode, reply.body).toBe(200);
  const parsed = routes.getRoundPlan.reply.safeParse(reply.json());
  expect(parsed.success).toBe(true);
  return reply.json() as {
    plan: MeetingPlan | null;
    source: { id: string; version: number } | null;
    edited: boolean;
  };
};

const putPlan = (round: string, plan: unknown, caller: Caller = service.coordinator) =>
  caller.request({ method: "PUT", url: `/api/rounds/${round}/plan`, payload: { plan } });

const createRound = async (id: string, version = rehab) => {
  const reply = await service.coordinator.request({
    method: "POST",
    url: "/api/clusters/klynge-syd/rounds",
    payload: { round: { ...baseline, id, versionHash: version.hash } satisfies Round, version },
  });
  expect(reply.statusCode, reply.body).toBe(201);
};

/** The bank's rehab package with its first item renamed and two minutes longer. */
function newerRehab(): ClusterPackage {
  const pkg = structuredClone(bankRehab) as {
    -readonly [K in keyof ClusterPackage]: ClusterPackage[K];
  };
  const [first, ...rest] = pkg.plan.items;
  if (first === undefined) throw new Error("the bank's rehab plan is empty");
  pkg.plan = {
    ...pkg.plan,
    minutes: pkg.plan.minutes + 2,
    items: [
      { ...first, title: { da: "Velkomst og introduktion" }, minutes: first.minutes + 2 },
      ...rest,
    ],
  };
  return pkg;
}

describe("cluster packages on the service", () => {
  it("lists the bank's two packages as built-in version 1 to staff; only an admin uploads", async () => {
    for (const caller of [service.admin, service.coordinator, service.municipality]) {
      const reply = await caller.request({ method: "GET", url: "/api/packages" });
      expect(reply.statusCode).toBe(200);
      expect(routes.listPackages.reply.safeParse(reply.json()).success).toBe(true);
      const listed = reply.json().packages as { id: string; version: number; builtIn: boolean }[];
      expect(listed.filter((p) => p.builtIn).map((p) => [p.id, p.version])).toEqual([
        ["akut", 1],
        ["rehab", 1],
      ]);
    }
    expect(
      (await service.anonymous.request({ method: "GET", url: "/api/packages" })).statusCode,
    ).toBe(401);
    const byCoordinator = await upload(newerRehab(), service.coordinator);
    expect(byCoordinator.statusCode).toBe(403);
    expect(await storedPackages()).toBe(0);
  });

  it("refuses a malformed, an oversized and an invalid package file in the documented shape, storing nothing", async () => {
    const malformed = await upload("{ ikke json");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("bad_request");

    const huge = { ...newerRehab(), padding: "x".repeat(apiLimits.packageBytes) };
    const tooLarge = await upload(huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe("too_large");

    const invalid = structuredClone(newerRehab()) as { plan: { items: { minutes: number }[] } };
    (invalid.plan.items[0] as { minutes: number }).minutes = 0;
    const refused = await upload(invalid);
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error.code).toBe("invalid_package");
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        code: "invalid_minutes",
        path: ["plan", "items", 0, "minutes"],
        message: expect.objectContaining({
          da: expect.stringMatching(/Minuttallet skal være et helt tal/),
        }),
      }),
    );
    const otherFormat = await upload({ ...newerRehab(), formatVersion: 2 });
    expect(otherFormat.json().error.issues[0].code).toBe("unsupported_format_version");
    expect(await storedPackages()).toBe(0);
  });

  it("an upload is a new version; a round created before keeps its plan, a round created after follows the new one", async () => {
    await createRound("klynge-syd.foer-upload");
    const before = await planOf("klynge-syd.foer-upload");
    expect(before.source).toMatchObject({ id: "rehab", version: 1 });
    expect(before.plan?.items[0]?.title.da).toBe("Introduktion");

    const uploaded = await upload(newerRehab());
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().package).toMatchObject({ id: "rehab", version: 2, builtIn: false });
    // The same file again is that version, not a third.
    const again = await upload(newerRehab());
    expect(again.statusCode).toBe(200);
    expect(again.json().package.version).toBe(2);
    expect(await storedPackages()).toBe(1);

    await createRound("klynge-syd.efter-upload");
    const after = await planOf("klynge-syd.efter-upload");
    expect(after.source).toMatchObject({ id: "rehab", version: 2 });
    expect(after.plan?.items[0]).toMatchObject({
      title: { da: "Velkomst og introduktion" },
      minutes: 12,
    });
    expect(after.plan?.minutes).toBe(bankRehab.plan.minutes + 2);

    expect(await planOf("klynge-syd.foer-upload")).toEqual(before);
    const listed = (
      await service.coordinator.request({ method: "GET", url: "/api/packages" })
    ).json();
    expect(
      listed.packages
        .filter((p: { id: string }) => p.id === "rehab")
        .map((p: { version: number }) => p.version),
    ).toEqual([2, 1]);
    const audit = (await service.admin.request({ method: "GET", url: "/api/audit" })).json();
    expect(audit.entries).toContainEqual(
      expect.objectContaining({
        action: "package_uploaded",
        outcome: "ok",
        target: "rehab version 2",
      }),
    );
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ action: "package_uploaded", outcome: "refused" }),
    );
  });
});

describe("the round's meeting plan", () => {
  it("is read by the cluster's coordinator, municipality and KiAP's admin; another cluster's coordinator gets 404", async () => {
    const own = await planOf(baseline.id);
    expect(own.plan?.items.length).toBeGreaterThan(3);
    expect(await planOf(baseline.id, service.municipality)).toEqual(own);
    expect(await planOf(baseline.id, service.admin)).toEqual(own);
    const other = await service.otherCoordinator.request({
      method: "GET",
      url: `/api/rounds/${baseline.id}/plan`,
    });
    expect(other.statusCode).toBe(404);
    expect(
      (await service.anonymous.request({ method: "GET", url: `/api/rounds/${baseline.id}/plan` }))
        .statusCode,
    ).toBe(401);
    const written = own.plan as MeetingPlan;
    expect((await putPlan(baseline.id, written, service.municipality)).statusCode).toBe(403);
    expect((await putPlan(baseline.id, written, service.admin)).statusCode).toBe(403);
    expect((await putPlan(baseline.id, written, service.otherCoordinator)).statusCode).toBe(404);
    expect((await planOf(baseline.id)).edited).toBe(false);
  });

  it("a coordinator's whole plan is kept: order, minutes and questions read back as written, the total is their sum", async () => {
    await createRound("klynge-syd.plan-rundtur");
    const { plan } = await planOf("klynge-syd.plan-rundtur");
    if (plan === null) throw new Error("the round has no plan");
    const items = [...plan.items];
    const blocks = items.flatMap((item, i) => (item.kind === "block" ? [i] : []));
    const [a, b] = blocks as [number, number];
    [items[a], items[b]] = [items[b] as (typeof items)[number], items[a] as (typeof items)[number]];
    const first = items[a];
    if (first?.kind !== "block") throw new Error("not a block");
    items[a] = { ...first, minutes: first.minutes + 5, questions: first.questions.slice(1) };
    const edited = { ...plan, minutes: undefined, items };
    const saved = await putPlan("klynge-syd.plan-rundtur", edited);
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await planOf("klynge-syd.plan-rundtur");
    expect(read.edited).toBe(true);
    expect(read.source).toMatchObject({ id: "rehab" });
    expect(read.plan?.items).toEqual(items);
    expect(read.plan?.minutes).toBe(plan.minutes + 5);
    const report = await service.coordinator.request({
      method: "GET",
      url: "/api/report?rounds=klynge-syd.plan-rundtur",
    });
    expect(report.statusCode).toBe(200);
    expect(report.json().plan).toEqual(read.plan);
    expect(report.json().packageTitle).toEqual(bankRehab.title);
    const audit = (await service.admin.request({ method: "GET", url: "/api/audit" })).json();
    expect(audit.entries).toContainEqual(
      expect.objectContaining({ action: "plan_saved", outcome: "ok", cluster: "klynge-syd" }),
    );
  });

  it("refuses a plan that discusses a question the round's version does not have, naming where, and keeps the old plan", async () => {
    const edited = applyEdits(rehab, [{ op: "remove", questionId: "rehab.oplevelse" }], {
      label: "Uden spørgsmålet om oplevelse",
    });
    if (!edited.success) throw new Error("the edit was refused");
    await createRound("klynge-syd.uden-oplevelse", edited.data);
    const { plan } = await planOf("klynge-syd.uden-oplevelse");
    if (plan === null) throw new Error("the round has no plan");
    // The copy taken at creation leaves out the question the version removed.
    const discussed = plan.items.flatMap((item) => (item.kind === "block" ? item.questions : []));
    expect(discussed).not.toContain("rehab.oplevelse");
    expect(discussed.length).toBeGreaterThan(0);

    const blockAt = plan.items.findIndex((item) => item.kind === "block");
    const block = plan.items[blockAt];
    if (block?.kind !== "block") throw new Error("no block");
    const items = plan.items.map((item, i) =>
      i === blockAt ? { ...block, questions: [...block.questions, "rehab.oplevelse"] } : item,
    );
    const refused = await putPlan("klynge-syd.uden-oplevelse", { ...plan, items });
    expect(refused.statusCode).toBe(400);
    const { error } = refused.json();
    expect(error.code).toBe("invalid_plan");
    expect(error.issues).toEqual([
      expect.objectContaining({
        code: "plan_unknown_question",
        path: ["plan", "items", blockAt, "questions", block.questions.length],
        value: "rehab.oplevelse",
      }),
    ]);
    expect(await planOf("klynge-syd.uden-oplevelse")).toEqual({
      plan,
      source: expect.anything(),
      edited: false,
    });
    const shapeless = await putPlan("klynge-syd.uden-oplevelse", { items: "ingen" });
    expect(shapeless.statusCode).toBe(400);
    expect(shapeless.json().error.code).toBe("invalid_plan");
  });

  it("a round whose plan was never kept (from before plans) follows its bank package's plan", async () => {
    await createRound("klynge-syd.gammel");
    await service.database.db.query("delete from round_plans where round_id = $1", [
      "klynge-syd.gammel",
    ]);
    const read = await planOf("klynge-syd.gammel");
    expect(read.source).toMatchObject({ id: "rehab", version: 1 });
    expect(read.plan).toEqual(bankRehab.plan);
  });
});
