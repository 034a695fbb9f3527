import { fileURLToPath } from "node:url";
import { entryNames } from "@klynge/test-support/entryNames";
import { describe, expect, it } from "vitest";
import * as contract from "../contract/index.js";
import * as main from "../index.js";

// Every name each entry exports: a new public name, or one taken away, is a decision made here.
const fileOf = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

describe("@klynge/engine", () => {
  const { values, types } = entryNames(fileOf("../index.ts"));

  it("exports these values and no others", () => {
    expect(Object.keys(main).sort()).toEqual(values);
    expect(values.length).toBe(47);
    expect(values).toEqual([
      "Accumulator",
      "accumulate",
      "aggregate",
      "applyEdits",
      "auditReport",
      "auditReports",
      "buildReport",
      "canonicalJson",
      "channelSchema",
      "checkNewVersion",
      "createIssue",
      "createVersion",
      "defaultK",
      "defaultUnanimousBelow",
      "diff",
      "dontKnowChoice",
      "dontKnowScalePoint",
      "exportResponsesCsv",
      "formatIssue",
      "formatPath",
      "groupIssues",
      "hashPattern",
      "isShown",
      "limits",
      "localize",
      "longestCommonSubsequence",
      "minimumK",
      "noneChoice",
      "otherChoice",
      "packageFormatVersion",
      "parseMeetingPlan",
      "parsePackage",
      "parseQuestionnaire",
      "parseQuestionnaireVersion",
      "parseReferralCsv",
      "parseReport",
      "parseRound",
      "prefixIssues",
      "pseudonymKey",
      "referralRates",
      "responseEnvelopeSchema",
      "responseSchemaVersion",
      "roundIdSchema",
      "tabulateResponses",
      "undiscussedQuestions",
      "validateResponse",
      "withDayPrecision",
    ]);
  });

  it("exports these types and no others", () => {
    expect(types.length).toBe(48);
    expect(types).toEqual([
      "AccumulatorState",
      "Answer",
      "Cell",
      "Change",
      "Channel",
      "ChoiceOption",
      "ClusterPackage",
      "ClusterPackageInput",
      "Comparison",
      "Condition",
      "Count",
      "DiffOptions",
      "Disclosure",
      "Issue",
      "IssueCode",
      "LocalEdit",
      "Locale",
      "LocalizedMessage",
      "LocalizedString",
      "LocalizedText",
      "Mean",
      "MeetingPlan",
      "OfferReferralRates",
      "OptionKind",
      "OptionResult",
      "PlanItem",
      "Question",
      "QuestionField",
      "QuestionReport",
      "QuestionRoundResult",
      "QuestionType",
      "Questionnaire",
      "QuestionnaireDiff",
      "QuestionnaireInput",
      "QuestionnaireVersion",
      "ReferralRateReport",
      "ReferralRow",
      "Report",
      "Response",
      "ResponseEnvelope",
      "ResponseTables",
      "Result",
      "Round",
      "RoundSummary",
      "ScaleOption",
      "SuppressionNote",
      "TableCell",
      "Texts",
    ]);
  });
});

describe("@klynge/engine/contract", () => {
  const { values, types } = entryNames(fileOf("../contract/index.ts"));

  it("exports these values and no others", () => {
    expect(Object.keys(contract).sort()).toEqual(values);
    expect(values.length).toBe(19);
    expect(values).toEqual([
      "answersFileName",
      "apiErrors",
      "apiLimits",
      "errorBody",
      "errorBodySchema",
      "invitationHeader",
      "invitationLimits",
      "isOrigin",
      "meetingKeyHeader",
      "parseRoundDocument",
      "parseWithSchema",
      "passTokenSchema",
      "respondentRoutes",
      "retentionLimits",
      "roundBelongsTo",
      "roundIdSchema",
      "routePath",
      "routes",
      "toApiIssue",
    ]);
  });

  it("exports these types and no others", () => {
    expect(types.length).toBe(31);
    expect(types).toEqual([
      "ApiErrorCode",
      "ApiIssue",
      "AuditAction",
      "AuditEntry",
      "BodyOf",
      "Cluster",
      "ClusterDetail",
      "ClusterInput",
      "ClusterMember",
      "ClusterPackageEntry",
      "ClusterPatch",
      "ContractSchema",
      "ErrorBody",
      "InvitationEntry",
      "InvitationList",
      "MeetingKeyEntry",
      "MemberRole",
      "Membership",
      "ParamsOf",
      "PassStatus",
      "ReplyOf",
      "ReportBundle",
      "RoundDocument",
      "RoundEntry",
      "RoundPlan",
      "RouteDefinition",
      "RouteName",
      "SessionInfo",
      "Staff",
      "StaffInput",
      "VersionEntry",
    ]);
  });
});
