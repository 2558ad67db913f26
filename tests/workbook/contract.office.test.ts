/**
 * The host contract on the Office adapter over the strict fake of the Excel JavaScript API, the fake
 * seeded from the fixture's .xlsx through the headless reader (tests/fakes/excel/from-xlsx.ts): both
 * hosts read the same file.
 */
import type { WorkbookHost } from "../../src/workbook/types";
import { createOfficeHost } from "../../src/workbook/office";
import { cellAddress } from "../../src/sheet-ref";
import { type FakeExcel } from "../fakes/excel";
import { fakeExcelFromXlsx } from "../fakes/excel/from-xlsx";
import { runHostContract, type WrittenCell } from "./contract";
import { buildXlsx } from "./fixtures";

/** The fake behind each host, to look at the cells it holds after a write. */
const fakes = new WeakMap<WorkbookHost, FakeExcel>();

function cellsOf(excel: FakeExcel, name: string): Record<string, WrittenCell> {
  const sheet = excel.workbook.sheets.find((s) => s.name === name);
  const out: Record<string, WrittenCell> = {};
  for (const [k, cell] of sheet?.cells ?? []) {
    if (cell.value === null && cell.formula === null) continue; // formatted but empty
    const [r, c] = k.split(",").map(Number);
    // Range.values shows an error as its text ("#N/A"), as the xlsx side's readCells does not.
    const value = cell.value !== null && typeof cell.value === "object" ? cell.value.error : cell.value;
    out[cellAddress(r, c)] = cell.formula !== null ? { value, formula: cell.formula.replace(/^=/, "") } : { value };
  }
  return out;
}

runHostContract(
  "office",
  async (fixture) => {
    const excel = await fakeExcelFromXlsx(await buildXlsx(fixture), { label: "fixture.xlsx" });
    const host = createOfficeHost(excel);
    fakes.set(host, excel);
    return host;
  },
  {
    readCells: async (host, sheet) => cellsOf(fakes.get(host)!, sheet),
    // The same workbook, as a later Excel.run sees it: a new host over the same fake.
    reopen: async (host) => {
      const again = createOfficeHost(fakes.get(host)!);
      fakes.set(again, fakes.get(host)!);
      return again;
    },
    calculatesOnOpen: true,
    readsEngineNamesOnly: true,
  },
);
