/**
 * Read back the charts drawn on a sheet of a package: the sheet's drawing (its relationship of type
 * …/drawing), each graphic frame there that holds a chart (c:chart r:id, §21.2.2.29) and that chart part's
 * type, title, series references and cached values. The records mirror ChartModel, so the contract suite
 * can put the charts one host wrote beside the models and beside what the other host wrote; references
 * keep their sheet, because a chart in a user's workbook may draw from another sheet.
 */
import type { AreaModel, ChartKind, ChartModel } from "../../src/esg/types";
import { parseArea, splitSheetRef } from "../../src/sheet-ref";
import { openPackage, relsOf, resolveTarget, type OpenPackage } from "../../src/workbook/xlsx/package";
import { readWorkbookPart } from "../../src/workbook/xlsx/workbookPart";
import { scanXml } from "../../src/workbook/xlsx/xml";
import { entryText } from "../../src/workbook/xlsx/zip";

export interface ChartRef {
  readonly sheet: string;
  readonly area: AreaModel;
}

export interface ReadChartSeries {
  readonly name: ChartRef | null;
  readonly values: ChartRef | null;
  /** Fill (bars, series of a doughnut) or line colour, RRGGBB upper case; null when not an RGB colour. */
  readonly color: string | null;
  /** Colours of single points (a doughnut's slices), by point index. */
  readonly pointColors: readonly string[];
  /** The cached name and values (c:strCache / c:numCache), an empty point as null. */
  readonly cachedName: string | null;
  readonly cachedValues: readonly (number | null)[];
}

export interface ReadChart {
  /** Name of the graphic frame (the model's id for the charts this tool writes). */
  readonly id: string;
  /** "other" for types the disclosure sheets do not use (pie, area, scatter …). */
  readonly kind: ChartKind | "other";
  /** Title text, one line per paragraph; "" when the chart has none. */
  readonly title: string;
  readonly categories: ChartRef | null;
  readonly cachedCategories: readonly (string | number | null)[];
  readonly series: readonly ReadChartSeries[];
  /** Cell anchor, 0-based; null for a chart placed at an absolute position. */
  readonly anchor: ChartModel["anchor"] | null;
  /** Number format of the value axis (of the data labels for a doughnut), or null. */
  readonly numberFormat: string | null;
  readonly valueAxisTitle: string | null;
  readonly legend: ChartModel["legend"];
  readonly dataLabels: boolean;
}

const DRAWING_SUFFIX = "/drawing";
const CHART_SUFFIX = "/chart";

interface FrameRead {
  id: string;
  rid: string;
  anchor: ChartModel["anchor"] | null;
}

/** Attribute by local name, whatever prefix it is written with (r:id). */
function attr(a: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const [k, v] of Object.entries(a)) if (k === local || k.endsWith(`:${local}`)) return v;
  return undefined;
}

/** The graphic frames holding a chart in a drawing part, with their anchors. */
function framesOf(xml: string, label: string, part: string): FrameRead[] {
  const frames: FrameRead[] = [];
  const stack: string[] = [];
  let anchor: { from: { row: number; col: number }; to: { row: number; col: number } } | null = null;
  let twoCell = false;
  let name = "";
  let text = "";
  scanXml(
    xml,
    {
      open: (el) => {
        stack.push(el.local);
        text = "";
        if (el.depth === 1) {
          twoCell = el.local === "twoCellAnchor";
          anchor = { from: { row: 0, col: 0 }, to: { row: 0, col: 0 } };
          name = "";
        }
        if (el.local === "cNvPr" && stack.includes("graphicFrame")) name = el.attributes.name ?? "";
        if (el.local === "chart" && stack.includes("graphicData"))
          frames.push({ id: name, rid: attr(el.attributes, "id") ?? "", anchor: null });
      },
      text: (t) => {
        text += t;
      },
      close: (el) => {
        const parent = stack[stack.length - 2];
        if (anchor && (parent === "from" || parent === "to") && (el.local === "row" || el.local === "col"))
          anchor[parent][el.local] = Number(text.trim());
        if (el.depth === 1 && twoCell && anchor)
          for (let i = frames.length - 1; i >= 0 && frames[i].anchor === null; i--) frames[i].anchor = anchor;
        stack.pop();
      },
    },
    label,
    part,
  );
  return frames;
}

function chartRef(f: string | null): ChartRef | null {
  if (f === null) return null;
  const split = splitSheetRef(f);
  const area = split ? parseArea(split.area) : null;
  return split && area ? { sheet: split.sheet, area } : null;
}

interface SeriesDraft {
  name: string | null;
  values: string | null;
  categories: string | null;
  color: string | null;
  pointColors: string[];
  cachedName: string | null;
  cachedValues: (number | null)[];
  cachedCategories: (string | number | null)[];
  labels: boolean;
}

/** Read one chart part. */
function readChartPart(xml: string, label: string, part: string, frame: FrameRead): ReadChart {
  const stack: string[] = [];
  let kind: ChartKind | "other" | null = null;
  let barDir = "col";
  let grouping = "clustered";
  const titleLines: string[][] = [];
  const axisTitleLines: string[][] = [];
  let numberFormat: string | null = null;
  let labelFormat: string | null = null;
  let legend: ChartModel["legend"] = "none";
  const series: SeriesDraft[] = [];
  let ser: SeriesDraft | null = null;
  let titleTarget: string[][] | null = null;
  let text = "";
  let point = -1;
  let cacheKind: "str" | "num" | null = null;
  const within = (name: string): boolean => stack.includes(name);
  scanXml(
    xml,
    {
      open: (el) => {
        stack.push(el.local);
        text = "";
        const a = el.attributes;
        switch (el.local) {
          case "barChart":
          case "lineChart":
          case "doughnutChart":
            kind ??= el.local === "lineChart" ? "line" : el.local === "doughnutChart" ? "doughnut" : "column";
            break;
          case "pieChart":
          case "pie3DChart":
          case "areaChart":
          case "area3DChart":
          case "bar3DChart":
          case "line3DChart":
          case "scatterChart":
          case "radarChart":
          case "bubbleChart":
          case "stockChart":
          case "surfaceChart":
          case "ofPieChart":
            kind ??= "other";
            break;
          case "barDir":
            barDir = a.val ?? "col";
            break;
          case "grouping":
            if (within("barChart")) grouping = a.val ?? "clustered";
            break;
          case "ser":
            ser = {
              name: null,
              values: null,
              categories: null,
              color: null,
              pointColors: [],
              cachedName: null,
              cachedValues: [],
              cachedCategories: [],
              labels: false,
            };
            break;
          case "title": {
            const owner = stack[stack.length - 2];
            titleTarget = owner === "chart" ? titleLines : owner === "valAx" ? axisTitleLines : null;
            break;
          }
          case "p":
            if (within("rich")) titleTarget?.push([]);
            break;
          case "numFmt":
            if (within("valAx") && !within("title")) numberFormat = a.formatCode ?? null;
            else if (within("dLbls")) labelFormat = a.formatCode ?? null;
            break;
          case "legendPos":
            legend = a.val === "r" ? "right" : "bottom";
            break;
          case "showVal":
            if (ser && within("dLbls") && (a.val === "1" || a.val === "true")) ser.labels = true;
            break;
          case "strCache":
          case "numCache":
            cacheKind = el.local === "strCache" ? "str" : "num";
            break;
          case "pt":
            point = Number(a.idx ?? -1);
            break;
          case "srgbClr":
            if (!ser || within("dLbls") || within("marker")) break;
            if (within("dPt")) {
              if (!within("ln")) ser.pointColors.push((a.val ?? "").toUpperCase());
            } else if (within("spPr") && within("solidFill") && ser.color === null)
              ser.color = (a.val ?? "").toUpperCase();
            break;
        }
      },
      text: (t) => {
        text += t;
      },
      close: (el) => {
        const parent = stack[stack.length - 2];
        if (el.local === "t" && within("rich")) titleTarget?.[titleTarget.length - 1]?.push(text);
        else if (el.local === "title") titleTarget = null;
        else if (ser && el.local === "f") {
          if (within("tx")) ser.name = text;
          else if (within("val")) ser.values = text;
          else if (within("cat")) ser.categories = text;
        } else if (ser && el.local === "v" && parent === "pt") {
          const cached = cacheKind === "num" ? Number(text) : text;
          if (within("tx")) ser.cachedName = text;
          else if (within("val")) ser.cachedValues[point] = Number(text);
          else if (within("cat")) ser.cachedCategories[point] = cached;
        } else if (el.local === "ser" && ser) {
          series.push(ser);
          ser = null;
        }
        stack.pop();
      },
    },
    label,
    part,
  );
  // A cache lists only the points that hold a value: the others read as null.
  const dense = <T>(xs: readonly (T | undefined)[], n: number): (T | null)[] =>
    Array.from({ length: Math.max(n, xs.length) }, (_, i) => xs[i] ?? null);
  const first = series[0];
  const categories = chartRef(first?.categories ?? null);
  const count = categories
    ? (categories.area.bottom - categories.area.top + 1) * (categories.area.right - categories.area.left + 1)
    : 0;
  const resolved: ChartKind | "other" =
    kind === "column"
      ? barDir === "bar"
        ? "bar"
        : grouping === "stacked"
          ? "stackedColumn"
          : grouping === "clustered"
            ? "column"
            : "other"
      : (kind ?? "other");
  return {
    id: frame.id,
    kind: resolved,
    title: titleLines.map((l) => l.join("")).join("\n"),
    categories,
    cachedCategories: dense(first?.cachedCategories ?? [], count),
    series: series.map((s) => ({
      name: chartRef(s.name),
      values: chartRef(s.values),
      color: s.color,
      pointColors: s.pointColors,
      cachedName: s.cachedName,
      cachedValues: dense(s.cachedValues, count),
    })),
    anchor: frame.anchor,
    numberFormat: numberFormat ?? labelFormat,
    valueAxisTitle: axisTitleLines.length ? axisTitleLines.map((l) => l.join("")).join("\n") : null,
    legend,
    dataLabels: series.length > 0 && series.every((s) => s.labels),
  };
}

/** The charts drawn on sheet `sheet` (by name, as Excel compares names: case-insensitive), in drawing order. */
export function readSheetCharts(source: Buffer | OpenPackage, sheet: string): ReadChart[] {
  const pkg = Buffer.isBuffer(source) ? openPackage(source, "workbook") : source;
  const raw = readWorkbookPart(pkg).sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (!raw?.path) return [];
  const out: ReadChart[] = [];
  for (const rel of relsOf(pkg, raw.path)) {
    if (rel.external || !rel.type.endsWith(DRAWING_SUFFIX)) continue;
    const drawingPath = resolveTarget(raw.path, rel.target);
    const drawing = entryText(pkg.zip, drawingPath, pkg.label);
    if (drawing === null) continue;
    const targets = new Map(
      relsOf(pkg, drawingPath)
        .filter((r) => !r.external && r.type.endsWith(CHART_SUFFIX))
        .map((r) => [r.id, resolveTarget(drawingPath, r.target)]),
    );
    for (const frame of framesOf(drawing, pkg.label, drawingPath)) {
      const chartPath = targets.get(frame.rid);
      const xml = chartPath ? entryText(pkg.zip, chartPath, pkg.label) : null;
      if (chartPath && xml !== null) out.push(readChartPart(xml, pkg.label, chartPath, frame));
    }
  }
  return out;
}

/**
 * A read chart as the model it was written from, when every reference lies on `sheet`; otherwise the
 * reason it cannot be one. Colours of a doughnut's slices come back as pointColors.
 */
export function asChartModel(chart: ReadChart, sheet: string): ChartModel | string {
  const onSheet = (r: ChartRef | null, what: string): AreaModel | string =>
    r === null
      ? `${what} has no reference`
      : r.sheet !== sheet
        ? `${what} refers to sheet "${r.sheet}"`
        : r.area;
  if (chart.kind === "other") return `chart "${chart.id}" is of a type the disclosures do not use`;
  if (!chart.anchor) return `chart "${chart.id}" is not anchored to cells`;
  const categories = onSheet(chart.categories, "the categories");
  if (typeof categories === "string") return categories;
  const series: ChartModel["series"][number][] = [];
  for (const s of chart.series) {
    const values = onSheet(s.values, "a series");
    const name = onSheet(s.name, "a series name");
    if (typeof values === "string") return values;
    if (typeof name === "string") return name;
    if (s.color === null) return `a series of chart "${chart.id}" has no RGB colour`;
    series.push({
      name: { row: name.top, col: name.left },
      values,
      color: s.color,
      ...(s.pointColors.length ? { pointColors: s.pointColors } : {}),
    });
  }
  return {
    id: chart.id,
    kind: chart.kind,
    title: chart.title,
    categories,
    series,
    anchor: chart.anchor,
    numberFormat: chart.numberFormat ?? "General",
    ...(chart.valueAxisTitle !== null ? { valueAxisTitle: chart.valueAxisTitle } : {}),
    legend: chart.legend,
    dataLabels: chart.dataLabels,
  };
}
