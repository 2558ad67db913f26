/**
 * Queues the commands that draw one sheet plan on a worksheet proxy. Nothing here syncs: the caller
 * decides the batches. Optional features are skipped when the requirement set is missing.
 */
import type { BorderWeight, CellStyle } from "../../esg/types";
import { formatArea as rectAddress, type Area as Rect } from "../../sheet-ref";
import type { XRange, XWorksheet } from "./excel-api";
import type { OfficeFeatures } from "./features";
import type { RowBlock, SheetPlan } from "./sheet-plan";

function color(hex: string): string {
  return hex.startsWith("#") ? hex : `#${hex}`;
}

/**
 * A range of the sheet, untracked (Range.untrack, ExcelApi 1.1): inside Excel.run office.js would keep a
 * reference to every Range it makes and release them all with one more request after the run. The write
 * uses its ranges only within the request that makes them, so none needs a reference.
 */
export function rangeAt(sheet: XWorksheet, address: string): XRange {
  return sheet.getRange(address).untrack();
}

/** numberFormat first, then formulas: the Text format must be in place when the strings arrive. */
export function renderBlock(sheet: XWorksheet, plan: SheetPlan, block: RowBlock): void {
  const width = plan.used ? plan.used.right + 1 : 0;
  const rect: Rect = { top: block.top, left: 0, bottom: block.top + block.formulas.length - 1, right: width - 1 };
  const range = rangeAt(sheet, rectAddress(rect));
  range.numberFormat = block.numberFormat;
  range.formulas = block.formulas;
}

function applyBorder(range: XRange, rect: Rect, side: "top" | "bottom" | "left" | "right", weight: BorderWeight): void {
  const edges: Record<typeof side, string> = { top: "EdgeTop", bottom: "EdgeBottom", left: "EdgeLeft", right: "EdgeRight" };
  const inside = side === "top" || side === "bottom" ? "InsideHorizontal" : "InsideVertical";
  const multi = side === "top" || side === "bottom" ? rect.bottom > rect.top : rect.right > rect.left;
  // Every cell of the area has this edge, so the inner lines between its cells have it too.
  for (const index of multi ? [edges[side], inside] : [edges[side]]) {
    const border = range.format.borders.getItem(index);
    border.style = weight === "double" ? "Double" : "Continuous";
    if (weight !== "double") border.weight = weight === "medium" ? "Medium" : "Thin";
  }
}

export function applyStyle(range: XRange, rect: Rect, style: CellStyle, features: OfficeFeatures): void {
  const f = style.font;
  if (f) {
    if (f.bold !== undefined) range.format.font.bold = f.bold;
    if (f.italic !== undefined) range.format.font.italic = f.italic;
    if (f.size !== undefined) range.format.font.size = f.size;
    if (f.color !== undefined) range.format.font.color = color(f.color);
  }
  if (style.fill !== undefined) range.format.fill.color = color(style.fill);
  const a = style.align;
  if (a) {
    if (a.horizontal) range.format.horizontalAlignment = a.horizontal === "left" ? "Left" : a.horizontal === "center" ? "Center" : "Right";
    if (a.vertical) range.format.verticalAlignment = a.vertical === "top" ? "Top" : a.vertical === "center" ? "Center" : "Bottom";
    if (a.wrap !== undefined) range.format.wrapText = a.wrap;
    if (a.indent !== undefined && features.indentLevel) range.format.indentLevel = a.indent;
  }
  const b = style.border;
  if (b) {
    for (const side of ["top", "bottom", "left", "right"] as const) {
      const w = b[side];
      if (w) applyBorder(range, rect, side, w);
    }
  }
}

/** Sheet font, style areas, merges, widths, freeze panes, print set-up, tab colour. */
export function renderLayout(sheet: XWorksheet, plan: SheetPlan, features: OfficeFeatures): void {
  const m = plan.model;
  if (plan.used) {
    const all = rangeAt(sheet, rectAddress(plan.used));
    all.format.font.name = m.font.name;
    all.format.font.size = m.font.size;
  }
  for (const area of plan.areas) {
    const style = m.styles[area.style];
    if (style) applyStyle(rangeAt(sheet, rectAddress(area.rect)), area.rect, style, features);
  }
  for (const merge of m.merges) rangeAt(sheet, rectAddress(merge)).merge(false);
  for (const w of plan.widths) {
    rangeAt(sheet, rectAddress({ top: 0, left: w.left, bottom: 0, right: w.right })).format.columnWidth = w.points;
  }
  // Rows that need more than one line, one command per run of rows of equal height (RangeFormat.rowHeight, points, ExcelApi 1.2).
  for (const run of heightRuns(m.rowHeights)) {
    rangeAt(sheet, `${run.top + 1}:${run.bottom + 1}`).format.rowHeight = run.points;
  }
  if (m.freeze && features.freezePanes) {
    const { rows, columns } = m.freeze;
    if (rows > 0 && columns > 0) {
      sheet.freezePanes.freezeAt(rangeAt(sheet, rectAddress({ top: 0, left: 0, bottom: rows - 1, right: columns - 1 })));
    } else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  }
  if (features.pageLayout) {
    sheet.pageLayout.paperSize = m.print.paper;
    sheet.pageLayout.orientation = m.print.orientation === "landscape" ? "Landscape" : "Portrait";
    // zoom is writable only as a whole object; 1 page wide, 0 = as many pages tall as needed (unverified in Excel).
    if (m.print.fitToWidth) sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
  if (m.tabColor && features.tabColor) sheet.tabColor = color(m.tabColor);
}

/** Consecutive rows of the same height, so a table of two-line rows is one command. */
export function heightRuns(heights: Readonly<Record<number, number>> | undefined): { top: number; bottom: number; points: number }[] {
  const rows = Object.entries(heights ?? {})
    .map(([r, p]) => [Number(r), p] as const)
    .sort((a, b) => a[0] - b[0]);
  const runs: { top: number; bottom: number; points: number }[] = [];
  for (const [r, p] of rows) {
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1 && last.points === p) last.bottom = r;
    else runs.push({ top: r, bottom: r, points: p });
  }
  return runs;
}
