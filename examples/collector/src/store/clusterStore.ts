import { randomUUID } from "node:crypto";
import { defaultK } from "@klynge/engine";
import {
  type Cluster,
  type ClusterInput,
  type ClusterMember,
  type ClusterPatch,
  type MemberRole,
  type Membership,
  retentionLimits,
  type Staff,
  type StaffInput,
} from "@klynge/engine/contract";
import type { Database } from "../database.js";

interface ClusterRow {
  id: string;
  name: string;
  municipalities: string[];
  k: number;
  retention_months: number;
}

const fromRow = (row: ClusterRow): Cluster => ({
  id: row.id,
  name: row.name,
  municipalities: row.municipalities,
  k: row.k,
  retentionMonths: row.retention_months,
});

/** Clusters (tenants), staff, who is what in which cluster, and the admins' list of origins. */
export function createClusterStore(db: Database) {
  return {
    async createCluster(input: ClusterInput): Promise<Cluster | undefined> {
      const [row] = await db.query<ClusterRow>(
        `insert into clusters (id, name, municipalities, k, retention_months)
         values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning *`,
        [
          input.id,
          input.name,
          JSON.stringify(input.municipalities ?? []),
          input.k ?? defaultK,
          input.retentionMonths ?? retentionLimits.default,
        ],
      );
      return row === undefined ? undefined : fromRow(row);
    },

    async updateCluster(id: string, patch: ClusterPatch): Promise<Cluster | undefined> {
      const [row] = await db.query<ClusterRow>(
        `update clusters set name = coalesce($2, name),
           municipalities = coalesce($3, municipalities),
           k = coalesce($4, k), retention_months = coalesce($5, retention_months)
         where id = $1 returning *`,
        [
          id,
          patch.name ?? null,
          patch.municipalities === undefined ? null : JSON.stringify(patch.municipalities),
          patch.k ?? null,
          patch.retentionMonths ?? null,
        ],
      );
      return row === undefined ? undefined : fromRow(row);
    },

    async getCluster(id: string): Promise<Cluster | undefined> {
      const [row] = await db.query<ClusterRow>("select * from clusters where id = $1", [id]);
      return row === undefined ? undefined : fromRow(row);
    },

    async listClusters(ids?: readonly string[]): Promise<Cluster[]> {
      const rows =
        ids === undefined
          ? await db.query<ClusterRow>("select * from clusters order by name, id")
          : await db.query<ClusterRow>(
              "select * from clusters where id = any($1) order by name, id",
              [ids],
            );
      return rows.map(fromRow);
    },

    async members(clusterId: string): Promise<ClusterMember[]> {
      const rows = await db.query<Staff & { role: MemberRole }>(
        `select s.id, s.email, s.name, s.admin, m.role from cluster_members m
         join staff s on s.id = m.staff_id where m.cluster_id = $1 order by m.role, s.name, s.email`,
        [clusterId],
      );
      return rows.map(({ role, ...staff }) => ({ staff, role }));
    },

    async setMember(clusterId: string, staffId: string, role: MemberRole): Promise<boolean> {
      const rows = await db.query(
        `insert into cluster_members (cluster_id, staff_id, role)
         select $1, $2, $3 where exists (select 1 from staff where id = $2)
         on conflict (cluster_id, staff_id) do update set role = excluded.role returning staff_id`,
        [clusterId, staffId, role],
      );
      return rows.length > 0;
    },

    async removeMember(clusterId: string, staffId: string): Promise<boolean> {
      const rows = await db.query(
        "delete from cluster_members where cluster_id = $1 and staff_id = $2 returning staff_id",
        [clusterId, staffId],
      );
      return rows.length > 0;
    },

    async memberships(staffId: string): Promise<Membership[]> {
      const rows = await db.query<{ id: string; name: string; role: MemberRole }>(
        `select c.id, c.name, m.role from cluster_members m join clusters c on c.id = m.cluster_id
         where m.staff_id = $1 order by c.name, c.id`,
        [staffId],
      );
      return rows.map((row) => ({ cluster: { id: row.id, name: row.name }, role: row.role }));
    },

    async listStaff(): Promise<Staff[]> {
      return db.query<Staff>("select id, email, name, admin from staff order by name, email");
    },

    async staffById(id: string): Promise<Staff | undefined> {
      const [row] = await db.query<Staff>(
        "select id, email, name, admin from staff where id = $1",
        [id],
      );
      return row;
    },

    /** Adds a staff member by e-mail, or changes the name (and admin flag, when given) of one. */
    async saveStaff(input: StaffInput): Promise<Staff> {
      const [row] = await db.query<Staff>(
        `insert into staff (id, email, name, admin) values ($1, $2, $3, coalesce($4, false))
         on conflict (email) do update set name = excluded.name, admin = coalesce($4, staff.admin)
         returning id, email, name, admin`,
        [randomUUID(), input.email, input.name, input.admin ?? null],
      );
      return row as Staff;
    },

    /**
     * The staff member signing in with this e-mail, with the identity provider's subject bound
     * at the first sign-in; undefined when the e-mail is not staff or belongs to another subject.
     */
    async staffForSignIn(email: string, subject: string, name: string): Promise<Staff | undefined> {
      const [row] = await db.query<Staff>(
        `update staff set subject = coalesce(subject, $2),
           name = case when name = email then $3 else name end
         where email = $1 and (subject is null or subject = $2)
         returning id, email, name, admin`,
        [email, subject, name],
      );
      return row;
    },

    /** A configured admin: registered (named by the e-mail until the first sign-in) and made admin. */
    async bootstrapAdmin(email: string): Promise<void> {
      await db.query(
        `insert into staff (id, email, name, admin) values ($1, $2, $2, true)
         on conflict (email) do update set admin = true`,
        [randomUUID(), email],
      );
    },

    async allowedOrigins(): Promise<string[]> {
      const rows = await db.query<{ origin: string }>(
        "select origin from allowed_origins order by origin",
      );
      return rows.map((row) => row.origin);
    },

    async setAllowedOrigins(origins: readonly string[]): Promise<void> {
      await db.transaction(async (query) => {
        await query("delete from allowed_origins");
        for (const origin of origins) {
          await query("insert into allowed_origins (origin) values ($1)", [origin]);
        }
      });
    },
  };
}

export type ClusterStore = ReturnType<typeof createClusterStore>;
