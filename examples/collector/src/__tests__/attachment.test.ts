import { describe, expect, it } from "vitest";
import { attachment } from "../attachment.js";

describe("attachment", () => {
  it("gives the name as written in filename* and in ASCII in filename", () => {
    expect(attachment("Svar – Øst (Åbenrå) 'før'.xlsx")).toBe(
      "attachment; filename=\"Svar - Oest (Aabenraa) 'foer'.xlsx\"; " +
        "filename*=UTF-8''Svar%20%E2%80%93%20%C3%98st%20%28%C3%85benr%C3%A5%29%20%27f%C3%B8r%27.xlsx",
    );
    expect(attachment("Café.xlsx")).toBe(
      "attachment; filename=\"Cafe.xlsx\"; filename*=UTF-8''Caf%C3%A9.xlsx",
    );
  });
});
