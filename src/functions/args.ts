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

/** A rectangular block of cells: a range as given, or a single value as 1 × 1. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  readonly data: ReadonlyArray<ReadonlyArray<Cell>>;
}

const scalar = (cell: Cell): Grid => ({ rows: 1, cols: 1, data: [[cell]] });

/** Reads one argument of a call. Returns a fault (for the whole call) when the argument is unusable as a whole. */
export function readArg(raw: unknown, p: ParamSpec): Grid | CellFault {
  if (raw === null || raw === undefined) {
    return p.optional ? scalar(p.optional.default) : new CellFault("#VALUE!", MESSAGES.required(p.name));
  }
  if (!Array.isArray(raw)) return scalar(readCell(raw, p));
  const rows = raw.length;
  const first: unknown = raw[0];
  if (rows === 0 || !Array.isArray(first)) return new CellFault("#VALUE!", rows === 0 ? MESSAGES.empty(p.name) : MESSAGES.ragged(p.name));
  const cols = first.length;
  if (cols === 0) return new CellFault("#VALUE!", MESSAGES.empty(p.name));
  // Fast path: a range of finite numbers is used as it is, without a copy (the common case, and the one
  // the 1,000 × 1,000 benchmark measures).
  const clean = p.kind === "number" ? allFiniteNumbers(raw, cols) : shapeOk(raw, cols);
  if (clean === "ragged") return new CellFault("#VALUE!", MESSAGES.ragged(p.name));
  if (clean === "yes") return { rows, cols, data: raw as number[][] };
  const data: Cell[][] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = raw[r] as unknown[];
    const out: Cell[] = new Array(cols);
    for (let c = 0; c < cols; c++) out[c] = readCell(row[c], p);
    data[r] = out;
  }
  return { rows, cols, data };
}

/** "yes" when every cell is a finite number, "no" when some is not, "ragged" when rows differ in length. */
function allFiniteNumbers(raw: readonly unknown[], cols: number): "yes" | "no" | "ragged" {
  let all = true;
  for (let r = 0; r < raw.length; r++) {
    const row: unknown = raw[r];
    if (!Array.isArray(row) || row.length !== cols) return "ragged";
    if (!all) continue;
    for (let c = 0; c < cols; c++) {
      const x: unknown = row[c];
      // x - x is 0 for a finite number and NaN for ±Infinity and NaN.
      if (typeof x !== "number" || x - x !== 0) {
        all = false;
        break;
      }
    }
  }
  return all ? "yes" : "no";
}

function shapeOk(raw: readonly unknown[], cols: number): "no" | "ragged" {
  for (const row of raw) if (!Array.isArray(row) || row.length !== cols) return "ragged";
  return "no";
}

/** Reads one cell for a parameter. */
export function readCell(v: unknown, p: ParamSpec): Cell {
  return p.kind === "number" ? numberCell(v, p) : textCell(v, p);
}

function numberCell(v: unknown, p: ParamSpec): Cell {
  if (typeof v === "number") return Number.isFinite(v) ? v : new CellFault("#NUM!", MESSAGES.notFinite(p.name));
  if (v === null || v === undefined) return 0;
  if (typeof v === "boolean") return new CellFault("#VALUE!", MESSAGES.logical(p.name));
  if (typeof v === "string") {
    if (v.trim() === "") return p.optional ? p.optional.default : new CellFault("#VALUE!", MESSAGES.emptyText(p.name));
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
  else if (typeof v === "object" && v !== null) return inputFault(v) ?? new CellFault("#VALUE!", MESSAGES.notText(p.name));
  if (text === null || text === "") return p.optional ? p.optional.default : new CellFault("#VALUE!", MESSAGES.required(p.name));
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
export function pickChoice<T>(text: Value, param: string, choices: Readonly<Record<string, T>>): T | CellFault {
  const key = String(text).trim().toLowerCase();
  if (Object.prototype.hasOwnProperty.call(choices, key)) return choices[key];
  return new CellFault("#VALUE!", MESSAGES.choice(param, Object.keys(choices)));
}
