// Sums every Vitest JSON report in a folder and prints one final line: "N passed, N failed".
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
    if (suite.status === "failed" && (suite.assertionResults ?? []).length === 0) {
      console.error(`summarize: suite failed without running a test: ${suite.name}`);
      if (suite.message) console.error(suite.message);
      failed += 1;
    }
  }
}

if (files.length === 0) console.error(`summarize: no JSON report in ${dir}`);

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || files.length === 0 || unreadable > 0 ? 1 : 0;
