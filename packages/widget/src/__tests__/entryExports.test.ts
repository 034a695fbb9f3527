import { describe, expect, it } from "vitest";
import * as entry from "../index.js";

// Each value the package entry exports, by name: a new public name is a decision, made here.
// Types are not listed (they leave no trace at run time).

describe("@klynge/widget", () => {
  it("exports these values and no others", () => {
    expect(Object.keys(entry).sort()).toEqual([
      "CodeTable",
      "DB_VERSION",
      "KlyngeSurvey",
      "QuestionnairePreview",
      "StorageError",
      "SyncStatusStore",
      "Uploader",
      "answersFromSurveyData",
      "backoffBaseMs",
      "backoffCapMs",
      "backoffDelay",
      "browserLocks",
      "checkPass",
      "createBrowserConnectivity",
      "createHttpTransport",
      "createSurveyModel",
      "createSurveyNames",
      "createUnsentFile",
      "defaultQuestionsPerPage",
      "draftRecordSchema",
      "initialSyncStatus",
      "isQuotaError",
      "isStorageError",
      "issuesByQuestion",
      "loadRound",
      "localize",
      "lockBusyRetryMs",
      "maxRoundChars",
      "maxUnsentFileChars",
      "messages",
      "openResponseStore",
      "outboxLockName",
      "outboxRecordSchema",
      "parseUnsentFile",
      "quarantineRecordSchema",
      "readRoundDocument",
      "requestPersistence",
      "retryAfterCapMs",
      "saveMeasureName",
      "sentRecordSchema",
      "statusText",
      "surveyDataFromAnswers",
      "surveyOtherValue",
      "systemClock",
      "takeFragmentToken",
      "toSurveyJson",
      "unsentFileFormatVersion",
      "unsentFileKind",
      "unsentFileName",
    ]);
  });
});
