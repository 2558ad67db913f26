/**
 * What Excel reports for a defined name, from its refers-to text: NamedItem.type and .value
 * (excel.nameditem: "For a named range, will return the range address"), and the range it resolves
 * to for getRangeOrNullObject (a null object for anything but one area on an existing sheet).
 */
import { parseArea, splitSheetRef, splitTopLevel, type Rect } from "../../../src/workbook/office/a1";
import { findSheet, type FakeName, type FakeScalar, type FakeSheet, type FakeWorkbook } from "./state";

export interface NameReport {
  type: "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array";
  value: unknown;
  range: { sheet: FakeSheet; rect: Rect } | null;
}

const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/i;

function scalarReport(v: FakeScalar | undefined): NameReport {
  if (v === undefined || v === null) return { type: "Error", value: "#NAME?", range: null };
  if (typeof v === "number") return { type: "Double", value: v, range: null };
  if (typeof v === "string") return { type: "String", value: v, range: null };
  if (typeof v === "boolean") return { type: "Boolean", value: v, range: null };
  return { type: "Error", value: v.error, range: null };
}

function sheetArea(wb: FakeWorkbook, ref: string): { sheet: FakeSheet; rect: Rect } | null | "missing" {
  const split = splitSheetRef(ref.trim());
  if (!split) return null;
  const rect = parseArea(split.area);
  if (!rect) return null;
  const sheet = findSheet(wb, split.sheet);
  return sheet ? { sheet, rect } : "missing";
}

export function reportName(wb: FakeWorkbook, n: FakeName): NameReport {
  const f = n.refersTo.trim();
  if (/#REF!/i.test(f)) return { type: "Error", value: "#REF!", range: null };
  // A link to another workbook cannot be resolved here: Excel reports it as an error value.
  if (/\[[^\]]*\][^!]*!/.test(f)) return { type: "Error", value: "#REF!", range: null };
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:E[-+]?\d+)?$/i.test(f)) return { type: "Double", value: Number(f), range: null };
  if (/^"(?:[^"]|"")*"$/.test(f)) return { type: "String", value: f.slice(1, -1).replace(/""/g, '"'), range: null };
  if (/^(?:TRUE|FALSE)$/i.test(f)) return { type: "Boolean", value: /^TRUE$/i.test(f), range: null };
  if (ERROR.test(f)) return { type: "Error", value: f.toUpperCase(), range: null };
  if (/^\{.*\}$/.test(f)) return { type: "Array", value: f, range: null };
  const parts = splitTopLevel(f);
  if (parts.length > 1) {
    const areas = parts.map((p) => sheetArea(wb, p));
    if (areas.every((a) => a !== null && a !== "missing")) return { type: "Range", value: f, range: null };
    if (areas.some((a) => a === "missing")) return { type: "Error", value: "#REF!", range: null };
  }
  const one = sheetArea(wb, f);
  if (one === "missing") return { type: "Error", value: "#REF!", range: null };
  if (one) return { type: "Range", value: f, range: one };
  return scalarReport(n.cached);
}
