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
import { broadcastShape, readArg, type Grid, type ParamSpec, type Value } from "./args";
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
  /** One cell's result from clean values, one per parameter in order. Must not keep `args`: it is reused. */
  readonly body: (args: readonly Value[]) => Outcome;
}

/** A cell of a returned array: a number, text ("" for a blank) or an Excel error. */
export type OutCell = number | string | ExcelError;

export function outCell(o: Outcome): OutCell {
  if (o instanceof CellFault) return toExcelError(o);
  if (o.ok) return o.value;
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
    return single(mapCells(grids, shape.rows, shape.cols, spec.body));
  });
}

/** Calls `body` for every cell of the broadcast shape; a fault in any argument's cell is that cell's result. */
function mapCells(grids: readonly Grid[], rows: number, cols: number, body: FunctionSpec["body"]): OutCell[][] {
  const n = grids.length;
  const args: Value[] = new Array(n).fill(null);
  const rowsOf: (readonly unknown[])[] = new Array(n);
  const spread = grids.map((g) => g.cols !== 1);
  const out: OutCell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < n; k++) rowsOf[k] = grids[k].data[grids[k].rows === 1 ? 0 : r];
    const line: OutCell[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let fault: CellFault | null = null;
      for (let k = 0; k < n; k++) {
        const v = rowsOf[k][spread[k] ? c : 0];
        if (typeof v === "object" && v !== null) {
          fault = v as CellFault;
          break;
        }
        args[k] = v as Value;
      }
      line[c] = fault ? toExcelError(fault) : outCell(body(args));
    }
    out[r] = line;
  }
  return out;
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
    throw toExcelError(new CellFault("#VALUE!", `internal error: ${e instanceof Error ? e.message : String(e)}`));
  }
}
