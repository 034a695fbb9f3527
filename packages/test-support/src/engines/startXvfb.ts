import { spawn } from "node:child_process";
import { once } from "node:events";

/** An X server of its own for a browser with no headless mode; the display is Xvfb's choice. */
export interface Xvfb {
  /** e.g. ":99", for DISPLAY. */
  readonly display: string;
  stop(): Promise<void>;
}

export async function startXvfb(): Promise<Xvfb> {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it is ready.
  const child = spawn(
    "Xvfb",
    ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
    {
      stdio: ["ignore", "ignore", "pipe", "pipe"],
    },
  );
  const exited = once(child, "exit");
  const stderr: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
  const display = await new Promise<string>((resolve, reject) => {
    let seen = "";
    child.stdio[3]?.on("data", (chunk: Buffer) => {
      seen += chunk.toString("utf8");
      if (seen.includes("\n")) resolve(`:${seen.trim()}`);
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      reject(new Error(`Xvfb exited (${code}) before it was ready:\n${stderr.join("")}`)),
    );
  });
  return {
    display,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
