import type { FastifyInstance } from "fastify";
import { defineRoute, type RoutingServices } from "../plugins/routing.js";

/** KiAP's admin: clusters and their policies, staff and their roles, approved origins, the audit. */
export function adminRoutes(app: FastifyInstance, services: RoutingServices): void {
  const { clusters, audit } = services;

  defineRoute(app, services, "listClusters", async (request) => {
    const { staff } = request.access;
    const signedIn = await request.signedIn();
    if (staff?.admin) return { clusters: await clusters.listClusters() };
    const ids = (signedIn?.memberships ?? []).map((m) => m.cluster.id);
    return { clusters: await clusters.listClusters(ids) };
  });

  defineRoute(app, services, "createCluster", async (request, reply) => {
    const cluster = await clusters.createCluster(request.body);
    if (cluster === undefined) {
      await request.audit("refused", request.body.id);
      return reply.refuse("cluster_conflict");
    }
    await request.audit("ok", cluster.id);
    return reply.code(201).send({ cluster });
  });

  defineRoute(app, services, "getCluster", async (request, reply) => {
    const id = request.access.clusterId as string;
    const cluster = await clusters.getCluster(id);
    if (cluster === undefined) return reply.refuse("not_found");
    const seesMembers =
      request.access.roles.has("admin") || request.access.roles.has("coordinator");
    return { cluster, members: seesMembers ? await clusters.members(id) : [] };
  });

  defineRoute(app, services, "updateCluster", async (request, reply) => {
    const id = request.access.clusterId as string;
    const current = await clusters.getCluster(id);
    const { k } = request.body;
    if (k !== undefined && k !== current?.k && (await services.rounds.hasArchived(id))) {
      await request.audit("refused", `k ${current?.k} → ${k}`);
      return reply.refuse("k_locked");
    }
    const cluster = await clusters.updateCluster(id, request.body);
    if (cluster === undefined) return reply.refuse("not_found");
    await request.audit("ok");
    return { cluster };
  });

  defineRoute(app, services, "setMember", async (request, reply) => {
    const id = request.access.clusterId as string;
    const { staff } = request.params as { staff: string };
    if (!(await clusters.setMember(id, staff, request.body.role))) {
      await request.audit("refused");
      return reply.refuse("not_found");
    }
    await request.audit("ok", `${staff}: ${request.body.role}`);
    const cluster = await clusters.getCluster(id);
    return { cluster, members: await clusters.members(id) };
  });

  defineRoute(app, services, "removeMember", async (request) => {
    const id = request.access.clusterId as string;
    const { staff } = request.params as { staff: string };
    await clusters.removeMember(id, staff);
    await request.audit("ok");
    const cluster = await clusters.getCluster(id);
    return { cluster, members: await clusters.members(id) };
  });

  defineRoute(app, services, "listStaff", async () => ({ staff: await clusters.listStaff() }));

  defineRoute(app, services, "saveStaff", async (request) => {
    const staff = await clusters.saveStaff(request.body);
    await request.audit("ok", `${staff.email}${staff.admin ? " (admin)" : ""}`);
    return { staff };
  });

  defineRoute(app, services, "getAllowedOrigins", async () => ({
    origins: await clusters.allowedOrigins(),
  }));

  defineRoute(app, services, "setAllowedOrigins", async (request) => {
    await clusters.setAllowedOrigins(request.body.origins);
    await request.audit("ok", request.body.origins.join(" "));
    return { origins: await clusters.allowedOrigins() };
  });

  defineRoute(app, services, "listAudit", async (request) =>
    audit.list((request.query as { before?: string }).before),
  );
}
