import { klyngeProject } from "../../vitest.shared.ts";

// Node: the test packs the packages, installs the tarballs with npm outside the workspace and
// runs node and tsc there (see README.md).
export default klyngeProject("npm-consumer", "node");
