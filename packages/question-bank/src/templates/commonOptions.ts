// The standard options are the engine's, shared with the widget's editor for local questions.
export { dontKnowChoice, dontKnowScalePoint, otherChoice } from "@klynge/engine";
