/**
 * Zip bombs built in a moment without ever holding their inflated size: one deflated megabyte ending
 * in a full flush (RFC 1951 §3.2.3: byte-aligned, no back-references across it) repeated n times is a
 * valid deflate stream of n MB. The entry is spliced into a package by hand, declaring whatever size
 * the crafter likes (a bomb lies), so the reader's caps are met on what actually comes out.
 */
import { constants, deflateRawSync } from "zlib";
import { readZip, writeZip, type ZipEntry, type ZipItem } from "../../src/workbook/xlsx/zip";

const MB = 1 << 20;

/**
 * A part that inflates to `head`, then `megabytes` copies of the megabyte `piece`, then `tail` (head
 * and tail as UTF-8), deflated without ever holding more than one piece.
 */
export function deflatedPart(head: string, piece: Buffer, megabytes: number, tail: string): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const deflated = deflateRawSync(piece, flush);
  return Buffer.concat([
    deflateRawSync(Buffer.from(head), flush),
    ...Array<Buffer>(megabytes).fill(deflated),
    deflateRawSync(Buffer.from(tail)),
  ]);
}

/**
 * A megabyte of text that deflates only about 100:1: 16 KB of pseudo-random letters, then "x". A part
 * made of it stays under the reader's 200:1 ratio cap, so only the part cap (256 MB) stops it, as
 * it would a crafted part of varied text.
 */
export function textMegabyte(): Buffer {
  const out = Buffer.alloc(MB, 0x78);
  let seed = 15;
  for (let i = 0; i < 16 * 1024; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0; // a fixed linear congruential sequence
    out[i] = 0x61 + ((seed >>> 16) % 26);
  }
  return out;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * A worksheet part that inflates to about `megabytes` MB of blanks inside <sheetData>, with an empty
 * element every 256 KB: the bomb is its size alone (a stretch between tags over 1 Mi characters is
 * refused on its own, limits.ts xmlTextChars).
 */
export function deflatedSheetBomb(megabytes: number): Buffer {
  const piece = Buffer.alloc(MB, 32);
  for (let at = MB / 4 - 4; at < MB; at += MB / 4) piece.write("<x/>", at);
  return deflatedPart(`<worksheet xmlns="${MAIN_NS}"><sheetData>`, piece, megabytes, "</sheetData></worksheet>");
}

/** A worksheet whose cell B2 is one CDATA section of about `megabytes` MB (textMegabyte repeated). */
export function deflatedCdataSheet(megabytes: number): Buffer {
  return deflatedPart(
    `<worksheet xmlns="${MAIN_NS}"><sheetData><row r="2"><c r="B2" t="str"><v><![CDATA[`,
    textMegabyte(),
    megabytes,
    "]]></v></c></row></sheetData></worksheet>",
  );
}

/** A shared-string table whose first string is one <t> of about `megabytes` MB (textMegabyte repeated). */
export function deflatedLongSharedString(megabytes: number): Buffer {
  return deflatedPart(`<sst xmlns="${MAIN_NS}" count="1" uniqueCount="1"><si><t>`, textMegabyte(), megabytes, "</t></si></sst>");
}

/** `base` with entry `name` replaced by already-deflated bytes declaring `declaredSize`. */
export function withDeflatedPart(base: Buffer, name: string, deflated: Buffer, declaredSize: number): Buffer {
  const zip = readZip(base, "base");
  const nameBytes = Buffer.from(name, "utf8");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6); // UTF-8 name
  local.writeUInt16LE(8, 8); // deflated
  local.writeUInt32LE(0, 14); // CRC: not checked by the reader, and a bomb's is never computed
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  local.copy(central, 8, 6, 30);
  const source = Buffer.concat([base, local, nameBytes, deflated]);
  const entry: ZipEntry = {
    name,
    method: 8,
    flags: 0x0800,
    crc: 0,
    compressedSize: deflated.length,
    size: declaredSize,
    localOffset: base.length,
    dataOffset: base.length + 30 + nameBytes.length,
    localLength: 30 + nameBytes.length + deflated.length,
    central: Buffer.concat([central, nameBytes]),
  };
  const items: ZipItem[] = zip.entries
    .filter((e) => e.name !== name)
    .map((e): ZipItem => ({ kind: "copy", entry: e }));
  items.push({ kind: "copy", entry });
  return writeZip(source, items);
}
