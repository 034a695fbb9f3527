import { apiErrors } from "@klynge/engine/contract";
import { describe, expect, it } from "vitest";
import { loadUploader } from "../../hooks/loadUploaderLater.js";
import { contractText as libraryText } from "../../locales/contractText.js";
import { contractText } from "../../locales/contractTextLater.js";
import { Uploader } from "../../sync/uploader.js";

// The frame's build puts contractTextLater.ts in contractText.ts's place (vite.frame.config.ts):
// the contract's sentences come with the uploader's chunk. In this order, in one module state.
describe("contractText in the frame's build", () => {
  it("says no contract sentence before the sentences are loaded (the catalogue's general one stands)", () => {
    expect(contractText("invitation_spent", "da")).toBeUndefined();
  });

  it("has every sentence, as the library's lookup says it, once the uploader is loaded", async () => {
    expect(await loadUploader()).toBe(Uploader);
    const codes = Object.keys(apiErrors);
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) {
      for (const locale of ["da", "en"] as const) {
        expect(contractText(code, locale)).toBe(libraryText(code, locale));
        expect(contractText(code, locale)).not.toBe(undefined);
      }
    }
    expect(contractText("no_such_code", "da")).toBeUndefined();
    expect(contractText("toString", "da")).toBeUndefined();
    expect(contractText(undefined, "en")).toBeUndefined();
  });
});
