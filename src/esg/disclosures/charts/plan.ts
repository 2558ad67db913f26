/**
 * What a section asks for when it wants a chart over one of its tables, and the rules that turn the
 * request into a chart model (colours, legend, labels, title in the sheet's languages): a chart is drawn
 * only over complete data and legible — a series with a "–" or blank cell, fewer than two categories or
 * more than MAX_CATEGORIES, and the
 * chart is left out rather than drawn with a gap (issue 14: complete or absent).
 */
import { say } from "../labels";
import type {
  AreaModel,
  Bilingual,
  CellModel,
  ChartKind,
  ChartModel,
  ChartSeriesModel,
  ReportLang,
} from "../../types";
import { CHART_PALETTE } from "./palette";

/** A cell of the sheet, 0-based. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** One series of a requested chart: the header cell that names it and its values in the table. */
export interface SeriesRequest {
  readonly name: CellRef;
  readonly values: AreaModel;
}

/** A chart a section asks for, over areas of a table it has just written. */
export interface ChartRequest {
  /** The section code and a slug, e.g. "A1.ghg-by-scope"; unique within the workbook. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: Bilingual;
  /** The label column of the table's rows (or a header row), as many cells as each series has. */
  readonly categories: AreaModel;
  readonly series: readonly SeriesRequest[];
  /** The unit, already in the sheet's language(s) (labels.unitText); none for doughnuts or percentages. */
  readonly valueAxisTitle?: string;
}

/** A chart with everything but its place on the sheet. */
export type PlannedChart = Omit<ChartModel, "anchor">;

/** Rows `top` … `bottom` of one column. */
export function columnArea(col: number, top: number, bottom: number): AreaModel {
  return { top, left: col, bottom, right: col };
}

/** Number of cells of an area. */
export function cellCount(a: AreaModel): number {
  return (a.bottom - a.top + 1) * (a.right - a.left + 1);
}

/** One row or one column. */
function isLine(a: AreaModel): boolean {
  return a.bottom >= a.top && a.right >= a.left && (a.top === a.bottom || a.left === a.right);
}

/** Decimals a number format shows ("#,##0.00" → 2, "0.0%" → 1). */
function decimalsShown(format: string): number {
  return /\.(0+)/.exec(format)?.[1].length ?? 0;
}

/**
 * More categories than a chart one page wide can label legibly: the table alone shows them (a waste list
 * of hundreds of items), and the chart is not drawn.
 */
export const MAX_CATEGORIES = 24;

/**
 * The chart model for a request, or null when the chart is not drawn: fewer than two categories, a
 * series whose cells are not all numbers, or areas that are not one row or column of matching length.
 * `numbersIn` gives an area's cells when every one holds a number, else null. The data labels take the
 * table's own number format (the most precise among the series' cells), so they read as the table does.
 */
export function planChart(
  request: ChartRequest,
  lang: ReportLang,
  numbersIn: (area: AreaModel) => readonly CellModel[] | null,
): PlannedChart | null {
  const n = cellCount(request.categories);
  if (!isLine(request.categories) || n < 2 || n > MAX_CATEGORIES || request.series.length === 0) return null;
  const formats: string[] = [];
  for (const s of request.series) {
    const cells = isLine(s.values) && cellCount(s.values) === n ? numbersIn(s.values) : null;
    if (!cells) return null;
    for (const c of cells) if (c.numberFormat !== undefined) formats.push(c.numberFormat);
  }
  const numberFormat = formats.reduce<string>(
    (best, f) => (decimalsShown(f) > decimalsShown(best) ? f : best),
    formats[0] ?? "General",
  );
  // A doughnut needs a colour per point; with more points than the palette holds, bars read better.
  const kind: ChartKind = request.kind === "doughnut" && n > CHART_PALETTE.length ? "bar" : request.kind;
  const doughnut = kind === "doughnut";
  const series: ChartSeriesModel[] = request.series.map((s, i) => ({
    name: s.name,
    values: s.values,
    color: CHART_PALETTE[i % CHART_PALETTE.length],
    ...(doughnut ? { pointColors: CHART_PALETTE.slice(0, n) } : {}),
  }));
  return {
    id: request.id,
    kind,
    title: say(request.title, lang, "\n"),
    categories: request.categories,
    series,
    numberFormat,
    ...(!doughnut && request.valueAxisTitle ? { valueAxisTitle: request.valueAxisTitle } : {}),
    // One series is named by the title; a doughnut's points and several series need their key.
    legend: doughnut || series.length > 1 ? "bottom" : "none",
    dataLabels: true,
  };
}
