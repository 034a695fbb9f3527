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

/**
 * For a test file: SurveyJS's happy-dom polyfills, a fresh in-memory draft store per test, and
 * `renderEditor(overrides)` on the rehab template, which returns the `onPublish` mock.
 */
export function editorFixture(): {
  renderEditor(
    overrides?: Partial<QuestionnaireEditorProps>,
  ): ReturnType<typeof vi.fn<(version: QuestionnaireVersion) => void>>;
} {
  let store: ClosableEditorDraftStore | undefined;
  beforeAll(polyfillSurveyJs);
  beforeEach(() => {
    store = openEditorDraftStore({ indexedDB: new IDBFactory() });
  });
  afterEach(() => {
    cleanup();
    store?.close();
  });
  return {
    renderEditor(overrides = {}) {
      const onPublish = vi.fn<(version: QuestionnaireVersion) => void>();
      render(
        <QuestionnaireEditor
          base={rehab}
          draftKey="klynge-syd.2027-03"
          {...(store === undefined ? {} : { storage: store })}
          onPublish={onPublish}
          initialLabel="Klynge Syd, marts 2027"
          {...overrides}
        />,
      );
      return onPublish;
    },
  };
}
