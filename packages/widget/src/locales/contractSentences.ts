// The contract's sentences, for `loadContractText` (contractTextLater.ts) in the frame's build.
export { apiErrors } from "@klynge/engine/contract";
