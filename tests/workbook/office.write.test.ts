/** Office adapter write(): one batch, new sheets swapped in, text stays text, all or nothing. */
import { GENERATED_MARKER_NAME, type SheetModel } from "../../src/esg/types";
import { createOfficeHost, HISTORY_SHEET_NAME } from "../../src/workbook/office";
import { createFakeExcel, fakeCell, snapshotSheet, type FakeExcel, type SeedSheet } from "../fakes/excel";
import { historyEntry, sheetModel } from "../fakes/excel/models";

function userWorkbook(): FakeExcel {
  return createFakeExcel({
    sheets: [
      {
        name: "Data",
        cells: { A1: "Electricity", B1: 1200, A2: "Production", B2: 2300, C5: { value: 3, formula: "B1+1" } },
        names: [{ name: "Local", refersTo: "Data!$B$2" }],
      },
      { name: "Notes", cells: { A1: "=not a formula?", B3: { value: "x", numberFormat: "@" } } },
    ],
    names: [
      { name: "Electricity", refersTo: "Data!$B$1" },
      { name: "Production", refersTo: "Data!$B$2" },
    ],
  });
}

const models = (): SheetModel[] => [sheetModel("A1 Emissions", "A1"), sheetModel("A2 Resources", "A2"), sheetModel("Index", "INDEX")];

async function generate(excel: FakeExcel, sheets: SheetModel[] = models()) {
  const host = createOfficeHost(excel, { write: { payloadBudget: 4_500_000, token: () => "t0k3n" } });
  await host.read();
  return host.write(sheets, historyEntry(sheets));
}

const sheetByName = (excel: FakeExcel, name: string) => excel.workbook.sheets.find((s) => s.name === name);

describe("Office adapter: write", () => {
  it("writes every model in one batch: a whole run is three syncs", async () => {
    const excel = userWorkbook();
    const result = await generate(excel);
    expect(excel.runtime.syncs).toBe(3);
    expect(excel.runtime.runs.every((r) => r.delayForCellEdit === true)).toBe(true);
    expect(result).toEqual({ written: ["A1 Emissions", "A2 Resources", "Index"], replaced: [] });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "Notes", "A1 Emissions", "A2 Resources", "Index", HISTORY_SHEET_NAME]);
    // one screen-updating and one calculation suspension per batch
    expect(excel.runtime.count("application.suspendScreenUpdatingUntilNextSync")).toBe(1);
    expect(excel.runtime.count("application.suspendApiCalculationUntilNextSync")).toBe(1);
  });

  it("renders values, native formulas, number formats, styles per area, merges, widths, freeze panes, print set-up, tab colour and the marker", async () => {
    const excel = userWorkbook();
    await generate(excel);
    const s = sheetByName(excel, "A1 Emissions");
    expect(s).toBeDefined();
    expect(fakeCell(excel, "A1 Emissions", "B3")).toMatchObject({ formula: "=Electricity", numberFormat: "#,##0" });
    expect(fakeCell(excel, "A1 Emissions", "B4")).toMatchObject({ formula: "=ROUND(Electricity/Production,2)", numberFormat: "0.00" });
    expect(fakeCell(excel, "A1 Emissions", "A3")).toMatchObject({ value: "Electricity", numberFormat: "@" });
    expect(fakeCell(excel, "A1 Emissions", "B2")).toMatchObject({ value: "2024", numberFormat: "@" });
    const head = fakeCell(excel, "A1 Emissions", "C2");
    expect(head?.format).toMatchObject({
      font: { bold: true, color: "#FFFFFF", name: "Microsoft JhengHei", size: 10 },
      fill: "#1F4E78",
      horizontalAlignment: "Center",
      borders: { bottom: { style: "Continuous", weight: "Medium" } },
    });
    expect(fakeCell(excel, "A1 Emissions", "A4")?.format).toMatchObject({ wrapText: true, indentLevel: 1 });
    expect(s?.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect([...(s?.columnWidths.entries() ?? [])]).toEqual([
      [0, 213.75],
      [1, 77.25],
      [2, 77.25],
    ]);
    expect(s?.freeze).toEqual({ rows: 2, columns: 1 });
    expect(s?.pageLayout).toEqual({ paperSize: "A4", orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(s?.tabColor).toBe("#2E7D32");
    expect(s?.names).toEqual([{ name: GENERATED_MARKER_NAME, refersTo: '"esg:A1"', visible: false, comment: "" }]);
    // styles go per area, not per cell: far fewer format commands than styled cells × properties
    const formatOps = [...excel.runtime.calls.entries()].filter(([k]) => k.includes(".format.")).reduce((n, [, v]) => n + v, 0);
    expect(formatOps).toBeLessThan(3 * 60);
  });

  it("appends a history row: when, host, sections, language, values-only, sheets, source names, accepted errors", async () => {
    const excel = userWorkbook();
    await generate(excel);
    const sheets = models();
    await createOfficeHost(excel).write(sheets, historyEntry(sheets, { acceptedErrors: { count: 2, note: "- checked by CFO" } }));
    const h = sheetByName(excel, HISTORY_SHEET_NAME);
    const row = (r: number) => Array.from({ length: 8 }, (_, c) => h?.cells.get(`${r},${c}`)?.value ?? null);
    expect(row(0)).toEqual(["When", "Host", "Sections", "Language", "Values only", "Sheets", "Source names", "Accepted errors"]);
    expect(row(1)).toEqual([
      "2025-03-31T09:00:00.000Z",
      "office",
      '["A1","A2","INDEX"]',
      "en",
      false,
      '["A1 Emissions","A2 Resources","Index"]',
      '["Electricity","Production"]',
      "none",
    ]);
    expect(row(2)[7]).toBe('2 "- checked by CFO"');
    expect([...(h?.cells.values() ?? [])].every((c) => c.formula === null)).toBe(true);
  });

  it("writes workbook text beginning with =, +, - and @ as text", async () => {
    const excel = userWorkbook();
    const tricky = ["=SUM(A1:A3)", "+852 2345 6789", "- of which Scope 2", "@risk", "-12", "0012", "TRUE"];
    const model = sheetModel("Text", "A1", {
      cells: tricky.map((value, row) => ({ row, col: 0, value, text: row % 2 === 0 })),
      merges: [],
      styles: {},
    });
    await generate(excel, [model]);
    const s = sheetByName(excel, "Text");
    tricky.forEach((value, row) => {
      expect(s?.cells.get(`${row},0`)).toMatchObject({ value, formula: null, numberFormat: "@" });
    });
  });

  it("gives identical sheets when run twice, replaces only marked sheets and leaves user sheets untouched", async () => {
    const excel = userWorkbook();
    const userBefore = excel.workbook.sheets.map((s) => snapshotSheet(s));
    const workbookNamesBefore = JSON.stringify(excel.workbook.names);
    await generate(excel);
    const first = excel.workbook.sheets.filter((s) => s.name !== HISTORY_SHEET_NAME).map((s) => snapshotSheet(s, false));
    const result = await generate(excel);
    expect(result.replaced).toEqual(["A1 Emissions", "A2 Resources", "Index"]);
    const second = excel.workbook.sheets.filter((s) => s.name !== HISTORY_SHEET_NAME).map((s) => snapshotSheet(s, false));
    expect(second).toEqual(first);
    expect(excel.workbook.sheets.slice(0, 2).map((s) => snapshotSheet(s))).toEqual(userBefore);
    expect(JSON.stringify(excel.workbook.names)).toBe(workbookNamesBefore);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "Notes", "A1 Emissions", "A2 Resources", "Index", HISTORY_SHEET_NAME]);
    expect(excel.workbook.sheets.some((s) => s.name.startsWith("ESG~"))).toBe(false);
  });

  it("keeps a replaced sheet at its place among the user's sheets", async () => {
    const excel = userWorkbook();
    await generate(excel, [sheetModel("A1 Emissions", "A1")]);
    // the user moves the generated sheet between their own sheets
    const sheets = excel.workbook.sheets;
    const gen = sheets.splice(sheets.findIndex((s) => s.name === "A1 Emissions"), 1)[0];
    sheets.splice(1, 0, gen);
    await generate(excel, [sheetModel("A1 Emissions", "A1"), sheetModel("B1 Employment", "B1")]);
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "A1 Emissions", "Notes", HISTORY_SHEET_NAME, "B1 Employment"]);
  });

  it("refuses to overwrite a user sheet of the same name, before changing anything", async () => {
    const excel = userWorkbook();
    const before = excel.snapshot();
    const host = createOfficeHost(excel);
    await host.read();
    const syncs = excel.runtime.syncs;
    await expect(host.write([sheetModel("Notes", "A1")], historyEntry([]))).rejects.toMatchObject({
      code: "UserSheetConflict",
      message: expect.stringContaining('"Notes"'),
    });
    expect(excel.runtime.syncs).toBe(syncs);
    expect(excel.snapshot()).toEqual(before);
  });

  it("refuses invalid and duplicate sheet names", async () => {
    const host = createOfficeHost(userWorkbook());
    await expect(host.write([sheetModel("A1: bad", "A1")], historyEntry([]))).rejects.toMatchObject({ code: "InvalidSheetName" });
    await expect(host.write([sheetModel("X", "A1"), sheetModel("x", "A2")], historyEntry([]))).rejects.toMatchObject({
      code: "DuplicateSheetName",
    });
  });

  it("writes without a prior read in three syncs", async () => {
    const excel = userWorkbook();
    await createOfficeHost(excel).write(models(), historyEntry(models()));
    expect(excel.runtime.syncs).toBe(3);
  });

  it("still works with ExcelApi 1.6 and 1.9 switched off (no suspension, no page set-up, no indent)", async () => {
    const excel = userWorkbook();
    excel.runtime.unsupported.add("1.6");
    excel.runtime.unsupported.add("1.9");
    await generate(excel);
    expect(excel.runtime.count("application.suspendScreenUpdatingUntilNextSync")).toBe(0);
    expect(excel.runtime.count("application.suspendApiCalculationUntilNextSync")).toBe(0);
    const s = sheetByName(excel, "A1 Emissions");
    expect(fakeCell(excel, "A1 Emissions", "B3")?.formula).toBe("=Electricity");
    expect(s?.pageLayout.paperSize).toBe("Letter");
    expect(s?.tabColor).toBe("#2E7D32");
    expect(fakeCell(excel, "A1 Emissions", "A4")?.format.indentLevel).toBeUndefined();
    expect(excel.runtime.syncs).toBe(3);
  });

  it("works on Office 2019 (ExcelApi 1.7): no suspension of screen updating, no page layout", async () => {
    const excel = userWorkbook();
    excel.runtime.apiVersion = "1.7";
    await generate(excel);
    expect(excel.runtime.count("application.suspendApiCalculationUntilNextSync")).toBe(1);
    expect(sheetByName(excel, "A1 Emissions")?.freeze).toEqual({ rows: 2, columns: 1 });
  });

  it("replaces a generated sheet the user made VeryHidden: Hidden first, as Worksheet.delete requires", async () => {
    const excel = userWorkbook();
    await generate(excel);
    sheetByName(excel, "A2 Resources")!.visibility = "VeryHidden";
    const result = await generate(excel);
    expect(result.replaced).toContain("A2 Resources");
    expect(sheetByName(excel, "A2 Resources")?.visibility).toBe("Visible");
    expect(excel.workbook.sheets.filter((s) => s.name === "A2 Resources")).toHaveLength(1);
  });

  it("keeps a whole run at three syncs on a 200-site workbook", async () => {
    const sheets: SeedSheet[] = Array.from({ length: 200 }, (_, i) => ({
      name: `Site ${i + 1}`,
      rows: Array.from({ length: 50 }, (_r, r) => [r + i]),
      // ESG_ names: ones the engine reads, so that every range is read.
      names: Array.from({ length: 50 }, (_n, r) => ({ name: `ESG_M${r}`, refersTo: `'Site ${i + 1}'!$A$${r + 1}` })),
    }));
    const excel = createFakeExcel({ sheets });
    await generate(excel);
    expect(excel.runtime.syncs).toBe(3);
  });
});
