/**
 * How this adapter recognises what it wrote. Report sheets carry GENERATED_MARKER_NAME (shared with the
 * xlsx host); the history sheet carries its own hidden sheet-scoped name, so it is found even if a user
 * renames it, and is never taken for a replaceable report sheet.
 */
import { GENERATED_MARKER_NAME } from "../../esg/types";

export { GENERATED_MARKER_NAME };
export const HISTORY_SHEET_NAME = "ESG_History";
export const HISTORY_MARKER_NAME = "ESG_HistoryLog";
export const MARKER_PREFIX = "esg:";

/** The refers-to formula of a marker: a text constant. */
export function markerFormula(section: string): string {
  return `="${(MARKER_PREFIX + section).replace(/"/g, '""')}"`;
}

export function sameName(a: string, b: string): boolean {
  // Excel compares sheet names and defined names case-insensitively.
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}
