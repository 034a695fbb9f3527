// Every project's tests: Testing Library waits for what a test expects up to 15 s instead of 1 s.
// A ceiling, not a wait: on a busy CI machine an editor's first save took longer than 1 s, and
// `findByText("Kladde gemt")` gave up while the save was still running.
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 15_000 });
