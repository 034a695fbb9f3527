// What the page calls: the engine's own hashing, which its public entry does not export.
export { sha256Hex, utf8Encode } from "../../../internal/sha256.js";
export { hashQuestionnaire } from "../../../versions/questionnaireVersion.js";
