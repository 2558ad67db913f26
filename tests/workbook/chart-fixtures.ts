/**
 * A hand-made disclosure sheet with one chart of each kind over its two tables, for the xlsx chart
 * tests: a GHG table by year (numbers as categories, a blank cell, a formula total) and an energy table by
 * type (text categories). Titles are bilingual, one language per line, as the engine writes them.
 */
import type { ChartModel, HistoryEntry, SheetModel } from "../../src/esg/types";
import { XlsxHost } from "../../src/workbook/xlsx/host";

export const CHART_SHEET = "A1 Emissions";

const years = { top: 2, left: 1, bottom: 2, right: 3 };
const scope1 = { top: 3, left: 1, bottom: 3, right: 3 };
const scope2 = { top: 4, left: 1, bottom: 4, right: 3 };
const typeArea = { top: 8, left: 0, bottom: 10, right: 0 };
const energy = { top: 8, left: 1, bottom: 10, right: 1 };

/** Charts stacked below the tables, within columns A–D (the tables' width), 15 rows each. */
function below(i: number): ChartModel["anchor"] {
  const top = 12 + i * 16;
  return { from: { row: top, col: 0 }, to: { row: top + 15, col: 4 } };
}

const byYear = (kind: ChartModel["kind"], i: number): ChartModel => ({
  id: `A1.ghg-${kind}`,
  kind,
  title: `GHG emissions by scope (${kind})\n按範圍劃分的溫室氣體排放`,
  categories: years,
  series: [
    { name: { row: 3, col: 0 }, values: scope1, color: "1F4E79" },
    { name: { row: 4, col: 0 }, values: scope2, color: "9DC3E6" },
  ],
  anchor: below(i),
  numberFormat: "#,##0.0",
  valueAxisTitle: "tCO2e\n噸二氧化碳當量",
  legend: "bottom",
  dataLabels: true,
});

export const CHARTS: readonly ChartModel[] = [
  byYear("column", 0),
  byYear("stackedColumn", 1),
  byYear("line", 2),
  {
    id: "A2.energy-bar",
    kind: "bar",
    title: "Energy by type\n按類型劃分的能源",
    categories: typeArea,
    series: [{ name: { row: 7, col: 1 }, values: energy, color: "2E75B6" }],
    anchor: below(3),
    numberFormat: "#,##0",
    valueAxisTitle: "'000 kWh\n千個千瓦時",
    legend: "none",
    dataLabels: true,
  },
  {
    id: "A2.energy-doughnut",
    kind: "doughnut",
    title: "Energy by type\n按類型劃分的能源",
    categories: typeArea,
    series: [
      {
        name: { row: 7, col: 1 },
        values: energy,
        color: "1F4E79",
        pointColors: ["1F4E79", "7F7F7F", "BDD7EE"],
      },
    ],
    anchor: below(4),
    numberFormat: "#,##0",
    legend: "right",
    dataLabels: true,
  },
];

/** The sheet with the given charts (all five by default; null: no `charts` key). */
export function chartSheet(
  charts: readonly ChartModel[] | null = CHARTS,
  name = CHART_SHEET,
  section = "A1",
): SheetModel {
  const text = (row: number, col: number, value: string) => ({ row, col, value, text: true });
  const num = (row: number, col: number, value: number) => ({ row, col, value, numberFormat: "#,##0.0" });
  return {
    name,
    section,
    language: "both",
    font: { name: "Microsoft JhengHei", size: 10 },
    columns: [30, 14, 14, 14],
    cells: [
      text(0, 0, "GHG emissions 溫室氣體排放"),
      text(2, 0, "Item 項目"),
      { row: 2, col: 1, value: 2022 },
      { row: 2, col: 2, value: 2023 },
      { row: 2, col: 3, value: 2024 },
      text(3, 0, "Scope 1 範圍1"),
      num(3, 1, 120.5),
      num(3, 2, 130),
      num(3, 3, 125.25),
      text(4, 0, "Scope 2 範圍2"),
      num(4, 2, 280),
      num(4, 3, 301.75),
      text(5, 0, "Total 總計"),
      { row: 5, col: 3, value: 427, formula: "SUM(D4:D5)", numberFormat: "#,##0.0" },
      text(7, 0, "Type 類別"),
      text(7, 1, "'000 kWh 千個千瓦時"),
      text(8, 0, "Electricity 電力"),
      { row: 8, col: 1, value: 1500, numberFormat: "#,##0" },
      text(9, 0, "Diesel 柴油"),
      { row: 9, col: 1, value: 200, numberFormat: "#,##0" },
      text(10, 0, "Natural gas 天然氣"),
      { row: 10, col: 1, value: 50, numberFormat: "#,##0" },
    ],
    merges: [],
    styles: {},
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    ...(charts ? { charts } : {}),
  };
}

export function historyOf(models: readonly SheetModel[]): HistoryEntry {
  return {
    at: "2025-01-01T00:00:00.000Z",
    host: "xlsx",
    sections: models.map((m) => m.section),
    language: "both",
    valuesOnly: false,
    sheets: models.map((m) => m.name),
    sourceNames: [],
  };
}

/** Write `models` as generated sheets into `input` (a new workbook when null). */
export async function writeSheets(
  models: readonly SheetModel[],
  input: Buffer | null = null,
): Promise<Buffer> {
  const host = input ? await XlsxHost.fromBuffer(input, "book.xlsx") : XlsxHost.blank();
  await host.write(models, historyOf(models));
  return host.toBuffer();
}
