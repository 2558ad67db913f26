/**
 * Seeds the fake from an .xlsx through the ExcelJS-based reader this project used before (tests/workbook/xlsx-legacy), which reads every cell, so the Office adapter
 * and the xlsx host see the same workbook: the sheets in tab order with their visibility
 * (workbookPart.ts), every cell through ExcelJS and cells.ts (numbers, text, rich text flattened,
 * booleans, errors, dates, formulas with their cached results), merges, and every defined name exactly
 * as the reader sees it (scope, hidden, comment, "#REF!", constants, formulas).
 *
 * The seed is a plain WorkbookSeed (JSON), so the end-to-end test can hand it to a browser page.
 *
 * How Excel would show the workbook once opened:
 * - A date is a number: Range.values gives the serial with valueTypes "Double", and the number format
 *   says it is a date (docs: "Work with dates using the Excel JavaScript API"); the serial is counted
 *   from the workbook's date system (1900, or 1904 when workbookPr date1904 is set).
 * - A formula the file holds without a cached value: Excel has no "uncached" state, it calculates the
 *   formula when it opens the file. The seed keeps the formula with no value and the fake calculates
 *   it when the workbook is built (calc.ts); a formula the fake cannot evaluate stays empty.
 * - A chart sheet is listed by the reader (it counts for sheet-scoped names) and becomes an empty
 *   sheet here; the Excel API has no chart sheets in Workbook.worksheets, a difference the tests avoid.
 * - Built-in names (_xlnm.Print_Area) are seeded as Excel shows them, without "_xlnm." (the adapter
 *   accepts both forms: refers-to.ts builtInName).
 */
import type { CellValue as ExcelJSValue, Worksheet } from "exceljs";
import type { CellValue } from "../../../src/esg/types";
import { cellValue } from "../../workbook/xlsx-legacy/cells";
import { loadWorkbook } from "../../workbook/xlsx-legacy/reader";
import { FakeExcel, type FakeExcelOptions } from "./excel";
import { buildWorkbook, type SeedCell, type SeedName, type SeedSheet, type WorkbookSeed } from "./seed";
import type { FakeScalar } from "./state";

const DAY_MS = 86_400_000;

function epoch(date1904: boolean): number {
  return date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
}

/** The engine's CellValue (what the reader makes of an ExcelJS cell) as the value Excel holds. */
function scalar(v: CellValue, date1904: boolean): FakeScalar {
  if (v === null || typeof v !== "object") return v;
  switch (v.kind) {
    case "error":
      return { error: v.code };
    case "date": {
      // isoOfDate gives "YYYY-MM-DD" or a UTC date-time without zone, as ExcelJS decodes serials in UTC.
      const iso = v.iso.length === 10 ? `${v.iso}T00:00:00Z` : `${v.iso}Z`;
      return (Date.parse(iso) - epoch(date1904)) / DAY_MS;
    }
    default:
      return null; // "uncached": Excel calculates it on open (see above)
  }
}

function isFormula(v: ExcelJSValue): boolean {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

function sheetCells(ws: Worksheet, date1904: boolean): Record<string, SeedCell> {
  const cells: Record<string, SeedCell> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cellValue(cell); // null for the other cells of a merged area, as Excel has them
      const formula = isFormula(cell.value) ? cell.formula : undefined;
      if (value === null && formula === undefined) return;
      const numberFormat = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
      cells[cell.address] = {
        value: scalar(value, date1904),
        ...(formula !== undefined ? { formula } : {}),
        // Kept for every cell that has one: dates are told by it, and a Text ("@") cell keeps what is typed.
        ...(numberFormat !== undefined ? { numberFormat } : {}),
      };
    }),
  );
  return cells;
}

export interface FromXlsxOptions {
  /** Label for messages (default "workbook.xlsx"). */
  readonly label?: string;
}

/** The workbook in the .xlsx as a seed for the fake. */
export async function seedFromXlsx(buffer: Buffer, options: FromXlsxOptions = {}): Promise<WorkbookSeed> {
  const loaded = await loadWorkbook(buffer, options.label ?? "workbook.xlsx");
  const date1904 = loaded.workbook.properties.date1904 === true;
  const worksheets = new Map(loaded.workbook.worksheets.map((w) => [w.name, w]));
  const sheets: SeedSheet[] = loaded.part.sheets.map((s) => {
    const ws = worksheets.get(s.name);
    return {
      name: s.name,
      visibility: s.visibility === "hidden" ? "Hidden" : s.visibility === "veryHidden" ? "VeryHidden" : "Visible",
      cells: ws ? sheetCells(ws, date1904) : {},
      merges: ws ? [...((ws.model as { merges?: string[] }).merges ?? [])] : [],
      names: [],
    };
  });
  const names: SeedName[] = [];
  for (const raw of loaded.part.names) {
    const name: SeedName = {
      name: raw.name.replace(/^_xlnm\./i, ""),
      refersTo: raw.text,
      visible: !raw.hidden,
      ...(raw.comment !== undefined ? { comment: raw.comment } : {}),
    };
    // A localSheetId past the last sheet is read as workbook scope (reader.ts namedItem), so here too.
    const scope = raw.localSheetId !== null ? sheets[raw.localSheetId] : undefined;
    (scope?.names ?? names).push(name);
  }
  return { sheets, names };
}

/** A fake Excel holding the workbook in the .xlsx. */
export async function fakeExcelFromXlsx(
  buffer: Buffer,
  options: FakeExcelOptions & FromXlsxOptions = {},
): Promise<FakeExcel> {
  return new FakeExcel(buildWorkbook(await seedFromXlsx(buffer, options)), options);
}
