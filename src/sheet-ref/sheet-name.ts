/**
 * Sheet names in references. The formula grammar (ECMA-376 Part 1 §18.17.2, sheet-name and
 * sheet-name-special; [MS-OI29500] 3.2.3.1.5) writes a plain name bare and any other name in single
 * quotes, with a quote inside doubled ('It''s'). A quoted name is always accepted, so any doubt quotes.
 */
import { skipQuoted } from "./text";

/** Excel's limit on a sheet name's length ("Excel specifications and limits"). */
export const MAX_SHEET_NAME = 31;
/** Characters a sheet name cannot hold (Excel's rename dialog: : \ / ? * [ ]). */
export const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/;

/**
 * The sheet name as a reference writes it. Bare only when it is a plain word (letters of any script,
 * digits, _ and ., not starting with a digit) that Excel cannot read as something else: not an A1 cell
 * (A1, XFE1), not an R1C1 cell or its start (R, C, RC, R1C1, C3PO), not TRUE or FALSE.
 */
export function quoteSheet(sheet: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet);
  const readsAsSomethingElse =
    /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^(R|C|RC)(\d|$)/i.test(sheet) || /^(TRUE|FALSE)$/i.test(sheet);
  return plain && !readsAsSomethingElse ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "'It''s'" → "It's"; a bare name is returned as it is. */
export function unquoteSheet(text: string): string {
  return text.length >= 2 && text.startsWith("'") && text.endsWith("'")
    ? text.slice(1, -1).replace(/''/g, "'")
    : text;
}

/** Characters that end a bare sheet name. */
const ENDS_BARE_NAME = /[\s,()+\-*/^&=<>:;{}"!'[\]%]/u;

/**
 * "Sheet1!A1:B2" / "'My sheet'!A1" → the sheet (unquoted) and the rest. Null when the text does not
 * start with a sheet prefix. A workbook prefix stays in the sheet ("[1]Sheet1"): see isExternalSheet.
 */
export function splitSheetRef(ref: string): { sheet: string; area: string } | null {
  const text = ref.trim();
  if (text.startsWith("'")) {
    const end = skipQuoted(text, 0, "'");
    if (text[end] !== "!" || end < 3) return null;
    return { sheet: text.slice(1, end - 1).replace(/''/g, "'"), area: text.slice(end + 1) };
  }
  let j = 0;
  while (j < text.length && (!ENDS_BARE_NAME.test(text[j]) || text[j] === "[" || text[j] === "]")) j++;
  if (text[j] !== "!" || j === 0) return null;
  return { sheet: text.slice(0, j), area: text.slice(j + 1) };
}

/** A sheet prefix that names another workbook: "[1]Sheet1", "C:\dir\[Book.xlsx]Sheet1". */
export function isExternalSheet(sheet: string): boolean {
  return sheet.includes("[");
}

/**
 * Why Excel would refuse a sheet name, or null: 1 to 31 characters, none of : \ / ? * [ ], no
 * apostrophe first or last, and not "History" (reserved by Excel for the change history).
 */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_SHEET_NAME) return `must be 1 to ${MAX_SHEET_NAME} characters`;
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "must not contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "must not begin or end with an apostrophe";
  if (name.toUpperCase() === "HISTORY") return '"History" is reserved by Excel';
  return null;
}
