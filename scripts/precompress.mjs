// Writes `file.br` and `file.gz` beside each text asset of a built site, as a production web
// server serves them (the collector's static hosting picks them by the browser's
// Accept-Encoding). Usage: node scripts/precompress.mjs <dir> [<dir> …]
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const compressible = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|map)$/;
// Below this, compression saves too little to matter.
const minimumBytes = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (compressible.test(entry.name)) yield path;
  }
}

let written = 0;
let before = 0;
let after = 0;
for (const dir of process.argv.slice(2)) {
  for (const path of files(dir)) {
    if (statSync(path).size < minimumBytes) continue;
    const plain = readFileSync(path);
    const br = brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
      },
    });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(plain, { level: 9 }));
    written += 1;
    before += plain.length;
    after += br.length;
  }
}
console.log(
  `precompress: ${written} files, ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB with brotli`,
);
