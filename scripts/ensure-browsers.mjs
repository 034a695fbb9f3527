// Browser tests run in three engines: Debian's Chromium (playwright-core), Firefox ESR
// (puppeteer-core over WebDriver BiDi) and WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb).
// No test tool can download its own browser here, so they are Debian's packages: found on disk
// (CHROMIUM_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, WEBKIT_MINIBROWSER_PATH override), and the
// missing ones installed with one apt-get when we are root. Prints what it found.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

function firstExisting(...paths) {
  return paths.filter(Boolean).find((path) => existsSync(path));
}

function miniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER_PATH)
    return firstExisting(process.env.WEBKIT_MINIBROWSER_PATH);
  const triplets = existsSync("/usr/lib") ? readdirSync("/usr/lib") : [];
  return firstExisting(
    ...triplets.flatMap((triplet) =>
      ["webkit2gtk-4.1", "webkit2gtk-4.0", "webkitgtk-6.0"].map(
        (api) => `/usr/lib/${triplet}/${api}/MiniBrowser`,
      ),
    ),
  );
}

const needs = [
  {
    name: "chromium",
    package: "chromium",
    find: () =>
      firstExisting(process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"),
  },
  {
    name: "firefox",
    package: "firefox-esr",
    find: () => firstExisting(process.env.FIREFOX_PATH, "/usr/bin/firefox-esr"),
  },
  {
    name: "webkit driver",
    package: "webkit2gtk-driver",
    find: () => firstExisting(process.env.WEBKIT_DRIVER_PATH, "/usr/bin/WebKitWebDriver"),
  },
  { name: "webkit browser", package: "webkit2gtk-driver", find: miniBrowser },
  { name: "xvfb", package: "xvfb", find: () => firstExisting("/usr/bin/Xvfb") },
];

const missing = [...new Set(needs.filter((need) => !need.find()).map((need) => need.package))];
if (missing.length > 0) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(
      `The browser tests need ${missing.join(", ")}. Install them (Debian/Ubuntu: ` +
        `\`sudo apt-get install -y ${missing.join(" ")}\`), or set CHROMIUM_PATH, FIREFOX_PATH, ` +
        "WEBKIT_DRIVER_PATH and WEBKIT_MINIBROWSER_PATH to binaries of your own.",
    );
    process.exit(1);
  }
  console.error(`Installing Debian's ${missing.join(", ")} for the browser tests (once)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: "inherit", env });
}
for (const need of needs) {
  const found = need.find();
  if (found === undefined) {
    console.error(`${need.name}: still missing after installing ${need.package}`);
    process.exit(1);
  }
  console.log(`${need.name}: ${found}`);
}
