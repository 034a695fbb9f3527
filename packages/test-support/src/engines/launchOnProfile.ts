import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { chromiumArgs, chromiumPath } from "../chromium.js";
import type { EngineName } from "./engine.js";
import { firefoxPath, firefoxPrefs } from "./firefoxEngine.js";
import { startXvfb, type Xvfb } from "./startXvfb.js";
import { findMiniBrowser } from "./webkitEngine.js";

export interface ProfileLaunch {
  /** The browser's storage (IndexedDB included) is kept here; the next launch on it finds it. */
  readonly profileDir: string;
  /** The one page the browser opens. */
  readonly url: string;
}

/**
 * A browser as its user runs it: its own process group, a profile kept on disk, one page, no
 * automation attached (the page talks to the test over HTTP). What a crash test kills.
 */
export interface ProfileBrowser {
  readonly engine: EngineName;
  /** The browser's main process, the leader of its process group. */
  readonly pid: number;
  /**
   * SIGKILL to every process of the browser at once (sent before this returns, so the caller
   * knows the moment); resolves once none is left.
   */
  kill(): Promise<void>;
  /** True once the browser's main process has exited (by itself, if `kill` was not called). */
  exited(): boolean;
  /** A clean shutdown (SIGTERM to the group; SIGKILL if it is still there after 10 s). */
  close(): Promise<void>;
}

/** Firefox after a crash would reopen the old tabs, and after a few, offer safe mode. */
const firefoxProfilePrefs: Readonly<Record<string, boolean | string | number>> = {
  ...firefoxPrefs,
  "browser.sessionstore.resume_from_crash": false,
  "browser.startup.page": 0,
  "toolkit.startup.max_resumed_crashes": -1,
  "browser.shell.checkDefaultBrowser": false,
  "browser.aboutwelcome.enabled": false,
  "browser.startup.homepage_override.mstone": "ignore",
  "datareporting.policy.dataSubmissionEnabled": false,
};

interface Command {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly xvfb?: Xvfb;
}

async function commandFor(
  engine: EngineName,
  { profileDir, url }: ProfileLaunch,
): Promise<Command> {
  switch (engine) {
    case "chromium":
      return {
        file: chromiumPath,
        args: [
          ...chromiumArgs,
          `--user-data-dir=${profileDir}`,
          "--hide-crash-restore-bubble",
          url,
        ],
        env: process.env,
      };
    case "firefox": {
      const prefs = Object.entries(firefoxProfilePrefs)
        .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`)
        .join("");
      await writeFile(join(profileDir, "user.js"), prefs);
      return {
        file: firefoxPath,
        args: ["--headless", "--no-remote", "--profile", profileDir, url],
        env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: "1", MOZ_DISABLE_AUTO_SAFE_MODE: "1" },
      };
    }
    case "webkit": {
      const miniBrowser = findMiniBrowser();
      if (miniBrowser === undefined) {
        throw new Error(
          "MiniBrowser not found: run `node scripts/ensure-browsers.mjs` (webkit2gtk-driver)",
        );
      }
      // Not `--automation`: MiniBrowser then keeps all website data in memory. Without it, the
      // data (IndexedDB under databases/indexeddb) goes under $XDG_DATA_HOME/webkitgtk-4.1/.
      const xvfb = await startXvfb();
      return {
        file: miniBrowser,
        args: [url],
        env: {
          ...process.env,
          DISPLAY: xvfb.display,
          XDG_DATA_HOME: join(profileDir, "data"),
          XDG_CACHE_HOME: join(profileDir, "cache"),
        },
        xvfb,
      };
    }
  }
}

/**
 * True while a process of group `pgid` is still running. A killed child the browser forked is
 * a zombie until init reaps it (here about once a second); a zombie holds no file, so it counts
 * as gone. Linux: read from /proc.
 */
async function groupAlive(pgid: number): Promise<boolean> {
  const entries = await readdir("/proc").catch(() => []);
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    // "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
  }
  return false;
}

async function untilGroupGone(pgid: number, ceilingMs: number): Promise<boolean> {
  const deadline = Date.now() + ceilingMs;
  while (await groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    // How often to look, not how long to wait: the group is gone when no process is left.
    await delay(10);
  }
  return true;
}

/** Groups still running when the test process exits are killed with it. */
const running = new Set<number>();
process.once("exit", () => {
  for (const pgid of running) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

/**
 * Starts `engine`'s browser on `profileDir`, opening `url`, in a process group of its own.
 * Chromium and Firefox run headless; WebKitGTK's MiniBrowser in an Xvfb of its own.
 */
export async function launchOnProfile(
  engine: EngineName,
  launch: ProfileLaunch,
): Promise<ProfileBrowser> {
  await mkdir(launch.profileDir, { recursive: true });
  const command = await commandFor(engine, launch);
  const child = spawn(command.file, command.args, {
    env: command.env,
    detached: true,
    stdio: "ignore",
  });
  const exited = once(child, "exit");
  try {
    await once(child, "spawn");
  } catch (error) {
    await command.xvfb?.stop();
    throw error;
  }
  const pid = child.pid as number;
  running.add(pid);

  function signalGroup(signal: "SIGKILL" | "SIGTERM"): void {
    try {
      process.kill(-pid, signal);
    } catch {
      // The group is gone already.
    }
  }

  async function stop(signal: "SIGKILL" | "SIGTERM"): Promise<void> {
    signalGroup(signal);
    await exited;
    if (!(await untilGroupGone(pid, 10_000))) {
      signalGroup("SIGKILL");
      if (!(await untilGroupGone(pid, 10_000))) {
        throw new Error(`${engine}: processes of group ${pid} outlived SIGKILL`);
      }
    }
    running.delete(pid);
    await command.xvfb?.stop();
  }

  return {
    engine,
    pid,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    kill: () => stop("SIGKILL"),
    close: () => stop("SIGTERM"),
  };
}
