// Sums every Vitest JSON report in a folder and prints one final line: "N passed, N failed".
// Before it, one line per browser engine ("webkit: 5 passed"), counting the tests whose title
// starts with the engine's name and a colon (the engine tests' convention).
// A suite that failed without running a test (e.g. an import error) counts as one failure.
// Exits 1 when anything failed or no report was found, after printing the line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? ".ci/out";

let files = [];
try {
  files = readdirSync(dir).filter((name) => name.endsWith(".json"));
} catch (error) {
  console.error(`summarize: cannot read ${dir}: ${error.message}`);
}

let passed = 0;
let failed = 0;
let unreadable = 0;
const engines = ["chromium", "firefox", "webkit"];
const byEngine = new Map(engines.map((engine) => [engine, { passed: 0, failed: 0 }]));

for (const name of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(join(dir, name), "utf8"));
  } catch (error) {
    console.error(`summarize: ${name} is not a JSON report: ${error.message}`);
    unreadable += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    for (const result of suite.assertionResults ?? []) {
      const counts = byEngine.get(/^(\w+): /.exec(result.title ?? "")?.[1]);
      if (counts === undefined) continue;
      if (result.status === "passed") counts.passed += 1;
      else if (result.status === "failed") counts.failed += 1;
    }
    if (suite.status === "failed" && (suite.assertionResults ?? []).length === 0) {
      console.error(`summarize: suite failed without running a test: ${suite.name}`);
      if (suite.message) console.error(suite.message);
      failed += 1;
    }
  }
}

if (files.length === 0) console.error(`summarize: no JSON report in ${dir}`);

for (const [engine, counts] of byEngine) {
  if (counts.passed + counts.failed === 0) continue;
  console.log(
    `${engine}: ${counts.passed} passed${counts.failed > 0 ? ` (${counts.failed} failed)` : ""}`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || files.length === 0 || unreadable > 0 ? 1 : 0;
