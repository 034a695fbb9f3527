// Browser tests need a real Chromium. Playwright cannot download its own browser here, so we
// use Debian's package: found via CHROMIUM_PATH or /usr/bin/chromium, installed with apt-get
// when missing and we are root. Prints the path it found.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [
  process.env.CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
].filter(Boolean);
let found = candidates.find((p) => existsSync(p));

if (!found) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      "Chromium is needed for the browser tests. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) " +
        "or set CHROMIUM_PATH to a Chromium/Chrome binary.",
    );
    process.exit(1);
  }
  console.error("Chromium not found; installing Debian's chromium package (once)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  found = "/usr/bin/chromium";
}
console.log(`chromium: ${found}`);
