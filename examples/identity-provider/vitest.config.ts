import { klyngeProject } from "../../vitest.shared.ts";

// Node: a real oidc-provider on a free port, driven by openid-client as the relying party.
export default klyngeProject("identity-provider", "node");
