/**
 * What Excel reports for a defined name, from its refers-to text: NamedItem.type and .value
 * (excel.nameditem: "For a named range, will return the range address"), and the range it resolves
 * to for getRangeOrNullObject (a null object for anything but one area on an existing sheet).
 */
import { parseRefersTo, stripEquals, type Area as Rect, type Literal, type SheetArea } from "../../../src/sheet-ref";
import { findSheet, type FakeName, type FakeScalar, type FakeSheet, type FakeWorkbook } from "./state";

export interface NameReport {
  type: "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array";
  value: unknown;
  range: { sheet: FakeSheet; rect: Rect } | null;
}

function scalarReport(v: FakeScalar | undefined): NameReport {
  if (v === undefined || v === null) return { type: "Error", value: "#NAME?", range: null };
  if (typeof v === "number") return { type: "Double", value: v, range: null };
  if (typeof v === "string") return { type: "String", value: v, range: null };
  if (typeof v === "boolean") return { type: "Boolean", value: v, range: null };
  return { type: "Error", value: v.error, range: null };
}

function literalReport(v: Literal): NameReport {
  return scalarReport(typeof v === "object" ? { error: v.code } : v);
}

const REF_ERROR: NameReport = { type: "Error", value: "#REF!", range: null };

/** What Excel reports for a name, classified as every host classifies it (src/sheet-ref). */
export function reportName(wb: FakeWorkbook, n: FakeName): NameReport {
  const f = n.refersTo.trim();
  const parsed = parseRefersTo(f);
  const onSheet = (a: SheetArea): { sheet: FakeSheet; rect: Rect } | null => {
    const sheet = findSheet(wb, a.sheet);
    return sheet ? { sheet, rect: { top: a.top, left: a.left, bottom: a.bottom, right: a.right } } : null;
  };
  switch (parsed.status) {
    // A link to another workbook cannot be resolved here either: Excel reports it as an error value.
    case "broken":
    case "past-grid":
    case "external":
      return REF_ERROR;
    case "constant":
      if (stripEquals(f).startsWith("{")) return { type: "Array", value: f, range: null };
      return literalReport(parsed.value[0][0]);
    case "ok": {
      const range = onSheet(parsed.area);
      return range ? { type: "Range", value: f, range } : REF_ERROR;
    }
    case "multi-area":
      return parsed.areas.every((a) => onSheet(a) !== null) ? { type: "Range", value: f, range: null } : REF_ERROR;
    case "formula":
      return scalarReport(n.cached);
  }
}
