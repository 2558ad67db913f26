/**
 * Writing one value into one cell the user pointed at — the pane's grid picker fixing a site's
 * GridRegion. One Excel.run batch with one sync: `Range.values = [[value]]` on the worksheet's range
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values, "Set value for a
 * single cell"), with `delayForCellEdit: true` so a cell the user is editing is not written under them
 * (excel-add-ins-delay-in-cell-edit.md), and the range untracked so no release request follows. Nothing
 * else in the workbook changes: no format, no name.
 */
import { areaCells, parseArea, splitSheetRef } from "../../sheet-ref";
import { OfficeHostError } from "./errors";
import type { ExcelEntry } from "./excel-api";

/**
 * Why a value cannot go into the cell as given, or null. Range.values takes text starting with "=",
 * "+" or "-" as a formula (@types/office-js, Range.values), so such text is refused rather than written
 * as something else; a number must be finite.
 */
export function cellValueProblem(value: string | number): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${value} is not a finite number`;
  return /^[=+-]/.test(value) ? `"${value}" would be read as a formula` : null;
}

/** Writes `value` into the cell at "Sheet!B4" / "'Site A'!B4": one batch, one sync. */
export async function writeCellValue(
  entry: ExcelEntry,
  location: string,
  value: string | number,
): Promise<void> {
  const split = splitSheetRef(location);
  const area = split ? parseArea(split.area) : null;
  if (!split || !area || areaCells(area) !== 1)
    throw new OfficeHostError(
      "InvalidCell",
      `${location} is not one cell on a named sheet; nothing was written.`,
    );
  const problem = cellValueProblem(value);
  if (problem) throw new OfficeHostError("InvalidCell", `${location}: ${problem}; nothing was written.`);
  await entry.run({ delayForCellEdit: true }, async (context) => {
    // Untracked (Range.untrack, ExcelApi 1.1): office.js would otherwise send a release request after
    // the run for the range it tracked (render.ts, rangeAt).
    context.workbook.worksheets.getItem(split.sheet).getRange(split.area).untrack().values = [[value]];
    await context.sync();
  });
}
