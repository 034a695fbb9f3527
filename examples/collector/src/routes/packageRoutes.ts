import { parseMeetingPlan, parsePackage, prefixIssues } from "@klynge/engine";
import { apiLimits } from "@klynge/engine/contract";
import type { FastifyInstance } from "fastify";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import type { PackageStore } from "../store/packageStore.js";

/** KiAP's cluster packages (listed for staff, uploaded by admins) and each round's meeting plan. */
export function packageRoutes(
  app: FastifyInstance,
  services: RoutingServices & { readonly packages: PackageStore },
): void {
  const { packages, rounds } = services;

  defineRoute(app, services, "listPackages", async () => ({ packages: await packages.list() }));

  defineRoute(
    app,
    services,
    "uploadPackage",
    async (request, reply) => {
      const parsed = parsePackage(request.body);
      if (!parsed.success) {
        await request.audit("refused");
        return reply.refuse("invalid_package", parsed.issues);
      }
      const { entry, added } = await packages.add(parsed.data);
      await request.audit("ok", `${entry.id} version ${entry.version}${added ? "" : " (uændret)"}`);
      return reply.code(added ? 201 : 200).send({ package: entry });
    },
    { bodyLimit: apiLimits.packageBytes },
  );

  defineRoute(app, services, "getRoundPlan", async (request, reply) => {
    const { round } = request.params as { round: string };
    const found = await rounds.getRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    return packages.planOfRound(round, found.version);
  });

  defineRoute(app, services, "putRoundPlan", async (request, reply) => {
    const { round } = request.params as { round: string };
    const found = await rounds.getRound(round);
    if (found === undefined) return reply.refuse("unknown_round");
    const plan = parseMeetingPlan(request.body.plan, found.version.questionnaire);
    if (!plan.success) {
      await request.audit("refused");
      return reply.refuse("invalid_plan", prefixIssues(["plan"], plan.issues));
    }
    const { source } = await packages.planOfRound(round, found.version);
    await packages.putRoundPlan(round, plan.data, source);
    await request.audit(
      "ok",
      `${round}: ${plan.data.items.length} punkter, ${plan.data.minutes} min`,
    );
    return packages.planOfRound(round, found.version);
  });
}
