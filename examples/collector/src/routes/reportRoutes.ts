import type { FastifyInstance } from "fastify";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";
import type { ReportMaker } from "../reports.js";

/** The report of a cluster's rounds, with the cluster's k: no caller chooses another. */
export function reportRoutes(
  app: FastifyInstance,
  services: RoutingServices & { readonly reports: ReportMaker },
): void {
  defineRoute(app, services, "report", async (request, reply) => {
    const { rounds, clusterId } = request.access;
    const made = await services.reports.bundle(rounds, clusterId as string);
    if ("issues" in made) {
      await request.audit("refused");
      return reply.refuse("invalid_report_request", made.issues);
    }
    await request.audit("ok", rounds.map((round) => round.id).join(", "));
    reply.header("cache-control", "no-store");
    return made.bundle;
  });
}
