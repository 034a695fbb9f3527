import "fake-indexeddb/auto";
import { templateVersion } from "@klynge/question-bank";
import { waitFor } from "@testing-library/dom";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import { bootEarlySave } from "../../embed/bootEarlySave.js";
import { type EarlySave, earlySaveAllowed } from "../../embed/earlySaveHandle.js";
import {
  earlyDatabase,
  openEarlyStore,
  passTag,
  readEarlyRecord,
  writeEarlyRecord,
} from "../../embed/earlyStore.js";
import { createPrerenderedPage } from "../../embed/prerenderedPage.js";
import { takeOverEarly } from "../../embed/takeOverEarly.js";
import { fillFramePage } from "../../server/fillFramePage.js";
import { renderFirstPage } from "../../server/renderFirstPage.js";
import { answersFromSurveyData } from "../../surveyjs/answersFromSurveyData.js";
import { createSurveyModel } from "../../surveyjs/createSurveyModel.js";

// The server-rendered page's own save (the frame page's inline script): a change is in the early
// store before "Gemt" shows, a reload puts it back, and the app carries it into its draft and
// then deletes it. Made from the real markup of renderFirstPage, on fake-indexeddb.

const rehab = templateVersion("rehab");
const roundId = "klynge-syd.baseline";
const versionHash = rehab.hash;
const q1 = "q1_rehab_kendskab";
const q3 = "q3_rehab_oplevelse";

function showFirstPage(): { container: HTMLElement; root: HTMLElement; status: HTMLElement } {
  const page = fillFramePage(`<div id="root"></div>`, {}, renderFirstPage(rehab, { k: 5 }));
  document.body.innerHTML = page?.html ?? "";
  const container = document.getElementById("klynge-prerender") as HTMLElement;
  return {
    container,
    root: document.getElementById("root") as HTMLElement,
    status: container.querySelector(".klynge-survey__saved") as HTMLElement,
  };
}

const layout = (container: HTMLElement, which: "wide" | "narrow") =>
  container.querySelector(`.klynge-prerender__${which}`) as HTMLElement;

/** A click on a choice as the browser makes it: checked, then `change`. */
function choose(scope: ParentNode, value: string): HTMLInputElement {
  const input = scope.querySelector<HTMLInputElement>(`input[value="${value}"]`);
  if (input === null) throw new Error(`no input ${value}`);
  input.checked = !(input.type === "checkbox" && input.checked);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return input;
}

function type(scope: ParentNode, text: string): void {
  const textarea = scope.querySelector("textarea") as HTMLTextAreaElement;
  textarea.value = text;
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
}

async function stored(factory: IDBFactory, pass = "") {
  const db = await openEarlyStore(factory);
  try {
    return await readEarlyRecord(db, { roundId, versionHash, pass });
  } finally {
    db.close();
  }
}

async function store(factory: IDBFactory, answers: Record<string, string | string[]>) {
  const db = await openEarlyStore(factory);
  try {
    await writeEarlyRecord(db, { roundId, versionHash, pass: "", answers });
  } finally {
    db.close();
  }
}

/** The app's take-over of `page`, its model watched: which names it set. */
function takeOverPage(
  page: { container: HTMLElement; root: HTMLElement },
  rest: { early?: EarlySave; factory?: IDBFactory; whenSaved: () => Promise<boolean> },
) {
  const model = createSurveyModel(rehab);
  const changed: string[] = [];
  model.onValueChanged.add((_, options) => changed.push(options.name));
  const done = takeOverEarly({
    model,
    roundId,
    versionHash,
    prerendered: createPrerenderedPage(page.container, page.root),
    update: (set) => set(),
    ...rest,
  });
  return { model, changed, done };
}

afterEach(() => {
  document.body.innerHTML = "";
});

describe("the page's early save", () => {
  it("says the page's own words, Gemmer… then Gemt once the record is committed", async () => {
    const factory = new IDBFactory();
    const { container, status } = showFirstPage();
    expect(status.dataset).toMatchObject({ saving: "Gemmer…", saved: "Gemt" });
    expect(status.getAttribute("aria-live")).toBe("polite");
    bootEarlySave({ container, factory, roundId, versionHash });
    choose(layout(container, "narrow"), "i-hoej-grad");
    expect(status.textContent).toBe("Gemmer…");
    await waitFor(() => expect(status.textContent).toBe("Gemt"));
    expect(await stored(factory)).toEqual({
      roundId,
      versionHash,
      pass: "",
      answers: { [q1]: "i-hoej-grad" },
    });
  });

  it("keeps both layouts alike and saves ticks and typed text, the last state once written", async () => {
    const factory = new IDBFactory();
    const { container, status } = showFirstPage();
    bootEarlySave({ container, factory, roundId, versionHash });
    const wide = layout(container, "wide");
    choose(wide, "slet-ikke");
    choose(wide, "forloebsplan");
    type(wide, "Lange ventetider");
    const narrow = layout(container, "narrow");
    expect(narrow.querySelector<HTMLInputElement>("input[value=slet-ikke]")?.checked).toBe(true);
    expect(narrow.querySelector("textarea")?.value).toBe("Lange ventetider");
    await waitFor(() => expect(status.textContent).toBe("Gemt"));
    expect((await stored(factory))?.answers).toEqual({
      [q1]: "slet-ikke",
      q2_rehab_henvisningsmaade: ["forloebsplan"],
      [q3]: "Lange ventetider",
    });
  });

  it("never says Gemt when the write fails", async () => {
    const failing = {
      open: () => {
        throw new DOMException("no storage here", "InvalidStateError");
      },
    } as unknown as IDBFactory;
    const { container, status } = showFirstPage();
    const early = bootEarlySave({ container, factory: failing, roundId, versionHash });
    choose(container, "i-hoej-grad");
    await early.settle();
    await waitFor(() => expect(status.textContent).toBe(""));
  });

  it("puts what an earlier load saved back, but not over what is answered in this one", async () => {
    const factory = new IDBFactory();
    await store(factory, { [q1]: "slet-ikke", [q3]: "Fra før" });
    const { container } = showFirstPage();
    const early = bootEarlySave({ container, factory, roundId, versionHash });
    // Before the stored record is read: this answer is newer.
    choose(layout(container, "narrow"), "i-nogen-grad");
    await early.settle();
    for (const which of ["wide", "narrow"] as const) {
      const page = layout(container, which);
      expect(page.querySelector<HTMLInputElement>("input[value=i-nogen-grad]")?.checked).toBe(true);
      expect(page.querySelector<HTMLInputElement>("input[value=slet-ikke]")?.checked).toBe(false);
      expect(page.querySelector("textarea")?.value).toBe("Fra før");
    }
    expect((await stored(factory))?.answers).toEqual({ [q1]: "i-nogen-grad", [q3]: "Fra før" });
  });

  it("keeps a record per invitation: another link in the same browser does not see it", async () => {
    const factory = new IDBFactory();
    const first = showFirstPage();
    const early = bootEarlySave({ ...first, factory, roundId, versionHash, invitation: "tok-a" });
    choose(first.container, "slet-ikke");
    await early.settle();
    const tag = await passTag("tok-a");
    expect(tag).toMatch(/^[0-9a-f]{64}$/);
    const record = await stored(factory, tag);
    expect(record?.answers).toEqual({ [q1]: "slet-ikke" });
    expect(JSON.stringify(record)).not.toContain("tok-a");
    // Another GP's link: nothing put back, and what it saves is its own.
    const second = showFirstPage();
    const other = bootEarlySave({ ...second, factory, roundId, versionHash, invitation: "tok-b" });
    await other.settle();
    expect(second.container.querySelectorAll("input:checked")).toHaveLength(0);
    expect((await stored(factory, tag))?.answers).toEqual({ [q1]: "slet-ikke" });
  });

  it("ignores a record of another version of the questionnaire", async () => {
    const factory = new IDBFactory();
    const db = await openEarlyStore(factory);
    await writeEarlyRecord(db, {
      roundId,
      versionHash: "sha256-other",
      pass: "",
      answers: { [q1]: "x" },
    });
    db.close();
    const { container } = showFirstPage();
    await bootEarlySave({ container, factory, roundId, versionHash }).settle();
    expect(container.querySelectorAll("input:checked")).toHaveLength(0);
  });

  it("stops at settle: a later change is left to the app, and clear keeps another tab's record", async () => {
    const factory = new IDBFactory();
    const { container } = showFirstPage();
    const early = bootEarlySave({ container, factory, roundId, versionHash });
    choose(container, "i-hoej-grad");
    await early.settle();
    expect((await stored(factory))?.answers).toEqual({ [q1]: "i-hoej-grad" });
    choose(container, "ved-ikke");
    await early.settle();
    expect((await stored(factory))?.answers).toEqual({ [q1]: "i-hoej-grad" });
    // Another tab wrote since: not this page's to delete.
    await store(factory, { [q1]: "slet-ikke" });
    await early.clear();
    expect((await stored(factory))?.answers).toEqual({ [q1]: "slet-ikke" });
  });
});

describe("the app's take-over of the early record", () => {
  it("settles the early save, carries the page into the model, then deletes the record", async () => {
    const factory = new IDBFactory();
    await store(factory, { [q1]: "slet-ikke" });
    const { container, root } = showFirstPage();
    const early = bootEarlySave({ container, factory, roundId, versionHash });
    type(layout(container, "wide"), "Skrevet før appen");
    let committed: (ok: boolean) => void = () => {};
    const saved = new Promise<boolean>((resolve) => {
      committed = resolve;
    });
    const { model, changed, done } = takeOverPage(
      { container, root },
      { early, whenSaved: () => saved },
    );
    await waitFor(() => expect(document.getElementById("klynge-prerender")).toBeNull());
    expect(changed.sort()).toEqual([q1, q3]);
    expect(answersFromSurveyData(rehab, model.data)).toEqual({
      "rehab.kendskab": { choice: "slet-ikke" },
      "rehab.oplevelse": { text: "Skrevet før appen" },
    });
    // Until the draft has committed them, the early record stays.
    expect(await stored(factory)).toBeDefined();
    committed(true);
    await done;
    expect(await stored(factory)).toBeUndefined();
  });

  it("a click while the take-over waits for an open write is carried once, not lost", async () => {
    const factory = new IDBFactory();
    const { container, root, status } = showFirstPage();
    const early = bootEarlySave({ container, factory, roundId, versionHash });
    choose(container, "i-hoej-grad");
    expect(status.textContent).toBe("Gemmer…");
    const { model, changed, done } = takeOverPage(
      { container, root },
      { early, whenSaved: () => Promise.resolve(true) },
    );
    // While the first write is still open: a second click, on the page the app takes over.
    choose(container, "ved-ikke");
    await done;
    expect(changed).toEqual([q1]);
    expect(model.getValue(q1)).toBe("ved-ikke");
    // The early store never had the second click; its record of the first is gone.
    expect(await stored(factory)).toBeUndefined();
  });

  it("without the page's script, reads the record itself; the page's answers go over it", async () => {
    const factory = new IDBFactory();
    await store(factory, { [q1]: "slet-ikke", [q3]: "Fra før" });
    const { container, root } = showFirstPage();
    choose(layout(container, "wide"), "i-hoej-grad");
    const { model, done } = takeOverPage(
      { container, root },
      { factory, whenSaved: () => Promise.resolve(true) },
    );
    await done;
    expect(answersFromSurveyData(rehab, model.data)).toEqual({
      "rehab.kendskab": { choice: "i-hoej-grad" },
      "rehab.oplevelse": { text: "Fra før" },
    });
    expect(await stored(factory)).toBeUndefined();
  });

  it("keeps the record when the draft's save failed", async () => {
    const factory = new IDBFactory();
    await store(factory, { [q1]: "slet-ikke" });
    const model = createSurveyModel(rehab);
    await takeOverEarly({
      model,
      roundId,
      versionHash,
      factory,
      update: (set) => set(),
      whenSaved: () => Promise.resolve(false),
    });
    expect(model.getValue(q1)).toBe("slet-ikke");
    expect((await stored(factory))?.answers).toEqual({ [q1]: "slet-ikke" });
    expect(earlyDatabase.name).not.toBe("klynge");
  });
});

describe("where the page saves early", () => {
  const opened = { top: null as unknown, self: null as unknown };
  opened.top = opened;
  opened.self = opened;
  const framed = { top: {}, self: {} };
  const crossOrigin = {
    get top(): unknown {
      throw new DOMException("Blocked", "SecurityError");
    },
    self: {},
  };

  it("saves when the page is opened directly, or framed with its own invitation", () => {
    expect(earlySaveAllowed(opened as unknown as Window, undefined)).toBe(true);
    expect(earlySaveAllowed(framed as unknown as Window, "a".repeat(22))).toBe(true);
  });

  it("does not in a frame whose GP's invitation comes from the host (it would be keyed as the open link's)", () => {
    expect(earlySaveAllowed(framed as unknown as Window, undefined)).toBe(false);
    expect(earlySaveAllowed(crossOrigin as unknown as Window, undefined)).toBe(false);
  });
});
