/**
 * Where the charts of a sheet go: in a block below its tables and within the tables' columns, so the
 * sheet stays one page wide when printed fit-to-width on A4 (SheetModel.print). Two charts share a row
 * when the tables are wide enough for two readable charts; otherwise each takes the full width.
 */
import type { ChartModel } from "../../types";
import type { PlannedChart } from "./plan";

/** Rows a chart spans (about 225 pt at the default 15 pt row height) plus one row of space below it. */
export const CHART_ROWS = 15;
export const CHART_GAP_ROWS = 1;
/** Two charts sit side by side when each half of the tables' width is at least this many characters. */
export const MIN_HALF_WIDTH = 30;

/**
 * Anchors for the charts, from row `top` down, within columns 0 … widths.length − 1; returns the charts
 * and the number of rows the block takes.
 */
export function placeCharts(
  charts: readonly PlannedChart[],
  top: number,
  widths: readonly number[],
): { charts: ChartModel[]; rows: number } {
  const total = widths.reduce((a, b) => a + b, 0);
  const columns = widths.length;
  const cut = columns >= 2 ? halfway(widths) : null;
  const leftWidth = cut === null ? 0 : widths.slice(0, cut).reduce((a, b) => a + b, 0);
  const split = cut !== null && Math.min(leftWidth, total - leftWidth) >= MIN_HALF_WIDTH ? cut : null;
  const slots: Array<{ left: number; right: number }> =
    split === null
      ? [{ left: 0, right: columns }]
      : [
          { left: 0, right: split },
          { left: split, right: columns },
        ];
  const placed = charts.map((chart, i): ChartModel => {
    const slot = slots[i % slots.length];
    const row = top + Math.floor(i / slots.length) * (CHART_ROWS + CHART_GAP_ROWS);
    return {
      ...chart,
      anchor: { from: { row, col: slot.left }, to: { row: row + CHART_ROWS, col: slot.right } },
    };
  });
  const chartRows = Math.ceil(charts.length / slots.length);
  return { charts: placed, rows: chartRows * (CHART_ROWS + CHART_GAP_ROWS) };
}

/** The column boundary (1 … n − 1) nearest half the total width. */
function halfway(widths: readonly number[]): number {
  const total = widths.reduce((a, b) => a + b, 0);
  let best = 1;
  let bestGap = Infinity;
  let run = 0;
  for (let c = 1; c < widths.length; c++) {
    run += widths[c - 1];
    const gap = Math.abs(run - total / 2);
    if (gap < bestGap) {
      best = c;
      bestGap = gap;
    }
  }
  return best;
}
