/** 0-based row/column → "B2". */
import { columnLetters } from "../../workbook/contract/a1";

export function cellAddr(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}
