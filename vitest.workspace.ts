// The one list of test projects. Vitest 4 no longer reads this file by itself;
// vitest.config.ts imports it into `test.projects`.
export default [
  "packages/engine",
  "packages/question-bank",
  "packages/widget",
  "examples/meeting-app",
  "examples/npm-consumer",
  "examples/collector",
  "examples/demo",
  "examples/coordinator",
  "examples/identity-provider",
];
