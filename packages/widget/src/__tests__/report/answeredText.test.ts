import { describe, expect, it } from "vitest";
import { answeredText } from "../../report/answeredText.js";
import { reportMessages } from "../../report/reportMessages.js";

const da = reportMessages.da;

describe("answeredText", () => {
  it("says fewer than k only when that is why the number is withheld", () => {
    expect(answeredText({ status: "suppressed", reason: "few_respondents" }, 5, da)).toBe(
      "Skjult: færre end 5 har besvaret spørgsmålet.",
    );
  });

  it("does not say fewer than k when the number is withheld because it would give another away", () => {
    const text = answeredText({ status: "suppressed", reason: "derived" }, 5, da);
    expect(text).toBe(
      "Skjult af hensyn til anonymiteten: antallet ville afsløre et andet skjult tal.",
    );
    expect(answeredText({ status: "suppressed", reason: "derived" }, 5, reportMessages.en)).toMatch(
      /^Hidden for anonymity/,
    );
  });

  it("counts, says nobody, or says not asked", () => {
    expect(answeredText({ status: "shown", value: 7 }, 5, da)).toBe("Besvaret af 7");
    expect(answeredText({ status: "shown", value: 0 }, 5, da)).toBe(
      "Ingen har besvaret spørgsmålet.",
    );
    expect(answeredText(null, 5, da)).toBe("Ikke stillet i denne runde.");
  });
});
