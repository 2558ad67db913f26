/** A1 text: column letters, cells and areas (0-based indexes; see grid.ts). */
import { MAX_COLUMNS, MAX_ROWS, wholeColumns, wholeRows, type Area, type CellPos } from "./grid";

/** 0-based column index → letters (0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD"). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 0-based column index ("A" → 0, "xfd" → 16383), or NaN when not 1 to 3 Latin letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return Number.NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 1) → "B1". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** (0, 1) → "$B$1". */
export function absoluteCellAddress(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

/** An area as Excel writes it: "B2", "B2:C4", whole columns "A:C", whole rows "3:5". */
export function formatArea(a: Area): string {
  return writeArea(a, "");
}

/** The absolute form: "$B$2", "$B$2:$C$4", "$A:$C", "$3:$5". */
export function absoluteArea(a: Area): string {
  return writeArea(a, "$");
}

function writeArea(a: Area, d: "" | "$"): string {
  const cols = wholeColumns(a);
  const rows = wholeRows(a);
  if (cols && !rows) return `${d}${columnLetters(a.left)}:${d}${columnLetters(a.right)}`;
  if (rows && !cols) return `${d}${a.top + 1}:${d}${a.bottom + 1}`;
  const cell = (r: number, c: number): string => `${d}${columnLetters(c)}${d}${r + 1}`;
  const first = cell(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cell(a.bottom, a.right)}`;
}

/** One end of an A1 area: a cell ("$B$2"), a column ("$B") or a row ("2"), 0-based and not yet bounded. */
interface End {
  readonly col: number | null;
  readonly row: number | null;
}

function parseEnd(s: string): End | null {
  const m = /^(?:\$?([A-Za-z]{1,3}))?(?:\$?(\d{1,7}))?$/.exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  return {
    col: m[1] !== undefined ? columnIndex(m[1]) : null,
    row: m[2] !== undefined ? Number(m[2]) - 1 : null,
  };
}

function onGrid(e: End): boolean {
  const colOk = e.col === null || (e.col >= 0 && e.col < MAX_COLUMNS);
  const rowOk = e.row === null || (e.row >= 0 && e.row < MAX_ROWS);
  return colOk && rowOk;
}

/**
 * An area's text without the sheet: "B2", "$B$2:$C$4", "C4:B2" (normalised), "A:C", "$3:$5".
 * "past-grid" when it has A1 syntax but reaches past row 1,048,576 or column XFD, or names row 0;
 * null when it is not one A1 area.
 */
export function scanArea(text: string): Area | "past-grid" | null {
  const bits = text.trim().split(":");
  if (bits.length > 2) return null;
  const a = parseEnd(bits[0]);
  const b = bits.length === 2 ? parseEnd(bits[1]) : a;
  if (a === null || b === null) return null;
  const cells = a.col !== null && a.row !== null && b.col !== null && b.row !== null;
  const columns = bits.length === 2 && a.row === null && b.row === null && a.col !== null && b.col !== null;
  const rows = bits.length === 2 && a.col === null && b.col === null && a.row !== null && b.row !== null;
  if (!cells && !columns && !rows) return null;
  if (!onGrid(a) || !onGrid(b)) return "past-grid";
  const lo = (x: number | null, y: number | null, whole: number): number =>
    x === null || y === null ? whole : Math.min(x, y);
  const hi = (x: number | null, y: number | null, whole: number): number =>
    x === null || y === null ? whole : Math.max(x, y);
  return {
    top: lo(a.row, b.row, 0),
    bottom: hi(a.row, b.row, MAX_ROWS - 1),
    left: lo(a.col, b.col, 0),
    right: hi(a.col, b.col, MAX_COLUMNS - 1),
  };
}

/** One A1 area on the grid, or null (not an area, or past the grid). */
export function parseArea(text: string): Area | null {
  const a = scanArea(text);
  return a === "past-grid" ? null : a;
}

/** Top-left cell of an area that starts with a cell ("$B$2:$C$4", "B2"), or null (whole rows or columns, not A1). */
export function topLeft(address: string): CellPos | null {
  const first = parseEnd(address.trim().split(":")[0]);
  if (first === null || first.col === null || first.row === null) return null;
  const a = parseArea(address);
  return a ? { row: a.top, col: a.left } : null;
}
