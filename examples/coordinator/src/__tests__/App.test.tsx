// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CoordinatorApp } from "../App.js";
import { collectorStub, roundsReply } from "./fixtures/fetchStub.js";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.location.hash = "";
});

describe("CoordinatorApp", () => {
  it("switches page by the hash, language by the button, and text size by the checkbox", async () => {
    const stub = collectorStub({ "GET /api/rounds": () => roundsReply([]) });
    vi.stubGlobal("fetch", stub.fetch);
    render(<CoordinatorApp api={new URL("https://klynge.example/api/")} />);

    expect(screen.getByRole("heading", { level: 2, name: "Ny runde" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Ny runde" }).getAttribute("aria-current")).toBe(
      "page",
    );

    await act(async () => {
      window.location.hash = "#/resultater";
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    });
    // The results page is a lazy chunk (recharts): its first import can take seconds on a busy CI.
    expect(
      await screen.findByRole("heading", { level: 2, name: "Resultater" }, { timeout: 15_000 }),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Switch to English" }));
    expect(screen.getByRole("heading", { level: 2, name: "Results" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("en");

    const large = screen.getByRole("checkbox", { name: "Large text" });
    fireEvent.click(large);
    expect(document.querySelector(".coordinator--large")).not.toBeNull();
  }, 30_000);
});
