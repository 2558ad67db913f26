/**
 * Checks made before anything is sent to Excel: sheet names Excel accepts, no two models with the same
 * name, defined names Excel accepts (each once, on one area of its sheet), and no model that would
 * replace a sheet the add-in did not generate.
 */
import type { SheetModel } from "../../esg/types";
import { definedNameProblem, parseArea, sheetNameProblem } from "../../sheet-ref";
import { OfficeHostError } from "./errors";
import { HISTORY_SHEET_NAME, sameName } from "./markers";
import type { SheetState } from "./read";

function checkDefinedNames(models: readonly SheetModel[]): void {
  const seen: string[] = [];
  for (const m of models) {
    for (const d of m.definedNames ?? []) {
      const problem = definedNameProblem(d.name);
      if (problem) throw new OfficeHostError("InvalidName", `Defined name "${d.name}" ${problem}.`);
      if (!parseArea(d.address)) {
        throw new OfficeHostError("InvalidName", `Defined name "${d.name}" points to "${d.address}", which is not one area.`);
      }
      if (seen.some((s) => sameName(s, d.name))) {
        throw new OfficeHostError("InvalidName", `Two generated sheets both define the name "${d.name}".`);
      }
      seen.push(d.name);
    }
  }
}

/** The generated sheets each model replaces (null when the sheet is new). Throws before any change. */
export function checkModels(models: readonly SheetModel[], before: readonly SheetState[]): (SheetState | null)[] {
  const seen: string[] = [];
  for (const m of models) {
    const problem = sheetNameProblem(m.name);
    if (problem) throw new OfficeHostError("InvalidSheetName", `Sheet name "${m.name}" ${problem}.`);
    if (seen.some((s) => sameName(s, m.name))) {
      throw new OfficeHostError("DuplicateSheetName", `Two generated sheets are both named "${m.name}".`);
    }
    if (sameName(m.name, HISTORY_SHEET_NAME)) {
      throw new OfficeHostError("InvalidSheetName", `"${m.name}" is the name of the generation-history sheet.`);
    }
    seen.push(m.name);
  }
  checkDefinedNames(models);
  const conflicts = models
    .map((m) => before.find((s) => sameName(s.name, m.name)))
    .filter((s): s is SheetState => s !== undefined && (s.section === null || s.history));
  const historyClash = before.find((s) => sameName(s.name, HISTORY_SHEET_NAME) && !s.history);
  const hasHistory = before.some((s) => s.history);
  const userSheets = [...conflicts, ...(historyClash && !hasHistory ? [historyClash] : [])];
  if (userSheets.length > 0) {
    throw new OfficeHostError(
      "UserSheetConflict",
      `These sheets were not created by the add-in and would be overwritten: ${userSheets
        .map((s) => `"${s.name}"`)
        .join(", ")}. Rename or move them, then generate again; nothing was changed.`,
    );
  }
  return models.map((m) => before.find((s) => sameName(s.name, m.name) && s.section !== null) ?? null);
}
