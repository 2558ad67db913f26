/**
 * Runs a custom function from its table entry: reads every argument through the argument layer,
 * broadcasts them to one shape, calls the body once per cell with clean values, and turns the
 * results into what Excel shows — numbers, text, and `CustomFunctions.Error` values.
 *
 * A call that fails as a whole (an unusable argument, ranges that do not fit together), or whose
 * single result is an error, throws its `CustomFunctions.Error`: the documented way for a custom
 * function to show an Excel error (docs/excel/custom-functions-errors.md). Several results come back
 * as one array that spills, with an error in each cell that failed. Any unexpected exception is
 * caught and shown as #VALUE! with its message, never as a bare #VALUE!.
 */
import type { CalcError } from "../esg/formulas";
import { broadcastShape, readArg, settle, type Grid, type ParamSpec, type Value } from "./args";
import { CellFault, codeOf } from "./errors";
import { isExcelError, toExcelError, type ExcelError } from "./runtime";

/** What a body returns for one cell: an engine `Calc` (or a text result), or a fault. */
export type Outcome =
  | { readonly ok: true; readonly value: number | string }
  | { readonly ok: false; readonly error: CalcError; readonly message: string }
  | CellFault;

export interface FunctionSpec {
  /** The function's id in functions.json (stable forever: workbooks store it). */
  readonly id: string;
  readonly params: readonly ParamSpec[];
  /**
   * One cell's result from clean values, one per parameter in order (at most four; unused ones are
   * null). Positional rather than an array so the per-cell call allocates nothing.
   */
  readonly body: (a: Value, b: Value, c: Value, d: Value) => Outcome;
  /**
   * Optional allocation-free figure for cells whose arguments are all finite numbers: NaN means "ask
   * `body`" (which then says why there is no figure). Comes from the engine (e.g. intensityValue).
   */
  readonly fast?: (a: number, b: number, c: number, d: number) => number;
}

/** A cell of a returned array: a number, text ("" for a blank) or an Excel error. */
export type OutCell = number | string | ExcelError;

export function outCell(o: Outcome): OutCell {
  if (o.ok) return o.value;
  if (o instanceof CellFault) return toExcelError(o);
  return toExcelError(new CellFault(codeOf(o.error), o.message));
}

/** Runs `spec` on the raw arguments of one call. */
export function evaluate(spec: FunctionSpec, raw: readonly unknown[]): OutCell[][] {
  return guarded(() => {
    const grids: Grid[] = [];
    for (let i = 0; i < spec.params.length; i++) {
      const g = readArg(raw[i], spec.params[i]);
      if (g instanceof CellFault) throw toExcelError(g);
      grids.push(g);
    }
    const shape = broadcastShape(grids);
    if (shape instanceof CellFault) throw toExcelError(shape);
    return single(mapCells(grids, shape.rows, shape.cols, spec.body, spec.fast));
  });
}

/** Calls `body` for every cell of the broadcast shape; a fault in any argument's cell is that cell's result. */
function mapCells(
  grids: readonly Grid[],
  rows: number,
  cols: number,
  body: FunctionSpec["body"],
  fast?: FunctionSpec["fast"],
): OutCell[][] {
  if (grids.length > 4) throw new Error("a function table entry has more than four parameters");
  // Unused positions read a 1 × 1 grid of 0, which bodies ignore (0 keeps the all-numbers path below).
  const none: Grid = { rows: 1, cols: 1, data: [[0]], lazy: null };
  const [g0, g1, g2, g3] = [0, 1, 2, 3].map((k) => grids[k] ?? none);
  const lazy = [g0.lazy, g1.lazy, g2.lazy, g3.lazy] as const;
  // 1 when the argument spreads over columns, 0 when it is one column wide: c * s is the column to read.
  const [s0, s1, s2, s3] = [g0, g1, g2, g3].map((g) => (g.cols === 1 ? 0 : 1));
  const out: OutCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const r0 = g0.data[g0.rows === 1 ? 0 : r];
    const r1 = g1.data[g1.rows === 1 ? 0 : r];
    const r2 = g2.data[g2.rows === 1 ? 0 : r];
    const r3 = g3.data[g3.rows === 1 ? 0 : r];
    const line: OutCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const a = r0[c * s0];
      const b = r1[c * s1];
      const d = r2[c * s2];
      const e = r3[c * s3];
      // Nearly every cell holds finite numbers only: they go straight to the body (x - x is 0 only for
      // a finite number). Anything else is read through the argument layer first, in a separate function
      // so the values on this path stay unboxed.
      if (
        typeof a === "number" &&
        a - a === 0 &&
        typeof b === "number" &&
        b - b === 0 &&
        typeof d === "number" &&
        d - d === 0 &&
        typeof e === "number" &&
        e - e === 0
      ) {
        const x = fast ? fast(a, b, d, e) : NaN;
        if (x === x) {
          line[c] = x;
        } else {
          const o = body(a, b, d, e);
          line[c] = o.ok ? o.value : outCell(o);
        }
      } else line[c] = mixedCell([a, b, d, e], lazy, body);
    }
    out[r] = line;
  }
  return out;
}

/** One cell whose arguments are not all finite numbers: read them, then the first fault or the body's result. */
function mixedCell(
  raw: readonly unknown[],
  lazy: readonly (ParamSpec | null)[],
  body: FunctionSpec["body"],
): OutCell {
  const v: Value[] = [];
  for (let k = 0; k < raw.length; k++) {
    const cell = settle(raw[k], lazy[k]);
    if (cell instanceof CellFault) return toExcelError(cell);
    v.push(cell);
  }
  return outCell(body(v[0], v[1], v[2], v[3]));
}

/** A lone error is thrown rather than returned in a 1 × 1 array (see the module comment). */
export function single(out: OutCell[][]): OutCell[][] {
  if (out.length === 1 && out[0].length === 1) {
    const only = out[0][0];
    if (typeof only === "object") throw only;
  }
  return out;
}

/** Runs `work`, letting Excel errors through and turning anything else thrown into #VALUE!. */
export function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (e: unknown) {
    if (isExcelError(e)) throw e;
    throw toExcelError(
      new CellFault("#VALUE!", `internal error: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
}
