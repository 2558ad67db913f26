/**
 * Queues the commands that draw a sheet model's charts (issue 14) on a worksheet proxy, in the same
 * batch as the sheet's cells: nothing here syncs. Each chart is added over its first series' values
 * (ChartCollection.add, ExcelApi 1.1), then every series gets the model's own cells as values and
 * categories (ChartSeries.setValues / setXAxisValues and ChartSeriesCollection.add, ExcelApi 1.7), so the
 * chart follows the table when Excel recalculates. Title, legend, data labels, the value axis's title and
 * the palette colours are ExcelApi 1.1; the labels' and axis's number format and where a bar chart's value
 * axis crosses are 1.8 and are skipped without it (the labels then show the cells' own format, which is the
 * table's). Without ExcelApi 1.7 no chart is drawn: its series could not refer to the table's cells.
 */
import type { AreaModel, ChartKind, ChartModel, SheetModel } from "../../esg/types";
import { formatArea as rectAddress } from "../../sheet-ref";
import type { XChart, XChartSeries, XWorksheet } from "./excel-api";
import type { OfficeFeatures } from "./features";
import { rangeAt } from "./render";

/** Excel.ChartType of each kind the model uses. */
const CHART_TYPE: Readonly<Record<ChartKind, string>> = {
  column: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  bar: "BarClustered",
  line: "LineMarkers",
  doughnut: "Doughnut",
};

/** Estimated request bytes of one chart's commands (for the 5 MB packing of write-steps.ts). */
export const CHART_BYTES = 2500;

const hex = (rgb: string): string => `#${rgb}`;

/** The text of a cell of the model (a series' name is its header cell's text). */
function cellText(model: SheetModel, row: number, col: number): string {
  const v = model.cells.find((c) => c.row === row && c.col === col)?.value;
  return v === null || v === undefined ? "" : String(v);
}

export function renderCharts(sheet: XWorksheet, model: SheetModel, features: OfficeFeatures): void {
  if (!features.charts) return;
  for (const chart of model.charts ?? []) renderChart(sheet, model, chart, features);
}

function renderChart(sheet: XWorksheet, model: SheetModel, m: ChartModel, features: OfficeFeatures): void {
  // Untracked like every range of the write (render.ts): office.js would otherwise send a release request after the run.
  const range = (a: AreaModel) => rangeAt(sheet, rectAddress(a));
  const first = m.series[0];
  if (!first) return;
  const chart = sheet.charts.add(
    CHART_TYPE[m.kind],
    range(first.values),
    first.values.left === first.values.right ? "Columns" : "Rows",
  );
  chart.name = m.id;
  // From the anchor's top-left cell to the cell before its end (the model's `to` is just past the corner).
  chart.setPosition(
    rectAddress({
      top: m.anchor.from.row,
      left: m.anchor.from.col,
      bottom: m.anchor.from.row,
      right: m.anchor.from.col,
    }),
    rectAddress({
      top: m.anchor.to.row - 1,
      left: m.anchor.to.col - 1,
      bottom: m.anchor.to.row - 1,
      right: m.anchor.to.col - 1,
    }),
  );
  chart.title.text = m.title;
  m.series.forEach((s, i) => {
    const name = cellText(model, s.name.row, s.name.col);
    const series: XChartSeries = i === 0 ? chart.series.getItemAt(0) : chart.series.add(name);
    if (i === 0) series.name = name;
    else series.setValues(range(s.values));
    series.setXAxisValues(range(m.categories));
    if (m.kind === "line") series.format.line.color = hex(s.color);
    else series.format.fill.setSolidColor(hex(s.color));
    s.pointColors?.forEach((c, p) => series.points.getItemAt(p).format.fill.setSolidColor(hex(c)));
  });
  chart.legend.visible = m.legend !== "none";
  if (m.legend !== "none") chart.legend.position = m.legend === "bottom" ? "Bottom" : "Right";
  chart.dataLabels.showValue = m.dataLabels;
  if (m.dataLabels && features.chartFormats) chart.dataLabels.numberFormat = m.numberFormat;
  if (m.kind !== "doughnut") renderAxes(chart, m, features);
}

/** The value axis (title, number format); a bar chart's categories top-down in the table's order. */
function renderAxes(chart: XChart, m: ChartModel, features: OfficeFeatures): void {
  const { valueAxis, categoryAxis } = chart.axes;
  if (m.valueAxisTitle) valueAxis.title.text = m.valueAxisTitle;
  if (features.chartFormats) valueAxis.numberFormat = m.numberFormat;
  if (m.kind === "bar") {
    // Excel draws a bar chart's first category at the bottom: plotted last to first it reads as the
    // table does, and the value axis then crosses at the maximum category so it stays below the bars.
    categoryAxis.reversePlotOrder = true;
    if (features.chartFormats) categoryAxis.position = "Maximum";
  }
}
