import { templateVersion } from "@klynge/question-bank";
import { Model } from "survey-core";
import { describe, expect, it } from "vitest";
import { createSurveyModel } from "../../surveyjs/createSurveyModel.js";
import { danishSurveyStrings } from "../../surveyjs/surveyLocale.js";
import { everyKindVersion } from "./fixtures.js";

// SurveyJS's Danish pack is partly machine-translated; the widget's catalogue overrides it in every
// model the widget makes (the survey, the editor's preview). These are the words a GP reads.

const rehab = templateVersion("rehab");

describe("SurveyJS in the widget's Danish", () => {
  it("names the buttons and the progress as a GP should read them", () => {
    const model = createSurveyModel(rehab);
    expect(model.locale).toBe("da-DK");
    expect(model.pagePrevText).toBe("Tilbage");
    expect(model.pageNextText).toBe("Videre");
    expect(model.completeText).toBe("Færdig");
    expect(model.previewText).toBe("Se dine svar");
    expect(model.visiblePageCount).toBe(3);
    expect(model.progressText).toBe("Side 1 af 3");
    model.nextPage();
    expect(model.progressText).toBe("Side 2 af 3");
    expect(model.getLocalizationString("progressbar")).toBe("Hvor langt du er");
    expect(
      model.processHtml(model.completedHtml || model.getLocalizationString("completingSurvey"), ""),
    ).toBe("Mange tak for din besvarelse!");
  });

  it("says what SurveyJS's own checks say in plain Danish", () => {
    const model = createSurveyModel(everyKindVersion);
    const required = model.getAllQuestions().find((question) => question.isRequired);
    expect(required?.validate()).toBe(false);
    expect(required?.errors.map((error) => error.getText())).toEqual([
      "Spørgsmålet skal besvares.",
    ]);
    expect(model.getLocalizationString("otherItemText")).toBe("Andet (skriv)");
    expect(model.getLocalizationString("otherRequiredError")).toBe(
      "Skriv dit svar i feltet ved »Andet«.",
    );
    expect(model.getLocalizationFormatString("textMaxLength", 500)).toBe("Skriv højst 500 tegn.");
    expect(model.getLocalizationFormatString("maxSelectError", 2)).toBe(
      "Vælg højst 2 svarmulighed(er).",
    );
    expect(model.getLocalizationString("booleanUncheckedLabel")).toBe("Nej");
  });

  it("applies every string of the one catalogue", () => {
    const model = createSurveyModel(rehab);
    for (const [name, text] of Object.entries(danishSurveyStrings)) {
      expect(model.getLocalizationString(name), name).toBe(text);
    }
  });

  it("has none of the pack's machine-translated or English words left", () => {
    const model = createSurveyModel(rehab);
    const seen = Object.keys(danishSurveyStrings).map((name) => model.getLocalizationString(name));
    for (const text of seen) {
      expect(text).not.toMatch(
        /venligst|Please|Markere|Aflyse|Anvende\b|Pålæsning|Forpremiere|Tilmeld|Valgfrit svar/,
      );
    }
  });

  it("leaves English as SurveyJS says it, and a host's own Danish SurveyJS forms alone", () => {
    const english = createSurveyModel(rehab, { locale: "en" });
    expect(english.completeText).toBe("Complete");
    expect(english.progressText).toBe("Page 1 of 3");
    // A form the host makes itself in "da" keeps SurveyJS's pack.
    const hosts = new Model({ locale: "da", pages: [{ elements: [{ type: "text", name: "q" }] }] });
    expect(hosts.previewText).toBe("Forpremiere");
  });
});
