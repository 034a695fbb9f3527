import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import {
  draftKey,
  freshDraftStoreEachTest,
  rehab,
  renderEditor as renderWithStore,
} from "./editorTestSetup.js";

const kendskab =
  "I hvilken grad kender du til indholdet i kommunens forebyggelses- og rehabiliteringstilbud?";
const henvisning = rehab.questionnaire.questions[1]?.text.da as string;

const drafts = freshDraftStoreEachTest();
const renderEditor = () => renderWithStore(drafts.store);

const card = (name: string | RegExp) => screen.getByRole("article", { name });
const cardTitles = () =>
  screen.getAllByRole("article").map((article) => article.querySelector("h4")?.textContent);
const focused = () => document.activeElement as HTMLElement;

/** Adds a local question of `typeName` at number `position` with the mouse, and names it. */
function insertAt(position: number, typeName: string, text: string): HTMLElement {
  fireEvent.click(
    screen.getByRole("button", { name: `Tilføj spørgsmål her, som spørgsmål ${position}` }),
  );
  const group = screen.getByRole("group", { name: `Vælg typen af spørgsmål ${position}` });
  fireEvent.click(within(group).getByRole("button", { name: typeName }));
  fireEvent.change(focused(), { target: { value: text } });
  return card(`Spørgsmål ${position}: ${text}`);
}

describe("placing questions in the editor", () => {
  it("adds a local question at place 3 by keyboard only, in at most 25 key presses besides its text", async () => {
    const user = userEvent.setup();
    renderEditor();
    const text = "Hvor tit taler du med kommunens akutteam?";
    // The editor's first focusable element: the version's name.
    screen.getByLabelText("Versionens navn").focus();
    const target = screen.getByRole("button", {
      name: "Tilføj spørgsmål her, som spørgsmål 3",
    });
    let presses = 0;
    while (focused() !== target && presses < 100) {
      await user.tab();
      presses += 1;
    }
    expect(focused()).toBe(target);
    await user.keyboard("{Enter}");
    presses += 1;
    // Focus is on the first type, "Ét svar": Enter adds the question there.
    expect(focused().textContent).toBe("Ét svar");
    await user.keyboard("{Enter}");
    presses += 1;
    const field = focused() as HTMLInputElement;
    expect(field.labels?.[0]?.textContent).toBe("Spørgsmål (dansk)");
    await user.paste(text);
    const added = card(`Spørgsmål 3: ${text}`);
    expect(within(added).getByLabelText("Spørgsmål (dansk)")).toBe(field);
    expect(card(`Spørgsmål 4: ${rehab.questionnaire.questions[2]?.text.da}`)).toBeTruthy();
    console.info(
      `Key presses to add a local question at place 3: ${presses}, plus ${text.length} typed characters`,
    );
    expect(presses).toBeLessThanOrEqual(25);
  });

  it("chooses the type where the question is added; Escape closes the choice and returns focus", () => {
    renderEditor();
    const top = screen.getByRole("button", { name: "Tilføj spørgsmål her, som spørgsmål 1" });
    fireEvent.click(top);
    expect(top.getAttribute("aria-expanded")).toBe("true");
    expect(focused().textContent).toBe("Ét svar");
    fireEvent.keyDown(focused(), { key: "Escape" });
    expect(screen.queryByRole("group", { name: "Vælg typen af spørgsmål 1" })).toBeNull();
    expect(focused()).toBe(top);

    const added = insertAt(1, "Skala", "Hvor tilfreds er du med samarbejdet?");
    expect(within(added).getByLabelText<HTMLSelectElement>("Spørgsmålstype").value).toBe("rating");
    expect(within(added).getByRole("group", { name: "Skalapunkter" })).toBeTruthy();
    expect(card(`Spørgsmål 2: ${kendskab}`)).toBeTruthy();
    const last = rehab.questionnaire.questions.length + 1;
    insertAt(last + 1, "Fritekst", "Andet, du vil sige?");
    expect(cardTitles().at(-1)).toBe(`Spørgsmål ${last + 1}: Andet, du vil sige?`);
  });

  it("copies a local question right below it, with its options, and focuses the copy's text; bank questions offer no copy", () => {
    renderEditor();
    const original = insertAt(2, "Flere svar mulige", "Hvilke tilbud kender du?");
    fireEvent.change(within(original).getByLabelText("Svarmulighed 1 (dansk)"), {
      target: { value: "Rygestop" },
    });
    fireEvent.change(within(original).getByLabelText("Svarmulighed 2 (dansk)"), {
      target: { value: "Diabetesskole" },
    });
    fireEvent.click(
      within(original).getByRole("button", { name: "Kopiér: Hvilke tilbud kender du?" }),
    );
    const copy = card("Spørgsmål 3: Hvilke tilbud kender du? (kopi)");
    expect(within(copy).getByLabelText("Spørgsmål (dansk)")).toBe(focused());
    expect(within(copy).getByLabelText<HTMLInputElement>("Svarmulighed 2 (dansk)").value).toBe(
      "Diabetesskole",
    );
    expect(within(copy).getByLabelText<HTMLInputElement>("Tilføj «Andet (skriv)»").checked).toBe(
      true,
    );
    expect(card("Spørgsmål 2: Hvilke tilbud kender du?")).toBeTruthy();
    expect(
      within(card(`Spørgsmål 1: ${kendskab}`)).queryByRole("button", { name: /^Kopiér/ }),
    ).toBeNull();
    // The copy is a question of its own, not a double the engine refuses.
    expect((screen.getByRole("button", { name: "Udgiv" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it("moves a question by keyboard drag, announcing each step in Danish", async () => {
    const user = userEvent.setup();
    stackCards();
    renderEditor();
    const handle = screen.getByRole("button", { name: `Træk: ${kendskab}` });
    expect(handle.getAttribute("aria-roledescription")).toBe("flytbart spørgsmål");
    const instructions = document.getElementById(handle.getAttribute("aria-describedby") ?? "");
    expect(instructions?.textContent).toMatch(/^Tryk mellemrum for at tage spørgsmålet op/);
    handle.focus();
    await user.keyboard(" ");
    await waitFor(() => expect(liveRegion()).toMatch(/er taget op, på plads 1 af 8\.$/));
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(liveRegion()).toMatch(/er over plads 2 af 8\.$/));
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(liveRegion()).toMatch(/er over plads 3 af 8\.$/));
    await user.keyboard(" ");
    await screen.findByRole("article", { name: `Spørgsmål 3: ${kendskab}` });
    expect(liveRegion()).toBe(`${kendskab} er sat på plads 3 af 8.`);
    expect(card(`Spørgsmål 1: ${henvisning}`)).toBeTruthy();
    await waitFor(() =>
      expect(focused()).toBe(screen.getByRole("button", { name: `Træk: ${kendskab}` })),
    );
    // "Fortryd" takes a drag back like any other move.
    fireEvent.click(screen.getByRole("button", { name: "Fortryd" }));
    expect(card(`Spørgsmål 1: ${kendskab}`)).toBeTruthy();
  });

  it("keeps the options when the type changes, and says what it had to remove", () => {
    renderEditor();
    const question = "Hvordan er samarbejdet?";
    let local = insertAt(1, "Ét svar", question);
    fireEvent.change(within(local).getByLabelText("Svarmulighed 1 (dansk)"), {
      target: { value: "Godt" },
    });
    fireEvent.change(within(local).getByLabelText("Svarmulighed 2 (dansk)"), {
      target: { value: "Dårligt" },
    });
    const setType = (type: string) =>
      fireEvent.change(within(local).getByLabelText("Spørgsmålstype"), { target: { value: type } });
    const note = () => within(local).getByRole("status").textContent;

    setType("rating");
    local = card(`Spørgsmål 1: ${question}`);
    expect(within(local).getByLabelText<HTMLInputElement>("Svarmulighed 1 (dansk)").value).toBe(
      "Godt",
    );
    expect(within(local).getByLabelText<HTMLInputElement>("Svarmulighed 2 (dansk)").value).toBe(
      "Dårligt",
    );
    expect(note()).toContain(
      "«Andet (skriv)» er fjernet, fordi typen «Skala» ikke har den svarmulighed.",
    );
    expect(note()).toContain("tjek at de står fra bedst til dårligst");

    setType("text");
    expect(within(local).queryByLabelText("Svarmulighed 1 (dansk)")).toBeNull();
    expect(note()).toBe(
      "Svarmulighederne «Godt» og «Dårligt» er fjernet, fordi typen «Fritekst» ikke har svarmuligheder. Vælg den forrige type igen, eller tryk «Fortryd», for at få dem tilbage.",
    );
    expect(within(local).getByLabelText<HTMLInputElement>("Spørgsmål (dansk)").value).toBe(
      question,
    );

    setType("multi");
    expect(within(local).getByLabelText<HTMLInputElement>("Svarmulighed 1 (dansk)").value).toBe(
      "Godt",
    );
    // "Ved ikke" stays as it was; "Andet", which a scale lacks, is a list's default again.
    expect(within(local).getByLabelText<HTMLInputElement>("Tilføj «Ved ikke»").checked).toBe(false);
    expect(within(local).getByLabelText<HTMLInputElement>("Tilføj «Andet (skriv)»").checked).toBe(
      true,
    );
    expect(note()).toBe("");
  });

  it("keeps a type change's note and set-aside options with their question when another is deleted", () => {
    renderEditor();
    const first = insertAt(1, "Ét svar", "Første?");
    fireEvent.change(within(first).getByLabelText("Svarmulighed 1 (dansk)"), {
      target: { value: "Ja" },
    });
    insertAt(2, "Ét svar", "Andet spørgsmål?");
    fireEvent.change(within(card("Spørgsmål 1: Første?")).getByLabelText("Spørgsmålstype"), {
      target: { value: "text" },
    });
    expect(within(card("Spørgsmål 1: Første?")).getByRole("status").textContent).toContain("«Ja»");
    fireEvent.click(screen.getByRole("button", { name: "Slet: Første?" }));
    const second = card("Spørgsmål 1: Andet spørgsmål?");
    expect(within(second).getByRole("status").textContent).toBe("");
    const setType = (type: string) =>
      fireEvent.change(
        within(card("Spørgsmål 1: Andet spørgsmål?")).getByLabelText("Spørgsmålstype"),
        {
          target: { value: type },
        },
      );
    setType("text");
    setType("single");
    expect(
      within(card("Spørgsmål 1: Andet spørgsmål?")).getByLabelText<HTMLInputElement>(
        "Svarmulighed 1 (dansk)",
      ).value,
    ).toBe("");
  });

  it("discards the draft after asking, back to the base version, and clears the stored draft", async () => {
    renderEditor();
    const discard = screen.getByRole("button", { name: "Kassér kladde" }) as HTMLButtonElement;
    expect(discard.disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: `Fjern: ${kendskab}` }));
    insertAt(2, "Fritekst", "Hvad savner du?");
    await screen.findByText("Kladde gemt");
    expect(await drafts.store.load(draftKey)).toBeDefined();

    fireEvent.click(discard);
    const question = screen.getByRole("group", { name: /^Kassér alle ændringer/ });
    expect(focused().textContent).toMatch(/^Kassér alle ændringer/);
    fireEvent.click(within(question).getByRole("button", { name: "Nej, behold den" }));
    expect(card("Spørgsmål 2: Hvad savner du?")).toBeTruthy();
    expect(focused()).toBe(discard);

    fireEvent.click(discard);
    fireEvent.click(screen.getByRole("button", { name: "Ja, kassér kladden" }));
    expect(screen.queryByRole("article", { name: /Hvad savner du\?/ })).toBeNull();
    expect(card(`Spørgsmål 1: ${kendskab}`)).toBeTruthy();
    expect(screen.getAllByRole("article")).toHaveLength(rehab.questionnaire.questions.length);
    expect(focused().textContent).toBe(
      "Kladden er kasseret. Spørgeskemaet er som før jeres ændringer.",
    );
    expect((screen.getByRole("button", { name: "Fortryd" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    await waitFor(async () => expect(await drafts.store.load(draftKey)).toBeUndefined());
  });
});

/** dnd-kit measures the cards to move between them; happy-dom lays nothing out, so stack them. */
function stackCards() {
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (
    this: HTMLElement,
  ) {
    const item = this.closest<HTMLElement>("[data-index]");
    const top = item === null ? 0 : Number(item.dataset.index) * 100;
    return DOMRect.fromRect({ x: 0, y: top, width: 600, height: item === null ? 0 : 90 });
  });
}

/** What dnd-kit's live region says last. */
function liveRegion(): string {
  const region = [...document.querySelectorAll("[aria-live]")].find((el) =>
    el.id.startsWith("DndLiveRegion"),
  );
  return region?.textContent ?? "";
}
