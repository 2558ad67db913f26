/**
 * A cell as the engine sees it (CellValue), from the cell as written: numbers, text (shared, inline or a
 * formula's string result), booleans, Excel errors, dates as ISO 8601 text when the cell's number format
 * shows a date, and formula cells as their cached result or "uncached". The rules are ExcelJS 4.4.0's
 * (lib/xlsx/xform/sheet/cell-xform.js parseClose and reconcile), so every workbook reads as it did.
 */
import type { CellValue } from "../../esg/types";
import type { RawCell } from "./sheetCells";

export interface CellContext {
  readonly sharedString: (index: number) => string;
  readonly isDateStyle: (style: number) => boolean;
  readonly date1904: boolean;
  readonly sharedFormula: (si: string) => string | undefined;
}

/** ISO 8601 text of a date serial: the date alone at midnight, else date and time (UTC). */
export function isoOfSerial(serial: number, date1904: boolean): string {
  // Days from 1899-12-30 (1900 system) or 1904-01-01. The 1900 system counts a 29 February 1900 that
  // never was (serial 60, kept for Lotus 1-2-3 compatibility: Microsoft, "Excel incorrectly assumes
  // that the year 1900 is a leap year"), so serials 1–59 are one day later than that count gives:
  // 59 is 1900-02-28, 60 is shown as 1900-02-29, 61 is 1900-03-01.
  const early = !date1904 && serial < 61;
  const shift = early ? 1 : 0;
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0) + shift) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "";
  let iso = d.toISOString();
  // Serial 60 lands on 1900-03-01 in the proleptic calendar: Excel's fictitious day is named as Excel names it.
  if (early && Math.floor(serial) === 60) iso = `1900-02-29${iso.slice(10)}`;
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(".000Z") ? iso.slice(0, 19) : iso.slice(0, 23);
}

function number(text: string): CellValue {
  const n = parseFloat(text);
  return Number.isFinite(n) ? n : { kind: "error", code: "#NUM!" };
}

export function cellValue(raw: RawCell | undefined, ctx: CellContext): CellValue {
  if (!raw) return null;
  const { t, value } = raw;
  if (raw.formula !== undefined) {
    // ExcelJS takes an empty <v> as no cached value.
    if (!value) {
      const text = raw.formula || (raw.sharedIndex !== undefined ? ctx.sharedFormula(raw.sharedIndex) : "");
      return { kind: "uncached", formula: text ?? "" };
    }
    if (t === "str") return value;
    if (t === "b") return parseInt(value, 10) !== 0;
    if (t === "e") return { kind: "error", code: value };
    const n = parseFloat(value);
    if (Number.isFinite(n) && ctx.isDateStyle(raw.style))
      return { kind: "date", iso: isoOfSerial(n, ctx.date1904) };
    return number(value);
  }
  if (value === undefined) return null;
  switch (t) {
    case "s":
      return ctx.sharedString(parseInt(value, 10));
    case "str":
    case "inlineStr":
      return value;
    case "b":
      return parseInt(value, 10) !== 0;
    case "e":
      return { kind: "error", code: value };
    case "d":
      return { kind: "date", iso: value };
    default: {
      const n = parseFloat(value);
      if (Number.isFinite(n) && ctx.isDateStyle(raw.style))
        return { kind: "date", iso: isoOfSerial(n, ctx.date1904) };
      return number(value);
    }
  }
}
