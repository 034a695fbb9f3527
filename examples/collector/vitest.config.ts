import { klyngeProject } from "../../vitest.shared.ts";

// Node: the collector against PGlite (always) and a real PostgreSQL (scripts/ensure-postgres.mjs).
export default klyngeProject("collector", "node");
