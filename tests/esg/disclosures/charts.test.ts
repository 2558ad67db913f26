/**
 * Charts the engine plans over the disclosure tables (issue 14): which sections get which charts, that
 * every series and category is a cell of the table on the same sheet, that a chart over a "–" is left
 * out, where the charts sit, and that the no-charts option gives the sheets exactly as without charts.
 */
import { MAX_CATEGORIES } from "../../../src/esg/disclosures/charts/plan";
import { runEngine } from "../../../src/esg/engine";
import type { CellValue, ChartModel, SheetModel, WorkbookRead } from "../../../src/esg/types";
import { seedRead, SheetBuilder } from "../../support/seed-read";

const NOW = "2025-01-01T00:00:00.000Z";

/** The seed plus leavers, category headcounts and (optionally) prior-year figures: every chart has data. */
function fullRead(opts: { prior?: boolean; femaleHeadcount?: CellValue } = {}): WorkbookRead {
  const p = (now: number, before: number): number[] => (opts.prior ? [now, before] : [now]);
  const b = new SheetBuilder("Data")
    .add("ReportingYear", [[2024]])
    .add("Production", [p(12613, 12000)])
    .add("Electricity", [p(29843800, 28000000)])
    .add("Diesel", [p(205, 190)])
    .add("Coal", [p(24221, 23000)])
    .add("HazardousWaste", [
      ["Waste engine oil", 3.6, "Sold to licensed recyclers"],
      ["Tar", 490.8, "Sold to licensed recyclers"],
    ])
    .add("Headcount", [p(341, 320)])
    .add("Headcount_Gender", [
      ["Female", opts.femaleHeadcount === undefined ? 71 : opts.femaleHeadcount, ...(opts.prior ? [66] : [])],
      ["Male", 270, ...(opts.prior ? [254] : [])],
    ])
    .add("Headcount_Age", [
      ["Under 30", 46],
      ["30–50", 210],
      ["Over 50", 85],
    ])
    .add("Headcount_Region", [
      ["Mainland China", 338],
      ["Hong Kong", 3],
    ])
    .add("Headcount_Category", [
      ["Managers and senior management", 40],
      ["General staff", 301],
    ])
    .add("Leavers", [[24]])
    .add("Leavers_Gender", [
      ["Female", 5],
      ["Male", 19],
    ])
    .add("Leavers_Age", [
      ["Under 30", 10],
      ["30–50", 11],
      ["Over 50", 3],
    ])
    .add("Trained_Category", [
      ["Managers and senior management", 32],
      ["General staff", 296],
    ])
    .add("TrainingHours_Category", [
      ["Managers and senior management", 192],
      ["General staff", 2368],
    ]);
  return { names: b.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
}

const sheetsOf = (read: WorkbookRead, options: Record<string, unknown> = {}): readonly SheetModel[] =>
  runEngine(read, { now: NOW, ...options }).sheets;
const section = (sheets: readonly SheetModel[], code: string): SheetModel =>
  sheets.find((s) => s.section === code)!;
const cellAt = (s: SheetModel, row: number, col: number) =>
  s.cells.find((c) => c.row === row && c.col === col);
const chartIds = (s: SheetModel): string[] => (s.charts ?? []).map((c) => c.id);

function cellsOf(s: SheetModel, a: { top: number; left: number; bottom: number; right: number }) {
  const out = [];
  for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(cellAt(s, r, c));
  return out;
}

describe("charts planned per section", () => {
  it("gives each section the charts its data supports, in both languages", () => {
    const sheets = sheetsOf(fullRead());
    expect(chartIds(section(sheets, "A1"))).toEqual(["A1.ghg-by-scope", "A1.hazardous-waste"]);
    expect(chartIds(section(sheets, "A2"))).toEqual(["A2.energy-by-type"]);
    expect(chartIds(section(sheets, "B1"))).toEqual([
      "B1.employees-by-gender",
      "B1.employees-by-age",
      "B1.employees-by-region",
      "B1.turnover-by-gender",
      "B1.turnover-by-age",
    ]);
    expect(chartIds(section(sheets, "B3"))).toEqual(["B3.trained-by-category", "B3.hours-by-category"]);
    expect(chartIds(section(sheets, "D"))).toEqual(["D.ghg-by-scope"]);
    for (const code of ["B2", "B5", "B6", "B7", "B8"]) expect(section(sheets, code).charts).toBeUndefined();
    const gender = section(sheets, "B1").charts!.find((c) => c.id === "B1.employees-by-gender")!;
    expect(gender.title).toBe("按性別劃分的僱員總數\nTotal workforce by gender");
    expect(gender.kind).toBe("doughnut");
    expect(gender.series[0].pointColors).toHaveLength(2);
  });

  it("refers every series and category to cells of the table on the same sheet, and sits below the tables", () => {
    for (const language of ["both", "en", "zh-HK"] as const)
      for (const s of sheetsOf(fullRead({ prior: true }), { language })) {
        const notes = s.cells.find(
          (c) => c.value === "Notes" || c.value === "附註" || c.value === "附註 Notes",
        )!;
        for (const chart of s.charts ?? []) {
          const categories = cellsOf(s, chart.categories);
          expect(
            categories.every((c) => typeof c?.value === "string" && c.value !== "" && c.value !== "–"),
          ).toBe(true);
          for (const series of chart.series) {
            const values = cellsOf(s, series.values);
            expect(values).toHaveLength(categories.length);
            expect(values.every((c) => typeof c?.value === "number")).toBe(true);
            expect(typeof cellAt(s, series.name.row, series.name.col)?.value).toBe("string");
          }
          // Within the tables' columns (one page wide), below every table cell and above the notes.
          const { from, to } = chart.anchor;
          expect(from.col).toBeGreaterThanOrEqual(0);
          expect(to.col).toBeLessThanOrEqual(s.columns.length);
          expect(to.row).toBeLessThan(notes.row);
          const lastTableRow = Math.max(...s.cells.filter((c) => c.row < notes.row).map((c) => c.row));
          expect(from.row).toBeGreaterThan(lastTableRow);
        }
        // No two charts overlap.
        const charts = s.charts ?? [];
        for (let i = 0; i < charts.length; i++)
          for (let j = i + 1; j < charts.length; j++) expect(overlap(charts[i], charts[j])).toBe(false);
      }
  });

  it("draws this year and the prior year side by side where the table has a complete prior-year column", () => {
    const sheets = sheetsOf(fullRead({ prior: true }), { language: "en" });
    const d = section(sheets, "D").charts![0];
    expect(d.title).toBe("Scope 1 and Scope 2 greenhouse gas emissions by year");
    expect(d.series.map((x) => cellAt(section(sheets, "D"), x.name.row, x.name.col)?.value)).toEqual([
      "Figure",
      "Prior year",
    ]);
    expect(d.legend).toBe("bottom");
    expect(d.series[0].color).not.toBe(d.series[1].color);
    const gender = section(sheets, "B1").charts!.find((c) => c.id === "B1.employees-by-gender")!;
    expect(gender.kind).toBe("column");
    expect(gender.series).toHaveLength(2);
    // Age groups have no prior-year figures ("–"): this year only.
    expect(section(sheets, "B1").charts!.find((c) => c.id === "B1.employees-by-age")!.series).toHaveLength(1);
  });

  it("leaves out a chart over a row shown as '–' (complete or absent)", () => {
    const b1 = section(sheetsOf(fullRead({ femaleHeadcount: null }), { language: "en" }), "B1");
    const female = b1.cells.find((c) => c.value === "Female")!;
    expect(cellAt(b1, female.row, 1)?.value).toBe("–");
    expect(chartIds(b1)).not.toContain("B1.employees-by-gender");
    expect(chartIds(b1)).toContain("B1.employees-by-age");
  });

  it("leaves out a chart with more categories than it can label (the table keeps every row)", () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i): CellValue[] => [`Waste item ${i + 1}`, i + 1, "Recycled"]);
    const read = (n: number): WorkbookRead => {
      const b = new SheetBuilder("Data").add("Production", [[100]]).add("HazardousWaste", items(n));
      return { names: b.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
    };
    expect(chartIds(section(sheetsOf(read(MAX_CATEGORIES)), "A1"))).toContain("A1.hazardous-waste");
    const many = section(sheetsOf(read(MAX_CATEGORIES + 1)), "A1");
    expect(chartIds(many)).not.toContain("A1.hazardous-waste");
    expect(many.cells.some((c) => c.value === `Waste item ${MAX_CATEGORIES + 1}`)).toBe(true);
  });

  it("takes the data labels' number format and the unit from the table", () => {
    const sheets = sheetsOf(fullRead(), { language: "en" });
    const waste = section(sheets, "A1").charts!.find((c) => c.id === "A1.hazardous-waste")!;
    expect(waste.numberFormat).toBe("#,##0.0");
    expect(waste.valueAxisTitle).toBe("t");
    const turnover = section(sheets, "B1").charts!.find((c) => c.id === "B1.turnover-by-gender")!;
    expect(turnover.numberFormat).toBe("0.0%");
    expect(turnover.valueAxisTitle).toBeUndefined();
  });

  it("plans the seed report's charts", () => {
    const sheets = sheetsOf(seedRead());
    for (const code of ["A1", "A2", "B1", "B3", "D"])
      expect(section(sheets, code).charts?.length).toBeGreaterThan(0);
  });
});

describe("the no-charts option", () => {
  it("gives the sheets as they were before charts: no charts key, and nothing else moves but the chart block", () => {
    for (const language of ["both", "en", "zh-HK"] as const)
      for (const prior of [false, true]) {
        const read = fullRead({ prior });
        const off = sheetsOf(read, { language, charts: false });
        const on = sheetsOf(read, { language });
        expect(off.some((s) => "charts" in s)).toBe(false);
        expect(on.some((s) => (s.charts?.length ?? 0) > 0)).toBe(true);
        off.forEach((s, i) => expect(withoutCharts(on[i])).toEqual(s));
      }
  });
});

function overlap(a: ChartModel, b: ChartModel): boolean {
  const x = a.anchor;
  const y = b.anchor;
  return x.from.row < y.to.row && y.from.row < x.to.row && x.from.col < y.to.col && y.from.col < x.to.col;
}

/** The sheet with its charts taken out and the rows below the chart block moved back up. */
function withoutCharts(s: SheetModel): SheetModel {
  const { charts, ...rest } = s;
  if (!charts || charts.length === 0) return rest;
  const top = Math.min(...charts.map((c) => c.anchor.from.row));
  const bottom = Math.max(...charts.map((c) => c.anchor.to.row));
  const firstBelow = Math.min(...s.cells.filter((c) => c.row >= bottom).map((c) => c.row));
  // The block (charts and the row of space below them): the first cell below moves up to `top`.
  const shift = firstBelow - top;
  const move = (row: number) => (row >= bottom ? row - shift : row);
  return {
    ...rest,
    cells: s.cells.map((c) => ({ ...c, row: move(c.row) })),
    merges: s.merges.map((m) => ({ ...m, top: move(m.top), bottom: move(m.bottom) })),
    ...(s.rowHeights
      ? { rowHeights: Object.fromEntries(Object.entries(s.rowHeights).map(([r, h]) => [move(Number(r)), h])) }
      : {}),
  };
}
