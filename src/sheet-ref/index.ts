/**
 * Spreadsheet references, the one home for them: A1 cells, areas and columns, sheet-name quoting,
 * defined-name validity and what a defined name refers to. A leaf: it imports nothing, and the
 * engine, both workbook hosts, the command line and the test fakes all use it.
 *
 * Convention: rows and columns are 0-based indexes (row 0 is Excel's row 1, column 0 is column A) and
 * areas are inclusive; only text ("B2", "$A:$C", "3:5") carries Excel's 1-based row numbers.
 */
export { MAX_COLUMNS, MAX_ROWS, areaCells, wholeColumns, wholeRows, type Area, type CellPos } from "./grid";
export {
  absoluteArea,
  absoluteCellAddress,
  cellAddress,
  columnIndex,
  columnLetters,
  formatArea,
  parseArea,
  scanArea,
  topLeft,
} from "./a1";
export {
  FORBIDDEN_SHEET_CHARS,
  MAX_SHEET_NAME,
  isExternalSheet,
  quoteSheet,
  sheetNameProblem,
  splitSheetRef,
  unquoteSheet,
} from "./sheet-name";
export { MAX_NAME_LENGTH, definedNameProblem, isValidDefinedName } from "./defined-name";
export {
  ERROR_CODES,
  parseLiteral,
  parseRefersTo,
  stripEquals,
  type ErrorLiteral,
  type Literal,
  type RefersTo,
  type RefersToStatus,
  type SheetArea,
} from "./refers-to";
export { absoluteLocation, locate, locator, location } from "./location";
export { skipQuoted, splitTopLevel } from "./text";
