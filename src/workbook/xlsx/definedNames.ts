/**
 * Put the workbook's defined names back after ExcelJS has written the package. ExcelJS 4.4.0 writes
 * sheet-scoped names without their scope and drops "#REF!" and constant names, so the <definedNames>
 * element of the written xl/workbook.xml is replaced with: every name of the input exactly as it was
 * (attributes and text; localSheetId renumbered to the sheet's new position), minus the names scoped to
 * generated sheets that were replaced, plus one marker per generated sheet (GENERATED_MARKER_NAME).
 */
import JSZip from "jszip";
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { GENERATED_MARKER_NAME } from "../../esg/types";
import { columnLetters, quoteSheet } from "../contract/a1";
import { parseAreaText, parseRefersTo } from "../contract/refersTo";
import { WorkbookError } from "./errors";
import { localName, type RawDefinedName } from "./workbookPart";

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
  const area = parseAreaText(address);
  if (!area) throw new WorkbookError("write-failed", `sheet "${sheet}" defines name "${name}" with an address that is not a range: ${address}`);
  const abs = (col: number, row: number): string => `$${columnLetters(col)}$${row}`;
  const single = area.top === area.bottom && area.left === area.right;
  const ref = single ? abs(area.left, area.top) : `${abs(area.left, area.top)}:${abs(area.right, area.bottom)}`;
  return { scopeSheet: sheetScoped ? sheet : null, attributes: { name }, text: `${quoteSheet(sheet)}!${ref}` };
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
export function keepNames(names: readonly RawDefinedName[], sheetNames: readonly string[], dropScopes: ReadonlySet<string>): NameToWrite[] {
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

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const ATTR = "@_";
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
});
const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  suppressEmptyNode: true,
  processEntities: true,
});

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}

/** Elements of CT_Workbook that come after definedNames (ECMA-376 Part 1, §18.2.27 sequence). */
const AFTER_DEFINED_NAMES = new Set(["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]);

/** Rewrite <definedNames> in a written workbook part. Returns the new XML. */
export function rewriteDefinedNames(workbookXml: string, names: readonly NameToWrite[]): string {
  const doc = parser.parse(workbookXml) as OrderedNode[];
  const root = doc.find((n) => localName(tagOf(n)) === "workbook");
  if (!root) throw new WorkbookError("write-failed", "the written workbook part has no <workbook> element");
  const rootTag = tagOf(root);
  const prefix = rootTag.includes(":") ? rootTag.slice(0, rootTag.indexOf(":") + 1) : "";
  const children = root[rootTag] as OrderedNode[];
  const sheetsNode = children.find((c) => localName(tagOf(c)) === "sheets");
  const order: string[] = [];
  for (const s of (sheetsNode?.[tagOf(sheetsNode)] as OrderedNode[] | undefined) ?? []) {
    if (localName(tagOf(s)) === "sheet") order.push(s[":@"]?.[`${ATTR}name`] ?? "");
  }
  const elements: OrderedNode[] = [];
  for (const n of names) {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(n.attributes)) if (k !== "localSheetId") attrs[`${ATTR}${k}`] = v;
    if (n.scopeSheet !== null) {
      const index = order.indexOf(n.scopeSheet);
      if (index < 0) throw new WorkbookError("write-failed", `the written workbook lost sheet "${n.scopeSheet}" that name "${n.attributes.name}" belongs to`);
      // localSheetId follows name in the schema's attribute list; attribute order does not matter to readers.
      attrs[`${ATTR}localSheetId`] = String(index);
    }
    elements.push({ [`${prefix}definedName`]: [{ "#text": n.text }], ":@": attrs });
  }
  const kept = children.filter((c) => localName(tagOf(c)) !== "definedNames");
  if (elements.length > 0) {
    const at = kept.findIndex((c) => AFTER_DEFINED_NAMES.has(localName(tagOf(c))));
    kept.splice(at < 0 ? kept.length : at, 0, { [`${prefix}definedNames`]: elements });
  }
  root[rootTag] = kept;
  return builder.build(doc) as string;
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
