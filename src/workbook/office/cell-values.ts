/**
 * Range.values + Range.valueTypes (+ numberFormat) → the engine's CellValue.
 * `values` gives "" for an empty cell, so only `valueTypes` ("Empty") tells an empty cell from an
 * empty string (docs/excel/excel-add-ins-blank-null-values.md); a 0 is Double/Integer, never Empty.
 */
import type { CellValue } from "../../esg/types";

/** True for a number format that shows a date or time (tokens d, m, y, h, s outside quotes and brackets). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== "string" || format === "" || /^general$/i.test(format) || format === "@") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "");
  return /[dymhs]/i.test(bare.split(";")[0]);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serial (1900 date system, serials after 1900-02-28) → ISO 8601: date only when there is no time part. */
export function serialToIso(serial: number): string {
  const ms = EXCEL_EPOCH_MS + Math.round(serial * 86400000);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(serial) ? iso.slice(0, 10) : iso.slice(0, 19);
}

export function toCellValue(value: unknown, valueType: string, format: unknown): CellValue {
  switch (valueType) {
    case "Empty":
      return null;
    case "Error":
      return { kind: "error", code: String(value) };
    case "Boolean":
      return value === true;
    case "Double":
    case "Integer": {
      const n = typeof value === "number" ? value : Number(value);
      return isDateFormat(format) ? { kind: "date", iso: serialToIso(n) } : n;
    }
    case "String":
      return String(value);
    default:
      // Unknown / RichValue: keep what a plain read gives, never crash on it.
      if (typeof value === "number" || typeof value === "boolean") return value;
      return value === null || value === undefined || value === "" ? null : String(value);
  }
}

/** Null when Excel returned no values (the 5,000,000-cell case) or the shapes disagree. */
export function toCellValues(values: unknown, types: unknown, formats: unknown): CellValue[][] | null {
  if (!Array.isArray(values) || !Array.isArray(types) || values.length !== types.length) return null;
  const fmt = Array.isArray(formats) ? formats : null;
  const out: CellValue[][] = [];
  for (let r = 0; r < values.length; r++) {
    const row: unknown = values[r];
    const trow: unknown = types[r];
    if (!Array.isArray(row) || !Array.isArray(trow) || row.length !== trow.length) return null;
    const frow: unknown = fmt ? fmt[r] : null;
    out.push(
      row.map((v: unknown, c: number) =>
        toCellValue(v, String(trow[c]), Array.isArray(frow) ? (frow[c] as unknown) : null),
      ),
    );
  }
  return out;
}
