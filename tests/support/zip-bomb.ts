/**
 * Zip bombs built in a moment without ever holding their inflated size: one deflated megabyte ending
 * in a full flush (RFC 1951 §3.2.3: byte-aligned, no back-references across it) repeated n times is a
 * valid deflate stream of n MB. The entry is spliced into a package by hand, declaring whatever size
 * the crafter likes (a bomb lies), so the reader's caps are met on what actually comes out.
 */
import { constants, deflateRawSync } from "zlib";
import { readZip, writeZip, type ZipEntry, type ZipItem } from "../../src/workbook/xlsx/zip";

const MB = 1 << 20;

/** A worksheet part that inflates to about `megabytes` MB of blanks inside <sheetData>. */
export function deflatedSheetBomb(megabytes: number): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const head = deflateRawSync(
    Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
    flush,
  );
  const piece = deflateRawSync(Buffer.alloc(MB, 32), flush);
  const tail = deflateRawSync(Buffer.from("</sheetData></worksheet>"));
  return Buffer.concat([head, ...Array<Buffer>(megabytes).fill(piece), tail]);
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
