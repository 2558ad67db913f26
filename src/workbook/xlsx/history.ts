/**
 * The generation history: one row per run, appended to the sheet HISTORY_SHEET. The sheet is ours (it
 * carries the generated marker with section HISTORY_SECTION) but it is never replaced: earlier rows
 * are the audit trail, so a run only adds a row at the end of its sheetData, leaving the rest as written.
 */
import type { CellModel, HistoryEntry, SheetModel } from "../../esg/types";
import { cellAddress } from "../../sheet-ref";
import { applySplices } from "./splice";
import { cellXml } from "./worksheetXml";
import { rootPrefix, scanXml } from "./xml";

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

const rowCells = (row: number, values: readonly (string | number | boolean)[], style?: string): CellModel[] =>
  values.map((value, col) => ({
    row,
    col,
    value,
    text: typeof value === "string",
    ...(style ? { style } : {}),
  }));

/** A new history sheet: bold header, widths, frozen header, and the first entry. */
export function historyModel(h: HistoryEntry): SheetModel {
  return {
    name: HISTORY_SHEET,
    section: HISTORY_SECTION,
    language: "en",
    font: { name: "Calibri", size: 11 },
    columns: [22, 8, 24, 10, 10, 40, 60, 14, 40],
    cells: [...rowCells(0, HISTORY_HEADER, "header"), ...rowCells(1, historyRow(h))],
    merges: [],
    styles: { header: { font: { bold: true } } },
    freeze: { rows: 1, columns: 0 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: false },
    // Hidden, as the configuration sheet is: the log is for the preparer and must not print with the
    // report (every visible sheet prints with "entire workbook"); users can unhide it.
    hidden: true,
  };
}

/** The history sheet's part with the entry appended below its last row. */
export function appendHistoryXml(xml: string, h: HistoryEntry, label: string, part: string): string {
  let prefix = "";
  let lastRow = 0;
  let row = 0;
  let sheetData: { start: number; startEnd: number; end: number; selfClosing: boolean } | null = null;
  scanXml(
    xml,
    {
      open: (el) => {
        if (el.depth === 0) prefix = rootPrefix(el.name);
        if (el.local === "sheetData" && el.depth === 1)
          sheetData = { start: el.start, startEnd: el.startEnd, end: -1, selfClosing: el.selfClosing };
        if (el.local === "row" && el.depth === 2) {
          const r = Number(el.attributes.r);
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          lastRow = Math.max(lastRow, row);
        }
      },
      close: (el, end) => {
        if (el.local === "sheetData" && el.depth === 1 && sheetData) sheetData.end = end;
      },
    },
    label,
    part,
  );
  const data = sheetData as { start: number; startEnd: number; end: number; selfClosing: boolean } | null;
  if (!data) return xml;
  const r = Math.max(lastRow, 1) + 1;
  const cells = historyRow(h)
    .map((value, col) =>
      cellXml(cellAddress(r - 1, col), { row: r - 1, col, value, text: true }, 0, { valuesOnly: true }),
    )
    .join("");
  let rowXml = `<row r="${r}">${cells}</row>`;
  if (prefix) rowXml = rowXml.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${prefix}`);
  if (data.selfClosing)
    return applySplices(xml, [
      { start: data.start, end: data.end, text: `<${prefix}sheetData>${rowXml}</${prefix}sheetData>` },
    ]);
  const close = xml.lastIndexOf("</", data.end - 1);
  return applySplices(xml, [{ start: close, end: close, text: rowXml }]);
}
