/**
 * Write one sheet model as a worksheet part (ECMA-376 Part 1 §18.3.1.99): cells (literals, text as
 * inline strings, native formulas with their cached results), cell formats through the StyleBook,
 * merges, column widths, row heights, the frozen header, print set-up and tab colour — what ExcelJS
 * wrote before, without ExcelJS.
 *
 * Text is written as inline strings (t="inlineStr", §18.3.1.53) rather than into the shared string
 * table: the generated sheets then leave xl/sharedStrings.xml untouched (byte-identical, and no stale
 * entries pile up run after run). Excel, LibreOffice and openpyxl read inline strings (tested in
 * tests/workbook/xlsx-writer.test.ts); Excel turns them into shared strings when it saves.
 */
import type { CellModel, CellStyle, SheetModel } from "../../esg/types";
import { cellAddress, columnLetters } from "../../sheet-ref";
import { argb, type StyleBook, type XfSpec } from "./stylesPart";
import { attrs, escapeText, escapeXstring } from "./xml";

export const SPREADSHEETML_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The relationship id of the drawing in a generated sheet's own relationships: its only one (sheetDrawing.ts). */
export const SHEET_DRAWING_REL_ID = "rId1";

/** Paper size code of A4 (§18.3.1.63 paperSize: 9 = A4 210 × 297 mm). */
const PAPER_A4 = 9;

export interface RenderOptions {
  /** Write the cached values only, no formulas (--values-only). */
  readonly valuesOnly: boolean;
}

function fontXml(sheet: SheetModel, style: CellStyle | undefined): string {
  const f = style?.font;
  return (
    "<font>" +
    (f?.bold ? "<b/>" : "") +
    (f?.italic ? "<i/>" : "") +
    `<sz val="${f?.size ?? sheet.font.size}"/>` +
    (f?.color ? `<color rgb="${argb(f.color)}"/>` : "") +
    `<name${attrs({ val: sheet.font.name })}/>` +
    "</font>"
  );
}

function fillXml(style: CellStyle | undefined): string | undefined {
  if (!style?.fill) return undefined;
  return `<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/></patternFill></fill>`;
}

function borderXml(style: CellStyle | undefined): string | undefined {
  const b = style?.border;
  if (!b) return undefined;
  const side = (tag: string, w: string | undefined): string =>
    w ? `<${tag} style="${w}"><color indexed="64"/></${tag}>` : `<${tag}/>`;
  return `<border>${side("left", b.left)}${side("right", b.right)}${side("top", b.top)}${side("bottom", b.bottom)}<diagonal/></border>`;
}

function alignmentXml(style: CellStyle | undefined): string | undefined {
  const a = style?.align;
  if (!a || (!a.horizontal && !a.vertical && !a.wrap && !a.indent)) return undefined;
  return `<alignment${attrs({
    horizontal: a.horizontal,
    vertical: a.vertical,
    wrapText: a.wrap ? 1 : undefined,
    indent: a.indent || undefined,
  })}/>`;
}

/** Cell format indexes of a sheet's (style key, number format) pairs, resolved once per sheet. */
class SheetStyles {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly sheet: SheetModel,
    private readonly book: StyleBook,
  ) {}

  get(key: string | undefined, numberFormat: string | undefined): number {
    const id = `${key ?? ""}\u0000${numberFormat ?? ""}`;
    let xf = this.cache.get(id);
    if (xf === undefined) {
      const style = key ? this.sheet.styles[key] : undefined;
      const spec: XfSpec = {
        font: fontXml(this.sheet, style),
        ...(numberFormat ? { numberFormat } : {}),
        ...(fillXml(style) ? { fill: fillXml(style) } : {}),
        ...(borderXml(style) ? { border: borderXml(style) } : {}),
        ...(alignmentXml(style) ? { alignment: alignmentXml(style) } : {}),
      };
      xf = this.book.xf(spec);
      this.cache.set(id, xf);
    }
    return xf;
  }
}

/** Shortest text that reads back as the same number. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : "0";
}

function inlineString(text: string): string {
  const t = escapeText(escapeXstring(text));
  // Leading or trailing spaces survive only with xml:space="preserve".
  return /^\s|\s$/.test(text) ? `<is><t xml:space="preserve">${t}</t></is>` : `<is><t>${t}</t></is>`;
}

/** One <c> element. Text never becomes a formula: only `formula` is written as one. */
export function cellXml(ref: string, cell: CellModel, style: number, options: RenderOptions): string {
  const s = style ? ` s="${style}"` : "";
  const v = cell.value;
  if (cell.formula && !options.valuesOnly) {
    const f = `<f>${escapeText(cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula)}</f>`;
    if (v === null) return `<c r="${ref}"${s}>${f}</c>`;
    if (typeof v === "string")
      return `<c r="${ref}"${s} t="str">${f}<v>${escapeText(escapeXstring(v))}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${s}>${f}<v>${numberText(v)}</v></c>`;
  }
  if (v === null) return `<c r="${ref}"${s}/>`;
  if (typeof v === "string") return `<c r="${ref}"${s} t="inlineStr">${inlineString(v)}</c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}><v>${numberText(v)}</v></c>`;
}

function sheetViewXml(model: SheetModel): string {
  const rows = model.freeze?.rows ?? 0;
  const cols = model.freeze?.columns ?? 0;
  if (rows <= 0 && cols <= 0) return `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const topLeft = cellAddress(rows, cols);
  return (
    `<sheetViews><sheetView workbookViewId="0">` +
    `<pane${attrs({ xSplit: cols || undefined, ySplit: rows || undefined, topLeftCell: topLeft, activePane: pane, state: "frozen" })}/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    `</sheetView></sheetViews>`
  );
}

/** The worksheet part of a sheet model. */
export function worksheetXml(model: SheetModel, book: StyleBook, options: RenderOptions): string {
  const styles = new SheetStyles(model, book);
  const byRow = new Map<number, CellModel[]>();
  const add = (c: CellModel): void => {
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = []));
    row.push(c);
  };
  for (const c of model.cells) add(c);
  // The other cells of a merged area carry the first cell's format, so borders and fills cover the
  // whole area (Excel draws each cell's own borders); they hold no value.
  if (model.merges.length) {
    const at = new Map(model.cells.map((c) => [`${c.row}:${c.col}`, c]));
    for (const m of model.merges) {
      const master = at.get(`${m.top}:${m.left}`);
      if (!master) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++)
          if ((r !== m.top || c !== m.left) && !at.has(`${r}:${c}`)) {
            const cell: CellModel = {
              row: r,
              col: c,
              value: null,
              style: master.style,
              numberFormat: master.numberFormat,
            };
            at.set(`${r}:${c}`, cell);
            add(cell);
          }
    }
  }
  const heights = model.rowHeights ?? {};
  const rowNumbers = new Set<number>([...byRow.keys(), ...Object.keys(heights).map(Number)]);
  const rows = [...rowNumbers].sort((a, b) => a - b);
  const parts: string[] = [];
  let maxCol = 0;
  for (const r of rows) {
    const cells = (byRow.get(r) ?? []).sort((a, b) => a.col - b.col);
    const ht = heights[r];
    parts.push(`<row r="${r + 1}"${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ""}>`);
    for (const c of cells) {
      maxCol = Math.max(maxCol, c.col);
      parts.push(cellXml(cellAddress(r, c.col), c, styles.get(c.style, c.numberFormat), options));
    }
    parts.push("</row>");
  }
  const lastRow = rows.length ? rows[rows.length - 1] + 1 : 1;
  const dimension = `A1:${columnLetters(maxCol)}${lastRow}`;
  const cols = model.columns.length
    ? `<cols>${model.columns.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const merges = model.merges.length
    ? `<mergeCells count="${model.merges.length}">${model.merges
        .map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`)
        .join("")}</mergeCells>`
    : "";
  const sheetPr =
    model.tabColor || model.print.fitToWidth
      ? `<sheetPr>${model.tabColor ? `<tabColor rgb="${argb(model.tabColor)}"/>` : ""}${model.print.fitToWidth ? `<pageSetUpPr fitToPage="1"/>` : ""}</sheetPr>`
      : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${SPREADSHEETML_NS}" xmlns:r="${RELATIONSHIPS_NS}">` +
    sheetPr +
    `<dimension ref="${dimension}"/>` +
    sheetViewXml(model) +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    cols +
    `<sheetData>${parts.join("")}</sheetData>` +
    merges +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup${attrs({
      paperSize: PAPER_A4,
      orientation: model.print.orientation,
      fitToWidth: 1,
      // 0 = as many pages tall as needed (§18.3.1.63 fitToHeight).
      fitToHeight: 0,
    })}/>` +
    // After the page set-up, as CT_Worksheet orders its children (§18.3.1.99).
    (model.charts?.length ? `<drawing r:id="${SHEET_DRAWING_REL_ID}"/>` : "") +
    `</worksheet>`
  );
}
