/**
 * A generated sheet's charts as package content: the drawing part and one chart part per chart model,
 * with no paths yet (the package writer names the parts, packageWriter.ts). Within these parts every
 * reference is local and fixed: the sheet points at its drawing as rId1 (SHEET_DRAWING_REL_ID) and the
 * drawing at its charts as rId1…rIdN in order (drawingXml.ts), so the same models give the same bytes.
 */
import type { SheetModel } from "../../esg/types";
import { chartXml, SheetCells } from "./chartXml";
import { drawingXml } from "./drawingXml";

export { SHEET_DRAWING_REL_ID } from "./worksheetXml";

export interface SheetDrawing {
  readonly drawing: string;
  /** Chart parts in the order of the drawing's relationships. */
  readonly charts: readonly string[];
}

/** The drawing and chart parts of a sheet model, or null when it has no chart. */
export function sheetDrawing(model: SheetModel): SheetDrawing | null {
  const charts = model.charts ?? [];
  if (!charts.length) return null;
  const cells = new SheetCells(model);
  return { drawing: drawingXml(charts), charts: charts.map((c) => chartXml(c, cells)) };
}
