import { klyngeProject } from "../../vitest.shared.ts";

// Node by default (the deck builder); component tests opt into happy-dom per file.
export default klyngeProject("coordinator", "node");
