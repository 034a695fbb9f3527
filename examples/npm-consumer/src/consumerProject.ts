import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The workspace root: the test packs from here and must install somewhere else. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The published packages, in dependency order. */
export const packages = [
  { name: "@klynge/engine", dir: "packages/engine" },
  { name: "@klynge/question-bank", dir: "packages/question-bank" },
  { name: "@klynge/widget", dir: "packages/widget" },
] as const;

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a process run for the consumer: without what pnpm and Vitest set for the
 * workspace (npm_config_*, npm_package_*, pnpm's variables, NODE_OPTIONS, NODE_PATH), so npm
 * and Node see only the temporary project, as another cluster's machine would.
 */
export function consumerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|vitest|vite_)/i.test(key)) continue;
    if (["INIT_CWD", "NODE_OPTIONS", "NODE_PATH", "NODE_ENV"].includes(key)) continue;
    env[key] = value;
  }
  env.npm_config_update_notifier = "false";
  env.npm_config_fund = "false";
  env.npm_config_audit = "false";
  return env;
}

/** Runs a command without a shell; never throws for an exit code (the caller asserts on it). */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 32 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number") {
          // Not started, or killed by the timeout: nothing to assert on.
          reject(
            new Error(
              `${command} ${args.join(" ")} (in ${options.cwd}) failed: ${error.message}\n${stderr}`,
            ),
          );
          return;
        }
        resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

/** Like `run`, but a non-zero exit is an error with the command's output in its message. */
export async function runOk(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} (in ${options.cwd}) exited with ${result.code}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

/** The consumer's round: its hash is filled in by the script from the version it builds. */
export const roundId = "npm-2027-03";

/**
 * Plain Node ESM, as a cluster's script or server would use the packages: the rehab template as
 * a version, one valid and one invalid response, and an aggregate with k = 5.
 */
export const consumerScript = `import { aggregate, validateResponse } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";

const version = templateVersion("rehab");
const round = {
  id: "${roundId}",
  label: "npm consumer",
  versionHash: version.hash,
  cluster: "Klynge Npm",
  invited: 8,
};
const response = (n, choice) => ({
  schemaVersion: 1,
  id: \`00000000-0000-4000-8000-\${String(n).padStart(12, "0")}\`,
  roundId: round.id,
  versionHash: version.hash,
  channel: "app",
  startedAt: "2027-03-10T19:30:00+01:00",
  answers: { "rehab.kendskab": { choice } },
});

const valid = validateResponse(version, response(1, "i-hoej-grad"));
const invalid = validateResponse(version, response(2, "no-such-option"));
// Three "i-hoej-grad" and three "slet-ikke": six respondents, every non-zero cell below k.
const responses = [1, 2, 3, 4, 5, 6].map((n) => response(n, n <= 3 ? "i-hoej-grad" : "slet-ikke"));
const report = aggregate({
  rounds: [round],
  versions: [version],
  responses: [...responses, { ...response(7, "i-hoej-grad"), roundId: "another-round" }],
  k: 5,
});
const kendskab = report.success ? report.data.questions.find((q) => q.id === "rehab.kendskab") : undefined;
console.log(
  JSON.stringify({
    hash: version.hash,
    questions: version.questionnaire.questions.length,
    valid: valid.success,
    invalidCodes: invalid.success ? [] : invalid.issues.map((issue) => issue.code),
    aggregated: report.success,
    respondents: report.success ? report.data.rounds[0].respondents : null,
    rejectedCodes: report.success ? report.data.rejected.flatMap((r) => r.codes) : null,
    cells: kendskab?.perRound[0].options.map((o) => [o.code, o.cell.status]) ?? null,
  }),
);
`;

/** Node ESM importing the widget's entry (React, SurveyJS) and rendering it on the server. */
export const widgetScript = `import { templateVersion } from "@klynge/question-bank";
import { KlyngeSurvey, toSurveyJson } from "@klynge/widget";
import { createHttpTransport } from "@klynge/widget/core";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

const version = templateVersion("rehab");
const round = { id: "${roundId}", label: "npm consumer", versionHash: version.hash, cluster: "Klynge Npm" };
const html = renderToString(
  createElement(KlyngeSurvey, {
    version,
    round,
    transport: createHttpTransport({ baseUrl: "https://x.example/api" }),
  }),
);
console.log(
  JSON.stringify({
    window: typeof window,
    pages: toSurveyJson(version).pages.length,
    html,
    resolved: {
      css: import.meta.resolve("@klynge/widget/klynge-survey.css"),
      embed: import.meta.resolve("@klynge/widget/embed.js"),
      frame: import.meta.resolve("@klynge/widget/frame/index.html"),
    },
  }),
);
`;

/**
 * A React + TypeScript consumer. The line under \`@ts-expect-error\` must be an error: if the
 * widget's types were missing or \`any\`, tsc would report the directive as unused.
 */
export const consumerTsx = `import type { QuestionnaireVersion, Round } from "@klynge/engine";
import { templateVersion } from "@klynge/question-bank";
import { KlyngeSurvey, type KlyngeSurveyResult } from "@klynge/widget";
import { createHttpTransport, openResponseStore, type ResponseStore } from "@klynge/widget/core";
import type { ReactElement } from "react";

const version: QuestionnaireVersion = templateVersion("rehab");
const round: Round = {
  id: "${roundId}",
  label: "npm consumer",
  versionHash: version.hash,
  cluster: "Klynge Npm",
};

export function Consumer(): ReactElement {
  return (
    <KlyngeSurvey
      version={version}
      round={round}
      transport={createHttpTransport({ baseUrl: "https://x.example/api" })}
      onComplete={(r) => r.responseId}
    />
  );
}

export function WrongProp(): ReactElement {
  // @ts-expect-error round must be a Round, not a string: the props are typed, not any.
  return <KlyngeSurvey version={version} round="${roundId}" />;
}

export function WrongCallback(): ReactElement {
  // @ts-expect-error the result has responseId, not id.
  return <KlyngeSurvey version={version} round={round} onComplete={(r) => r.id} />;
}

export const store: Promise<ResponseStore> = openResponseStore({ keepSent: true });
export const idOf = (result: KlyngeSurveyResult): string => result.responseId;
`;

/** The root README's quick start (the \`tsx\` block under "## Quick start"), type-checked as quickstart.tsx. */
export function readmeQuickStart(readme: string): string {
  const match = /^## Quick start\n[\s\S]*?^```tsx\n([\s\S]*?)^```$/m.exec(readme);
  if (match?.[1] === undefined) {
    throw new Error(
      'README.md has no ```tsx block under "## Quick start": keep the quick start there, so it stays type-checked.',
    );
  }
  return match[1];
}

/** Strict, NodeNext, and the libraries' own .d.ts files checked too (skipLibCheck false). */
export const tsconfigNodeNext = {
  compilerOptions: {
    target: "ES2022",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    module: "NodeNext",
    moduleResolution: "NodeNext",
    jsx: "react-jsx",
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
  files: ["consumer.tsx", "quickstart.tsx"],
};

/** The same for a bundler-based app (Vite, webpack): module ESNext, moduleResolution Bundler. */
export const tsconfigBundler = {
  extends: "./tsconfig.json",
  compilerOptions: { module: "ESNext", moduleResolution: "Bundler" },
};
