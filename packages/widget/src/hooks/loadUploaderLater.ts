import type { Uploader } from "../sync/uploader.js";

/** `loadUploader` in the frame's build: the uploader in a chunk of its own, loaded when asked. */
export function loadUploader(): Promise<typeof Uploader> {
  return import("../sync/uploader.js").then((m) => m.Uploader);
}
