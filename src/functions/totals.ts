/**
 * The runner for functions that compare totals with their parts (CHECKSUM). Parts are not broadcast
 * like arithmetic: a single total takes every cell of `parts`; a column of totals takes `parts` row by
 * row (a breakdown beside each total); a row of totals takes `parts` column by column.
 */
import type { Calc } from "../esg/formulas";
import { cellAt, readArg, type Cell, type Grid } from "./args";
import { guarded, outCell, single, type OutCell } from "./apply";
import { CellFault, MESSAGES } from "./errors";
import { toExcelError } from "./runtime";

export type GapFn = (total: number, parts: readonly number[]) => Calc;

export function evaluateTotals(totalRaw: unknown, partsRaw: unknown, gap: GapFn): OutCell[][] {
  return guarded(() => {
    const total = grid(readArg(totalRaw, { name: "total", kind: "number" }));
    const parts = grid(readArg(partsRaw, { name: "parts", kind: "number" }));
    if (total.rows === 1 && total.cols === 1)
      return single([[one(cellAt(total, 0, 0), cells(parts, 0, parts.rows, 0, parts.cols), gap)]]);
    if (total.cols === 1 && total.rows === parts.rows) {
      return single(
        total.data.map((_, r) => [one(cellAt(total, r, 0), cells(parts, r, r + 1, 0, parts.cols), gap)]),
      );
    }
    if (total.rows === 1 && total.cols === parts.cols) {
      return single([
        total.data[0].map((_, c) => one(cellAt(total, 0, c), cells(parts, 0, parts.rows, c, c + 1), gap)),
      ]);
    }
    throw toExcelError(new CellFault("#VALUE!", MESSAGES.partsShape));
  });
}

function grid(g: Grid | CellFault): Grid {
  if (g instanceof CellFault) throw toExcelError(g);
  return g;
}

/** The cells of a block of `g`, row by row. */
function cells(g: Grid, r0: number, r1: number, c0: number, c1: number): Cell[] {
  const out: Cell[] = [];
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) out.push(cellAt(g, r, c));
  return out;
}

function one(total: Cell, parts: readonly Cell[], gap: GapFn): OutCell {
  if (total instanceof CellFault) return toExcelError(total);
  const numbers: number[] = [];
  for (const p of parts) {
    if (p instanceof CellFault) return toExcelError(p);
    numbers.push(p as number);
  }
  return outCell(gap(total as number, numbers));
}
