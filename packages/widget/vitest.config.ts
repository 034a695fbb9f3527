import { klyngeProject } from "../../vitest.shared.ts";

// happy-dom: the widget is a browser package; the shared helper adds the "@klynge/source"
// condition so tests run the workspace packages from src/.
export default klyngeProject("widget", "happy-dom");
