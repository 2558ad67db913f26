/**
 * Showing a cell to the user: the pane's "Go to" on a finding. The sheet is activated and the range
 * selected in one batch (Worksheet.activate and Range.select, ExcelApi 1.1); a location without a sheet
 * is on the active sheet.
 */
import { splitSheetRef } from "../../sheet-ref";
import type { ExcelEntry } from "./excel-api";

/** Selects "Sheet!B2" or "'Site A'!B2:C4" (as findings and KPI inputs give them) in Excel. */
export async function selectLocation(entry: ExcelEntry, location: string): Promise<void> {
  const split = splitSheetRef(location);
  await entry.run({ delayForCellEdit: false }, async (context) => {
    const sheets = context.workbook.worksheets;
    const ws = split ? sheets.getItem(split.sheet) : sheets.getActiveWorksheet();
    ws.activate();
    // Untracked: no release request after the run (render.ts, rangeAt).
    ws.getRange(split ? split.area : location).untrack().select();
    await context.sync();
  });
}
