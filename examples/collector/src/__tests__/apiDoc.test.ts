import { readFileSync, writeFileSync } from "node:fs";
import { apiErrors, type RouteName, routes } from "@klynge/engine/contract";
import { describe, expect, it } from "vitest";
import { type AccessRule, accessTable } from "../access.js";

// API.md is made from the contract and the authorization table, so it cannot drift from them.
// After changing either: UPDATE_API_DOC=1 pnpm exec vitest run --project collector apiDoc

const file = new URL("../../API.md", import.meta.url);

const scopes: Record<AccessRule["scope"], string> = {
  public: "anyone",
  global: "signed in",
  cluster: "the cluster in the path",
  round: "the round's cluster",
  reportRounds: "the rounds' cluster",
};

function who(rule: AccessRule): string {
  if (rule.scope === "public") return "anyone (no account)";
  const roles = rule.allow.map((role) => (role === "staff" ? "any staff" : role)).join(", ");
  return `${roles} — ${scopes[rule.scope]}`;
}

function body(name: RouteName): string {
  const definition = routes[name];
  if (!("body" in definition)) return "";
  return definition.body === "csv" ? "`text/csv`" : "JSON";
}

function reply(name: RouteName): string {
  const value = routes[name].reply;
  if (value === "csv") return "`text/csv`";
  if (value === "xlsx") return "Excel workbook (`.xlsx`)";
  return value === "redirect" ? "303 redirect" : "JSON";
}

function renderApiDoc(): string {
  const rows = (Object.keys(routes) as RouteName[]).map((name) => {
    const rule: AccessRule = accessTable[name];
    const audit = rule.audit === undefined ? "" : `\`${rule.audit}\``;
    return `| \`${name}\` | ${routes[name].method} | \`${routes[name].path}\` | ${body(name)} | ${reply(name)} | ${who(rule)} | ${audit} |`;
  });
  const errors = Object.entries(apiErrors).map(
    ([code, { status, da, en }]) => `| \`${code}\` | ${status} | ${da} | ${en} |`,
  );
  return `# Collector API

Made from the contract (\`@klynge/engine/contract\`: \`routes\`, \`apiErrors\`, the schemas) and
the collector's authorization table (\`src/access.ts\`) by \`src/__tests__/apiDoc.test.ts\`; do
not edit by hand. The schemas of every body and reply are in the contract, which the collector,
the widget, the staff pages and the meeting app all use.

Signed-in staff send the \`x-csrf-token\` of \`GET /api/session\` with every POST, PUT, PATCH and
DELETE. Who may call a route: the roles listed, in the cluster the request is about; a signed-in
caller with no role there gets 404 (as if it did not exist), a role not listed 403, no session 401.
Audited routes write their action to the audit trail, allowed or refused.

| route | method | path | body | 2xx | who | audit |
| ----- | ------ | ---- | ---- | --- | --- | ----- |
${rows.join("\n")}

## Errors

Every refusal is \`{ "error": { "code", "message": { "da", "en" }, "issues"? } }\` (\`issues\`: the
engine's issues, e.g. why a response does not fit its questionnaire). Each issue is
\`{ "code", "path", "message": { "da", "en" }, "expected"?, "received"?, "limit"?, "value"? }\`:
its data (switch on \`code\`), and \`message\`, the sentence without the path, which \`path\`
gives (\`["answers", "rehab.kendskab"]\`).

| code | status | da | en |
| ---- | ------ | -- | -- |
${errors.join("\n")}
`;
}

describe("API.md", () => {
  it("is the contract and the authorization table, as they are now", () => {
    const rendered = renderApiDoc();
    if (process.env.UPDATE_API_DOC === "1") writeFileSync(file, rendered);
    expect(readFileSync(file, "utf8")).toBe(rendered);
  });
});
