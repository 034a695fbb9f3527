import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { InvitationList } from "@klynge/engine/contract";
import {
  buildCollector,
  type CollectorConfig,
  type Database,
  demoLinkSecret,
  derivePass,
  inProcessCaller,
  openDatabase,
} from "@klynge/example-collector";
import { type IdentityProvider, startIdentityProvider } from "@klynge/example-identity-provider";
import type { FastifyInstance } from "fastify";
import { type DemoUsers, demoDomains, demoUsers } from "./demoUsers.js";
import { kiapPage, kiapPageHeaders } from "./kiapPage.js";
import { type Mailbox, startMailbox } from "./mailbox.js";
import { servePost } from "./postPage.js";
import { demoRounds, seedDemo } from "./seed.js";

export interface DemoOptions {
  /** Where the demo keeps its PostgreSQL and its staff's passwords. */
  readonly dataDir: string;
  /** An external PostgreSQL instead of the one in `dataDir` (the tests' fresh database). */
  readonly db?: Database;
  readonly host?: string;
  /** 0 (the default) picks free ports. */
  readonly ports?: {
    readonly collector?: number;
    readonly kiap?: number;
    readonly idp?: number;
    /** The demo's SMTP server. */
    readonly smtp?: number;
  };
  /** The built pages: the widget's dist (frame/ and embed.js), the meeting app's, the staff pages'. */
  readonly built: {
    readonly widget: string;
    readonly meetingApp: string;
    readonly coordinator: string;
  };
}

export interface Demo {
  readonly collector: string;
  readonly kiap: string;
  readonly idp: IdentityProvider;
  readonly app: FastifyInstance;
  readonly db: Database;
  readonly users: DemoUsers;
  /** The local SMTP server the collector's mails go to, and what it received. */
  readonly mailbox: Mailbox;
  /** The Post page, which lists the received mails (on the kiap.dk mock's server). */
  readonly post: string;
  /** What the seed did. */
  readonly seeded: string;
  /** The personal link of a GP who has not answered the follow-up yet (as their mail has it). */
  readonly invitationLink: string | undefined;
  close(): Promise<void>;
}

/** A free port on `host`, for a server whose address another must know before it listens. */
async function freePort(host: string): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, host, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * The whole demo: a local OpenID provider with the demo's staff, the collector with the built
 * pages and its database (seeded on first start), and a mock kiap.dk page that embeds the survey.
 */
export async function startDemo(options: DemoOptions): Promise<Demo> {
  const host = options.host ?? "127.0.0.1";
  const collectorPort = options.ports?.collector || (await freePort(host));
  const kiapPort = options.ports?.kiap || (await freePort(host));
  const collector = `http://${host}:${collectorPort}`;
  const kiap = `http://${host}:${kiapPort}`;
  const dataDir = options.dataDir;
  const idpPort = options.ports?.idp ?? 0;
  const users = demoUsers(dataDir);
  // A new client secret per start: the provider and the collector are started together.
  const client = { clientId: "klynge-demo", clientSecret: randomBytes(24).toString("base64url") };
  const idp = await startIdentityProvider({
    host,
    port: idpPort,
    users: Object.values(users),
    clients: [
      {
        ...client,
        redirectUris: [`${collector}/auth/callback`],
        postLogoutRedirectUris: [`${collector}/coordinator/?login=signed-out`],
      },
    ],
  });

  const mailbox = await startMailbox({ host, port: options.ports?.smtp ?? 0 });
  const config: CollectorConfig = {
    publicUrl: collector,
    oidc: { issuer: idp.issuer, ...client, allowedEmailDomains: demoDomains },
    // Staff are signed out when the demo restarts: the secret is new each time.
    sessionSecret: randomBytes(32).toString("base64url"),
    sessionHours: 8,
    embedders: [kiap],
    adminEmails: [users.admin.email],
    trustProxy: false,
    retentionCheckMinutes: 60,
    // The same on every start, so the seeded invitations' links stay the members' own.
    linkSecret: demoLinkSecret,
    mail: { smtpUrl: mailbox.url, from: "KiAP Klynge (demo) <klynge@kiap.example>" },
  };
  const db =
    options.db ??
    (await openDatabase({
      databaseUrl: process.env.DATABASE_URL,
      dataDir: join(dataDir, "postgres"),
    }));
  const app = await buildCollector({
    db,
    config,
    home: "/coordinator/",
    sites: [
      { prefix: "/frame/", root: join(options.built.widget, "frame"), kind: "frame" },
      { prefix: "/app/", root: options.built.meetingApp, kind: "page" },
      { prefix: "/coordinator/", root: options.built.coordinator, kind: "page" },
    ],
    files: [
      {
        path: "/embed.js",
        file: join(options.built.widget, "embed.js"),
        type: "text/javascript; charset=utf-8",
      },
    ],
  });
  const seeded = await seedDemo(app, db, users, kiap, config.linkSecret);
  const invitationLink = await pendingLink(app, db, users, collector, config.linkSecret);
  await app.listen({ host, port: collectorPort });

  const page = kiapPage({ collector, round: demoRounds.followUp });
  const kiapServer: Server = createServer((request, response) => {
    if (servePost(mailbox, request, response)) return;
    if (request.url === "/" || request.url?.startsWith("/?")) {
      response.writeHead(200, kiapPageHeaders(collector));
      response.end(page);
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("Ikke fundet");
    }
  });
  await new Promise<void>((resolve) => kiapServer.listen(kiapPort, host, resolve));

  return {
    collector,
    kiap,
    idp,
    app,
    db,
    users,
    mailbox,
    post: `${kiap}/post/`,
    seeded,
    invitationLink,
    async close() {
      await new Promise<void>((resolve) => kiapServer.close(() => resolve()));
      await app.close();
      if (options.db === undefined) await db.close();
      await idp.close();
      await mailbox.close();
    },
  };
}

/** A follow-up invitation not used yet: its link, made as the mail to the member makes it. */
async function pendingLink(
  app: FastifyInstance,
  db: Database,
  users: DemoUsers,
  collector: string,
  linkSecret: string,
): Promise<string | undefined> {
  const coordinator = await inProcessCaller(app, db, users.coordinator.email);
  const reply = await coordinator.request({
    method: "GET",
    url: `/api/rounds/${demoRounds.followUp}/invitations`,
  });
  const list = reply.json() as InvitationList;
  const pending = list.invitations.find((invitation) => !invitation.used);
  if (pending === undefined) return undefined;
  const token = derivePass(linkSecret, "invitation", pending.id);
  return `${collector}/frame/?round=${encodeURIComponent(demoRounds.followUp)}#invitation=${token}`;
}
