/** Rows that need more than one line get their height from the sheet model, on both hosts. */
import ExcelJS from "exceljs";
import { runEngine } from "../../src/esg/engine";
import type { HistoryEntry, SheetModel } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { fakeExcelFromRead } from "../fakes/excel";
import { seedRead } from "../support/seed-read";

const NOW = "2025-03-31T00:00:00.000Z";
const history = (sheets: SheetModel[]): HistoryEntry => ({
  at: NOW,
  host: "xlsx",
  sections: ["A1"],
  language: "both",
  valuesOnly: false,
  sheets: sheets.map((s) => s.name),
  sourceNames: [],
});

const a1 = (): SheetModel => runEngine(seedRead(), { now: NOW, sections: ["A1"], language: "both" }).sheets[0];

describe("row heights", () => {
  it("the builder gives two-line headers and wrapped treatments a taller row, and leaves one-line rows alone", () => {
    const sheet = a1();
    const heights = sheet.rowHeights ?? {};
    const header = sheet.cells.find((c) => c.value === "項目")!;
    expect(heights[header.row]).toBeGreaterThanOrEqual(30);
    const title = sheet.cells.find((c) => c.row === 0)!;
    expect(heights[title.row]).toBeUndefined();
    for (const h of Object.values(heights)) expect(h % 15).toBe(0);
  });

  it("the xlsx host writes them", async () => {
    const sheet = a1();
    const host = XlsxHost.blank();
    await host.write([sheet], history([sheet]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await host.toBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(sheet.name)!;
    for (const [row, h] of Object.entries(sheet.rowHeights!)) expect(ws.getRow(Number(row) + 1).height).toBe(h);
  });

  it("the Office host writes them, one command per run of equal rows", async () => {
    const sheet = a1();
    const excel = fakeExcelFromRead(seedRead());
    await createOfficeHost(excel).write([sheet], { ...history([sheet]), host: "office" });
    const written = excel.workbook.sheets.find((s) => s.name === sheet.name)!;
    for (const [row, h] of Object.entries(sheet.rowHeights!)) expect(written.rowHeights.get(Number(row))).toBe(h);
  });
});
