/** A1 addresses: column letters, rectangles, and sheet-qualified references as Excel writes them. */

export interface Rect {
  /** 0-based, inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

// Column letters, cell addresses and sheet quoting are the engine's (one definition for every host).
export { cellAddress, columnIndex, columnLetters, quoteSheet } from "../../esg/address";
import { cellAddress, columnIndex } from "../../esg/address";

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

export function unquoteSheet(text: string): string {
  return text.startsWith("'") && text.endsWith("'") && text.length >= 2 ? text.slice(1, -1).replace(/''/g, "'") : text;
}

/**
 * One area of an A1 reference without the sheet: "B2", "$B$2:$C$4", "A:C" (whole columns), "2:5"
 * (whole rows). Null when it is not one.
 */
export function parseArea(text: string): Rect | null {
  const t = text.replace(/\$/g, "").toUpperCase();
  const cell = /^([A-Z]{1,3})([0-9]{1,7})$/;
  const parts = t.split(":");
  if (parts.length === 1) {
    const m = cell.exec(parts[0]);
    if (!m) return null;
    const r = Number(m[2]) - 1;
    const c = columnIndex(m[1]);
    return { top: r, left: c, bottom: r, right: c };
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (ma && mb) {
    const r0 = Number(ma[2]) - 1;
    const r1 = Number(mb[2]) - 1;
    const c0 = columnIndex(ma[1]);
    const c1 = columnIndex(mb[1]);
    return { top: Math.min(r0, r1), left: Math.min(c0, c1), bottom: Math.max(r0, r1), right: Math.max(c0, c1) };
  }
  if (/^[A-Z]{1,3}$/.test(a) && /^[A-Z]{1,3}$/.test(b)) {
    const c0 = columnIndex(a);
    const c1 = columnIndex(b);
    return { top: 0, left: Math.min(c0, c1), bottom: MAX_ROWS - 1, right: Math.max(c0, c1) };
  }
  if (/^[0-9]+$/.test(a) && /^[0-9]+$/.test(b)) {
    const r0 = Number(a) - 1;
    const r1 = Number(b) - 1;
    return { top: Math.min(r0, r1), left: 0, bottom: Math.max(r0, r1), right: MAX_COLUMNS - 1 };
  }
  return null;
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" at the last "!" outside quotes. Null when there is no sheet part. */
export function splitSheetRef(ref: string): { sheet: string; area: string } | null {
  let inQuote = false;
  let bang = -1;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref[i];
    if (ch === "'") inQuote = !inQuote;
    else if (ch === "!" && !inQuote) bang = i;
  }
  if (bang < 0) return null;
  return { sheet: unquoteSheet(ref.slice(0, bang)), area: ref.slice(bang + 1) };
}

/** Splits a reference list at top-level commas (outside quotes, brackets and parentheses). */
export function splitTopLevel(text: string, separator = ","): string[] {
  const out: string[] = [];
  let depth = 0;
  let inQuote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuote) {
      if (ch === inQuote) inQuote = null;
    } else if (ch === "'" || ch === '"') inQuote = ch;
    else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") depth--;
    else if (ch === separator && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}
