/**
 * The argument layer of the custom functions: turns what Excel passes (a range as rows of cells, a
 * single value, or null for an omitted optional argument) into a grid of clean values — numbers or
 * text — with a `CellFault` in each cell that cannot be used. Function bodies never see raw input.
 *
 * What Excel passes (docs/excel/custom-functions-parameter-options.md, office-js #4702, #5262):
 * an empty cell inside a range arrives as 0 on the desktop and may arrive as null on the web (both
 * are read as 0 here, so the platforms agree); an omitted optional argument arrives as null.
 */
import { coerceNumber } from "../esg/coerce";
import { CellFault, inputFault, MESSAGES } from "./errors";

export type Kind = "number" | "text";

export interface ParamSpec {
  /** The parameter's name in the function's signature, used in messages. */
  readonly name: string;
  readonly kind: Kind;
  /** Present for an optional parameter: the value used when it is omitted (or, for text, blank). */
  readonly optional?: { readonly default: number | string | null };
}

/** A clean cell value: a number for a number parameter, text (or a default, possibly null) for text. */
export type Value = number | string | null;
export type Cell = Value | CellFault;

/**
 * A rectangular block of cells: a range, or a single value as 1 × 1. A range of a number parameter is
 * kept as Excel passed it, without a copy or a pass of its own: the runner reads each cell once as it
 * computes, taking a finite number as it is and sending anything else through `readCell` (see `cellAt`).
 * That single pass is what keeps ESG.INTENSITY over 1,000 × 1,000 cells near a bare loop (bench/).
 */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  /** Cells as passed (when `lazy` is set) or already read. */
  readonly data: ReadonlyArray<ReadonlyArray<unknown>>;
  /** The parameter whose rules read a cell that is not a finite number, or null when `data` is already read. */
  readonly lazy: ParamSpec | null;
}

const scalar = (cell: Cell): Grid => ({ rows: 1, cols: 1, data: [[cell]], lazy: null });

/** Reads one argument of a call. Returns a fault (for the whole call) when the argument is unusable as a whole. */
export function readArg(raw: unknown, p: ParamSpec): Grid | CellFault {
  if (raw === null || raw === undefined) {
    return p.optional ? scalar(p.optional.default) : new CellFault("#VALUE!", MESSAGES.required(p.name));
  }
  if (!Array.isArray(raw)) return scalar(readCell(raw, p));
  const rows = raw.length;
  if (rows === 0) return new CellFault("#VALUE!", MESSAGES.empty(p.name));
  const first: unknown = raw[0];
  const cols = Array.isArray(first) ? first.length : -1;
  if (cols === 0) return new CellFault("#VALUE!", MESSAGES.empty(p.name));
  for (const row of raw)
    if (!Array.isArray(row) || row.length !== cols) return new CellFault("#VALUE!", MESSAGES.ragged(p.name));
  if (p.kind === "number") return { rows, cols, data: raw as unknown[][], lazy: p };
  // Text arguments (units, fuels, methods) are few: read them all now.
  const data = (raw as unknown[][]).map((row) => row.map((v) => readCell(v, p)));
  return { rows, cols, data, lazy: null };
}

/** The clean value of a cell of `g` as found in its data (see `Grid`). */
export function settle(v: unknown, lazy: ParamSpec | null): Cell {
  if (lazy === null) return v as Cell;
  return typeof v === "number" && v - v === 0 ? v : readCell(v, lazy);
}

/** The clean value of the cell at row `r`, column `c` of `g`. */
export function cellAt(g: Grid, r: number, c: number): Cell {
  return settle(g.data[r][c], g.lazy);
}

/** Reads one cell for a parameter. */
export function readCell(v: unknown, p: ParamSpec): Cell {
  return p.kind === "number" ? numberCell(v, p) : textCell(v, p);
}

function numberCell(v: unknown, p: ParamSpec): Cell {
  if (typeof v === "number")
    return Number.isFinite(v) ? v : new CellFault("#NUM!", MESSAGES.notFinite(p.name));
  if (v === null || v === undefined) return 0;
  if (typeof v === "boolean") return new CellFault("#VALUE!", MESSAGES.logical(p.name));
  if (typeof v === "string") {
    if (v.trim() === "")
      return p.optional ? p.optional.default : new CellFault("#VALUE!", MESSAGES.emptyText(p.name));
    // Text that reads as a number ("1,234", full-width digits, "12%") counts, as in the engine's checks.
    const c = coerceNumber(v);
    return c.kind === "number" ? c.value : new CellFault("#VALUE!", MESSAGES.notNumber(p.name));
  }
  if (typeof v === "object") return inputFault(v) ?? new CellFault("#VALUE!", MESSAGES.notNumber(p.name));
  return new CellFault("#VALUE!", MESSAGES.notNumber(p.name));
}

/**
 * A blank cell reaches a text parameter as 0 (desktop) or null (web); no unit, fuel, grid or method is
 * called "0", so both mean "not given": the default for an optional parameter, a fault for a required one.
 */
function textCell(v: unknown, p: ParamSpec): Cell {
  let text: string | null = null;
  if (typeof v === "string") text = v.trim();
  else if (typeof v === "number") {
    if (!Number.isFinite(v)) return new CellFault("#NUM!", MESSAGES.notFinite(p.name));
    text = v === 0 ? "" : String(v);
  } else if (typeof v === "boolean") return new CellFault("#VALUE!", MESSAGES.notText(p.name));
  else if (typeof v === "object" && v !== null)
    return inputFault(v) ?? new CellFault("#VALUE!", MESSAGES.notText(p.name));
  if (text === null || text === "")
    return p.optional ? p.optional.default : new CellFault("#VALUE!", MESSAGES.required(p.name));
  return text;
}

/** The shape all arguments broadcast to, like Excel's arithmetic on arrays, or a fault when they do not fit. */
export function broadcastShape(grids: readonly Grid[]): { rows: number; cols: number } | CellFault {
  let rows = 1;
  let cols = 1;
  for (const g of grids) {
    if (g.rows !== 1) {
      if (rows !== 1 && rows !== g.rows) return new CellFault("#VALUE!", MESSAGES.shape);
      rows = g.rows;
    }
    if (g.cols !== 1) {
      if (cols !== 1 && cols !== g.cols) return new CellFault("#VALUE!", MESSAGES.shape);
      cols = g.cols;
    }
  }
  return { rows, cols };
}

/**
 * A text choice, case-insensitive, from a table of accepted spellings (English and Chinese) to values;
 * null stays null for the caller's default.
 */
export function pickChoice<T>(
  text: Value,
  param: string,
  choices: Readonly<Record<string, T>>,
): T | CellFault {
  const key = String(text).trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(choices, key)) return choices[key];
  return new CellFault("#VALUE!", MESSAGES.choice(param, Object.keys(choices)));
}
