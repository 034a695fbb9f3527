import { klyngeProject } from "../../vitest.shared.ts";

export default klyngeProject("question-bank");
