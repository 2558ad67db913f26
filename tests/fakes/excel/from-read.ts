/**
 * Seeds the fake from a WorkbookRead (what a host read): every sheet, the values of every readable
 * name written at its address, and every name with its refers-to text — so the Office adapter can be
 * run on the same workbook the engine's tests and the other host use.
 */
import { parseArea } from "../../../src/sheet-ref";
import type { CellValue, NamedItem, WorkbookRead } from "../../../src/esg/types";
import { FakeExcel, type FakeExcelOptions } from "./excel";
import { cellAt, findSheet, newSheet, type FakeName, type FakeScalar, type FakeWorkbook } from "./state";

function scalar(v: CellValue): FakeScalar {
  if (v === null || typeof v !== "object") return v;
  if (v.kind === "error") return { error: v.code };
  if (v.kind === "date") return Math.round((Date.parse(v.iso) - Date.UTC(1899, 11, 30)) / 86400000);
  return null;
}

function toName(n: NamedItem): FakeName {
  return { name: n.name, refersTo: n.refersTo, visible: !n.hidden, comment: n.comment ?? "" };
}

export function workbookFromRead(read: WorkbookRead): FakeWorkbook {
  const wb: FakeWorkbook = { sheets: [], names: [], nextId: 1 };
  const ensure = (name: string) => {
    let s = findSheet(wb, name);
    if (!s) wb.sheets.push((s = newSheet(wb, name)));
    return s;
  };
  for (const info of read.sheets) {
    ensure(info.name).visibility = info.visibility === "hidden" ? "Hidden" : info.visibility === "veryHidden" ? "VeryHidden" : "Visible";
  }
  for (const n of read.names) {
    if (n.status === "ok" && n.sheet && n.address && n.values) {
      const sheet = ensure(n.sheet);
      const rect = parseArea(n.address);
      if (rect) {
        n.values.forEach((row, r) =>
          row.forEach((v, c) => {
            const cell = cellAt(sheet, rect.top + r, rect.left + c);
            cell.value = scalar(v);
            if (v !== null && typeof v === "object" && v.kind === "date") cell.numberFormat = "yyyy-mm-dd";
          }),
        );
      }
    }
    const list = n.scope === null ? wb.names : ensure(n.scope).names;
    list.push(toName(n));
  }
  return wb;
}

export function fakeExcelFromRead(read: WorkbookRead, options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(workbookFromRead(read), options);
}
