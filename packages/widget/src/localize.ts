// The engine's: the widget re-exports it, so its users keep importing it from here.
export { type LocalizedString, localize } from "@klynge/engine";
