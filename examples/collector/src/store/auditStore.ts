import type { AuditAction, AuditEntry } from "@klynge/engine/contract";
import type { Database } from "../database.js";

export interface AuditEvent {
  /** A staff member, someone who tried to sign in (no id), or the retention job. */
  readonly actor:
    | { readonly id: string | null; readonly name: string; readonly email: string }
    | "system";
  readonly action: AuditAction;
  readonly clusterId?: string | undefined;
  readonly target?: string | undefined;
  readonly outcome: "ok" | "refused";
}

const pageSize = 100;

/** The append-only audit trail (the table refuses updates and deletes by trigger). */
export function createAuditStore(db: Database) {
  return {
    async record(event: AuditEvent): Promise<void> {
      const actor =
        event.actor === "system" ? "system" : `${event.actor.name} <${event.actor.email}>`;
      await db.query(
        `insert into audit_log (actor_id, actor, action, cluster_id, target, outcome)
         values ($1, $2, $3, $4, $5, $6)`,
        [
          event.actor === "system" ? null : event.actor.id,
          actor,
          event.action,
          event.clusterId ?? null,
          event.target ?? null,
          event.outcome,
        ],
      );
    },

    /** Newest first, a page at a time. */
    async list(before?: string): Promise<{ entries: AuditEntry[]; next: string | null }> {
      const rows = await db.query<{
        id: string;
        at: Date;
        actor: string;
        action: AuditAction;
        cluster_id: string | null;
        target: string | null;
        outcome: "ok" | "refused";
      }>(
        `select id::text as id, at, actor, action, cluster_id, target, outcome from audit_log
         where ($1::bigint is null or audit_log.id < $1::bigint) order by audit_log.id desc limit ${pageSize + 1}`,
        [before ?? null],
      );
      const entries = rows.slice(0, pageSize).map((row) => ({
        id: Number(row.id),
        at: new Date(row.at).toISOString(),
        actor: row.actor,
        action: row.action,
        cluster: row.cluster_id,
        target: row.target,
        outcome: row.outcome,
      }));
      return {
        entries,
        next: rows.length > pageSize ? String(entries.at(-1)?.id ?? "") : null,
      };
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
