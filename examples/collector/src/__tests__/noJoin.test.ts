import { createHash, randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import type { Response, Round } from "@klynge/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scrambleRows } from "../scramble.js";
import { createRound, passOf, put } from "./fixtures/respondents.js";
import { responseFor } from "./fixtures/rounds.js";
import { startService, type TestService, testConfig } from "./fixtures/service.js";
import { startSmtpServer, type TestSmtpServer } from "./fixtures/smtpServer.js";

// No join: a round runs (invitations mailed, answers through mailed links, an anonymous link and
// a meeting key, a reminder, the round closed and so scrambled); then every table, PostgreSQL's
// own bookkeeping of the two tables (xmin, ctid, and the raw heap pages), every log line and
// every audit entry the collector wrote are searched for anything that links a response to the
// invitation it spent. Before the scramble, the bookkeeping does link them: that is the control.

let smtp: TestSmtpServer;
let service: TestService;
let round: Round;
const logLines: string[] = [];

const members = Array.from({ length: 10 }, (_, i) => ({
  name: `Læge nummer ${i + 1}`,
  email: `laege${i + 1}@praksis.example`,
}));

/** Every credential handed out, and every response, in the order they arrived. */
const tokens: string[] = [];
const arrived: Response[] = [];
/** Per response, the transaction that stored it (read before the scramble). */
const putXids = new Set<string>();

const db = () => service.database.db;

const rowsOf = async (table: string): Promise<string[]> =>
  (await db().query<{ row: string }>(`select t::text as row from ${table} t`)).map((r) => r.row);

async function bookkeeping(table: "responses" | "invitations") {
  return db().query<{ id: string; xmin: string; place: string; used?: boolean }>(
    `select t.id::text as id, t.xmin::text as xmin, t.ctid::text as place${table === "invitations" ? ", t.used" : ""}
     from ${table} t where t.round_id = $1 order by t.ctid`,
    [round.id],
  );
}

/** Every transaction id in the table's heap pages, live or dead row versions (pageinspect). */
async function rawXids(table: string): Promise<Set<string>> {
  const [size] = await db().query<{ blocks: number }>(
    "select (pg_relation_size($1) / current_setting('block_size')::int)::int as blocks",
    [table],
  );
  const xids = new Set<string>();
  for (let block = 0; block < (size?.blocks ?? 0); block += 1) {
    const items = await db().query<{ t_xmin: string | null; t_xmax: string | null }>(
      "select t_xmin::text, t_xmax::text from heap_page_items(get_raw_page($1, $2))",
      [table, block],
    );
    for (const item of items) {
      if (item.t_xmin !== null) xids.add(item.t_xmin);
      if (item.t_xmax !== null && item.t_xmax !== "0") xids.add(item.t_xmax);
    }
  }
  return xids;
}

/** The words of a text (ids, hashes, tokens, names: runs of letters, digits, `-` and `_`). */
const wordsOf = (text: string): Set<string> =>
  new Set(text.split(/[^\p{L}\p{N}_-]+/u).filter((word) => word.length >= 6));

beforeAll(async () => {
  smtp = await startSmtpServer();
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => logLines.push(...chunk.toString("utf8").split("\n")));
  service = await startService({
    config: { ...testConfig, mail: { smtpUrl: smtp.url, from: "klynge@kiap.example" } },
    logger: { stream },
  });
  await db().query("create extension if not exists pageinspect");
  round = await createRound(service, "klynge-syd.ingen-kobling", 12);
  const coordinator = service.coordinator;
  await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { members },
  });
  const anonymous = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations`,
    payload: { anonymous: 2 },
  });
  const mailed = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations/mail`,
    payload: { kind: "invitation", subject: "Spørgeskema", text: "Kære {navn}: {link}" },
  });
  expect(mailed.json().sent).toBe(10);
  const byAddress = new Map(
    smtp.mails.map((mail) => [mail.to[0], passOf(/http\S+/.exec(mail.text)?.[0] ?? "")]),
  );
  for (const member of members) tokens.push(byAddress.get(member.email) ?? "");
  for (const invitation of anonymous.json().invitations) {
    if (invitation.link !== undefined) tokens.push(passOf(invitation.link));
  }
  const key = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/meeting-keys`,
    payload: { hours: 2 },
  });
  const meetingKey = passOf(key.json().key.link);
  tokens.push(meetingKey);

  // Eight members answer from their mails, one through an anonymous link, two at the meeting.
  const answer = async (pass: { invitation?: string; key?: string }, choice: string) => {
    const response = { ...responseFor(0, choice, round), id: randomUUID() };
    const reply = await put(service.anonymous, response, pass);
    expect(reply.statusCode).toBe(201);
    arrived.push(response);
  };
  const choices = ["i-hoej-grad", "i-nogen-grad", "i-mindre-grad", "slet-ikke"];
  for (let i = 0; i < 8; i += 1)
    await answer({ invitation: tokens[i] ?? "" }, choices[i % 4] ?? "");
  await answer({ invitation: tokens[10] ?? "" }, "i-hoej-grad");
  await answer({ key: meetingKey }, "i-nogen-grad");
  await answer({ key: meetingKey }, "slet-ikke");
  const reminded = await coordinator.request({
    method: "POST",
    url: `/api/rounds/${round.id}/invitations/mail`,
    payload: { kind: "reminder", subject: "Påmindelse", text: "Kære {navn}: {link}" },
  });
  expect(reminded.json()).toMatchObject({ sent: 2 });
}, 60_000);
afterAll(async () => {
  await service?.close();
  await smtp?.close();
});

describe("nothing links a response to the invitation it spent", () => {
  it("the control: before the scramble, PostgreSQL's bookkeeping links them (each used invitation's xmin is its response's; the heap is in arrival order)", async () => {
    const responses = await bookkeeping("responses");
    const invitations = await bookkeeping("invitations");
    for (const row of responses) putXids.add(row.xmin);
    expect(putXids.size).toBe(arrived.length);
    const used = invitations.filter((row) => row.used);
    expect(used).toHaveLength(9);
    for (const invitation of used) expect(putXids.has(invitation.xmin)).toBe(true);
    expect(responses.map((row) => row.id)).toEqual(arrived.map((response) => response.id));
    // The raw heap pages hold each spending transaction (the used row version's xmin).
    const raw = await rawXids("invitations");
    expect(used.every((invitation) => raw.has(invitation.xmin))).toBe(true);
  });

  it("closing the round scrambles it: one xmin for all its responses, one for its invitations, a random physical order, no old row version left in the heap", async () => {
    const closed = await service.coordinator.request({
      method: "POST",
      url: `/api/rounds/${round.id}/close`,
    });
    expect(closed.statusCode).toBe(200);
    const xminsOf = async (table: "responses" | "invitations") =>
      new Set((await bookkeeping(table)).map((row) => row.xmin));
    await expect.poll(async () => (await xminsOf("responses")).size, { timeout: 10_000 }).toBe(1);
    // The scramble is over when the close's run returns; a second finds nothing to do.
    await expect.poll(() => scrambleRows(db()), { timeout: 10_000 }).toEqual([]);
    const responses = await bookkeeping("responses");
    const invitations = await bookkeeping("invitations");
    expect(new Set(responses.map((row) => row.xmin)).size).toBe(1);
    expect(new Set(invitations.map((row) => row.xmin)).size).toBe(1);
    expect(responses[0]?.xmin).toBe(invitations[0]?.xmin);
    expect(putXids.has(responses[0]?.xmin ?? "")).toBe(false);
    expect(responses.map((row) => row.id)).not.toEqual(arrived.map((response) => response.id));
    expect(responses).toHaveLength(arrived.length);
    for (const table of ["responses", "invitations"]) {
      const raw = await rawXids(table);
      expect(
        [...putXids].filter((xid) => raw.has(xid)),
        table,
      ).toEqual([]);
    }
  });

  it("no table holds a token, a token's hash or an invitation id beside a response, nor a response id anywhere but its own row; responses and invitations hold no time finer than the day", async () => {
    const tables = (
      await db().query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
      )
    ).map((t) => t.table_name);
    expect(tables).toEqual(
      expect.arrayContaining(["responses", "invitations", "meeting_keys", "audit_log", "rounds"]),
    );
    const dump = new Map<string, string[]>();
    for (const table of tables) dump.set(table, await rowsOf(table));
    const responses = dump.get("responses") ?? [];
    const invitations = dump.get("invitations") ?? [];
    expect(responses).toHaveLength(arrived.length);
    expect(invitations).toHaveLength(12);

    const invitationIds = (
      await db().query<{ id: string }>("select id::text as id from invitations")
    ).map((r) => r.id);
    const hashes = (
      await db().query<{ h: string }>(
        "select token_hash as h from invitations union all select key_hash from meeting_keys",
      )
    ).map((r) => r.h);
    const sha = (token: string) => createHash("sha256").update(token).digest("hex");
    expect(tokens.map(sha).every((hash) => hashes.includes(hash))).toBe(true);
    const responseIds = arrived.map((response) => response.id);

    const responseText = responses.join("\n");
    for (const secret of [...tokens, ...hashes, ...invitationIds]) {
      expect(responseText).not.toContain(secret);
    }
    for (const [table, rows] of dump) {
      const text = rows.join("\n");
      for (const token of tokens) expect(text, table).not.toContain(token);
      if (table === "responses") continue;
      for (const id of responseIds) expect(text, table).not.toContain(id);
    }
    // No word (id, hash, name, code) of any response row is in any invitation row, but the round's.
    const roundWords = wordsOf(round.id);
    for (const response of responses) {
      const words = wordsOf(response);
      for (const invitation of invitations) {
        const shared = [...wordsOf(invitation)].filter((w) => words.has(w) && !roundWords.has(w));
        expect(shared).toEqual([]);
      }
    }
    // Days only: every instant in a response is midnight UTC; an invitation has no time at all.
    for (const row of responses) {
      expect(row.replaceAll("T00:00:00.000Z", "")).not.toMatch(/\d{1,2}:\d{2}/);
    }
    for (const row of invitations) expect(row).not.toMatch(/\d{1,2}:\d{2}/);
    const timeColumns = await db().query<{ table_name: string; column_name: string }>(
      `select table_name, column_name from information_schema.columns
       where table_name in ('responses', 'invitations') and (data_type like 'timestamp%' or data_type like 'time %')`,
    );
    expect(timeColumns).toEqual([]);
  });

  it("no log line or audit entry names a response, a token, a token's hash or an invitation", async () => {
    const log = logLines.join("\n");
    expect(log).toContain('"method":"PUT"');
    expect(log).toContain("/responses/:response");
    const audit = (await rowsOf("audit_log")).join("\n");
    expect(audit).toContain("invitations_mailed");
    const invitationIds = (
      await db().query<{ id: string }>("select id::text as id from invitations")
    ).map((r) => r.id);
    const hashes = (await db().query<{ h: string }>("select token_hash as h from invitations")).map(
      (r) => r.h,
    );
    for (const value of [
      ...arrived.map((response) => response.id),
      ...tokens,
      ...hashes,
      ...invitationIds,
    ]) {
      expect(log).not.toContain(value);
      expect(audit).not.toContain(value);
    }
  });
});
