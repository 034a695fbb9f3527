// The frame page's inline script (built to dist/frame/early-save.js; the server that fills the page
// puts it in, allowed by its hash in the CSP): the server-rendered first page saves its answers
// itself until the app's bundle has arrived (bootEarlySave), and leaves the app its handle.

import { readPageInvitation } from "../pass/readPageInvitation.js";
import { bootEarlySave } from "./bootEarlySave.js";
import { earlySaveAllowed, earlySaveGlobal } from "./earlySaveHandle.js";
import { prerenderIds } from "./prerenderIds.js";

const container = document.getElementById(prerenderIds.container);
let round: { round?: { id?: unknown; versionHash?: unknown } } | undefined;
try {
  round = JSON.parse(document.getElementById(prerenderIds.round)?.textContent ?? "");
} catch {
  round = undefined;
}
const roundId = round?.round?.id;
const versionHash = round?.round?.versionHash;
try {
  const invitation = readPageInvitation();
  if (
    container !== null &&
    typeof roundId === "string" &&
    typeof versionHash === "string" &&
    earlySaveAllowed(window, invitation)
  ) {
    (window as unknown as Record<string, unknown>)[earlySaveGlobal] = bootEarlySave({
      container,
      factory: indexedDB,
      roundId,
      versionHash,
      ...(invitation === undefined ? {} : { invitation }),
    });
  }
} catch {
  // No storage here (reading `indexedDB` may throw): the app carries the page's answers itself.
}
