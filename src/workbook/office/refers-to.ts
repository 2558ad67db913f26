/**
 * What a defined name refers to, from what Excel reports: its refers-to formula (NamedItem.formula,
 * ExcelApi 1.7) when available, else its `type` and `value` (for a range name, `value` is the address).
 */
import type { CellValue, NameStatus } from "../../esg/types";
import { parseArea, splitSheetRef, splitTopLevel } from "./a1";

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

const EXTERNAL = /\[[^\]]*\][^!]*!/;
const ERROR_LITERAL = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BLOCKED!|BUSY!|FIELD!|CONNECT!|UNKNOWN!)$/i;

function isLiteral(f: string): boolean {
  return (
    /^[-+]?(?:\d+\.?\d*|\.\d+)(?:E[-+]?\d+)?$/i.test(f) ||
    /^"(?:[^"]|"")*"$/.test(f) ||
    /^(?:TRUE|FALSE)$/i.test(f) ||
    ERROR_LITERAL.test(f) ||
    /^\{.*\}$/.test(f)
  );
}

function isSheetArea(ref: string): boolean {
  const s = splitSheetRef(ref.trim());
  return s !== null && s.sheet !== "" && parseArea(s.area) !== null;
}

/** Status from the refers-to text (without "="). */
export function statusFromFormula(f: string, type: string): NameStatus {
  const t = f.trim();
  if (/#REF!/i.test(t)) return "broken";
  if (EXTERNAL.test(t)) return "external";
  if (isLiteral(t)) return "constant";
  const parts = splitTopLevel(t.replace(/^\((.*)\)$/, "$1"));
  if (parts.length > 1 && parts.every(isSheetArea)) return "multi-area";
  if (parts.length === 1 && isSheetArea(t)) return "ok";
  // e.g. a table column (Table1[Col]) reports type Range; still an expression, not a plain address.
  return type === "Error" && ERROR_LITERAL.test(t) ? "constant" : "formula";
}

/** Status when only type and value are known (ExcelApi below 1.7): a formula name then looks like a constant. */
export function statusFromTypeValue(type: string, value: unknown): NameStatus {
  const v = typeof value === "string" ? value : "";
  switch (type) {
    case "Range":
      if (EXTERNAL.test(v)) return "external";
      if (/#REF!/i.test(v)) return "broken";
      return splitTopLevel(v).length > 1 ? "multi-area" : "ok";
    case "Error":
      return /#REF!/i.test(v) ? "broken" : "constant";
    default:
      return "constant";
  }
}

export function nameStatus(raw: RawName): NameStatus {
  return raw.formula !== null ? statusFromFormula(raw.formula, raw.type) : statusFromTypeValue(raw.type, raw.value);
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
