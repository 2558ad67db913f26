/**
 * A sheet model turned into what one write needs: 2-D blocks of number formats and formulas over the
 * model's used range, style areas, merges, column widths, and an estimate of the request size.
 *
 * Text: every literal string lands in a cell formatted as Text ("@") before its value is written.
 * Range.values / Range.formulas take a string that begins with "=", "+" or "-" as a formula
 * (@types/office-js, Range.values), "@" starts a formula in Excel's own parser, and General-formatted
 * input such as "0012", "TRUE" or a date-like label is converted to a number, boolean or date. A cell
 * formatted as Text keeps its input as typed; so literal strings (flagged `text` or not) get "@" in the
 * numberFormat block, which is queued before the formulas block of the same range and therefore
 * executed first in the batch.
 */
import type { CellModel, SheetModel } from "../../esg/types";
import type { Area as Rect } from "../../sheet-ref";
import { CHART_BYTES } from "./charts";
import { styleAreas, type StyleArea } from "./style-areas";

export const TEXT_FORMAT = "@";
export const GENERAL_FORMAT = "General";

export type WriteCell = string | number | boolean | null;

/** Rows of the used range written by one pair of numberFormat + formulas commands. */
export interface RowBlock {
  readonly top: number;
  readonly numberFormat: string[][];
  readonly formulas: WriteCell[][];
  readonly bytes: number;
}

export interface ColumnWidth {
  readonly left: number;
  readonly right: number;
  /** Range.format.columnWidth is in points. */
  readonly points: number;
}

export interface SheetPlan {
  readonly model: SheetModel;
  /** Used range from A1 (null for an empty model). */
  readonly used: Rect | null;
  readonly blocks: readonly RowBlock[];
  readonly areas: readonly StyleArea[];
  readonly widths: readonly ColumnWidth[];
  /** Estimated request bytes of everything but the blocks. */
  readonly layoutBytes: number;
}

/** Whether a string would not survive Range.values as typed text. */
export function needsTextFormat(value: string): boolean {
  return /^[=+\-@]/.test(value);
}

/** The formulas-block entry of a cell: "=" + formula, the literal, or null (leave empty). */
export function cellInput(cell: CellModel): WriteCell {
  if (cell.formula !== undefined && cell.formula !== "") return `=${cell.formula}`;
  return cell.value;
}

export function cellFormat(cell: CellModel): string {
  const literalText = cell.formula === undefined && typeof cell.value === "string";
  if (literalText || cell.text === true) return TEXT_FORMAT;
  return cell.numberFormat ?? GENERAL_FORMAT;
}

/**
 * Column width: characters → points. Excel's width unit is the width of "0" in the default font
 * (7 px for Calibri 11) plus 5 px of padding; 1 px = 0.75 pt at 96 dpi.
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function jsonBytes(v: unknown): number {
  return JSON.stringify(v).length;
}

export function planSheet(model: SheetModel, blockBudget: number): SheetPlan {
  let bottom = -1;
  let right = -1;
  for (const c of model.cells) {
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  for (const m of model.merges) {
    bottom = Math.max(bottom, m.bottom);
    right = Math.max(right, m.right);
  }
  const used: Rect | null = bottom < 0 ? null : { top: 0, left: 0, bottom, right };
  const blocks: RowBlock[] = [];
  if (used) {
    const width = right + 1;
    const formats: string[][] = Array.from({ length: bottom + 1 }, () => Array<string>(width).fill(GENERAL_FORMAT));
    const inputs: WriteCell[][] = Array.from({ length: bottom + 1 }, () => Array<WriteCell>(width).fill(null));
    for (const c of model.cells) {
      formats[c.row][c.col] = cellFormat(c);
      inputs[c.row][c.col] = cellInput(c);
    }
    let top = 0;
    let bytes = 0;
    for (let r = 0; r <= bottom; r++) {
      const rowBytes = jsonBytes(formats[r]) + jsonBytes(inputs[r]);
      if (r > top && bytes + rowBytes > blockBudget) {
        blocks.push({ top, numberFormat: formats.slice(top, r), formulas: inputs.slice(top, r), bytes });
        top = r;
        bytes = 0;
      }
      bytes += rowBytes;
    }
    blocks.push({ top, numberFormat: formats.slice(top), formulas: inputs.slice(top), bytes });
  }
  const widths: ColumnWidth[] = [];
  model.columns.forEach((chars, col) => {
    const points = charsToPoints(chars);
    const last = widths[widths.length - 1];
    if (last && last.right === col - 1 && last.points === points) widths[widths.length - 1] = { ...last, right: col };
    else widths.push({ left: col, right: col, points });
  });
  const areas = styleAreas(model.cells);
  const layoutBytes =
    800 +
    areas.length * 400 +
    model.merges.length * 120 +
    widths.length * 120 +
    Object.keys(model.rowHeights ?? {}).length * 120 +
    (model.charts?.length ?? 0) * CHART_BYTES;
  return { model, used, blocks, areas, widths, layoutBytes };
}

export function planBytes(plan: SheetPlan): number {
  return plan.layoutBytes + plan.blocks.reduce((n, b) => n + b.bytes, 0);
}
