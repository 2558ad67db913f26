/**
 * Turn ExcelJS cell values into the engine's CellValue: numbers, text (rich text flattened), booleans,
 * Excel errors, dates as ISO 8601 text, and formula cells as their cached result (or "uncached").
 */
import type { Cell, CellValue as ExcelCellValue, Worksheet } from "exceljs";
import type { CellValue } from "../../../src/esg/types";
import type { Area } from "../../../src/sheet-ref";

/** ISO 8601 text of a date cell: the date alone at midnight, else date and time (UTC, as ExcelJS decodes serials). */
export function isoOfDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** Plain text of a rich-text value or a hyperlink's text. */
function textOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (isObject(v) && Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[])
      .map((r) => (typeof r.text === "string" ? r.text : ""))
      .join("");
  }
  return null;
}

/** Convert a literal (non-formula) ExcelJS value. */
function literal(v: unknown): CellValue | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { kind: "error", code: "#NUM!" };
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return { kind: "date", iso: isoOfDate(v) };
  if (isObject(v)) {
    if (typeof v.error === "string") return { kind: "error", code: v.error };
    const rich = textOf(v);
    if (rich !== null) return rich;
    if ("hyperlink" in v) return textOf(v.text) ?? (typeof v.text === "number" ? String(v.text) : "");
  }
  return undefined;
}

/** One cell as the engine sees it. */
export function cellValue(cell: Cell | undefined): CellValue {
  if (!cell) return null;
  // A merged area's other cells hold nothing of their own (Excel reports them empty); ExcelJS returns the master's value.
  if (cell.isMerged && cell.master !== cell) return null;
  const v: ExcelCellValue = cell.value;
  if (isObject(v) && ("formula" in v || "sharedFormula" in v)) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined)
      return {
        kind: "uncached",
        formula: cell.formula ?? String((v as { formula?: unknown }).formula ?? ""),
      };
    return literal(result) ?? String(result);
  }
  const out = literal(v);
  return out === undefined ? String(v) : out;
}

/** Values of an area (0-based, src/sheet-ref), row by row, without creating cells that do not exist. */
export function readArea(ws: Worksheet, area: Area): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = area.top + 1; r <= area.bottom + 1; r++) {
    const row = ws.findRow(r); // ExcelJS rows and columns are 1-based
    const values: CellValue[] = [];
    for (let c = area.left + 1; c <= area.right + 1; c++)
      values.push(row ? cellValue(row.findCell(c)) : null);
    out.push(values);
  }
  return out;
}
