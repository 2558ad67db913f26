/**
 * The generation history: one row per run, appended to the sheet HISTORY_SHEET. The sheet is ours (it
 * carries the generated marker with section HISTORY_SECTION) but it is never replaced: earlier rows
 * are the audit trail, so a run only appends.
 */
import type { Workbook, Worksheet } from "exceljs";
import type { HistoryEntry } from "../../../src/esg/types";

export const HISTORY_SHEET = "ESG_History";
export const HISTORY_SECTION = "HISTORY";

export const HISTORY_HEADER = [
  "at",
  "host",
  "sections",
  "language",
  "values only",
  "sheets",
  "source names",
  "accepted errors",
  "note",
] as const;

/** The row written for an entry: every field as text or number, lists joined with ", ". */
export function historyRow(h: HistoryEntry): (string | number | boolean)[] {
  return [
    h.at,
    h.host,
    h.sections.join(", "),
    h.language,
    h.valuesOnly,
    h.sheets.join(", "),
    h.sourceNames.join(", "),
    h.acceptedErrors?.count ?? 0,
    h.acceptedErrors?.note ?? "",
  ];
}

/** Create the history sheet (header, widths, frozen header). */
export function createHistorySheet(wb: Workbook): Worksheet {
  const ws = wb.addWorksheet(HISTORY_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] });
  ws.columns = [22, 8, 24, 10, 10, 40, 60, 14, 40].map((width) => ({ width }));
  const header = ws.getRow(1);
  header.values = [...HISTORY_HEADER];
  header.font = { bold: true };
  return ws;
}

/** Append the entry below the last used row. */
export function appendHistory(ws: Worksheet, h: HistoryEntry): void {
  const row = ws.getRow(Math.max(ws.rowCount, 1) + 1);
  // Strings go in as strings (ExcelJS writes them as shared strings), so a name or note can never turn into a formula.
  row.values = historyRow(h);
}
