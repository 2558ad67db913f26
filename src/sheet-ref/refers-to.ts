/**
 * What a defined name's refers-to text is (ECMA-376 Part 1 §18.2.5 definedName: a formula without
 * the leading "="; the Excel JavaScript API's NamedItem.formula is the same text with it):
 * - ok: one area on one sheet of this workbook ("'Site A'!$B$2:$C$4");
 * - multi-area: a union of such areas ("Sheet1!$A$1,Sheet1!$C$1");
 * - constant: a literal (number, "text", TRUE/FALSE, an error value, an array constant {1,2;3,4});
 * - broken: holds #REF! outside a text literal (its cells or sheet were deleted);
 * - external: reaches into another workbook ("[1]Sheet1!$A$1", "'C:\dir\[Book.xlsx]Sheet1'!$A$1");
 * - past-grid: A1 syntax beyond row 1,048,576 or column XFD (no such cell in Excel);
 * - formula: any other expression (OFFSET(…), Table1[Col], 3-D references, intersections).
 *
 * The text is scanned token by token (string literals, quoted sheet names, brackets) so that "#REF!"
 * inside a text, a comma inside a quoted sheet name or a function's arguments are told apart.
 */
import { scanArea } from "./a1";
import type { Area } from "./grid";
import { isExternalSheet, splitSheetRef } from "./sheet-name";
import { skipQuoted, splitTopLevel } from "./text";

/** An Excel error value as a literal ("#N/A"). */
export interface ErrorLiteral {
  readonly kind: "error";
  readonly code: string;
}
export type Literal = number | string | boolean | ErrorLiteral;

/** One area and the sheet it is on. */
export interface SheetArea extends Area {
  readonly sheet: string;
}

export type RefersToStatus =
  "ok" | "multi-area" | "constant" | "broken" | "external" | "past-grid" | "formula";

export type RefersTo =
  | { readonly status: "ok"; readonly area: SheetArea }
  | { readonly status: "multi-area"; readonly areas: readonly SheetArea[] }
  | { readonly status: "constant"; readonly value: Literal[][] }
  | { readonly status: "broken" | "external" | "past-grid" | "formula" };

/**
 * Excel's error values: ECMA-376 Part 1 §18.17.2.4 and the newer ones the Excel JavaScript API lists
 * (Excel.ErrorCellValueType: Blocked, Busy, Calc, Connect, External, Field, GettingData, Spill), and
 * #UNKNOWN! (Microsoft Support, "How to correct an #UNKNOWN! error").
 */
export const ERROR_CODES: readonly string[] = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#EXTERNAL!",
  "#FIELD!",
  "#UNKNOWN!",
];

/** Remove the leading "=" the Excel JavaScript API and some writers keep. */
export function stripEquals(text: string): string {
  const t = text.trim();
  return t.startsWith("=") ? t.slice(1).trim() : t;
}

/** Characters before which "[" opens an external workbook index rather than a structured reference. */
const OPERATOR = /[\s,()+\-*/^&=<>:;{}"!'[\]%]/u;

/** One pass over the text: an unquoted #REF!, an external reference, balanced brackets. */
function scan(text: string): { hasRef: boolean; external: boolean; balanced: boolean } {
  let depth = 0;
  let hasRef = false;
  let external = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i = skipQuoted(text, i, '"');
      continue;
    }
    if (ch === "'") {
      const end = skipQuoted(text, i, "'");
      if (isExternalSheet(text.slice(i + 1, end - 1))) external = true;
      i = end;
      continue;
    }
    // "[1]Sheet!A1", "[1]!Name": an external workbook index. A structured reference (Table1[Col]) is not.
    if (ch === "[" && /^\[\d+\]/.test(text.slice(i)) && (i === 0 || OPERATOR.test(text[i - 1])))
      external = true;
    if (ch === "(" || ch === "{") depth++;
    if (ch === ")" || ch === "}") depth--;
    if (text.startsWith("#REF!", i) || text.startsWith("#ref!", i)) hasRef = true;
    i++;
  }
  return { hasRef, external, balanced: depth === 0 };
}

/** A scalar literal, or undefined. */
export function parseLiteral(t: string): Literal | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (t.length >= 2 && t.startsWith('"') && skipQuoted(t, 0, '"') === t.length && t.endsWith('"')) {
    return t.slice(1, -1).replace(/""/g, '"');
  }
  if (/^TRUE$/i.test(t)) return true;
  if (/^FALSE$/i.test(t)) return false;
  const code = ERROR_CODES.find((c) => c === t.toUpperCase());
  return code ? { kind: "error", code } : undefined;
}

/** A literal or an array constant {1,2;"a",FALSE} (rows of equal width, as Excel requires), or null. */
function parseConstant(text: string): Literal[][] | null {
  const t = text.trim();
  if (t.startsWith("{") && t.endsWith("}")) {
    const rows: Literal[][] = [];
    for (const rowText of splitTopLevel(t.slice(1, -1), ";")) {
      const row: Literal[] = [];
      for (const item of splitTopLevel(rowText, ",")) {
        const v = parseLiteral(item.trim());
        if (v === undefined) return null;
        row.push(v);
      }
      rows.push(row);
    }
    const width = rows[0]?.length ?? 0;
    return rows.length > 0 && rows.every((r) => r.length === width) ? rows : null;
  }
  const v = parseLiteral(t);
  return v === undefined ? null : [[v]];
}

/** Strip one pair of parentheses around the whole text: "(A!$A$1,A!$B$2)". */
function unwrap(text: string): string {
  const t = text.trim();
  if (!t.startsWith("(") || !t.endsWith(")")) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '"' || t[i] === "'") {
      i = skipQuoted(t, i, t[i]) - 1;
      continue;
    }
    if (t[i] === "(") depth++;
    if (t[i] === ")") depth--;
    if (depth === 0 && i < t.length - 1) return t;
  }
  return t.slice(1, -1).trim();
}

/** Classify a defined name's refers-to text (with or without the leading "="). */
export function parseRefersTo(refersTo: string): RefersTo {
  const text = stripEquals(refersTo);
  if (text === "") return { status: "formula" };
  const constant = parseConstant(text);
  if (constant) {
    const only = constant.length === 1 && constant[0].length === 1 ? constant[0][0] : null;
    if (typeof only === "object" && only !== null && only.code === "#REF!") return { status: "broken" };
    return { status: "constant", value: constant };
  }
  const body = unwrap(text);
  const { hasRef, external, balanced } = scan(body);
  if (hasRef) return { status: "broken" };
  if (external) return { status: "external" };
  if (!balanced) return { status: "formula" };
  const areas: SheetArea[] = [];
  let pastGrid = false;
  for (const part of splitTopLevel(body)) {
    const split = splitSheetRef(part);
    if (split === null) return { status: "formula" };
    if (isExternalSheet(split.sheet)) return { status: "external" };
    const area = scanArea(split.area);
    if (area === null) return { status: "formula" };
    if (area === "past-grid") pastGrid = true;
    else areas.push({ sheet: split.sheet, ...area });
  }
  if (pastGrid) return { status: "past-grid" };
  if (areas.length === 1) return { status: "ok", area: areas[0] };
  return { status: "multi-area", areas };
}
