/**
 * What a defined name refers to, from what Excel reports: its refers-to formula (NamedItem.formula,
 * ExcelApi 1.7) when available, else its `type` and `value` (for a range name, `value` is the address).
 */
import type { CellValue, NameStatus } from "../../esg/types";
import { parseRefersTo, splitTopLevel } from "../../sheet-ref";

/** One named item as loaded (sync 1), before its range is read. */
export interface RawName {
  readonly name: string;
  readonly scope: string | null;
  readonly type: string;
  readonly value: unknown;
  readonly visible: boolean;
  readonly comment: string;
  /** Without the leading "=", or null when NamedItem.formula is not supported. */
  readonly formula: string | null;
}

/** Excel's built-in names; the API may report them with or without the "_xlnm." prefix of the file. */
const BUILT_IN = new Set([
  "print_area",
  "print_titles",
  "_filterdatabase",
  "criteria",
  "extract",
  "consolidate_area",
  "database",
  "sheet_title",
  "auto_open",
  "auto_close",
  "auto_activate",
  "auto_deactivate",
  "recorder",
]);

export function builtInName(name: string): string | null {
  const base = name.replace(/^_xlnm\./i, "");
  return /^_xlnm\./i.test(name) || BUILT_IN.has(base.toLowerCase()) ? `_xlnm.${base}` : null;
}

/** Status from the refers-to text (without "="): the one classifier every host uses. */
export function statusFromFormula(f: string): NameStatus {
  return parseRefersTo(f).status;
}

/** Status when only type and value are known (ExcelApi below 1.7): a formula name then looks like a constant. */
export function statusFromTypeValue(type: string, value: unknown): NameStatus {
  const v = typeof value === "string" ? value : "";
  switch (type) {
    case "Range": {
      // The value is the range's address ("Sheet1!$A$1:$B$2"), Excel's own, so it parses as a reference.
      const status = parseRefersTo(v).status;
      if (status !== "formula" && status !== "constant") return status;
      return splitTopLevel(v).length > 1 ? "multi-area" : "ok";
    }
    case "Error":
      return /#REF!/i.test(v) ? "broken" : "constant";
    default:
      return "constant";
  }
}

export function nameStatus(raw: RawName): NameStatus {
  return raw.formula !== null ? statusFromFormula(raw.formula) : statusFromTypeValue(raw.type, raw.value);
}

/** The refers-to text without "=": the formula when known, else rebuilt from type and value. */
export function refersToText(raw: RawName): string {
  if (raw.formula !== null) return raw.formula;
  switch (raw.type) {
    case "String":
      return `"${String(raw.value).replace(/"/g, '""')}"`;
    case "Boolean":
      return raw.value === true ? "TRUE" : "FALSE";
    default:
      return String(raw.value ?? "");
  }
}

/** The 1×1 value of a constant name. */
export function constantValue(raw: RawName): CellValue[][] | null {
  switch (raw.type) {
    case "String":
      return [[String(raw.value)]];
    case "Double":
    case "Integer":
      return typeof raw.value === "number" ? [[raw.value]] : null;
    case "Boolean":
      return [[raw.value === true]];
    case "Error":
      return [[{ kind: "error", code: String(raw.value) }]];
    default:
      return null;
  }
}

/** NamedItem.formula as text without "=", or null. */
export function formulaText(formula: unknown): string | null {
  if (typeof formula !== "string") return null;
  return formula.startsWith("=") ? formula.slice(1) : formula;
}
