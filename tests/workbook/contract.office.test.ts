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
import type { ChartModel } from "../../src/esg/types";
import { formatArea } from "../../src/sheet-ref";
import { runHostContract, type ContractChart, type WrittenCell } from "./contract";
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
    out[cellAddress(r, c)] =
      cell.formula !== null ? { value, formula: cell.formula.replace(/^=/, "") } : { value };
  }
  return out;
}

/** Excel.ChartType back to the model's kinds (src/workbook/office/charts.ts writes them). */
const KIND: Readonly<Record<string, ChartModel["kind"]>> = {
  ColumnClustered: "column",
  ColumnStacked: "stackedColumn",
  BarClustered: "bar",
  LineMarkers: "line",
  Doughnut: "doughnut",
};

/** The charts the fake holds on a sheet, as the contract compares them. */
function chartsOf(excel: FakeExcel, name: string): ContractChart[] {
  const sheet = excel.workbook.sheets.find((s) => s.name === name);
  return (sheet?.charts ?? []).map((c) => ({
    id: c.name,
    kind: KIND[c.type],
    title: c.title,
    categories: c.series[0]?.xValues ? formatArea(c.series[0].xValues.rect) : "",
    series: c.series.map((s) => (s.values ? formatArea(s.values.rect) : "")),
  }));
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
    readCharts: async (host, sheet) => chartsOf(fakes.get(host)!, sheet),
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
