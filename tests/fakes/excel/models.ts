/** Small hand-built sheet models and history entries for the Office adapter tests. */
import type { HistoryEntry, SheetModel } from "../../../src/esg/types";

export function sheetModel(name: string, section: string, extra: Partial<SheetModel> = {}): SheetModel {
  return {
    name,
    section,
    language: "en",
    font: { name: "Microsoft JhengHei", size: 10 },
    columns: [40, 14, 14],
    cells: [
      { row: 0, col: 0, value: `${section} disclosure`, style: "title", text: true },
      { row: 1, col: 0, value: "Metric", style: "head" },
      { row: 1, col: 1, value: "2024", style: "head", text: true },
      { row: 1, col: 2, value: "Unit", style: "head" },
      { row: 2, col: 0, value: "Electricity", style: "body" },
      { row: 2, col: 1, value: 1200, formula: "Electricity", numberFormat: "#,##0", style: "num" },
      { row: 2, col: 2, value: "kWh", style: "body" },
      { row: 3, col: 0, value: "- of which Scope 2", style: "body", text: true },
      { row: 3, col: 1, value: 0.52, formula: "ROUND(Electricity/Production,2)", numberFormat: "0.00", style: "num" },
      { row: 3, col: 2, value: "kWh/t", style: "body" },
      { row: 4, col: 0, value: null, style: "body" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    styles: {
      title: { font: { bold: true, size: 14 } },
      head: { font: { bold: true, color: "FFFFFF" }, fill: "1F4E78", border: { bottom: "medium" }, align: { horizontal: "center" } },
      body: { border: { top: "thin", bottom: "thin" }, align: { wrap: true, indent: 1 } },
      num: { border: { top: "thin", bottom: "thin" }, align: { horizontal: "right" } },
    },
    freeze: { rows: 2, columns: 1 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true },
    tabColor: "2E7D32",
    ...extra,
  };
}

export function historyEntry(sheets: readonly SheetModel[], extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    at: "2025-03-31T09:00:00.000Z",
    host: "office",
    sections: sheets.map((s) => s.section),
    language: "en",
    valuesOnly: false,
    sheets: sheets.map((s) => s.name),
    sourceNames: ["Electricity", "Production"],
    ...extra,
  };
}
