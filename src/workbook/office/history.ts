/**
 * The generation-history sheet: a header row and one row per generation. Every cell is written so
 * that it cannot be taken for a formula by construction (lists as JSON text, which starts with "[",
 * the note quoted), which keeps each append to a single command.
 */
import type { HistoryEntry } from "../../esg/types";

export const HISTORY_HEADER = [
  "When",
  "Host",
  "Sections",
  "Language",
  "Values only",
  "Sheets",
  "Source names",
  "Accepted errors",
] as const;

export function historyRow(entry: HistoryEntry): (string | boolean)[] {
  const accepted = entry.acceptedErrors
    ? `${entry.acceptedErrors.count} ${JSON.stringify(entry.acceptedErrors.note)}`
    : "none";
  return [
    entry.at,
    entry.host,
    JSON.stringify(entry.sections),
    entry.language,
    entry.valuesOnly,
    JSON.stringify(entry.sheets),
    JSON.stringify(entry.sourceNames),
    accepted,
  ];
}

/** Column widths of the history sheet, in characters. */
export const HISTORY_WIDTHS = [22, 8, 24, 8, 10, 40, 40, 30];
