/** A1 addresses: the cell a value came from, so every finding and figure can point at it. */

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
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

/** Letters → 0-based column index. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/** Top-left corner of an A1 range ("$B$2:$C$4" or "B2") as 0-based row and column, or null. */
export function topLeft(address: string): CellPos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain identifier. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet!B2" for the cell at (dr, dc) inside a range that starts at `address` on `sheet`. */
export function locate(sheet: string | null, address: string | null, dr = 0, dc = 0): string | null {
  return locator(sheet, address)(dr, dc);
}

/** `locate` for many cells of one range: the sheet is quoted and the corner parsed once. */
export function locator(sheet: string | null, address: string | null): (dr: number, dc: number) => string | null {
  const tl = sheet === null || address === null ? null : topLeft(address);
  if (tl === null || sheet === null) return () => null;
  const prefix = `${quoteSheet(sheet)}!`;
  return (dr, dc) => prefix + cellAddress(tl.row + dr, tl.col + dc);
}
