/**
 * Render one sheet model into an ExcelJS worksheet: cells (literals, text kept as text, native formulas
 * with their cached results), styles, merges, column widths, frozen header, print set-up and tab colour.
 */
import type { CellValue as ExcelCellValue, Workbook, Worksheet } from "exceljs";
import type { CellModel, SheetModel } from "../../../src/esg/types";
import { argb, StyleCache } from "./styles";

export interface RenderOptions {
  /** Write the cached values only, no formulas (--values-only). */
  readonly valuesOnly: boolean;
}

/** ExcelJS paper size code of A4 (ECMA-376 Part 1, §18.3.1.63 paperSize: 9 = A4 210 × 297 mm). */
const PAPER_A4 = 9;

function valueOf(cell: CellModel, options: RenderOptions): ExcelCellValue {
  if (cell.formula && !options.valuesOnly) {
    const formula = cell.formula.startsWith("=") ? cell.formula.slice(1) : cell.formula;
    // ExcelJS writes `result` as the cell's cached value (<v>), so the file shows numbers before any recalculation.
    return cell.value === null
      ? { formula, date1904: false }
      : { formula, result: cell.value, date1904: false };
  }
  // A string is always written as a (shared) string by ExcelJS, never parsed as a formula, so text from the
  // workbook that begins with "=" stays text (checked in tests/workbook/render.test.ts).
  return cell.value;
}

/** Add a worksheet for the model (the name must be free) and fill it. */
export function renderSheet(wb: Workbook, model: SheetModel, options: RenderOptions): Worksheet {
  const ws = wb.addWorksheet(model.name, {
    properties: model.tabColor ? { tabColor: { argb: argb(model.tabColor) } } : {},
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: model.print.orientation,
      fitToPage: model.print.fitToWidth,
      fitToWidth: 1,
      // 0 = as many pages tall as needed (§18.3.1.63 fitToHeight).
      fitToHeight: 0,
    },
    views:
      model.freeze && (model.freeze.rows > 0 || model.freeze.columns > 0)
        ? [{ state: "frozen", xSplit: model.freeze.columns, ySplit: model.freeze.rows }]
        : [],
  });
  if (model.hidden) ws.state = "hidden";
  ws.columns = model.columns.map((width) => ({ width }));
  for (const [row, height] of Object.entries(model.rowHeights ?? {}))
    ws.getRow(Number(row) + 1).height = height;
  const styles = new StyleCache(model);
  for (const cell of model.cells) {
    const target = ws.getCell(cell.row + 1, cell.col + 1);
    target.value = valueOf(cell, options);
    target.style = styles.get(cell.style, cell.numberFormat);
  }
  for (const m of model.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  return ws;
}
