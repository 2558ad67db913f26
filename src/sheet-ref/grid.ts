/**
 * The grid every reference lives on. Convention for the whole module: rows and columns are 0-based
 * indexes (row 0 is Excel's row 1, column 0 is column A), and an area is inclusive at both ends.
 * Only the text forms ("B2", "$A:$C", "3:5") carry Excel's 1-based row numbers.
 */

/** Excel's worksheet size: 1,048,576 rows by 16,384 columns (XFD) ("Excel specifications and limits"). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** One cell, 0-based. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells, 0-based and inclusive. A whole column runs from row 0 to MAX_ROWS - 1. */
export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Number of cells in an area. */
export function areaCells(a: Area): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

export function wholeColumns(a: Area): boolean {
  return a.top === 0 && a.bottom === MAX_ROWS - 1;
}

export function wholeRows(a: Area): boolean {
  return a.left === 0 && a.right === MAX_COLUMNS - 1;
}
