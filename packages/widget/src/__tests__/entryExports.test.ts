import { readFileSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every name each package entry exports, values and types, with the count: a new public name is a
// decision, made here. Tests reach internals by relative path, never through an entry.

const src = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function exportedNames(entry: string): string[] {
  const file = resolve(src, entry);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (clause === undefined || !ts.isNamedExports(clause)) {
      throw new Error(`${entry}: use named exports, not "export *"`);
    }
    for (const element of clause.elements) names.push(element.name.text);
  }
  return names.sort();
}

/** Every module an entry reaches through relative imports, and the packages they import. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(/(?:from|import)\s+"([^"]+)"/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith(".")) {
        const base = resolve(dirname(file), specifier.replace(/\.js$/, ""));
        const found = [".ts", ".tsx"]
          .map((ext) => base + ext)
          .find((path) => {
            try {
              readFileSync(path);
              return true;
            } catch {
              return false;
            }
          });
        if (found === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
        visit(found);
      } else
        packages.add(
          specifier
            .split("/")
            .slice(0, specifier.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  };
  visit(resolve(src, entry));
  return { files: seen, packages };
}

function packagesReached(entry: string): Set<string> {
  return reach(entry).packages;
}

function modulesReached(entry: string): string[] {
  return [...reach(entry).files];
}

describe("@klynge/widget (the React side)", () => {
  it("exports these names and no others", () => {
    const names = exportedNames("index.ts");
    expect(names).toEqual([
      "HeadingLevel",
      "IntroOptions",
      "KlyngeSurvey",
      "KlyngeSurveyProps",
      "KlyngeSurveyResult",
      "Locale",
      "LocalizedString",
      "QuestionnairePreview",
      "QuestionnairePreviewProps",
      "RespondentPass",
      "ResponseStore",
      "ResponseStoreState",
      "StorageGuarantee",
      "SurveyJsonModel",
      "SyncStatus",
      "ToSurveyJsonOptions",
      "Transport",
      "Uploader",
      "UseResponseStoreOptions",
      "localize",
      "saveMeasureName",
      "toSurveyJson",
      "useOutboxCounts",
      "useResponseStore",
      "useStoredValue",
      "useSyncStatus",
      "useUploader",
    ]);
    expect(names).toHaveLength(27);
  });
});

describe("@klynge/widget/core (the offline core)", () => {
  it("exports these names and no others", () => {
    const names = exportedNames("core/index.ts");
    expect(names).toEqual([
      "CheckPassOptions",
      "Delivery",
      "DraftRecord",
      "EmbedRound",
      "HttpTransportOptions",
      "ImportResult",
      "LoadRoundError",
      "LoadRoundResult",
      "Locale",
      "NewDraft",
      "OutboxCounts",
      "OutboxEntry",
      "OutboxError",
      "OutboxPort",
      "OutboxRecord",
      "ParsedUnsentFile",
      "PassCheck",
      "QuarantineRecord",
      "RefusedItem",
      "RespondentPass",
      "ResponseStore",
      "ResponseStoreEvent",
      "ResponseStoreOptions",
      "Result",
      "SentRecord",
      "StorageError",
      "StorageErrorCode",
      "StorageGuarantee",
      "SyncError",
      "SyncErrorCode",
      "SyncMessages",
      "SyncStatus",
      "Transport",
      "TransportResult",
      "UnsentFile",
      "UnsentFileContents",
      "UnsentFileErrorCode",
      "UnsentFileIssue",
      "Uploader",
      "UploaderOptions",
      "WidgetMessages",
      "checkPass",
      "createHttpTransport",
      "createUnsentFile",
      "isStorageError",
      "loadRound",
      "messages",
      "openResponseStore",
      "parseUnsentFile",
      "readRoundDocument",
      "sendNow",
      "statusText",
      "takeFragmentToken",
      "unsentFileName",
    ]);
    expect(names).toHaveLength(54);
  });

  it("reaches no React and no SurveyJS", () => {
    const reached = [...packagesReached("core/index.ts")].sort();
    expect(reached).toEqual(["@klynge/engine", "idb", "zod"]);
  });
});

describe("@klynge/widget/server (the frame page's first page, in Node)", () => {
  it("exports these names and no others", () => {
    const names = exportedNames("server/index.ts");
    expect(names).toEqual([
      "FilledFramePage",
      "RenderFirstPageOptions",
      "fillFramePage",
      "renderFirstPage",
    ]);
    expect(names).toHaveLength(4);
  });

  it("reaches React's server renderer and SurveyJS, no storage (idb)", () => {
    const reached = [...packagesReached("server/index.ts")].sort();
    expect(reached).toEqual([
      "@klynge/engine",
      "react",
      "react-dom",
      "survey-core",
      "survey-react-ui",
      "zod",
    ]);
  });
});

describe("@klynge/widget/editor", () => {
  it("exports these names and no others", () => {
    const names = exportedNames("editor/index.ts");
    expect(names).toEqual([
      "ClosableEditorDraftStore",
      "EditorDraft",
      "EditorDraftStore",
      "EditorDraftStoreOptions",
      "QuestionnaireEditor",
      "QuestionnaireEditorProps",
      "openEditorDraftStore",
    ]);
    expect(names).toHaveLength(7);
  });
});

describe("@klynge/widget/report (the report's view-model)", () => {
  it("exports these names and no others", () => {
    const names = exportedNames("report/index.ts");
    expect(names).toEqual([
      "Answered",
      "BarValue",
      "ChangeCells",
      "ChangeWithheld",
      "ChartBar",
      "ChartGroup",
      "ComparedQuestion",
      "ComparisonLine",
      "ComparisonView",
      "NoteGroup",
      "OptionTable",
      "OptionTableProps",
      "ReportMessages",
      "ResultTexts",
      "SideFigure",
      "TextList",
      "TextListProps",
      "answeredText",
      "changeCells",
      "chartGroups",
      "comparisonView",
      "conditionLines",
      "countText",
      "formatNumber",
      "formatPercent",
      "hasFigures",
      "meanText",
      "noteGroups",
      "reportMessages",
      "resultTexts",
      "resultTextsTitle",
      "shareText",
    ]);
    expect(names).toHaveLength(32);
  });

  it("reaches the engine and React only: no SurveyJS, no IndexedDB", () => {
    const reached = [...packagesReached("report/index.ts")].sort();
    expect(reached).toEqual(["@klynge/engine", "react"]);
  });

  it("is not reached from the survey's entry, so it does not grow the widget's bundle", () => {
    for (const entry of ["index.ts", "core/index.ts", "editor/index.ts"]) {
      const files = modulesReached(entry);
      expect(files.filter((file) => file.includes(`${sep}report${sep}`))).toEqual([]);
    }
  });
});

describe("the frame page's inline early save (dist/frame/early-save.js)", () => {
  it("imports from no package but types: no React, SurveyJS, zod or idb in the inline script", () => {
    const fromPackages = modulesReached("embed/earlySaveEntry.ts").flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => /^import .* from "[^.]/.test(line)),
    );
    // prerenderedPage's `Model` (survey-core), erased in the build.
    expect(fromPackages).toEqual(['import type { Model } from "survey-core";']);
  });
});
