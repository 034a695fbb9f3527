import { templateVersion } from "@klynge/question-bank";
import { afterEach, describe, expect, it } from "vitest";
import {
  carryPrerenderedAnswers,
  createPrerenderedPage,
  readPrerenderedInput,
} from "../../embed/prerenderedPage.js";
import { fillFramePage } from "../../server/fillFramePage.js";
import { renderFirstPage } from "../../server/renderFirstPage.js";
import { answersFromSurveyData } from "../../surveyjs/answersFromSurveyData.js";
import { createSurveyModel } from "../../surveyjs/createSurveyModel.js";

// The server-rendered first page's native inputs, read back by question name (`data-name`) and
// carried into a SurveyJS model as its own answers: made from the real markup of renderFirstPage.

const rehab = templateVersion("rehab");
const akut = templateVersion("akut");

/** The first page as the page has it: the container, then the off-stage root. */
function showFirstPage(version = rehab): { container: HTMLElement; root: HTMLElement } {
  const page = fillFramePage(`<div id="root"></div>`, {}, renderFirstPage(version, { k: 5 }));
  document.body.innerHTML = page?.html ?? "";
  return {
    container: document.getElementById("klynge-prerender") as HTMLElement,
    root: document.getElementById("root") as HTMLElement,
  };
}

/** The visible layout's inputs (the narrow one is the same form in SurveyJS's phone layout). */
const wide = (container: HTMLElement) =>
  container.querySelector(".klynge-prerender__wide") as HTMLElement;

function check(scope: ParentNode, selector: string): HTMLInputElement {
  const input = scope.querySelector<HTMLInputElement>(selector);
  if (input === null) throw new Error(`no input ${selector}`);
  input.checked = true;
  return input;
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("reading the server-rendered page's inputs", () => {
  it("finds nothing on a page not answered", () => {
    const { container } = showFirstPage();
    expect(readPrerenderedInput(container)).toEqual({ answers: new Map() });
  });

  it("reads a choice, ticks and a typed text by SurveyJS's question names", () => {
    const { container } = showFirstPage();
    check(wide(container), "input[value=i-nogen-grad]");
    check(wide(container), "input[value=forloebsplan]");
    check(wide(container), "input[value=telefonisk]");
    const textarea = wide(container).querySelector("textarea") as HTMLTextAreaElement;
    textarea.value = "Gode tilbud";
    const read = readPrerenderedInput(container, textarea);
    expect(Object.fromEntries(read.answers)).toEqual({
      q1_rehab_kendskab: "i-nogen-grad",
      q2_rehab_henvisningsmaade: ["forloebsplan", "telefonisk"],
      q3_rehab_oplevelse: "Gode tilbud",
    });
    expect(read.focus).toEqual({ name: "q3_rehab_oplevelse" });
  });

  it("reads either layout: an answer in the narrow one counts as well", () => {
    const { container } = showFirstPage();
    const narrow = container.querySelector(".klynge-prerender__narrow") as HTMLElement;
    const input = check(narrow, "input[value=slet-ikke]");
    expect(readPrerenderedInput(container, input)).toEqual({
      answers: new Map([["q1_rehab_kendskab", "slet-ikke"]]),
      focus: { name: "q1_rehab_kendskab", value: "slet-ikke" },
    });
  });

  it("reads a matrix row by row, the row from the input's name after the question's own id", () => {
    const { container } = showFirstPage(akut);
    const matrix = wide(container).querySelector("[data-name] table")?.closest("[data-name]");
    expect(matrix?.getAttribute("data-name")).toBe("q2_akut_behov");
    const rows = [...(matrix?.querySelectorAll("tbody tr") ?? [])];
    (rows[0]?.querySelectorAll("input")[1] as HTMLInputElement).checked = true;
    (rows[2]?.querySelectorAll("input")[4] as HTMLInputElement).checked = true;
    const read = readPrerenderedInput(container);
    const answer = read.answers.get("q2_akut_behov") as Record<string, string>;
    expect(Object.keys(answer)).toHaveLength(2);
    const model = createSurveyModel(akut);
    carryPrerenderedAnswers(model, read.answers);
    expect(answersFromSurveyData(akut, model.data)).toEqual({
      "akut.behov": { rows: { "akut-sygdom": "godt", "psykisk-sygdom": "ved-ikke" } },
    });
  });
});

describe("carrying them into the model", () => {
  it("sets each through SurveyJS's value-changed event, so they are saved as any answer is", () => {
    const model = createSurveyModel(rehab);
    const changed: string[] = [];
    model.onValueChanged.add((_, options) => changed.push(options.name));
    const set = carryPrerenderedAnswers(
      model,
      new Map<string, string | string[]>([
        ["q1_rehab_kendskab", "i-hoej-grad"],
        ["q2_rehab_henvisningsmaade", ["forloebsplan"]],
        ["q3_rehab_oplevelse", "Lange ventetider"],
        ["q9_findes_ikke", "x"],
      ]),
    );
    expect(set).toEqual(["q1_rehab_kendskab", "q2_rehab_henvisningsmaade", "q3_rehab_oplevelse"]);
    expect(changed).toEqual(set);
    expect(answersFromSurveyData(rehab, model.data)).toEqual({
      "rehab.kendskab": { choice: "i-hoej-grad" },
      "rehab.henvisningsmaade": { choices: ["forloebsplan"] },
      "rehab.oplevelse": { text: "Lange ventetider" },
    });
  });
});

describe("the take-over", () => {
  it("carries, removes the prerendered page, shows the root and puts the focus back", () => {
    const { container, root } = showFirstPage();
    // The root as SurveyJS will have drawn it: the same markup, in the same places.
    root.innerHTML = wide(container).innerHTML;
    expect(root.className).toBe("klynge-offstage");
    const input = check(wide(container), "input[value=ved-ikke]");
    input.focus();
    const model = createSurveyModel(rehab);
    let updates = 0;
    createPrerenderedPage(container, root).takeOver(model, (set) => {
      updates += 1;
      set();
    });
    expect(updates).toBe(1);
    expect(model.getValue("q1_rehab_kendskab")).toBe("ved-ikke");
    expect(document.getElementById("klynge-prerender")).toBeNull();
    expect(root.className).toBe("");
    expect(document.activeElement?.getAttribute("value")).toBe("ved-ikke");
    expect(root.contains(document.activeElement)).toBe(true);
  });

  it("is dismissed for a refusal: the root shows, and a later take-over changes nothing", () => {
    const { container, root } = showFirstPage();
    check(wide(container), "input[value=ved-ikke]");
    const page = createPrerenderedPage(container, root);
    page.dismiss();
    expect(document.getElementById("klynge-prerender")).toBeNull();
    expect(root.className).toBe("");
    const model = createSurveyModel(rehab);
    page.takeOver(model);
    expect(model.getValue("q1_rehab_kendskab")).toBeUndefined();
  });
});

describe("the filled page's head", () => {
  const built = [
    "<!doctype html><html><head><title>x</title>",
    '<script type="module" crossorigin src="./assets/index-a.js"></script>',
    '<link rel="modulepreload" crossorigin href="./assets/vendor-b.js">',
    '<link rel="stylesheet" crossorigin href="./assets/vendor-c.css">',
    '<link rel="stylesheet" crossorigin href="./assets/index-d.css">',
    '</head><body><div id="root"></div></body></html>',
  ].join("\n");

  it("puts the stylesheets before the scripts and fetches the scripts at low priority", () => {
    const filled = fillFramePage(built, { text: '<link rel="stylesheet">' }, "<p>Spørgsmål 1</p>");
    if (filled === undefined) throw new Error("not filled");
    const page = filled.html;
    expect(filled.inlineScripts).toEqual([]);
    const head = page.slice(0, page.indexOf("</head>"));
    expect(head.indexOf("index-d.css")).toBeLessThan(head.indexOf("index-a.js"));
    expect(head.indexOf("vendor-c.css")).toBeLessThan(head.indexOf("vendor-b.js"));
    expect(head).toContain('<script type="module" fetchpriority="low" crossorigin');
    expect(head).toContain('<link rel="modulepreload" fetchpriority="low" crossorigin');
    expect(head.match(/rel="stylesheet"/g)).toHaveLength(2);
    // The body is left as it was filled: the round document's text is not a tag.
    expect(page).toContain("<p>Spørgsmål 1</p>");
    expect(page).toContain('\\u003clink rel=\\"stylesheet\\"\\u003e');
  });
});
