import "fake-indexeddb/auto";
import type { QuestionnaireVersion } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { polyfillSurveyJs } from "@klynge/test-support/happyDom";
import { cleanup, render } from "@testing-library/react";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeAll, beforeEach, vi } from "vitest";
import {
  type ClosableEditorDraftStore,
  openEditorDraftStore,
} from "../../editor/openEditorDraftStore.js";
import {
  QuestionnaireEditor,
  type QuestionnaireEditorProps,
} from "../../editor/QuestionnaireEditor.js";

export const rehab = templateVersion("rehab");
export const label = "Klynge Syd + Vejle Kommune, marts 2027";
export const draftKey = "klynge-syd.2027-03";

/** Each test of the calling file gets a fresh draft store on its own fake IndexedDB. */
export function freshDraftStoreEachTest(): { readonly store: ClosableEditorDraftStore } {
  let current: ClosableEditorDraftStore | undefined;
  beforeAll(polyfillSurveyJs);
  beforeEach(() => {
    current = openEditorDraftStore({ indexedDB: new IDBFactory() });
  });
  afterEach(() => {
    cleanup();
    current?.close();
    current = undefined;
  });
  return {
    get store() {
      if (current === undefined) throw new Error("The draft store exists only inside a test.");
      return current;
    },
  };
}

/** Renders the editor on the rehab template with `store`; returns its `onPublish` mock. */
export function renderEditor(
  store: ClosableEditorDraftStore,
  overrides: Partial<QuestionnaireEditorProps> = {},
) {
  const onPublish = vi.fn<(version: QuestionnaireVersion) => void>();
  render(
    <QuestionnaireEditor
      base={rehab}
      draftKey={draftKey}
      storage={store}
      onPublish={onPublish}
      initialLabel={label}
      {...overrides}
    />,
  );
  return onPublish;
}

/**
 * For a test file: `freshDraftStoreEachTest` and `renderEditor(overrides)` on its store, with the
 * version named "Klynge Syd, marts 2027" unless overridden.
 */
export function editorFixture(): {
  renderEditor(overrides?: Partial<QuestionnaireEditorProps>): ReturnType<typeof renderEditor>;
} {
  const fresh = freshDraftStoreEachTest();
  return {
    renderEditor: (overrides = {}) =>
      renderEditor(fresh.store, { initialLabel: "Klynge Syd, marts 2027", ...overrides }),
  };
}
