import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { editorFixture } from "./editorTestSetup.js";

// The editor speaks a coordinator's words: errors named by their field, shown once touched or on
// "Udgiv", gathered in a GOV.UK error summary whose links move the focus to the field.
const kommentarer = "Har du andre kommentarer eller ideer til emnet, kan du notere dem her";
const { renderEditor } = editorFixture();

const publish = () => fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));

function addQuestion(type: "rating" | "single" | "multi" | "text"): HTMLElement {
  fireEvent.change(screen.getByLabelText("Type for nyt spørgsmål"), { target: { value: type } });
  fireEvent.click(screen.getByRole("button", { name: "Tilføj spørgsmål" }));
  return screen.getAllByRole("article").at(-1) as HTMLElement;
}

function type(scope: HTMLElement, label: string, value: string) {
  const field = within(scope).getByLabelText(label);
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
}

const errorOf = (field: HTMLElement) =>
  document.getElementById(field.getAttribute("aria-describedby")?.split(" ").at(-1) ?? "")
    ?.textContent;

describe("errors in a coordinator's words", () => {
  it("keeps a new blank question quiet until 'Udgiv', then focuses a summary whose links reach each field", () => {
    const onPublish = renderEditor();
    const added = addQuestion("single");
    expect(
      within(added)
        .queryAllByRole("listitem")
        .filter((li) => li.closest(".klynge-editor__issues")),
    ).toEqual([]);
    expect(screen.queryByRole("heading", { name: "Der er et problem" })).toBeNull();

    publish();
    expect(onPublish).not.toHaveBeenCalled();
    const summary = screen.getByRole("alert");
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getByRole("heading", { name: "Der er et problem" })).toBeTruthy();
    expect(
      within(summary)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual([
      "Spørgsmål 9: Skriv spørgsmålets tekst",
      "Spørgsmål 9: Skriv svarmulighed 1, eller fjern den",
      "Spørgsmål 9: Skriv svarmulighed 2, eller fjern den",
    ]);
    // Now every error shows at its field too.
    const text = within(added).getByLabelText("Spørgsmål (dansk)");
    expect(errorOf(text)).toBe("Skriv spørgsmålets tekst");

    fireEvent.click(
      within(summary).getByRole("link", {
        name: "Spørgsmål 9: Skriv svarmulighed 2, eller fjern den",
      }),
    );
    expect(document.activeElement).toBe(within(added).getByLabelText("Svarmulighed 2 (dansk)"));
  });

  it("links the bottom 'Ret N fejl før udgivelse' to the summary", () => {
    renderEditor();
    addQuestion("text");
    const count = screen.getByRole("link", { name: "Ret 1 fejl før udgivelse." });
    fireEvent.click(count);
    const summary = screen.getByRole("alert");
    expect(document.activeElement).toBe(summary);
    expect(
      within(summary).getByRole("link", { name: "Spørgsmål 9: Skriv spørgsmålets tekst" }),
    ).toBeTruthy();
  });

  it("asks for two real options, not counting «Andet»", () => {
    renderEditor();
    const added = addQuestion("single");
    type(added, "Spørgsmål (dansk)", "Har I en fast kontaktperson i kommunen?");
    const named = screen.getByRole("article", { name: /Har I en fast kontaktperson/ });
    type(named, "Svarmulighed 1 (dansk)", "Ja");
    fireEvent.click(within(named).getByRole("button", { name: "Fjern svarmulighed 2" }));
    expect(
      within(named).getByText(
        "Skriv mindst to svarmuligheder («Andet», «Ingen af disse» og «Ved ikke» tæller ikke med)",
      ),
    ).toBeTruthy();
    expect(
      (within(named).getByLabelText("Tilføj «Andet (skriv)»") as HTMLInputElement).checked,
    ).toBe(true);
  });

  it("explains a «Ved ikke» typed as a scale point and a typed «Andet» beside «Andet (skriv)»", () => {
    renderEditor();
    const scale = addQuestion("rating");
    type(scale, "Spørgsmål (dansk)", "Hvor tilfreds er du med samarbejdet?");
    const rating = screen.getByRole("article", { name: /Hvor tilfreds er du/ });
    fireEvent.click(within(rating).getByLabelText("Tilføj «Ved ikke»"));
    type(rating, "Svarmulighed 1 (dansk)", "Tilfreds");
    type(rating, "Svarmulighed 2 (dansk)", "Utilfreds");
    fireEvent.click(within(rating).getByRole("button", { name: "Tilføj svarmulighed" }));
    type(rating, "Svarmulighed 3 (dansk)", "Ved ikke");
    expect(errorOf(within(rating).getByLabelText("Svarmulighed 3 (dansk)"))).toBe(
      "«Ved ikke» skal være afkrydsningen «Ved ikke», ikke et skalatrin: ellers tæller svaret med i gennemsnittet",
    );

    const list = addQuestion("multi");
    type(list, "Spørgsmål (dansk)", "Hvor finder du tilbuddene?");
    const multi = screen.getByRole("article", { name: /Hvor finder du tilbuddene/ });
    type(multi, "Svarmulighed 1 (dansk)", "Sundhed.dk");
    type(multi, "Svarmulighed 2 (dansk)", "Andet");
    expect(errorOf(within(multi).getByLabelText("Svarmulighed 2 (dansk)"))).toBe(
      "«Andet» er det samme som «Andet (skriv)», der allerede er sat kryds ved: fjern den, ellers ser de svarende to «Andet»",
    );
  });

  it("will not publish a version without a name: «Giv versionen et navn», linked from the summary", async () => {
    const onPublish = renderEditor({ initialLabel: "" });
    const label = screen.getByLabelText("Versionens navn");
    expect(label.getAttribute("aria-invalid")).toBeNull();
    publish();
    expect(onPublish).not.toHaveBeenCalled();
    expect(errorOf(label)).toBe("Giv versionen et navn");
    fireEvent.click(screen.getByRole("link", { name: "Giv versionen et navn" }));
    expect(document.activeElement).toBe(label);
    fireEvent.change(label, { target: { value: "   " } });
    publish();
    expect(onPublish).not.toHaveBeenCalled();
    fireEvent.change(label, { target: { value: "Klynge Syd, marts 2027" } });
    expect(screen.queryByRole("alert")).toBeNull();
    publish();
    await waitFor(() => expect(onPublish).toHaveBeenCalledTimes(1));
  });
});

describe("'Ændringer' names the question that moved", () => {
  it("names «Har du andre kommentarer…» moved up, not the question it passed", () => {
    renderEditor();
    // One place up (8 → 7) with "Flyt til plads", then "Flyt".
    fireEvent.change(screen.getByRole("combobox", { name: `Flyt til plads: ${kommentarer}` }), {
      target: { value: "6" },
    });
    fireEvent.click(screen.getByRole("button", { name: `Flyt: ${kommentarer}` }));
    const panel = screen.getByRole("region", { name: "Ændringer" });
    const moved = within(panel).getByRole("list", { name: "Flyttet" });
    expect(
      within(moved)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([`${kommentarer} (8 → 7)`]);
  });
});

describe("a compact page", () => {
  it("gives option rows small buttons named for the option, folds English away and shows no ids", () => {
    renderEditor();
    const added = addQuestion("single");
    const up = within(added).getByRole("button", { name: "Flyt svarmulighed 2 op" });
    expect(up.getAttribute("title")).toBe("Flyt svarmulighed 2 op");
    expect(up.textContent).toBe("↑");
    expect(within(added).getByRole("button", { name: "Fjern svarmulighed 1" }).textContent).toBe(
      "✕",
    );
    const english = within(added)
      .getByText("Engelsk tekst")
      .closest("details") as HTMLDetailsElement;
    expect(english.open).toBe(false);
    expect(within(english).getByLabelText("Spørgsmål (engelsk, valgfrit)")).toBeTruthy();
    expect(within(english).getByLabelText("Svarmulighed 1 (engelsk, valgfrit)")).toBeTruthy();
    expect(within(added).queryByText(/lokal\./)).toBeNull();
    expect(within(added).queryByText("Id")).toBeNull();
  });

  it("unfolds the preview on request, and narrows it to a phone's width", () => {
    renderEditor();
    const preview = screen.getByRole("region", { name: "Forhåndsvisning" });
    // happy-dom's window is 1024 px wide, as a small laptop's: below the questions, folded.
    const show = within(preview).getByRole("button", { name: "Vis forhåndsvisning" });
    expect(show.getAttribute("aria-expanded")).toBe("false");
    expect(within(preview).queryByRole("button", { name: "Vis som på en telefon" })).toBeNull();
    fireEvent.click(show);
    expect(
      within(preview)
        .getByRole("button", { name: "Skjul forhåndsvisning" })
        .getAttribute("aria-expanded"),
    ).toBe("true");
    const toggle = within(preview).getByRole("button", { name: "Vis som på en telefon" });
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(preview.classList.contains("klynge-editor__preview--phone")).toBe(true);
  });
});

describe("a scale that cannot lie", () => {
  it("shows under each point the value the average counts it with, best (highest) first", async () => {
    renderEditor();
    const added = addQuestion("rating");
    const points = () =>
      within(added)
        .getAllByLabelText(/^Svarmulighed \d+ \(dansk\)$/)
        .map((field) => {
          const hint = field.getAttribute("aria-describedby")?.split(" ")[0] ?? "";
          return document.getElementById(hint)?.textContent;
        });
    const count = points().length;
    expect(count).toBeGreaterThan(1);
    expect(points()).toEqual(
      Array.from({ length: count }, (_, i) => `Tæller ${count - i} i gennemsnittet`),
    );
    fireEvent.click(within(added).getByRole("button", { name: "Tilføj svarmulighed" }));
    await waitFor(() => expect(points()).toHaveLength(count + 1));
    expect(points()[0]).toBe(`Tæller ${count + 1} i gennemsnittet`);
    expect(points().at(-1)).toBe("Tæller 1 i gennemsnittet");
  });

  it("shows no values on a choice question, whose options are not a scale", () => {
    renderEditor();
    const added = addQuestion("single");
    expect(within(added).queryByText(/^Tæller \d+ i gennemsnittet$/)).toBeNull();
  });
});
