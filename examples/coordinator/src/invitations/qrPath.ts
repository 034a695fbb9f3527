import { create } from "qrcode";

/** A QR code as one SVG path: its modules' side in units, the quiet zone included. */
export interface QrPath {
  readonly size: number;
  /** Each run of dark modules in a row as one rectangle: `M x y h w v1 h -w z`. */
  readonly d: string;
}

/** The quiet zone around the symbol, in modules, as the QR standard asks. */
const margin = 4;

/**
 * The QR code of `text` (error correction M: a tablet's camera reads it off a projector or a
 * printout), drawn as a path so the page needs neither a canvas nor markup from a string.
 */
export function qrPath(text: string): QrPath {
  const { modules } = create(text, { errorCorrectionLevel: "M" });
  const { size, data } = modules;
  let d = "";
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (data[row * size + col] === 0) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col] !== 0) col += 1;
      d += `M${start + margin} ${row + margin}h${col - start}v1h-${col - start}z`;
    }
  }
  return { size: size + 2 * margin, d };
}
