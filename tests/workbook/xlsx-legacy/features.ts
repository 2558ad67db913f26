/**
 * Find the parts of a workbook that the ExcelJS round trip loses, before anything is written.
 * Detection looks at the package (part names, ECMA-376 Part 1 §12.3) and at the few sheet elements that
 * matter (§18.3.1); the verdict of each feature (kept or lost) was measured on ExcelJS 4.4.0 with
 * workbooks written by LibreOffice — see scripts/measure-exceljs-loss.ts and EXCELJS_VERDICT below.
 */
import { XMLParser } from "fast-xml-parser";
import { areaCells, parseArea } from "../../../src/sheet-ref";
import type { OpenPackage } from "./package";
import type { WorkbookPart } from "./workbookPart";
import { localName } from "./workbookPart";

export type Feature =
  | "chart"
  | "chart-sheet"
  | "image"
  | "drawing"
  | "pivot-table"
  | "data-validation"
  | "conditional-format"
  | "extended-conditional-format"
  | "vba"
  | "external-link"
  | "threaded-comment"
  | "slicer"
  | "form-control"
  | "embedded-object"
  | "sparkline"
  | "query-table";

export const FEATURE_LABELS: Record<Feature, string> = {
  chart: "charts",
  "chart-sheet": "chart sheets",
  image: "images",
  drawing: "drawings (shapes, text boxes)",
  "pivot-table": "pivot tables",
  "data-validation": "data validation",
  "conditional-format": "conditional formats",
  "extended-conditional-format": "conditional formats of Excel 2010+ (data bars, icon sets in extLst)",
  vba: "VBA macros",
  "external-link": "links to other workbooks",
  "threaded-comment": "threaded comments",
  slicer: "slicers or timelines",
  "form-control": "form controls or ActiveX",
  "embedded-object": "embedded objects",
  sparkline: "sparklines",
  "query-table": "query tables or data connections",
};

/**
 * What an ExcelJS 4.4.0 read-then-write does to each feature. Measured on a LibreOffice 7.4-written
 * workbook (scripts/measure-exceljs-loss.ts, re-checked by tests/workbook/exceljs-loss.test.ts): charts,
 * pivot tables, external links and shapes are lost; images, conditional formats (including the x14 data
 * bar extension) and data validation survive. VBA is measured by adding a vbaProject.bin (lost). The rest
 * (threaded comments, slicers, form controls, embedded objects, sparklines, query tables) have no model in
 * ExcelJS 4.4.0 and are treated as lost without a measurement. "kept" features need no refusal.
 */
export const EXCELJS_VERDICT: Record<Feature, "kept" | "lost"> = {
  chart: "lost",
  "chart-sheet": "lost",
  image: "kept",
  drawing: "lost",
  "pivot-table": "lost",
  "data-validation": "kept",
  "conditional-format": "kept",
  "extended-conditional-format": "kept",
  vba: "lost",
  "external-link": "lost",
  "threaded-comment": "lost",
  slicer: "lost",
  "form-control": "lost",
  "embedded-object": "lost",
  sparkline: "lost",
  "query-table": "lost",
};

export interface FeatureFound {
  readonly feature: Feature;
  /** Sheet name, or null for the workbook. */
  readonly sheet: string | null;
  readonly count: number;
}

export interface FeatureScan {
  readonly found: readonly FeatureFound[];
  /** Largest data validation area (cells) on any sheet: ExcelJS expands each one cell by cell. */
  readonly largestValidation: {
    readonly sheet: string;
    readonly cells: number;
    readonly sqref: string;
  } | null;
}

const PART_FEATURES: readonly [RegExp, Feature][] = [
  [/^xl\/charts\/chart\d*\.xml$/, "chart"],
  [/^xl\/chartsheets\/.+\.xml$/, "chart-sheet"],
  [/^xl\/pivotTables\/.+\.xml$/, "pivot-table"],
  [/^xl\/vbaProject\.bin$/, "vba"],
  [/^xl\/externalLinks\/externalLink\d*\.xml$/, "external-link"],
  [/^xl\/threadedComments\/.+\.xml$/, "threaded-comment"],
  [/^xl\/(slicers|timelines)\/.+\.xml$/, "slicer"],
  [/^xl\/(activeX|ctrlProps)\/.+/, "form-control"],
  [/^xl\/embeddings\/.+/, "embedded-object"],
  [/^xl\/(queryTables\/.+|connections\.xml)$/, "query-table"],
];

const fragmentParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseAttributeValue: false,
  parseTagValue: false,
});

/** The XML text of the first element with this local name (any prefix), or null. Finds, then lets a parser read it. */
function elementText(xml: string, local: string, from = 0): { text: string; end: number } | null {
  let at = xml.indexOf(local, from);
  while (at >= 0) {
    const lt = xml.lastIndexOf("<", at);
    const between = xml.slice(lt + 1, at);
    if (lt >= 0 && /^[A-Za-z0-9_]*:?$/.test(between) && /[\s>/]/.test(xml[at + local.length] ?? "")) {
      const qname = between + local;
      const close = `</${qname}>`;
      const selfEnd = xml.indexOf(">", at);
      if (xml[selfEnd - 1] === "/") return { text: xml.slice(lt, selfEnd + 1), end: selfEnd + 1 };
      const end = xml.indexOf(close, at);
      if (end < 0) return null;
      return { text: xml.slice(lt, end + close.length), end: end + close.length };
    }
    at = xml.indexOf(local, at + local.length);
  }
  return null;
}

function countChildren(fragment: string, childLocal: string): { count: number; sqrefs: string[] } {
  const doc = fragmentParser.parse(fragment) as Record<string, unknown>;
  let count = 0;
  const sqrefs: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== "object" || node === null) return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k.startsWith("@_")) continue;
      if (localName(k) === childLocal) {
        for (const item of Array.isArray(v) ? v : [v]) {
          count++;
          const sq =
            typeof item === "object" && item !== null
              ? (item as Record<string, unknown>)["@_sqref"]
              : undefined;
          if (typeof sq === "string") sqrefs.push(sq);
        }
      }
      visit(v);
    }
  };
  visit(doc);
  return { count, sqrefs };
}

/**
 * The worksheet's own extLst: its last child (§18.3.1.99). An extLst nested deeper (in a cfRule) is not it,
 * so the candidate must be followed by the worksheet's end tag.
 */
function sheetExtLst(tail: string): { text: string; start: number } | null {
  let at = tail.lastIndexOf("extLst");
  while (at >= 0) {
    const lt = tail.lastIndexOf("<", at);
    if (lt >= 0 && tail[lt + 1] !== "/") {
      const el = elementText(tail, "extLst", lt);
      if (el && /^\s*<\/([A-Za-z0-9_]+:)?worksheet>/.test(tail.slice(el.end)))
        return { text: el.text, start: lt };
      return null;
    }
    at = tail.lastIndexOf("extLst", at - 1);
  }
  return null;
}

/** Cells covered by an sqref list ("A1:B2 D4"). */
export function sqrefCells(sqref: string): number {
  let total = 0;
  for (const piece of sqref.trim().split(/\s+/)) {
    const area = parseArea(piece);
    if (area) total += areaCells(area);
  }
  return total;
}

/** Scan the package: lossy parts, and per sheet the elements ExcelJS handles or not. */
export async function scanFeatures(pkg: OpenPackage, part: WorkbookPart): Promise<FeatureScan> {
  const found: FeatureFound[] = [];
  const add = (feature: Feature, sheet: string | null, count: number): void => {
    if (count > 0) found.push({ feature, sheet, count });
  };
  const files = Object.keys(pkg.zip.files).filter((p) => !pkg.zip.files[p].dir);
  for (const [pattern, feature] of PART_FEATURES)
    add(feature, null, files.filter((f) => pattern.test(f)).length);
  add("image", null, files.filter((f) => /^xl\/media\//.test(f)).length);
  let largestValidation: FeatureScan["largestValidation"] = null;
  for (const sheet of part.sheets) {
    if (!sheet.path || sheet.kind !== "worksheet") continue;
    const file = pkg.zip.file(sheet.path);
    if (!file) continue;
    const xml = await file.async("string");
    // Everything after sheetData: validations, formats, drawings and extensions all follow it (§18.3.1.99).
    const tailStart = Math.max(0, xml.lastIndexOf("sheetData"));
    const tail = xml.slice(tailStart);
    const ext = sheetExtLst(tail);
    // The sheet's own elements end where its extension list begins (x14 formats and validations live there).
    const main = ext ? tail.slice(0, ext.start) : tail;
    let from = 0;
    let cf = 0;
    for (
      let el = elementText(main, "conditionalFormatting", from);
      el;
      el = elementText(main, "conditionalFormatting", from)
    ) {
      cf++;
      from = el.end;
    }
    add("conditional-format", sheet.name, cf);
    const dv = elementText(main, "dataValidations");
    if (dv) {
      const { count, sqrefs } = countChildren(dv.text, "dataValidation");
      add("data-validation", sheet.name, count);
      for (const sq of sqrefs) {
        const cells = sqrefCells(sq);
        if (!largestValidation || cells > largestValidation.cells)
          largestValidation = { sheet: sheet.name, cells, sqref: sq };
      }
    }
    if (ext) {
      add("extended-conditional-format", sheet.name, countChildren(ext.text, "conditionalFormatting").count);
      add("sparkline", sheet.name, countChildren(ext.text, "sparklineGroup").count);
      add("data-validation", sheet.name, countChildren(ext.text, "dataValidation").count);
    }
  }
  for (const path of files.filter((f) => /^xl\/drawings\/[^/]+\.xml$/.test(f))) {
    const xml = await pkg.zip.file(path)!.async("string");
    // Shapes, connectors and groups (§20.5.2.29 sp, .9 cxnSp, .17 grpSp); pictures (pic) are images.
    const shapes = ["sp", "cxnSp", "grpSp"].reduce((n, el) => n + countChildren(xml, el).count, 0);
    add("drawing", null, shapes);
  }
  return { found, largestValidation };
}
