/**
 * Classify a defined name's refers-to text (ECMA-376 Part 1, §18.2.5 definedName: the element's text is
 * a formula without the leading "="). Shared by every host: the Excel JavaScript API hands the same text
 * (NamedItem.formula) as the file does.
 *
 * The text is tokenised (string literals, quoted sheet names, brackets) rather than matched with one
 * regular expression, so that "#REF!" inside a text constant, a comma inside a quoted sheet name or a
 * function call are told apart from a broken or multi-area reference.
 */
import type { CellValue, NameStatus } from "../../esg/types";
import { columnNumber, MAX_COLUMNS, MAX_ROWS, type Area } from "./a1";

/** One rectangular area and the sheet it is on. */
export interface SheetArea extends Area {
  readonly sheet: string;
}

export type ParsedRefersTo =
  | { readonly status: "ok"; readonly area: SheetArea }
  | { readonly status: "multi-area"; readonly areas: readonly SheetArea[] }
  | { readonly status: "constant"; readonly value: CellValue[][] }
  | { readonly status: Exclude<NameStatus, "ok" | "multi-area" | "constant"> };

/** Excel's error literals (ECMA-376 Part 1, §18.17.2.4 plus the dynamic-array errors). */
const ERROR_CODES = [
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
];

/** A piece of the refers-to text at the top level (outside brackets). */
interface Piece {
  readonly text: string;
  /** Text of the sheet prefix, unquoted, when the piece starts with one ("Sheet!" or "'My sheet'!"). */
  readonly sheet: string | null;
  /** The rest after the sheet prefix. */
  readonly rest: string;
  readonly external: boolean;
}

/** Characters that end an unquoted sheet name or operand. */
const OPERATOR = /[\s,()+\-*/^&=<>:;{}"!'[\]%]/u;

/** Remove the leading "=" the Excel JavaScript API and some writers keep. */
export function stripEquals(text: string): string {
  const t = text.trim();
  return t.startsWith("=") ? t.slice(1).trim() : t;
}

/**
 * Scan the text once: say whether it holds an unquoted "#REF!" or an external reference ("[1]…",
 * "'C:\\dir\\[Book.xlsx]Sheet'!A1"), and split it on top-level commas.
 */
function scan(text: string): { parts: string[]; hasRef: boolean; external: boolean; balanced: boolean } {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
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
      if (text.slice(i + 1, end - 1).startsWith("[") || /[\\/]\[/.test(text.slice(i + 1, end - 1)))
        external = true;
      i = end;
      continue;
    }
    // "[1]Sheet!A1", "[1]!Name": an external workbook index. A structured reference (Table1[Col]) is not.
    if (ch === "[" && /^\[\d+\]/.test(text.slice(i)) && (i === 0 || OPERATOR.test(text[i - 1])))
      external = true;
    if (ch === "(" || ch === "{") depth++;
    if (ch === ")" || ch === "}") depth--;
    if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    if (text.startsWith("#REF!", i)) hasRef = true;
    i++;
  }
  parts.push(text.slice(start));
  return { parts, hasRef, external, balanced: depth === 0 };
}

/** Index just past a quoted run starting at `i`, where the quote is escaped by doubling it. */
function skipQuoted(text: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return j;
}

/** Split "Sheet!rest" / "'My ''x'' sheet'!rest" into the sheet (unquoted) and the rest. */
function splitSheet(piece: string): Piece {
  const text = piece.trim();
  if (text.startsWith("'")) {
    const end = skipQuoted(text, 0, "'");
    if (text[end] === "!") {
      const sheet = text.slice(1, end - 1).replace(/''/g, "'");
      return { text, sheet, rest: text.slice(end + 1), external: sheet.includes("[") };
    }
    return { text, sheet: null, rest: text, external: false };
  }
  let j = 0;
  while (j < text.length && (!OPERATOR.test(text[j]) || text[j] === "[" || text[j] === "]")) j++;
  if (text[j] === "!" && j > 0) {
    const sheet = text.slice(0, j);
    return { text, sheet, rest: text.slice(j + 1), external: sheet.includes("[") };
  }
  return { text, sheet: null, rest: text, external: false };
}

/** Parse one A1 cell ("$B$2"), column ("$B") or row ("2") end of a range. */
function parseEnd(s: string): { col: number | null; row: number | null } | null {
  const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(s);
  if (!m || (!m[1] && !m[2])) return null;
  const col = m[1] ? columnNumber(m[1]) : null;
  const row = m[2] ? Number(m[2]) : null;
  if (col !== null && (col < 1 || col > MAX_COLUMNS)) return null;
  if (row !== null && (row < 1 || row > MAX_ROWS)) return null;
  return { col, row };
}

/** "$B$2", "$B$2:$C$4", "$A:$A", "$1:$3" → an area, or null when the text is not a plain reference. */
export function parseAreaText(rest: string): Area | null {
  const bits = rest.trim().split(":");
  if (bits.length > 2) return null;
  const a = parseEnd(bits[0]);
  const b = bits.length === 2 ? parseEnd(bits[1]) : a;
  if (!a || !b) return null;
  if (a.col !== null && a.row !== null && b.col !== null && b.row !== null) {
    return {
      top: Math.min(a.row, b.row),
      bottom: Math.max(a.row, b.row),
      left: Math.min(a.col, b.col),
      right: Math.max(a.col, b.col),
    };
  }
  if (bits.length !== 2) return null;
  if (a.row === null && b.row === null && a.col !== null && b.col !== null) {
    return { top: 1, bottom: MAX_ROWS, left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
  }
  if (a.col === null && b.col === null && a.row !== null && b.row !== null) {
    return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: 1, right: MAX_COLUMNS };
  }
  return null;
}

/** A literal: number, "text", TRUE/FALSE, an error code; or an array constant {1,2;3,4}. */
function parseConstant(text: string): CellValue[][] | null {
  const t = text.trim();
  if (t.startsWith("{") && t.endsWith("}")) {
    const rows: CellValue[][] = [];
    for (const rowText of splitTopLevel(t.slice(1, -1), ";")) {
      const row: CellValue[] = [];
      for (const item of splitTopLevel(rowText, ",")) {
        const v = parseScalar(item.trim());
        if (v === undefined) return null;
        row.push(v);
      }
      rows.push(row);
    }
    const width = rows[0]?.length ?? 0;
    return rows.length > 0 && rows.every((r) => r.length === width) ? rows : null;
  }
  const v = parseScalar(t);
  return v === undefined ? null : [[v]];
}

/** Split on a separator outside "string literals". */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i = skipQuoted(text, i, '"');
      continue;
    }
    if (text[i] === sep) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  out.push(text.slice(start));
  return out;
}

function parseScalar(t: string): CellValue | undefined {
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (t.length >= 2 && t.startsWith('"') && t.endsWith('"') && skipQuoted(t, 0, '"') === t.length) {
    return t.slice(1, -1).replace(/""/g, '"');
  }
  if (/^TRUE$/i.test(t)) return true;
  if (/^FALSE$/i.test(t)) return false;
  const code = ERROR_CODES.find((c) => c === t.toUpperCase());
  if (code) return { kind: "error", code };
  return undefined;
}

/** Strip one pair of enclosing parentheses around a whole union: "(A!$A$1,A!$B$2)". */
function unwrap(text: string): string {
  const t = text.trim();
  if (!t.startsWith("(") || !t.endsWith(")")) return t;
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '"') {
      i = skipQuoted(t, i, '"') - 1;
      continue;
    }
    if (t[i] === "'") {
      i = skipQuoted(t, i, "'") - 1;
      continue;
    }
    if (t[i] === "(") depth++;
    if (t[i] === ")") depth--;
    if (depth === 0 && i < t.length - 1) return t;
  }
  return t.slice(1, -1).trim();
}

/** Classify a defined name's refers-to text. */
export function parseRefersTo(refersTo: string): ParsedRefersTo {
  const text = stripEquals(refersTo);
  if (text === "") return { status: "formula" };
  const constant = parseConstant(text);
  if (constant) {
    if (constant.length === 1 && constant[0].length === 1) {
      const v = constant[0][0];
      if (typeof v === "object" && v !== null && v.kind === "error" && v.code === "#REF!")
        return { status: "broken" };
    }
    return { status: "constant", value: constant };
  }
  const { parts, hasRef, external, balanced } = scan(unwrap(text));
  if (hasRef) return { status: "broken" };
  if (external) return { status: "external" };
  if (!balanced) return { status: "formula" };
  const areas: SheetArea[] = [];
  for (const part of parts) {
    const piece = splitSheet(part);
    if (piece.external) return { status: "external" };
    const area = piece.sheet !== null ? parseAreaText(piece.rest) : null;
    if (piece.sheet === null || area === null) return { status: "formula" };
    areas.push({ sheet: piece.sheet, ...area });
  }
  if (areas.length === 1) return { status: "ok", area: areas[0] };
  return { status: "multi-area", areas };
}
