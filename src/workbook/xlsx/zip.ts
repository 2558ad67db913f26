/**
 * The zip container of an .xlsx (APPNOTE.TXT 6.3.x; OPC packages use stored or deflated entries only,
 * ECMA-376 Part 2 §C.2). Reading lists the central directory and inflates one entry on demand, so a part
 * nobody asks for is never inflated. Writing copies an unchanged entry's local record (header, compressed
 * bytes, data descriptor) and central record verbatim, moving only its offset; new or changed parts are
 * deflated with node:zlib. A part that can be large (a worksheet, the shared strings) is inflated as a
 * stream (node:zlib's InflateRaw) and handed on chunk by chunk, so a zip bomb costs at most a cap's worth
 * of inflating and never more than a chunk of memory.
 */
import { StringDecoder } from "string_decoder";
import { crc32, createInflateRaw, deflateRawSync, inflateRawSync } from "zlib";
import { WorkbookError } from "./errors";
import { limits } from "./limits";

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const DESCRIPTOR_SIG = 0x08074b50;
const UTF8_FLAG = 0x0800;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the local header in the input. */
  readonly localOffset: number;
  /** Offset of the compressed data in the input. */
  readonly dataOffset: number;
  /** Length of the whole local record (header, data and data descriptor). */
  readonly localLength: number;
  /** The central directory record as written. */
  readonly central: Buffer;
}

export interface ZipArchive {
  readonly buffer: Buffer;
  /** Entries in central directory order. */
  readonly entries: readonly ZipEntry[];
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

function damaged(label: string, why: string): WorkbookError {
  return new WorkbookError("damaged", `${label} is damaged: the zip package cannot be read (${why})`);
}

/** List the entries of a zip held in memory. */
export function readZip(buffer: Buffer, label: string): ZipArchive {
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === END_SIG) {
      end = i;
      break;
    }
  }
  if (end < 0) throw damaged(label, "no end of central directory");
  const count = buffer.readUInt16LE(end + 10);
  const cdSize = buffer.readUInt32LE(end + 12);
  const cdOffset = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    throw new WorkbookError("damaged", `${label} is a ZIP64 package, which this tool does not read`);
  if (cdOffset + cdSize > end) throw damaged(label, "central directory out of bounds");
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL_SIG)
      throw damaged(label, "bad central directory record");
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const crc = buffer.readUInt32LE(at + 16);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLen = buffer.readUInt16LE(at + 28);
    const extraLen = buffer.readUInt16LE(at + 30);
    const commentLen = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    const recordEnd = at + 46 + nameLen + extraLen + commentLen;
    if (recordEnd > buffer.length) throw damaged(label, "bad central directory record");
    const name = buffer.toString(flags & UTF8_FLAG ? "utf8" : "latin1", at + 46, at + 46 + nameLen);
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL_SIG)
      throw damaged(label, `bad local header of ${name}`);
    const dataOffset =
      localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    let dataEnd = dataOffset + compressedSize;
    if (dataEnd > buffer.length) throw damaged(label, `${name} runs past the end of the file`);
    if (flags & 0x8) {
      // Data descriptor (APPNOTE 4.3.9): crc, sizes, optionally preceded by its signature.
      dataEnd += dataEnd + 4 <= buffer.length && buffer.readUInt32LE(dataEnd) === DESCRIPTOR_SIG ? 16 : 12;
    }
    entries.push({
      name,
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
      dataOffset,
      localLength: Math.min(dataEnd, buffer.length) - localOffset,
      central: buffer.subarray(at, recordEnd),
    });
    at = recordEnd;
  }
  return { buffer, entries, byName: new Map(entries.map((e) => [e.name, e])) };
}

/** Largest part inflated, in bytes (a zip bomb stops here with one line, not a heap crash). */
export function maxPartBytes(): number {
  return limits.partBytes();
}

/** An entry larger than the caller's wholeBelow (not a refusal: the caller streams it). */
class TooLarge extends Error {}

/** Bytes inflated so far from each archive, against the package cap (limits.ts). */
const inflated = new WeakMap<ZipArchive, number>();

/** The tightest of the part, package and ratio caps for one entry, and the line that names it. */
function inflateCap(zip: ZipArchive, entry: ZipEntry, label: string): { bytes: number; refusal: string } {
  const part = limits.partBytes();
  const left = Math.max(0, limits.packageBytes() - (inflated.get(zip) ?? 0));
  const ratio = Math.max(limits.ratioFloorBytes(), entry.compressedSize * limits.compressionRatio());
  const fmt = (n: number): string => n.toLocaleString("en");
  if (left <= part && left <= ratio)
    return { bytes: left, refusal: `${label}: the parts read inflate to more than ${fmt(limits.packageBytes())} bytes in all; refused` };
  if (ratio < part)
    return {
      bytes: ratio,
      refusal: `${label}: part ${entry.name} inflates more than ${limits.compressionRatio()} times its ${fmt(entry.compressedSize)} compressed bytes (a zip bomb); refused`,
    };
  return { bytes: part, refusal: `${label}: part ${entry.name} inflates to more than ${fmt(part)} bytes; refused` };
}

/**
 * The uncompressed bytes of an entry, within the caps of limits.ts (and below `wholeBelow` when given:
 * TooLarge is thrown past it).
 */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, label: string, wholeBelow?: number): Buffer {
  if (entry.flags & 0x1)
    throw new WorkbookError("encrypted", `${label} has an encrypted zip entry (${entry.name})`);
  const data = zip.buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw damaged(label, `${entry.name} uses compression method ${entry.method}`);
  const cap = inflateCap(zip, entry, label);
  try {
    // The declared size is the writer's claim: refuse early when it already says too much.
    if (entry.size > cap.bytes) throw Object.assign(new Error("declared too large"), { code: "ERR_BUFFER_TOO_LARGE" });
    const small = wholeBelow !== undefined && wholeBelow < cap.bytes;
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, small ? wholeBelow : cap.bytes) });
    inflated.set(zip, (inflated.get(zip) ?? 0) + out.length);
    return out;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ERR_BUFFER_TOO_LARGE" && wholeBelow !== undefined && wholeBelow < cap.bytes) throw new TooLarge();
    if (code === "ERR_BUFFER_TOO_LARGE") throw new WorkbookError("damaged", cap.refusal);
    throw damaged(label, `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Text handed on per inflated chunk (64 KB): small enough to keep memory flat, large enough to be cheap. */
const STREAM_CHUNK = 64 * 1024;

/** Parts declared (and found) no larger than this are inflated in one call, not streamed (1 MB). */
const WHOLE_BELOW = 1 << 20;

/**
 * The text of a small entry in one call (a stream per part costs more than the part), or null when
 * it is larger than WHOLE_BELOW (the caller streams it then): a part that claims to be small and is
 * not stops at WHOLE_BELOW bytes. The caps of limits.ts hold as for any entry.
 */
export function smallEntryText(zip: ZipArchive, entry: ZipEntry, label: string): string | null {
  if (entry.size > WHOLE_BELOW || (entry.method === 0 && entry.compressedSize > WHOLE_BELOW)) return null;
  let data: Buffer;
  try {
    data = inflateEntry(zip, entry, label, WHOLE_BELOW);
  } catch (e) {
    if (e instanceof TooLarge) return null;
    throw e;
  }
  const text = data.toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Stream an entry's text (UTF-8, a byte order mark dropped) to `onText`, chunk by chunk, within the caps
 * of limits.ts: inflating stops the moment a cap is passed (one-line refusal) or `onText` returns false
 * (the reader has what it needs). Only the compressed bytes and one chunk are held at a time.
 */
export async function streamEntryText(
  zip: ZipArchive,
  entry: ZipEntry,
  label: string,
  onText: (text: string) => boolean | void,
): Promise<void> {
  if (entry.flags & 0x1)
    throw new WorkbookError("encrypted", `${label} has an encrypted zip entry (${entry.name})`);
  if (entry.method !== 0 && entry.method !== 8)
    throw damaged(label, `${entry.name} uses compression method ${entry.method}`);
  const data = zip.buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const decoder = new StringDecoder("utf8");
  let first = true;
  const hand = (chunk: Buffer): boolean => {
    let text = decoder.write(chunk);
    if (first && text.length) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return onText(text) !== false;
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += STREAM_CHUNK)
      if (!hand(data.subarray(at, at + STREAM_CHUNK))) return;
    onText(decoder.end());
    return;
  }
  const cap = inflateCap(zip, entry, label);
  // The declared size is the writer's claim: refuse early when it already says too much.
  if (entry.size > cap.bytes) throw new WorkbookError("damaged", cap.refusal);
  const inflater = createInflateRaw({ chunkSize: STREAM_CHUNK });
  inflater.end(data);
  let total = 0;
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > cap.bytes) throw new WorkbookError("damaged", cap.refusal);
      if (!hand(chunk)) return;
    }
    onText(decoder.end());
  } catch (e) {
    // zlib's own failures (Z_DATA_ERROR, Z_BUF_ERROR …) mean a damaged part; the reader's errors pass.
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("Z_"))
      throw damaged(label, `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  } finally {
    // Leaving the loop early (a stop or a refusal) ends the stream and frees zlib's memory at once.
    inflater.destroy();
    inflated.set(zip, (inflated.get(zip) ?? 0) + total);
  }
}

/** An entry's text (UTF-8; a byte order mark is dropped). */
export function entryText(zip: ZipArchive, name: string, label: string): string | null {
  const e = zip.byName.get(name);
  if (!e) return null;
  const text = inflateEntry(zip, e, label).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What goes into a written zip: an entry copied from the input, or new content. */
export type ZipItem =
  | { readonly kind: "copy"; readonly entry: ZipEntry }
  | { readonly kind: "new"; readonly name: string; readonly data: Buffer };

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Write a zip: copied entries keep every byte of their records, new ones are deflated. */
export function writeZip(source: Buffer | null, items: readonly ZipItem[], now = new Date()): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosDateTime(now);
  for (const item of items) {
    if (item.kind === "copy") {
      if (!source) throw new Error("a copied entry needs the source zip");
      const e = item.entry;
      chunks.push(source.subarray(e.localOffset, e.localOffset + e.localLength));
      const central = Buffer.from(e.central);
      central.writeUInt32LE(offset, 42);
      centrals.push(central);
      offset += e.localLength;
      continue;
    }
    const name = Buffer.from(item.name, "utf8");
    // Level 3: most of level 6's ratio at well under half its time on sheet XML.
    const deflated = deflateRawSync(item.data, { level: 3 });
    // Tiny parts can grow when deflated; store them then.
    const stored = deflated.length >= item.data.length;
    const data = stored ? item.data : deflated;
    const crc = crc32(item.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_SIG, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(item.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_SIG, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30); // flags … extra length are the same fields
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}
