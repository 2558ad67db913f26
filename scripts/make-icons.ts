/**
 * `npm run icons`: draws the add-in's icons (a white leaf on a green rounded square) and writes them
 * to assets/icon-<size>.png for the sizes the manifest and the Office store use. PNG is written by
 * hand with Node's zlib so the icons are reproducible and need no image tool or download.
 *
 * PNG layout (W3C PNG spec, 2nd ed.): signature, IHDR, IDAT (zlib stream of scanlines, each led by a
 * filter-type byte), IEND; every chunk is length + type + data + CRC-32 of type and data.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { deflateSync } from "zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];

const GREEN: Rgba = [0x1b, 0x7a, 0x43, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes a pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  // bytes 10–12: compression 0, filter 0, no interlace
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    raw[row] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), row + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of the glyph at a point of the unit square (0..1 on both axes, y down). */
function glyphAt(x: number, y: number): Rgba {
  // Rounded square background, corner radius 0.2.
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return CLEAR;
  // The leaf: the lens where two circles overlap, its axis on the diagonal from bottom-left to top-right.
  // Rotate by 45° so the axis becomes horizontal (u along the axis, v across it), centred on the square.
  const cx = x - 0.5;
  const cy = y - 0.5;
  const u = (cx - cy) / Math.SQRT2;
  const v = (cx + cy) / Math.SQRT2;
  const half = 0.36; // half the leaf's length
  const width = 0.17; // half the leaf's width at its middle
  const radius = (half * half + width * width) / (2 * width);
  const offset = radius - width;
  const inLeaf = u * u + (v - offset) ** 2 <= radius * radius && u * u + (v + offset) ** 2 <= radius * radius;
  // The midrib: a thin green line along the axis, and a stem past the leaf's lower end.
  const onRib = Math.abs(v) < 0.025 && u > -half && u < half * 0.75;
  const onStem = Math.abs(v) < 0.03 && u <= -half + 0.02 && u > -half - 0.1;
  if (onStem) return WHITE;
  if (inLeaf && !onRib) return WHITE;
  return GREEN;
}

/** Renders the glyph at `size` px with 4×4 supersampling for smooth edges. */
export function drawIcon(size: number): Uint8Array {
  const n = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = glyphAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          // Premultiply so transparent samples do not darken the edge.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(a / (n * n));
    }
  }
  return out;
}

export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(join(__dirname, "..", "assets"))) console.log(`wrote ${file}`);
}
