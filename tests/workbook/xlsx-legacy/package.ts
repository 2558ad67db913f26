/**
 * Open an .xlsx package and check it is one before any parser sees it: a missing file, a file that is
 * not a zip, an encrypted workbook (Office encrypts into an OLE compound file, MS-OFFCRYPTO §2.3.4),
 * a legacy .xls (also a compound file) and a package without its required parts are refused with one
 * clear message. ExcelJS 4.4.0 would open a package without [Content_Types].xml as an empty workbook.
 */
import { promises as fs } from "fs";
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { timeBox, WorkbookError } from "./errors";

/** OLE/CFB signature (MS-CFB §2.2): D0 CF 11 E0 A1 B1 1A E1. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Local file header and empty-archive signatures of a zip (APPNOTE.TXT §4.3.7, §4.3.16). */
const ZIP_SIGNATURES = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];

const OFFICE_DOCUMENT_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const STRICT_OFFICE_DOCUMENT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

export interface OpenPackage {
  readonly buffer: Buffer;
  readonly zip: JSZip;
  /** Path of the workbook part inside the package, normally "xl/workbook.xml". */
  readonly workbookPath: string;
}

/** Time allowed to unzip and parse: generous for big files, bounded for damaged ones. */
export function parseBudgetMs(bytes: number): number {
  return (Number(process.env.ESG_PARSE_BUDGET_MS) || 20_000) + Math.ceil(bytes / 1_000_000) * 2_000;
}

export async function readWorkbookFile(path: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookError("missing", `${path} is a folder, not a workbook`);
    return await fs.readFile(path);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookError("missing", `${path}: no such file`);
    throw new WorkbookError("missing", `${path}: cannot be read (${code ?? String(e)})`);
  }
}

/** Say what a buffer is when it is not an .xlsx package, or null when it looks like one. */
export function sniff(buffer: Buffer, label: string): WorkbookError | null {
  if (buffer.length >= 8 && buffer.subarray(0, 8).equals(CFB_SIGNATURE)) {
    // An encrypted OOXML package is a compound file with an "EncryptionInfo" stream (MS-OFFCRYPTO §2.3.4.1);
    // the directory entry names are UTF-16LE.
    if (buffer.includes(Buffer.from("EncryptionInfo", "utf16le"))) {
      return new WorkbookError(
        "encrypted",
        `${label} is password-protected (encrypted): remove the password in Excel and save it again`,
      );
    }
    return new WorkbookError(
      "legacy-xls",
      `${label} is an old binary Excel file (.xls), not .xlsx: save it as .xlsx in Excel`,
    );
  }
  if (buffer.length === 0) return new WorkbookError("not-zip", `${label} is empty, not an .xlsx workbook`);
  if (!ZIP_SIGNATURES.some((s) => buffer.length >= 4 && buffer.subarray(0, 4).equals(s))) {
    return new WorkbookError("not-zip", `${label} is not an .xlsx workbook (not a zip package)`);
  }
  return null;
}

const relsParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  isArray: (n) => n === "Relationship",
});

interface Relationship {
  readonly Id?: string;
  readonly Type?: string;
  readonly Target?: string;
}

/** Parse a .rels part into its relationships. */
export function parseRels(xml: string): Relationship[] {
  const doc = relsParser.parse(xml) as { Relationships?: { Relationship?: Relationship[] } };
  return doc.Relationships?.Relationship ?? [];
}

/** Resolve a relationship target against the folder of the part that owns the .rels (OPC, ECMA-376 Part 2 §9.3). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.includes("/") ? fromPart.slice(0, fromPart.lastIndexOf("/")).split("/") : [];
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/** Unzip and check the package's required parts. */
export async function openPackage(buffer: Buffer, label: string): Promise<OpenPackage> {
  const refused = sniff(buffer, label);
  if (refused) throw refused;
  let zip: JSZip;
  try {
    zip = await timeBox(JSZip.loadAsync(buffer), parseBudgetMs(buffer.length), `Unzipping ${label}`);
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError("damaged", `${label} is damaged: the zip package cannot be read (${oneLine(e)})`);
  }
  if (!zip.file("[Content_Types].xml")) {
    throw new WorkbookError("damaged", `${label} is damaged: the package has no [Content_Types].xml part`);
  }
  const rootRels = zip.file("_rels/.rels");
  let workbookPath = "xl/workbook.xml";
  if (rootRels) {
    try {
      const rel = parseRels(await rootRels.async("string")).find(
        (r) => r.Type === OFFICE_DOCUMENT_REL || r.Type === STRICT_OFFICE_DOCUMENT_REL,
      );
      if (rel?.Target) workbookPath = resolveTarget("", rel.Target);
    } catch (e) {
      throw new WorkbookError("damaged", `${label} is damaged: _rels/.rels is not valid XML (${oneLine(e)})`);
    }
  }
  if (!zip.file(workbookPath)) {
    throw new WorkbookError(
      "damaged",
      `${label} is damaged: the package has no workbook part (${workbookPath})`,
    );
  }
  return { buffer, zip, workbookPath };
}

/** An error's message on one line, for the one-line diagnostics. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split(/\r?\n/)[0].slice(0, 200);
}
