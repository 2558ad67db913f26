import ExcelJS from "exceljs";
import type { WorkbookHost } from "../../src/workbook/types";
import { formatArea } from "../../src/sheet-ref";
import { readSheetCharts, type ChartRef } from "../support/xlsx-chart-reader";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { runHostContract, type ContractChart, type WrittenCell } from "./contract";
import { buildXlsx } from "./fixtures";

async function cellsOf(buffer: Buffer, sheet: string): Promise<Record<string, WrittenCell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheet);
  const out: Record<string, WrittenCell> = {};
  ws?.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value as unknown;
      if (v !== null && typeof v === "object" && "formula" in (v as object)) {
        const f = v as { formula: string; result?: string | number | boolean };
        out[cell.address] = { value: f.result ?? null, formula: f.formula };
      } else out[cell.address] = { value: v as string | number | boolean | null };
    }),
  );
  return out;
}

runHostContract("xlsx", async (fixture) => XlsxHost.fromBuffer(await buildXlsx(fixture), "fixture.xlsx"), {
  readCells: async (host: WorkbookHost, sheet: string) => cellsOf(await (host as XlsxHost).toBuffer(), sheet),
  reopen: async (host: WorkbookHost) =>
    XlsxHost.fromBuffer(await (host as XlsxHost).toBuffer(), "fixture.xlsx"),
  // The chart parts of the package read back (tests/support/xlsx-chart-reader.ts), references kept only when on the sheet.
  readCharts: async (host: WorkbookHost, sheet: string) =>
    readSheetCharts(await (host as XlsxHost).toBuffer(), sheet).map((c) => {
      const onSheet = (r: ChartRef | null) =>
        r && r.sheet === sheet ? formatArea(r.area) : `not on ${sheet}`;
      return {
        id: c.id,
        // "other" (a type the disclosures never write) stays itself, so it fails the comparison.
        kind: c.kind as ContractChart["kind"],
        title: c.title,
        categories: onSheet(c.categories),
        series: c.series.map((s) => onSheet(s.values)),
      };
    }),
});
