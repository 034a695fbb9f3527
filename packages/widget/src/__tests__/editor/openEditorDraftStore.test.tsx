import "fake-indexeddb/auto";
import { templateVersion } from "@klynge/question-bank";
import { polyfillSurveyJs } from "@klynge/test-support/happyDom";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { EditorDraft } from "../../editor/editorDraft.js";
import {
  type ClosableEditorDraftStore,
  editorDBName,
  openEditorDraftStore,
} from "../../editor/openEditorDraftStore.js";
import { QuestionnaireEditor } from "../../editor/QuestionnaireEditor.js";

const rehab = templateVersion("rehab");
const akut = templateVersion("akut");
const key = "klynge-syd.2027-03";
const oplysninger = "Hvor får du oplysninger om kommunens tilbud?";

beforeAll(polyfillSurveyJs);

let factory: IDBFactory;
const opened: ClosableEditorDraftStore[] = [];

function newStore(): ClosableEditorDraftStore {
  const store = openEditorDraftStore({ indexedDB: factory });
  opened.push(store);
  return store;
}

beforeEach(() => {
  factory = new IDBFactory();
});
afterEach(() => {
  cleanup();
  for (const store of opened.splice(0)) store.close();
});

/** Writes `value` under `key` past the store, as a damaged or older record would be. */
async function putRaw(value: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(editorDBName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("drafts");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction("drafts", "readwrite");
    tx.objectStore("drafts").put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

function renderEditor(store: ClosableEditorDraftStore) {
  return render(
    <QuestionnaireEditor base={rehab} draftKey={key} storage={store} onPublish={() => {}} />,
  );
}

const draft: EditorDraft = {
  schemaVersion: 1,
  baseHash: rehab.hash,
  label: "Klynge Syd, marts 2027",
  edits: [{ op: "remove", questionId: "rehab.oplysninger" }],
};

describe("openEditorDraftStore", () => {
  it("saves, loads through a new store on the same database, and clears", async () => {
    await newStore().save(key, draft);
    const other = newStore();
    expect(await other.load(key)).toEqual(draft);
    expect(await other.load("another-key")).toBeUndefined();
    await other.clear(key);
    expect(await newStore().load(key)).toBeUndefined();
  });

  it("reads a damaged record as no draft instead of failing", async () => {
    await putRaw({ schemaVersion: 1, baseHash: rehab.hash, label: 7, edits: "remove everything" });
    expect(await newStore().load(key)).toBeUndefined();
    await putRaw("not a draft at all");
    expect(await newStore().load(key)).toBeUndefined();
  });
});

describe("QuestionnaireEditor drafts", () => {
  it("saves after an action, says 'Kladde gemt', and restores the draft after a remount", async () => {
    const first = renderEditor(newStore());
    fireEvent.click(screen.getByRole("button", { name: `Fjern: ${oplysninger}` }));
    fireEvent.change(screen.getByLabelText("Versionens navn"), { target: { value: "Klynge Syd" } });
    await screen.findByText("Kladde gemt");
    first.unmount();

    renderEditor(newStore());
    await screen.findByText("Kladden fra sidst er hentet.");
    expect(screen.queryByRole("article", { name: `Spørgsmål 7: ${oplysninger}` })).toBeNull();
    expect(screen.getAllByRole("article")).toHaveLength(7);
    expect((screen.getByLabelText("Versionens navn") as HTMLInputElement).value).toBe("Klynge Syd");
    // A restored draft starts a fresh history: there is nothing to undo yet.
    expect(screen.getByRole("button", { name: "Fortryd" })).toHaveProperty("disabled", true);
  });

  it("ignores a corrupt record and starts from the base", async () => {
    await putRaw({
      schemaVersion: 1,
      baseHash: rehab.hash,
      label: "x",
      edits: [{ op: "explode" }],
    });
    const store = newStore();
    renderEditor(store);
    // The load has answered once a save after it can be read back.
    fireEvent.change(screen.getByLabelText("Versionens navn"), { target: { value: "Ny" } });
    await screen.findByText("Kladde gemt");
    expect(screen.getAllByRole("article")).toHaveLength(8);
    expect(screen.queryByText("Kladden fra sidst er hentet.")).toBeNull();
    expect(await store.load(key)).toMatchObject({ label: "Ny", edits: [] });
  });

  it("does not apply a draft made on another base version", async () => {
    await newStore().save(key, { ...draft, baseHash: akut.hash });
    const store = newStore();
    renderEditor(store);
    // Wait until the editor's own load has certainly answered.
    await act(async () => {
      await store.load(key);
    });
    expect(screen.getAllByRole("article")).toHaveLength(8);
    expect(screen.getByRole("article", { name: `Spørgsmål 7: ${oplysninger}` })).toBeTruthy();
    expect(screen.queryByText("Kladden fra sidst er hentet.")).toBeNull();
  });

  it("does not apply a draft whose edits do not fit the base", async () => {
    await newStore().save(key, {
      ...draft,
      edits: [{ op: "remove", questionId: "rehab.findes-ikke" }],
    });
    const store = newStore();
    renderEditor(store);
    await act(async () => {
      await store.load(key);
    });
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(8));
    expect(screen.queryByText("Kladden fra sidst er hentet.")).toBeNull();
  });
});
