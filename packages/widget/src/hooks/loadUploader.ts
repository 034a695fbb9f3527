import { Uploader } from "../sync/uploader.js";

/**
 * The Uploader class, for `useUploader`. The frame's build puts `loadUploaderLater.ts` in its
 * place (vite.frame.config.ts), so the answer page loads the uploader after the first question;
 * an app that bundles the widget gets it with the rest, without a chunk and loader of its own.
 */
export function loadUploader(): Promise<typeof Uploader> {
  return Promise.resolve(Uploader);
}
