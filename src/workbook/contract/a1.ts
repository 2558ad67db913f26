/**
 * A1 addresses and sheet-name quoting, shared by every workbook host. Pure string work.
 */

/** Excel's grid limits (Excel specifications and limits: 1,048,576 rows by 16,384 columns). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 1-based column number → letters (1 → "A", 27 → "AA"). */
export function columnLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters → 1-based number ("A" → 1), or NaN when not letters. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return Number.NaN;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A rectangle on one sheet, 1-based and inclusive. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "B2" or "B2:C4" (no $, no sheet). Whole columns/rows print as "A:A" / "1:1". */
export function formatArea(a: Area): string {
  const wholeColumns = a.top === 1 && a.bottom === MAX_ROWS;
  const wholeRows = a.left === 1 && a.right === MAX_COLUMNS;
  if (wholeColumns && !wholeRows) return `${columnLetters(a.left)}:${columnLetters(a.right)}`;
  if (wholeRows && !wholeColumns) return `${a.top}:${a.bottom}`;
  const first = `${columnLetters(a.left)}${a.top}`;
  if (a.top === a.bottom && a.left === a.right) return first;
  return `${first}:${columnLetters(a.right)}${a.bottom}`;
}

/** Number of cells in an area. */
export function areaSize(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/**
 * Quote a sheet name for a reference the way Excel does: plain names (letters of any script, digits,
 * underscore, period, not starting with a digit, not readable as a cell reference) stay bare; every
 * other name is wrapped in single quotes with inner quotes doubled ('It''s').
 */
export function quoteSheet(sheet: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  const looksLikeRef =
    /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^R\d*C\d*$/i.test(sheet) || /^(TRUE|FALSE)$/i.test(sheet);
  return plain && !looksLikeRef ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Sheet!B2" with the sheet quoted as Excel quotes it. */
export function location(sheet: string, a: Area): string {
  return `${quoteSheet(sheet)}!${formatArea(a)}`;
}
