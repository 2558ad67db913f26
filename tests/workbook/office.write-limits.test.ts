/**
 * Writes within Excel's limits: the engine's sheet models keep row heights ≤ 409 pt and column widths
 * ≤ 255 characters (Excel specifications and limits), sheet names ≤ 31 characters without []:*?/\,
 * and defined names Excel would refuse (A1 and R1C1 references: src/sheet-ref) are refused.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { MAX_COLUMN_WIDTH, MAX_ROW_HEIGHT, SheetWriter } from "../../src/esg/disclosures/layout";
import { runEngine } from "../../src/esg/engine";
import { STYLE } from "../../src/esg/disclosures/styles";
import { createOfficeHost } from "../../src/workbook/office";
import { definedNameProblem, sheetNameProblem } from "../../src/sheet-ref";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { historyEntry } from "../fakes/excel/models";
import { createFakeExcel } from "../fakes/excel";

const SAMPLE = join(__dirname, "../../examples/sample-esg-2024.xlsx");

describe("sheet models within Excel's limits", () => {
  it("caps a wrapped cell's row at 409 pt and a column at 255 characters, and the Office host writes it", async () => {
    const w = new SheetWriter("Notes", "A1", "en", [300], new Map(), undefined);
    // A label so long that lines × 15 pt would pass 409 pt many times over.
    w.put(0, 0, { value: "word ".repeat(4000), style: STYLE.label });
    const model = w.build();
    expect(model.rowHeights?.[0]).toBe(MAX_ROW_HEIGHT);
    expect(Math.max(...model.columns)).toBe(MAX_COLUMN_WIDTH);
    // The fake refuses a height over 409 pt or a width over 255 characters: the write goes through.
    const excel = createFakeExcel({ sheets: [{ name: "Data" }] });
    const host = createOfficeHost(excel);
    await host.read();
    await expect(host.write([model], historyEntry([model]))).resolves.toMatchObject({ written: ["Notes"] });
    expect(excel.workbook.sheets.find((s) => s.name === "Notes")?.rowHeights.get(0)).toBe(MAX_ROW_HEIGHT);
  });

  it("gives every sheet of a full run a name Excel accepts, rows and columns within the limits", async () => {
    const read = await (await XlsxHost.fromBuffer(readFileSync(SAMPLE), "sample.xlsx")).read();
    for (const language of ["en", "zh-HK", "both"] as const) {
      const { sheets } = runEngine(read, { language });
      expect(sheets.length).toBeGreaterThan(5);
      for (const s of sheets) {
        expect([s.name, sheetNameProblem(s.name)]).toEqual([s.name, null]);
        expect(Math.max(...Object.values(s.rowHeights ?? {}), 0)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
        expect(Math.max(...s.columns)).toBeLessThanOrEqual(MAX_COLUMN_WIDTH);
      }
    }
  });

  it("refuses sheet names Excel refuses", () => {
    expect(sheetNameProblem("x".repeat(31))).toBeNull();
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    for (const c of ["[", "]", ":", "*", "?", "/", "\\"]) expect(sheetNameProblem(`A${c}B`)).not.toBeNull();
  });

  it("refuses defined names that are A1 or R1C1 references", () => {
    for (const n of ["B12", "R2C3", "rc", "R", "C", "R7", "C12"])
      expect([n, definedNameProblem(n)]).toEqual([n, "must not look like a cell reference"]);
    for (const n of ["ESG_Mapping", "Rates", "RCX", "XFE1"])
      expect([n, definedNameProblem(n)]).toEqual([n, null]);
  });
});
