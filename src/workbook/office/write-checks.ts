/**
 * Checks made before anything is sent to Excel: sheet names Excel accepts, no two models with the same
 * name, and no model that would replace a sheet the add-in did not generate.
 */
import type { SheetModel } from "../../esg/types";
import { OfficeHostError } from "./errors";
import { HISTORY_SHEET_NAME, sameName } from "./markers";
import type { SheetState } from "./read";

export function sheetNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 31) return "must be 1 to 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "must not contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "must not begin or end with an apostrophe";
  if (sameName(name, "History")) return "\"History\" is reserved by Excel";
  return null;
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
