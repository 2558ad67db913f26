/**
 * Read the workbook part (xl/workbook.xml, ECMA-376 Part 1 §18.2) with an XML parser: the sheets in tab
 * order with their visibility and part paths, and every <definedName> exactly as written (name, scope,
 * attributes, text). ExcelJS 4.4.0 keeps one of several sheet-scoped names of the same name without its
 * scope and drops "#REF!" and constant names, so the names are read here and ExcelJS is used for cells.
 */
import { XMLParser } from "fast-xml-parser";
import type { SheetVisibility } from "../../../src/esg/types";
import type { OpenPackage } from "./package";
import { oneLine, parseRels, resolveTarget } from "./package";
import { WorkbookError } from "./errors";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface RawSheet {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Path of the sheet's part in the package, or null when the relationship is missing. */
  readonly path: string | null;
  readonly kind: SheetKind;
}

export interface RawDefinedName {
  readonly name: string;
  /** 0-based index into the sheets (the localSheetId attribute), or null for workbook scope. */
  readonly localSheetId: number | null;
  readonly hidden: boolean;
  readonly comment?: string;
  /** The refers-to text, as the element's text content. */
  readonly text: string;
  /** Every attribute as written (qualified names), to write the name back unchanged. */
  readonly attributes: Readonly<Record<string, string>>;
}

export interface WorkbookPart {
  readonly sheets: readonly RawSheet[];
  readonly names: readonly RawDefinedName[];
}

const ATTR = "@_";
export const workbookXmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // The five XML entities are decoded by the parser; character references (&#10;) by decodeCharRefs, which
  // is much cheaper than the parser's HTML entity table on a workbook with 10,000 names.
  htmlEntities: false,
  isArray: (name) => localName(name) === "sheet" || localName(name) === "definedName",
});

type XmlNode = Record<string, unknown>;

/** Decode XML character references (&#10; &#x41;) left by the parser. */
export function decodeCharRefs(text: string): string {
  if (!text.includes("&#")) return text;
  return text.replace(/&#(x[0-9a-fA-F]+|[0-9]+);/g, (_, ref: string) =>
    String.fromCodePoint(ref[0] === "x" ? parseInt(ref.slice(1), 16) : parseInt(ref, 10)),
  );
}

export function localName(qname: string): string {
  const at = qname.indexOf(":");
  return at >= 0 ? qname.slice(at + 1) : qname;
}

/** The first child of a parsed node with the given local name. */
function child(node: XmlNode | undefined, name: string): unknown {
  if (!node) return undefined;
  for (const [k, v] of Object.entries(node)) if (!k.startsWith(ATTR) && localName(k) === name) return v;
  return undefined;
}

function attributesOf(node: XmlNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node))
    if (k.startsWith(ATTR)) out[k.slice(ATTR.length)] = decodeCharRefs(String(v));
  return out;
}

/** An attribute by local name, ignoring its namespace prefix (r:id is written with other prefixes too). */
function attr(attrs: Record<string, string>, name: string, prefixed = false): string | undefined {
  for (const [k, v] of Object.entries(attrs)) {
    if (localName(k) === name && (!prefixed || k.includes(":"))) return v;
  }
  return undefined;
}

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: "worksheet",
  chartsheet: "chartsheet",
  dialogsheet: "dialogsheet",
  xlMacrosheet: "macrosheet",
  xlIntlMacrosheet: "macrosheet",
};

export async function readWorkbookPart(pkg: OpenPackage, label: string): Promise<WorkbookPart> {
  let doc: XmlNode;
  let rels: ReturnType<typeof parseRels> = [];
  try {
    const xml = await pkg.zip.file(pkg.workbookPath)!.async("string");
    // No separate validation pass: ExcelJS parses the same part strictly right after and refuses bad XML.
    doc = workbookXmlParser.parse(xml) as XmlNode;
    const relsPath = pkg.workbookPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const relsFile = pkg.zip.file(relsPath);
    if (relsFile) rels = parseRels(await relsFile.async("string"));
  } catch (e) {
    throw new WorkbookError(
      "damaged",
      `${label} is damaged: ${pkg.workbookPath} is not valid XML (${oneLine(e)})`,
    );
  }
  const workbook = child(doc, "workbook") as XmlNode | undefined;
  if (!workbook || typeof workbook !== "object") {
    throw new WorkbookError("damaged", `${label} is damaged: ${pkg.workbookPath} has no <workbook> element`);
  }
  const sheetNodes = (child(child(workbook, "sheets") as XmlNode, "sheet") as XmlNode[] | undefined) ?? [];
  const sheets: RawSheet[] = sheetNodes.map((node) => {
    const a = attributesOf(node);
    const rel = rels.find((r) => r.Id === attr(a, "id", true));
    const type = rel?.Type ? rel.Type.slice(rel.Type.lastIndexOf("/") + 1) : "";
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    return {
      name: a.name ?? "",
      visibility: state,
      path: rel?.Target ? resolveTarget(pkg.workbookPath, rel.Target) : null,
      kind: SHEET_KINDS[type] ?? "unknown",
    };
  });
  const nameNodes =
    (child(child(workbook, "definedNames") as XmlNode, "definedName") as XmlNode[] | undefined) ?? [];
  const names: RawDefinedName[] = nameNodes.map((node) => {
    const a = attributesOf(typeof node === "object" && node !== null ? node : {});
    const text = decodeCharRefs(
      typeof node === "object" && node !== null ? String(node["#text"] ?? "") : String(node),
    );
    const local = a.localSheetId !== undefined ? Number(a.localSheetId) : null;
    return {
      name: a.name ?? "",
      localSheetId: local !== null && Number.isInteger(local) && local >= 0 ? local : null,
      hidden: a.hidden === "1" || a.hidden === "true",
      ...(a.comment !== undefined ? { comment: a.comment } : {}),
      text,
      attributes: a,
    };
  });
  return { sheets, names };
}
