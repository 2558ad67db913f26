/**
 * Open an .xlsx package and check it is one before any parser sees it: a missing file, a file that is
 * not a zip, an encrypted workbook (Office encrypts into an OLE compound file, MS-OFFCRYPTO §2.3.4),
 * a legacy .xls (also a compound file) and a package without its required parts are refused with one
 * clear message. Relationship parts (OPC, ECMA-376 Part 2 §9.3) are read here too.
 */
import { promises as fs } from "fs";
import { WorkbookError } from "./errors";
import { entryText, readZip, type ZipArchive } from "./zip";
import { scanXml } from "./xml";

/** OLE/CFB signature (MS-CFB §2.2): D0 CF 11 E0 A1 B1 1A E1. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Local file header and empty-archive signatures of a zip (APPNOTE.TXT §4.3.7, §4.3.16). */
const ZIP_SIGNATURES = [Buffer.from("PK\x03\x04", "latin1"), Buffer.from("PK\x05\x06", "latin1")];

const OFFICE_DOCUMENT_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const STRICT_OFFICE_DOCUMENT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

import { limits } from "./limits";

export interface OpenPackage {
  readonly label: string;
  readonly zip: ZipArchive;
  /** Path of the workbook part inside the package, normally "xl/workbook.xml". */
  readonly workbookPath: string;
  /** The package uses the Strict OOXML relationship namespace (ISO/IEC 29500 Strict). */
  readonly strict: boolean;
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

export async function readWorkbookFile(path: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new WorkbookError("missing", `${path} is a folder, not a workbook`);
    if (!stat.isFile()) throw new WorkbookError("missing", `${path} is not a regular file`);
    if (stat.size > limits.fileBytes())
      throw new WorkbookError(
        "damaged",
        `${path} is ${stat.size.toLocaleString("en")} bytes, more than the ${limits.fileBytes().toLocaleString("en")} this tool reads`,
      );
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

/** Parse a .rels part into its relationships. */
export function parseRels(xml: string, label: string, part: string): Relationship[] {
  const out: Relationship[] = [];
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.local !== "Relationship") return;
        const a = el.attributes;
        out.push({
          id: a.Id ?? "",
          type: a.Type ?? "",
          target: a.Target ?? "",
          external: a.TargetMode === "External",
        });
      },
    },
    label,
    part,
  );
  return out;
}

/** The .rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
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

/** The relationships of a part (empty when it has none). */
export function relsOf(pkg: OpenPackage, part: string): Relationship[] {
  const path = relsPathOf(part);
  const xml = entryText(pkg.zip, path, pkg.label);
  return xml === null ? [] : parseRels(xml, pkg.label, path);
}

/** Unzip the directory and check the package's required parts. */
export function openPackage(buffer: Buffer, label: string): OpenPackage {
  const refused = sniff(buffer, label);
  if (refused) throw refused;
  const zip = readZip(buffer, label);
  if (!zip.byName.has("[Content_Types].xml")) {
    throw new WorkbookError("damaged", `${label} is damaged: the package has no [Content_Types].xml part`);
  }
  let workbookPath = "xl/workbook.xml";
  let strict = false;
  const rootRels = entryText(zip, "_rels/.rels", label);
  if (rootRels !== null) {
    const rel = parseRels(rootRels, label, "_rels/.rels").find(
      (r) => r.type === OFFICE_DOCUMENT_REL || r.type === STRICT_OFFICE_DOCUMENT_REL,
    );
    if (rel?.target) workbookPath = resolveTarget("", rel.target);
    strict = rel?.type === STRICT_OFFICE_DOCUMENT_REL;
  }
  if (!zip.byName.has(workbookPath)) {
    throw new WorkbookError(
      "damaged",
      `${label} is damaged: the package has no workbook part (${workbookPath})`,
    );
  }
  return { label, zip, workbookPath, strict };
}

/** An error's message on one line, for the one-line diagnostics. */
export function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split(/\r?\n/)[0].slice(0, 200);
}
