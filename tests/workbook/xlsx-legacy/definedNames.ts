/**
 * Put the workbook's defined names back after ExcelJS has written the package. ExcelJS 4.4.0 writes
 * sheet-scoped names without their scope and drops "#REF!" and constant names, so the <definedNames>
 * element of the written xl/workbook.xml is replaced with: every name of the input exactly as it was
 * (attributes and text; localSheetId renumbered to the sheet's new position), minus the names scoped to
 * generated sheets that were replaced, plus one marker per generated sheet (GENERATED_MARKER_NAME).
 */
import JSZip from "jszip";
import { XMLParser } from "fast-xml-parser";
import { GENERATED_MARKER_NAME } from "../../../src/esg/types";
import { absoluteLocation, parseArea, parseRefersTo } from "../../../src/sheet-ref";
import { WorkbookError } from "./errors";
import type { RawDefinedName } from "./workbookPart";

export interface NameToWrite {
  /** Scope by sheet name (resolved to an index in the written file), or null for workbook scope. */
  readonly scopeSheet: string | null;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
}

/** A marker name for a generated sheet: hidden, sheet-scoped, constant text "esg:<section>". */
export function markerName(sheet: string, section: string): NameToWrite {
  return {
    scopeSheet: sheet,
    attributes: { name: GENERATED_MARKER_NAME, hidden: "1" },
    text: `"esg:${section.replace(/"/g, '""')}"`,
  };
}

/** A name a sheet model defines (workbook-scoped unless asked) (e.g. ESG_Mapping → the config table), as an absolute reference. */
export function modelName(sheet: string, name: string, address: string, sheetScoped = false): NameToWrite {
  const area = parseArea(address);
  if (!area)
    throw new WorkbookError(
      "write-failed",
      `sheet "${sheet}" defines name "${name}" with an address that is not a range: ${address}`,
    );
  return {
    scopeSheet: sheetScoped ? sheet : null,
    attributes: { name },
    text: absoluteLocation(sheet, area),
  };
}

/** The sheet a workbook-scoped name points into, when it is one plain range. */
export function targetSheet(text: string): string | null {
  const p = parseRefersTo(text);
  return p.status === "ok" ? p.area.sheet : null;
}

/**
 * The input's names, keyed to their scope sheet by name rather than position. Names scoped to a removed
 * (replaced generated) sheet go, and so do workbook-scoped names pointing into one: the sheet model that
 * replaces it defines its own.
 */
export function keepNames(
  names: readonly RawDefinedName[],
  sheetNames: readonly string[],
  dropScopes: ReadonlySet<string>,
): NameToWrite[] {
  const out: NameToWrite[] = [];
  for (const n of names) {
    const scopeSheet = n.localSheetId !== null ? (sheetNames[n.localSheetId] ?? null) : null;
    if (scopeSheet !== null && dropScopes.has(scopeSheet)) continue;
    if (scopeSheet === null && dropScopes.size > 0) {
      const target = targetSheet(n.text);
      if (target !== null && dropScopes.has(target)) continue;
    }
    if (n.localSheetId !== null && scopeSheet === null) continue; // scope index beyond the sheets: Excel ignores such a name too
    out.push({ scopeSheet, attributes: n.attributes, text: n.text });
  }
  return out;
}

const ATTR = "@_";
const sheetsParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
});

/** XML-escape text or an attribute value (ECMA-376 uses XML 1.0: &, <, > and quotes). */
function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * Replace the <definedNames> of the workbook part ExcelJS wrote (its names are cleared before writing;
 * it may still write print titles and areas of its own). The part is ExcelJS's, not the user's: the <sheets> element is located, parsed with
 * the XML parser for the sheet order, and the names go right after it (CT_Workbook sequence, ECMA-376
 * Part 1 §18.2.27: sheets, functionGroups, externalReferences, definedNames, calcPr …; ExcelJS writes
 * neither functionGroups nor externalReferences).
 */
export function rewriteDefinedNames(written: string, names: readonly NameToWrite[]): string {
  // ExcelJS still writes the print titles and areas it keeps per worksheet; the input's own are in `names`.
  let workbookXml = written;
  const own = workbookXml.indexOf("<definedNames>");
  if (own >= 0) {
    const ownEnd = workbookXml.indexOf("</definedNames>", own);
    if (ownEnd < 0)
      throw new WorkbookError("write-failed", "the written workbook part has an unclosed <definedNames>");
    workbookXml = workbookXml.slice(0, own) + workbookXml.slice(ownEnd + "</definedNames>".length);
  }
  const open = workbookXml.indexOf("<sheets");
  const closeTag = "</sheets>";
  const close = workbookXml.indexOf(closeTag, open);
  if (open < 0 || close < 0)
    throw new WorkbookError("write-failed", "the written workbook part has no <sheets> element");
  const end = close + closeTag.length;
  const doc = sheetsParser.parse(workbookXml.slice(open, end)) as { sheets?: { sheet?: unknown } };
  const list = doc.sheets?.sheet;
  const order = (Array.isArray(list) ? list : list ? [list] : []).map((s) =>
    String((s as Record<string, unknown>)[`${ATTR}name`] ?? ""),
  );
  const index = new Map(order.map((n, i) => [n, i]));
  if (names.length === 0) return workbookXml;
  const parts: string[] = ["<definedNames>"];
  for (const n of names) {
    let attrs = "";
    for (const [k, v] of Object.entries(n.attributes))
      if (k !== "localSheetId") attrs += ` ${k}="${escapeXml(v)}"`;
    if (n.scopeSheet !== null) {
      const at = index.get(n.scopeSheet);
      if (at === undefined)
        throw new WorkbookError(
          "write-failed",
          `the written workbook lost sheet "${n.scopeSheet}" that name "${n.attributes.name}" belongs to`,
        );
      attrs += ` localSheetId="${at}"`;
    }
    parts.push(`<definedName${attrs}>${escapeXml(n.text)}</definedName>`);
  }
  parts.push("</definedNames>");
  return workbookXml.slice(0, end) + parts.join("") + workbookXml.slice(end);
}

/** Apply the names to a written package (in place) and return it re-zipped. */
export async function postProcess(buffer: Buffer, names: readonly NameToWrite[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const path = "xl/workbook.xml"; // ExcelJS always writes the workbook part here.
  const file = zip.file(path);
  if (!file) throw new WorkbookError("write-failed", "the written package has no xl/workbook.xml");
  zip.file(path, rewriteDefinedNames(await file.async("string"), names));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
