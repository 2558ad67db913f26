/**
 * The chart palette (WCAG 2.1 SC 1.4.11 contrast, greyscale), the placement of charts below the tables,
 * and the rules that turn a section's request into a chart model.
 */
import { CHART_PALETTE } from "../../../src/esg/disclosures/charts/palette";
import { CHART_GAP_ROWS, CHART_ROWS, placeCharts } from "../../../src/esg/disclosures/charts/layout";
import { planChart, type ChartRequest, type PlannedChart } from "../../../src/esg/disclosures/charts/plan";
import type { AreaModel, CellModel } from "../../../src/esg/types";

/** Relative luminance of an sRGB colour, as WCAG 2.1 defines it. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe("chart palette", () => {
  it("has at least 3:1 contrast against the white chart area for every colour (WCAG 2.1 SC 1.4.11)", () => {
    for (const c of CHART_PALETTE) expect(contrast(c, "FFFFFF")).toBeGreaterThanOrEqual(3);
  });

  it("tells every two colours apart in greyscale, the first two (this year, prior year) most of all", () => {
    for (let i = 0; i < CHART_PALETTE.length; i++)
      for (let j = i + 1; j < CHART_PALETTE.length; j++)
        expect(contrast(CHART_PALETTE[i], CHART_PALETTE[j])).toBeGreaterThanOrEqual(1.4);
    expect(contrast(CHART_PALETTE[0], CHART_PALETTE[1])).toBeGreaterThanOrEqual(3);
    expect(new Set(CHART_PALETTE).size).toBe(CHART_PALETTE.length);
    for (const c of CHART_PALETTE) expect(c).toMatch(/^[0-9A-F]{6}$/);
  });
});

const planned = (id: string): PlannedChart => ({
  id,
  kind: "column",
  title: id,
  categories: { top: 1, left: 0, bottom: 2, right: 0 },
  series: [],
  numberFormat: "#,##0",
  legend: "none",
  dataLabels: true,
});

describe("chart placement", () => {
  it("puts two charts side by side when the tables are wide, split at the column nearest half", () => {
    const { charts, rows } = placeCharts([planned("a"), planned("b"), planned("c")], 40, [24, 34, 16, 18]);
    expect(charts.map((c) => c.anchor)).toEqual([
      { from: { row: 40, col: 0 }, to: { row: 40 + CHART_ROWS, col: 2 } },
      { from: { row: 40, col: 2 }, to: { row: 40 + CHART_ROWS, col: 4 } },
      {
        from: { row: 40 + CHART_ROWS + CHART_GAP_ROWS, col: 0 },
        to: { row: 40 + 2 * CHART_ROWS + CHART_GAP_ROWS, col: 2 },
      },
    ]);
    expect(rows).toBe(2 * (CHART_ROWS + CHART_GAP_ROWS));
  });

  it("gives each chart the full width when half the tables would be too narrow", () => {
    const { charts, rows } = placeCharts([planned("a"), planned("b")], 10, [28, 18, 18]);
    expect(charts.map((c) => [c.anchor.from, c.anchor.to])).toEqual([
      [
        { row: 10, col: 0 },
        { row: 10 + CHART_ROWS, col: 3 },
      ],
      [
        { row: 10 + CHART_ROWS + CHART_GAP_ROWS, col: 0 },
        { row: 10 + 2 * CHART_ROWS + CHART_GAP_ROWS, col: 3 },
      ],
    ]);
    expect(rows).toBe(2 * (CHART_ROWS + CHART_GAP_ROWS));
  });
});

describe("planChart", () => {
  const cells = new Map<string, CellModel>();
  const put = (row: number, col: number, value: CellModel["value"], numberFormat?: string) =>
    cells.set(`${row},${col}`, { row, col, value, ...(numberFormat ? { numberFormat } : {}) });
  for (let r = 1; r <= 6; r++) {
    put(r, 0, `Item ${r}`);
    put(r, 1, r * 10.5, r === 3 ? "#,##0.00" : "#,##0.0");
    put(r, 2, r === 4 ? "–" : r);
  }
  const numbersIn = (a: AreaModel): CellModel[] | null => {
    const out: CellModel[] = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        const cell = cells.get(`${r},${c}`);
        if (typeof cell?.value !== "number") return null;
        out.push(cell);
      }
    return out;
  };
  const request = (over: Partial<ChartRequest>): ChartRequest => ({
    id: "X.test",
    kind: "column",
    title: { en: "Title", "zh-HK": "標題" },
    categories: { top: 1, left: 0, bottom: 3, right: 0 },
    series: [{ name: { row: 0, col: 1 }, values: { top: 1, left: 1, bottom: 3, right: 1 } }],
    valueAxisTitle: "t",
    ...over,
  });

  it("titles the chart in the sheet's languages and takes the most precise number format of its cells", () => {
    const both = planChart(request({}), "both", numbersIn)!;
    expect(both.title).toBe("標題\nTitle");
    expect(both.numberFormat).toBe("#,##0.00");
    expect(both.legend).toBe("none");
    expect(both.valueAxisTitle).toBe("t");
    expect(planChart(request({}), "en", numbersIn)!.title).toBe("Title");
  });

  it("is absent when a value is '–', when there is one category, or when the areas do not match", () => {
    const withDash = request({
      series: [{ name: { row: 0, col: 2 }, values: { top: 3, left: 2, bottom: 5, right: 2 } }],
      categories: { top: 3, left: 0, bottom: 5, right: 0 },
    });
    expect(planChart(withDash, "en", numbersIn)).toBeNull();
    expect(
      planChart(
        request({
          categories: { top: 1, left: 0, bottom: 1, right: 0 },
          series: [{ name: { row: 0, col: 1 }, values: { top: 1, left: 1, bottom: 1, right: 1 } }],
        }),
        "en",
        numbersIn,
      ),
    ).toBeNull();
    expect(
      planChart(request({ categories: { top: 1, left: 0, bottom: 4, right: 0 } }), "en", numbersIn),
    ).toBeNull();
    expect(planChart(request({ series: [] }), "en", numbersIn)).toBeNull();
  });

  it("colours each point of a doughnut and turns a doughnut with more points than colours into bars", () => {
    const few = planChart(request({ kind: "doughnut" }), "en", numbersIn)!;
    expect(few.kind).toBe("doughnut");
    expect(few.series[0].pointColors).toEqual(CHART_PALETTE.slice(0, 3));
    expect(few.valueAxisTitle).toBeUndefined();
    expect(few.legend).toBe("bottom");
    const many = planChart(
      request({
        kind: "doughnut",
        categories: { top: 1, left: 0, bottom: 6, right: 0 },
        series: [{ name: { row: 0, col: 1 }, values: { top: 1, left: 1, bottom: 6, right: 1 } }],
      }),
      "en",
      numbersIn,
    )!;
    expect(many.kind).toBe("bar");
    expect(many.series[0].pointColors).toBeUndefined();
  });
});
