import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { templateVersion } from "@klynge/question-bank";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consumerEnv,
  consumerScript,
  consumerTsx,
  packages,
  readmeQuickStart,
  repoRoot,
  run,
  runOk,
  tsconfigBundler,
  tsconfigNodeNext,
  widgetScript,
} from "../consumerProject.js";

// The proof that other clusters' tools can import our packages from npm: pack the three
// packages as they would be published, install the tarballs with npm in a project outside the
// workspace (no workspace links, no "@klynge/source" condition), and use them from Node and tsc.

interface Packed {
  readonly name: string;
  readonly version: string;
  readonly tarball: string;
  readonly entries: readonly string[];
  readonly manifest: Record<string, unknown>;
}

let root = "";
let project = "";
const packed: Packed[] = [];

async function readJson(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path, "utf8")) as Record<string, unknown>;
}

function byName(name: string): Packed {
  const found = packed.find((p) => p.name === name);
  if (found === undefined) throw new Error(`${name} was not packed`);
  return found;
}

/** Every file an `exports` map (or main/types) points at, e.g. "./dist/index.d.ts". */
function targetsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(targetsOf);
  return [];
}

beforeAll(async () => {
  const unbuilt = packages.filter(({ dir }) => !existsSync(join(repoRoot, dir, "dist/index.js")));
  if (unbuilt.length > 0 || !existsSync(join(repoRoot, "packages/widget/dist/embed.js"))) {
    await runOk("pnpm", [...packages.flatMap(({ name }) => ["--filter", name]), "build"], {
      cwd: repoRoot,
      timeoutMs: 180_000,
    });
  }

  root = await mkdtemp(join(tmpdir(), "klynge-npm-consumer-"));
  const fromRepo = relative(repoRoot, root);
  if (!(fromRepo.startsWith("..") || isAbsolute(fromRepo))) {
    throw new Error(`the consumer project must be outside the workspace; got ${root}`);
  }
  const tarballs = join(root, "tarballs");
  project = join(root, "project");
  await mkdir(tarballs);
  await mkdir(project);

  await Promise.all(
    packages.map(({ dir }) =>
      runOk("pnpm", ["pack", "--pack-destination", tarballs], { cwd: join(repoRoot, dir) }),
    ),
  );
  for (const { name, dir } of packages) {
    const { version } = (await readJson(join(repoRoot, dir, "package.json"))) as {
      version: string;
    };
    const tarball = join(tarballs, `${name.replace("@", "").replace("/", "-")}-${version}.tgz`);
    const listed = await runOk("tar", ["-tzf", tarball], { cwd: root });
    const shown = await runOk("tar", ["-xzOf", tarball, "package/package.json"], { cwd: root });
    packed.push({
      name,
      version,
      tarball,
      entries: listed.stdout.split("\n").filter((line) => line !== ""),
      manifest: JSON.parse(shown.stdout) as Record<string, unknown>,
    });
  }

  await writeFile(
    join(project, "package.json"),
    `${JSON.stringify({ name: "klynge-npm-consumer-probe", private: true, type: "module" }, null, 2)}\n`,
  );
  await runOk(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      ...packed.map((p) => p.tarball),
      "react@19",
      "react-dom@19",
      "typescript@5.9.3",
      "@types/react@19",
      "@types/react-dom@19",
    ],
    { cwd: project, env: consumerEnv(), timeoutMs: 180_000 },
  );
}, 240_000);

afterAll(async () => {
  if (root !== "") await rm(root, { recursive: true, force: true });
});

describe("the packed tarballs", () => {
  it("hold dist/, README.md and package.json, every exported file, and no tests", () => {
    expect(packed.map((p) => p.name)).toEqual(packages.map((p) => p.name));
    for (const { name, entries, manifest } of packed) {
      for (const file of ["package.json", "README.md", "dist/index.js", "dist/index.d.ts"]) {
        expect(entries, `${name} lacks ${file}`).toContain(`package/${file}`);
      }
      expect(
        entries.filter((e) => e.includes("__tests__") || /\.test\.tsx?$/.test(e)),
        `${name} ships tests`,
      ).toEqual([]);
      const targets = [
        ...targetsOf(manifest.exports),
        ...targetsOf(manifest.main),
        ...targetsOf(manifest.types),
      ];
      expect(targets.length).toBeGreaterThan(2);
      for (const target of targets) {
        const path = `package/${target.replace(/^\.\//, "")}`;
        const present = path.endsWith("*")
          ? entries.some((e) => e.startsWith(path.slice(0, -1)))
          : entries.includes(path);
        expect(present, `${name}: exports/main/types point at ${target}, not in the tarball`).toBe(
          true,
        );
      }
    }
  });

  it("name real versions, not workspace: ranges, for the internal dependencies", () => {
    for (const { name, manifest } of packed) {
      const deps = { ...(manifest.dependencies as Record<string, string> | undefined) };
      for (const [dep, range] of Object.entries(deps)) {
        expect(range, `${name} → ${dep}`).not.toMatch(/^workspace:/);
      }
    }
    const engine = byName("@klynge/engine").version;
    expect(byName("@klynge/question-bank").manifest.dependencies).toMatchObject({
      "@klynge/engine": `^${engine}`,
    });
    expect(byName("@klynge/widget").manifest.dependencies).toMatchObject({
      "@klynge/engine": `^${engine}`,
    });
  });

  it("are what npm installed, with one copy of the engine", async () => {
    const lock = (await readJson(join(project, "package-lock.json"))) as {
      packages: Record<string, { version?: string; resolved?: string }>;
    };
    for (const { name, version, tarball } of packed) {
      const installed = await readJson(join(project, "node_modules", name, "package.json"));
      expect(installed.version, name).toBe(version);
      expect(lock.packages[`node_modules/${name}`]?.resolved, name).toMatch(/^file:/);
      expect(lock.packages[`node_modules/${name}`]?.resolved).toContain(tarball.split("/").at(-1));
    }
    const nested = Object.keys(lock.packages).filter((key) =>
      key.endsWith("/node_modules/@klynge/engine"),
    );
    expect(nested, "a second copy of the engine").toEqual([]);
  });
});

describe("a Node ESM consumer", () => {
  it("builds the rehab version, validates and aggregates with the installed packages", async () => {
    await writeFile(join(project, "consumer.mjs"), consumerScript);
    const { stdout } = await runOk(process.execPath, ["consumer.mjs"], {
      cwd: project,
      env: consumerEnv(),
    });
    const out = JSON.parse(stdout) as {
      hash: string;
      questions: number;
      valid: boolean;
      invalidCodes: string[];
      aggregated: boolean;
      respondents: unknown;
      rejectedCodes: string[];
      cells: [string, string][];
    };
    expect(out.hash).toMatch(/^[0-9a-f]{64}$/);
    // The workspace computes the same content hash from src/: a different one means the packed
    // dist/ is stale (run `pnpm build`) or the build changes what the engine hashes.
    expect(out.hash, "the tarballs' hash differs from the workspace's: stale dist/?").toBe(
      templateVersion("rehab").hash,
    );
    expect(out.questions).toBe(templateVersion("rehab").questionnaire.questions.length);
    expect(out.valid).toBe(true);
    expect(out.invalidCodes).toEqual(["unknown_option"]);
    expect(out.aggregated).toBe(true);
    expect(out.respondents).toEqual({ status: "shown", value: 6 });
    expect(out.rejectedCodes).toEqual(["unknown_round"]);
    // Three and three of six respondents, k = 5: both counts are withheld (small cells).
    expect(Object.fromEntries(out.cells)).toMatchObject({
      "i-hoej-grad": "suppressed",
      "slet-ikke": "suppressed",
      "i-nogen-grad": "shown",
    });
  });

  it("can be required from CommonJS (Node's require of ES modules), as Jest-style tools load them", async () => {
    const script = [
      'const { templateVersion } = require("@klynge/question-bank");',
      'const { validateResponse } = require("@klynge/engine");',
      'const version = templateVersion("rehab");',
      "const checked = validateResponse(version, {});",
      "console.log(JSON.stringify({ hash: version.hash, valid: checked.success }));",
    ].join("\n");
    await writeFile(join(project, "consumer.cjs"), script);
    const { stdout } = await runOk(process.execPath, ["consumer.cjs"], {
      cwd: project,
      env: consumerEnv(),
    });
    const out = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
    expect(out).toEqual({ hash: templateVersion("rehab").hash, valid: false });
  });

  it("imports the widget (React, SurveyJS) in Node and renders it on the server", async () => {
    await writeFile(join(project, "widget.mjs"), widgetScript);
    const { stdout } = await runOk(process.execPath, ["widget.mjs"], {
      cwd: project,
      env: consumerEnv(),
    });
    const out = JSON.parse(stdout) as {
      window: string;
      pages: number;
      html: string;
      resolved: { css: string; embed: string; frame: string };
    };
    expect(out.window).toBe("undefined");
    expect(out.pages).toBeGreaterThan(0);
    // The store opens in an effect, so the server's HTML is the busy form with the first question.
    expect(out.html).toContain('class="klynge-survey"');
    expect(out.html).toContain('aria-busy="true"');
    expect(out.html).toContain(templateVersion("rehab").questionnaire.questions[0]?.text.da);

    const inProject = (url: string) => {
      const path = fileURLToPath(url);
      expect(path.startsWith(join(project, "node_modules", "@klynge", "widget"))).toBe(true);
      return path;
    };
    expect(await readFile(inProject(out.resolved.css), "utf8")).toContain(".klynge-survey");
    expect(await readFile(inProject(out.resolved.embed), "utf8")).toMatch(/^var KlyngeEmbed=/);
    expect(await readFile(inProject(out.resolved.frame), "utf8")).toContain("<html");
  });
});

describe("a TypeScript + React consumer (strict, skipLibCheck false)", () => {
  beforeAll(async () => {
    await writeFile(join(project, "consumer.tsx"), consumerTsx);
    const readme = await readFile(join(repoRoot, "README.md"), "utf8");
    await writeFile(join(project, "quickstart.tsx"), readmeQuickStart(readme));
    await writeFile(
      join(project, "tsconfig.json"),
      `${JSON.stringify(tsconfigNodeNext, null, 2)}\n`,
    );
    await writeFile(
      join(project, "tsconfig.bundler.json"),
      `${JSON.stringify(tsconfigBundler, null, 2)}\n`,
    );
  });

  it("type-checks with module NodeNext", async () => {
    const result = await run("npx", ["--no", "--", "tsc", "-p", ".", "--noEmit"], {
      cwd: project,
      env: consumerEnv(),
    });
    expect(result.stdout, "tsc's errors").toBe("");
    expect(result.code).toBe(0);
  }, 120_000);

  it("type-checks with moduleResolution Bundler", async () => {
    const result = await run(
      "npx",
      ["--no", "--", "tsc", "-p", "tsconfig.bundler.json", "--noEmit"],
      { cwd: project, env: consumerEnv() },
    );
    expect(result.stdout, "tsc's errors").toBe("");
    expect(result.code).toBe(0);
  }, 120_000);
});
