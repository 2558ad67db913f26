/**
 * Charts in the fake: Worksheet.charts, Chart, its title, legend, data labels, axes, series and points,
 * the members the adapter uses and nothing more. Requirement sets per member as @types/office-js gives
 * them (ChartCollection.add, Chart.name/title/legend/dataLabels/axes/series/setPosition, ChartSeries.name,
 * format.fill.setSolidColor, format.line.color, points: ExcelApi 1.1; ChartSeriesCollection.add,
 * ChartSeries.setValues/setXAxisValues, ChartAxis.reversePlotOrder: 1.7; ChartDataLabels.numberFormat,
 * ChartAxis.numberFormat and ChartAxis.position: 1.8). What the docs say of each is cited where it is
 * modelled; what they leave open is refused as "not modelled", so the adapter never relies on a guess.
 *
 * One check is this project's rule, not Excel's: a chart's data (ChartCollection.add's sourceData,
 * setValues, setXAxisValues) must be cells of the sheet the chart is on (the engine plans charts over
 * their own sheet's tables, so that they follow the table; issue 14). Excel accepts another sheet's
 * range; the fake refuses it with InvalidArgument so that a test sees the mistake.
 */
import { formatArea as rectAddress, parseArea, type Area as Rect } from "../../../src/sheet-ref";
import type {
  XChart,
  XChartAxes,
  XChartAxis,
  XChartAxisTitle,
  XChartCollection,
  XChartDataLabels,
  XChartFill,
  XChartLegend,
  XChartLineFormat,
  XChartPoint,
  XChartPointFormat,
  XChartPointsCollection,
  XChartSeries,
  XChartSeriesCollection,
  XChartSeriesFormat,
  XChartTitle,
  XRange,
} from "../../../src/workbook/office/excel-api";
import { fail } from "./errors";
import type { FakeRange, FakeWorksheet } from "./objects";
import { FakeProxy, type FakeContextBase } from "./proxy";
import type { FakeChart, FakeChartRef, FakeChartSeries, FakeSheet } from "./state";

/** The Excel.ChartType values the fake draws (of the enum's many; others are not modelled). */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "Line",
  "LineMarkers",
  "Doughnut",
]);
/** Excel.ChartLegendPosition. */
const LEGEND_POSITIONS = new Set(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]);
/** Excel.ChartAxisPosition. */
const AXIS_POSITIONS = new Set(["Automatic", "Maximum", "Minimum", "Custom"]);

/** ChartFill.setSolidColor: "in the form #RRGGBB … or as a named HTML color"; the fake models the first form. */
function htmlColor(color: string): string {
  if (!/^#[0-9A-Fa-f]{6}$/.test(color))
    fail("InvalidArgument", `fake Excel: colour "${color}" is not modelled (#RRGGBB only)`);
  return color.toUpperCase();
}

function defaultAxis(): FakeChart["valueAxis"] {
  return { title: "", numberFormat: null, reversePlotOrder: false, position: "Automatic" };
}

/** A range given to a chart, on the chart's own sheet (this project's rule: see the header). */
function onSheet(range: XRange | string, sheet: FakeSheet, what: string): FakeChartRef {
  if (typeof range === "string") {
    const rect = parseArea(range);
    if (!rect) fail("InvalidArgument", `Invalid range address "${range}" (${what}).`);
    return { rect };
  }
  const e = (range as FakeRange).entity();
  if (e.sheet !== sheet)
    fail(
      "InvalidArgument",
      `fake Excel: ${what} is on sheet "${e.sheet.name}", not on the chart's sheet "${sheet.name}" (project rule)`,
    );
  return { rect: e.rect };
}

function lines(rect: Rect, by: "Columns" | "Rows"): Rect[] {
  const out: Rect[] = [];
  if (by === "Columns")
    for (let c = rect.left; c <= rect.right; c++) out.push({ ...rect, left: c, right: c });
  else for (let r = rect.top; r <= rect.bottom; r++) out.push({ ...rect, top: r, bottom: r });
  return out;
}

export class FakeChartCollection implements XChartCollection {
  constructor(
    private readonly ctx: FakeContextBase,
    private readonly sheet: FakeWorksheet,
  ) {}

  /**
   * ChartCollection.add (ExcelApi 1.1): "Creates a new chart" of `type` over `sourceData`, its series by
   * `seriesBy` ("Specifies the way columns or rows are used as data series on the chart"). The fake
   * takes every column (or row) as one series of values, with no header detection: "Auto" is not modelled.
   */
  add(type: string, sourceData: XRange, seriesBy?: string): FakeChartProxy {
    if (seriesBy !== "Columns" && seriesBy !== "Rows")
      throw new Error(
        `fake Excel: charts.add with seriesBy ${String(seriesBy)} is not modelled (Columns or Rows)`,
      );
    let created: FakeChart | null = null;
    const chart = new FakeChartProxy(this.ctx, () => created, `charts.add(${type})`);
    this.sheet.sheetCommand(
      "charts.add",
      { type, seriesBy },
      (s) => {
        if (!CHART_TYPES.has(type)) fail("InvalidArgument", `fake Excel: chart type ${type} is not modelled`);
        const source = onSheet(sourceData, s, "the chart's source data");
        created = {
          name: `Chart ${s.charts.length + 1}`,
          type,
          title: "",
          position: null,
          series: lines(source.rect, seriesBy).map((rect) => ({
            name: "",
            values: { rect },
            xValues: null,
            fill: null,
            line: null,
            pointFills: [],
          })),
          legend: { visible: true, position: "Right" },
          dataLabels: { showValue: false, numberFormat: null },
          valueAxis: defaultAxis(),
          categoryAxis: defaultAxis(),
        };
        s.charts.push(created);
        chart.markSynced();
        chart.sheetOf = s;
      },
      "1.1",
    );
    return chart;
  }
}

export class FakeChartProxy extends FakeProxy<FakeChart> implements XChart {
  /** The sheet the chart is on, once the add has run. */
  sheetOf: FakeSheet | null = null;

  constructor(ctx: FakeContextBase, resolver: () => FakeChart | null, label: string) {
    super(ctx, resolver, false, label, false);
  }
  protected override alive(c: FakeChart): boolean {
    return this.ctx.runtime.wb.sheets.some((s) => s.charts.includes(c));
  }
  protected loadable(): Record<string, { minApi?: string; get: (c: FakeChart) => unknown }> {
    return { name: { get: (c) => c.name } };
  }
  get chartLabel(): string {
    return this.label;
  }
  /** A command on this chart (for its parts). */
  chartCommand(name: string, args: unknown, apply: (c: FakeChart) => void, minApi: string): void {
    this.command(name, args, apply, minApi);
  }
  sheet(): FakeSheet {
    const s = this.sheetOf;
    if (!s) fail("ItemNotFound", `The chart's sheet is not known (${this.label}).`);
    return s;
  }

  get name(): string {
    return this.read("name");
  }
  /** Chart.name (ExcelApi 1.1): "Specifies the name of a chart object." */
  set name(value: string) {
    this.command("name", value, (c) => (c.name = value), "1.1");
  }
  get title(): XChartTitle {
    return new FakeChartTitle(this);
  }
  get legend(): XChartLegend {
    return new FakeChartLegend(this);
  }
  get dataLabels(): XChartDataLabels {
    return new FakeChartDataLabels(this);
  }
  get axes(): XChartAxes {
    return {
      valueAxis: new FakeChartAxis(this, "valueAxis"),
      categoryAxis: new FakeChartAxis(this, "categoryAxis"),
    };
  }
  get series(): XChartSeriesCollection {
    return new FakeChartSeriesCollection(this.ctx, this);
  }
  /**
   * Chart.setPosition (ExcelApi 1.1): "Positions the chart relative to cells on the worksheet"; with an
   * end cell "the chart's width and height will be set to fully cover up this cell/range".
   */
  setPosition(startCell: XRange | string, endCell?: XRange | string): void {
    this.command(
      "setPosition",
      {
        start: typeof startCell === "string" ? startCell : "range",
        end: typeof endCell === "string" ? endCell : "range",
      },
      (c) => {
        const s = this.sheet();
        const start = onSheet(startCell, s, "the chart's start cell").rect;
        const end = endCell === undefined ? null : onSheet(endCell, s, "the chart's end cell").rect;
        c.position = { start, end };
      },
      "1.1",
    );
  }
}

class FakeChartTitle implements XChartTitle {
  constructor(private readonly chart: FakeChartProxy) {}
  get text(): string {
    return fail("PropertyNotLoaded", "chart.title.text");
  }
  /** ChartTitle.text (ExcelApi 1.1). */
  set text(v: string) {
    this.chart.chartCommand("title.text", v, (c) => (c.title = v), "1.1");
  }
}

class FakeChartLegend implements XChartLegend {
  constructor(private readonly chart: FakeChartProxy) {}
  get visible(): boolean {
    return fail("PropertyNotLoaded", "chart.legend.visible");
  }
  /** ChartLegend.visible (ExcelApi 1.1). */
  set visible(v: boolean) {
    this.chart.chartCommand("legend.visible", v, (c) => (c.legend.visible = v), "1.1");
  }
  get position(): string {
    return fail("PropertyNotLoaded", "chart.legend.position");
  }
  /** ChartLegend.position (ExcelApi 1.1), one of Excel.ChartLegendPosition. */
  set position(v: string) {
    this.chart.chartCommand(
      "legend.position",
      v,
      (c) => {
        if (!LEGEND_POSITIONS.has(v)) fail("InvalidArgument", `legend position ${v}`);
        c.legend.position = v;
      },
      "1.1",
    );
  }
}

class FakeChartDataLabels implements XChartDataLabels {
  constructor(private readonly chart: FakeChartProxy) {}
  get showValue(): boolean {
    return fail("PropertyNotLoaded", "chart.dataLabels.showValue");
  }
  /** ChartDataLabels.showValue (ExcelApi 1.1). */
  set showValue(v: boolean) {
    this.chart.chartCommand("dataLabels.showValue", v, (c) => (c.dataLabels.showValue = v), "1.1");
  }
  get numberFormat(): string {
    return fail("PropertyNotLoaded", "chart.dataLabels.numberFormat");
  }
  /** ChartDataLabels.numberFormat (ExcelApi 1.8). */
  set numberFormat(v: string) {
    this.chart.chartCommand("dataLabels.numberFormat", v, (c) => (c.dataLabels.numberFormat = v), "1.8");
  }
}

class FakeChartAxis implements XChartAxis {
  constructor(
    private readonly chart: FakeChartProxy,
    private readonly which: "valueAxis" | "categoryAxis",
  ) {}
  set(name: string, v: unknown, apply: (a: FakeChart["valueAxis"]) => void, minApi: string): void {
    this.chart.chartCommand(
      `axes.${this.which}.${name}`,
      v,
      (c) => {
        // A doughnut has no axes; what Excel does with an axis of one is not documented: not modelled.
        if (c.type === "Doughnut")
          fail("InvalidArgument", "fake Excel: the axes of a doughnut chart are not modelled");
        apply(c[this.which]);
      },
      minApi,
    );
  }
  get title(): XChartAxisTitle {
    return new FakeAxisTitle((v) => this.set("title.text", v, (a) => (a.title = v), "1.1"));
  }
  get numberFormat(): string {
    return fail("PropertyNotLoaded", "axis.numberFormat");
  }
  /** ChartAxis.numberFormat (ExcelApi 1.8). */
  set numberFormat(v: string) {
    this.set("numberFormat", v, (a) => (a.numberFormat = v), "1.8");
  }
  get reversePlotOrder(): boolean {
    return fail("PropertyNotLoaded", "axis.reversePlotOrder");
  }
  /** ChartAxis.reversePlotOrder (ExcelApi 1.7): "Specifies if Excel plots data points from last to first." */
  set reversePlotOrder(v: boolean) {
    this.set("reversePlotOrder", v, (a) => (a.reversePlotOrder = v), "1.7");
  }
  get position(): string {
    return fail("PropertyNotLoaded", "axis.position");
  }
  /** ChartAxis.position (ExcelApi 1.8): "Specifies the specified axis position where the other axis crosses." */
  set position(v: string) {
    this.set(
      "position",
      v,
      (a) => {
        if (!AXIS_POSITIONS.has(v)) fail("InvalidArgument", `axis position ${v}`);
        a.position = v;
      },
      "1.8",
    );
  }
}

class FakeAxisTitle implements XChartAxisTitle {
  constructor(private readonly setText: (v: string) => void) {}
  get text(): string {
    return fail("PropertyNotLoaded", "axis.title.text");
  }
  /** ChartAxisTitle.text (ExcelApi 1.1). */
  set text(v: string) {
    this.setText(v);
  }
}

class FakeLineFormat implements XChartLineFormat {
  constructor(private readonly series: FakeChartSeriesProxy) {}
  get color(): string {
    return fail("PropertyNotLoaded", "series.format.line.color");
  }
  /** ChartLineFormat.color (ExcelApi 1.1): "HTML color code representing the color of lines in the chart." */
  set color(v: string) {
    this.series.seriesCommand("format.line.color", v, (s) => (s.line = htmlColor(v)), "1.1");
  }
}

class FakeChartSeriesCollection implements XChartSeriesCollection {
  constructor(
    private readonly ctx: FakeContextBase,
    private readonly chart: FakeChartProxy,
  ) {}
  /** ChartSeriesCollection.getItemAt (ExcelApi 1.1): a missing index fails the batch (ItemNotFound). */
  getItemAt(index: number): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(
      this.ctx,
      this.chart,
      () => this.chart.resolveNow()?.series[index] ?? null,
      `${this.chart.chartLabel}.series.getItemAt(${index})`,
      true,
    );
  }
  /** ChartSeriesCollection.add (ExcelApi 1.7): "Add a new series to the collection", named `name`; appended. */
  add(name?: string, index?: number | null): FakeChartSeriesProxy {
    // office.js sends an absent index as null over the wire (the stand-in passes the request's arguments on).
    if (index !== undefined && index !== null)
      throw new Error("fake Excel: series.add with an index is not modelled");
    let created: FakeChartSeries | null = null;
    const series = new FakeChartSeriesProxy(
      this.ctx,
      this.chart,
      () => created,
      `${this.chart.chartLabel}.series.add(${name ?? ""})`,
      false,
    );
    this.chart.chartCommand(
      "series.add",
      name ?? null,
      (c) => {
        created = { name: name ?? "", values: null, xValues: null, fill: null, line: null, pointFills: [] };
        c.series.push(created);
        series.markSynced();
      },
      "1.7",
    );
    return series;
  }
}

export class FakeChartSeriesProxy extends FakeProxy<FakeChartSeries> implements XChartSeries {
  constructor(
    ctx: FakeContextBase,
    private readonly chart: FakeChartProxy,
    resolver: () => FakeChartSeries | null,
    label: string,
    queueResolve: boolean,
  ) {
    super(ctx, resolver, false, label, queueResolve);
  }
  protected loadable(): Record<string, { minApi?: string; get: (s: FakeChartSeries) => unknown }> {
    return { name: { get: (s) => s.name } };
  }
  seriesCommand(name: string, args: unknown, apply: (s: FakeChartSeries) => void, minApi: string): void {
    this.command(name, args, apply, minApi);
  }
  get name(): string {
    return this.read("name");
  }
  /** ChartSeries.name (ExcelApi 1.1): "Specifies the name of a series in a chart." */
  set name(v: string) {
    this.command("name", v, (s) => (s.name = v), "1.1");
  }
  /** ChartSeries.setValues (ExcelApi 1.7): "Sets the values for a chart series." */
  setValues(sourceData: XRange): void {
    this.command(
      "setValues",
      "range",
      (s) => (s.values = onSheet(sourceData, this.chart.sheet(), "a series' values")),
      "1.7",
    );
  }
  /** ChartSeries.setXAxisValues (ExcelApi 1.7): "Sets the values of the x-axis for a chart series." */
  setXAxisValues(sourceData: XRange): void {
    this.command(
      "setXAxisValues",
      "range",
      (s) => (s.xValues = onSheet(sourceData, this.chart.sheet(), "a series' categories")),
      "1.7",
    );
  }
  get format(): XChartSeriesFormat {
    const fill: XChartFill = {
      /** ChartFill.setSolidColor (ExcelApi 1.1). */
      setSolidColor: (color: string) =>
        this.seriesCommand("format.fill.setSolidColor", color, (s) => (s.fill = htmlColor(color)), "1.1"),
    };
    return { fill, line: new FakeLineFormat(this) };
  }
  get points(): XChartPointsCollection {
    return {
      /** ChartPointsCollection.getItemAt (ExcelApi 1.1): a point past the series' values fails the batch. */
      getItemAt: (index: number): XChartPoint => {
        const fill: XChartFill = {
          setSolidColor: (color: string) =>
            this.seriesCommand(
              `points.getItemAt(${index}).format.fill.setSolidColor`,
              color,
              (s) => {
                const count = s.values
                  ? (s.values.rect.bottom - s.values.rect.top + 1) *
                    (s.values.rect.right - s.values.rect.left + 1)
                  : 0;
                if (!Number.isInteger(index) || index < 0 || index >= count)
                  fail("ItemNotFound", `The requested resource doesn't exist (point ${index} of ${count}).`);
                while (s.pointFills.length <= index) s.pointFills.push(null);
                s.pointFills[index] = htmlColor(color);
              },
              "1.1",
            ),
        };
        const format: XChartPointFormat = { fill };
        return { format };
      },
    };
  }
}

/** The address of a chart reference, for messages and records. */
export function refAddress(r: FakeChartRef | null): string | null {
  return r === null ? null : rectAddress(r.rect);
}
