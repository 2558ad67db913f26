/**
 * One chart model as a DrawingML chart part (xl/charts/chartN.xml, ECMA-376 Part 1 §21.2, root
 * c:chartSpace): a clustered or stacked column, bar, line or doughnut chart whose series refer to cells
 * of the sheet it is drawn on (c:f, "Sheet!$B$5:$B$7") and cache those cells' values (c:strCache,
 * c:numCache, §21.2.2.199 / §21.2.2.120) so a viewer that does not recalculate still draws it. Elements
 * are written in the order the schema's sequences require (dml-chart.xsd: CT_ChartSpace, CT_Chart,
 * CT_PlotArea, CT_BarChart …), which Excel enforces: a part out of order opens as "repaired".
 */
import type { AreaModel, CellModel, ChartModel, ChartSeriesModel, SheetModel } from "../../esg/types";
import { absoluteLocation, location } from "../../sheet-ref";
import { WorkbookError } from "./errors";
import { attrs, escapeText, escapeXstring } from "./xml";

export const CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const DRAWINGML_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";

/** Text colours: near black for titles, dark grey for ticks and legend (≥ 7:1 on white, WCAG 2.1 SC 1.4.3). */
const TITLE_COLOR = "000000";
const LABEL_COLOR = "404040";
const GRID_COLOR = "D9D9D9";
/** Font sizes in hundredths of a point (ST_TextFontSize, §20.1.10.72). */
const TITLE_SIZE = 1100;
const LABEL_SIZE = 800;
/** Axis ids: any unsigned int unique within the chart (§21.2.2.9). */
const CAT_AXIS = 500000001;
const VAL_AXIS = 500000002;
/** Lines and markers told apart without colour (greyscale print): dash and marker per series. */
const DASHES = ["solid", "dash", "sysDot", "lgDash"] as const;
const MARKERS = ["circle", "square", "triangle", "diamond"] as const;

type CachedCell = CellModel | undefined;

/** The model's cells by position, built once per sheet. */
export class SheetCells {
  private readonly at = new Map<string, CellModel>();
  constructor(readonly sheet: SheetModel) {
    for (const c of sheet.cells) this.at.set(`${c.row}:${c.col}`, c);
  }
  get(row: number, col: number): CachedCell {
    return this.at.get(`${row}:${col}`);
  }
  /** The cells of an area in reading order (a chart's areas are one row or one column). */
  area(a: AreaModel): CachedCell[] {
    const out: CachedCell[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(this.get(r, c));
    return out;
  }
}

const v = (text: string): string => `<c:v>${escapeText(escapeXstring(text))}</c:v>`;
const val = (tag: string, value: string | number): string => `<c:${tag} val="${value}"/>`;

function cellText(cell: CachedCell): string | null {
  const x = cell?.value;
  if (x === null || x === undefined) return null;
  if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
  return String(x);
}

function cellNumber(cell: CachedCell): number | null {
  const x = cell?.value;
  return typeof x === "number" && Number.isFinite(x) ? x : null;
}

/** c:strRef with its cache: one c:pt per cell that holds a value (an empty cell is no point). */
function strRef(f: string, cells: readonly CachedCell[]): string {
  const pts = cells
    .map((c, i) => {
      const t = cellText(c);
      return t === null ? "" : `<c:pt idx="${i}">${v(t)}</c:pt>`;
    })
    .join("");
  return `<c:strRef><c:f>${escapeText(f)}</c:f><c:strCache>${val("ptCount", cells.length)}${pts}</c:strCache></c:strRef>`;
}

/** c:numRef with its cache; an empty cell is no point (a gap). */
function numRef(f: string, cells: readonly CachedCell[]): string {
  const format = cells.find((c) => cellNumber(c) !== null)?.numberFormat ?? "General";
  const pts = cells
    .map((c, i) => {
      const n = cellNumber(c);
      return n === null ? "" : `<c:pt idx="${i}">${v(String(n))}</c:pt>`;
    })
    .join("");
  return `<c:numRef><c:f>${escapeText(f)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode>${val("ptCount", cells.length)}${pts}</c:numCache></c:numRef>`;
}

function solidFill(rgb: string): string {
  return `<a:solidFill><a:srgbClr val="${rgb.toUpperCase()}"/></a:solidFill>`;
}

/** Run properties (CT_TextCharacterProperties): fill before latin and ea (§21.1.2.3.9 sequence). */
function runProps(
  tag: "a:defRPr" | "a:rPr",
  font: string,
  size: number,
  color: string,
  bold: boolean,
): string {
  return (
    `<${tag}${attrs({ sz: size, b: bold ? 1 : 0 })}>` +
    solidFill(color) +
    `<a:latin${attrs({ typeface: font })}/><a:ea${attrs({ typeface: font })}/>` +
    `</${tag}>`
  );
}

/** c:txPr: default text properties of an element (axis ticks, legend, data labels). */
function textProps(font: string, size: number, color = LABEL_COLOR, rotation?: number): string {
  return (
    `<c:txPr><a:bodyPr${attrs({ rot: rotation, vert: rotation === undefined ? undefined : "horz" })}/><a:lstStyle/>` +
    `<a:p><a:pPr>${runProps("a:defRPr", font, size, color, false)}</a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`
  );
}

/** A title (CT_Title) as rich text: one paragraph per line, so a bilingual title stacks its languages. */
function titleXml(text: string, font: string, size: number, rotation?: number): string {
  const paragraphs = text
    .split("\n")
    .map(
      (line) =>
        `<a:p><a:pPr>${runProps("a:defRPr", font, size, TITLE_COLOR, true)}</a:pPr>` +
        `<a:r>${runProps("a:rPr", font, size, TITLE_COLOR, true)}<a:t>${escapeText(line)}</a:t></a:r></a:p>`,
    )
    .join("");
  return (
    `<c:title><c:tx><c:rich><a:bodyPr${attrs({ rot: rotation, vert: rotation === undefined ? undefined : "horz" })}/><a:lstStyle/>${paragraphs}</c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>`
  );
}

/** WCAG 2.1 relative luminance of an RRGGBB colour. */
function luminance(rgb: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(rgb.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Text colour of a label printed on a fill: black or white, whichever contrasts more (WCAG 2.1 SC 1.4.3
 * contrast ratio; black wins from a luminance of about 0.18 up).
 */
export function labelColorOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "000000" : "FFFFFF";
}

const SHOW_VALUE_ONLY =
  val("showLegendKey", 0) +
  val("showVal", 1) +
  val("showCatName", 0) +
  val("showSerName", 0) +
  val("showPercent", 0) +
  val("showBubbleSize", 0);

/**
 * Series data labels (CT_DLbls): values in the chart's number format, at a position the type allows.
 * Labels inside a fill (stacked columns, doughnut slices) take black or white by contrast with it, one
 * c:dLbl per slice on a doughnut; labels outside the bars or above the line points are dark grey.
 */
function dataLabels(chart: ChartModel, s: ChartSeriesModel, font: string): string {
  if (!chart.dataLabels) return "";
  // Excel refuses outEnd on stacked columns and any position on a doughnut (§21.2.3.11 ST_DLblPos is
  // type-dependent); centre and the default are always accepted.
  const position =
    chart.kind === "doughnut"
      ? ""
      : val("dLblPos", chart.kind === "stackedColumn" ? "ctr" : chart.kind === "line" ? "t" : "outEnd");
  const numFmt = `<c:numFmt${attrs({ formatCode: chart.numberFormat, sourceLinked: 0 })}/>`;
  const noBox = `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>`;
  const points =
    chart.kind === "doughnut"
      ? (s.pointColors ?? [])
          .map(
            (fill, i) =>
              `<c:dLbl>${val("idx", i)}${numFmt}${noBox}${textProps(font, LABEL_SIZE, labelColorOn(fill))}${SHOW_VALUE_ONLY}</c:dLbl>`,
          )
          .join("")
      : "";
  const color =
    chart.kind === "stackedColumn"
      ? labelColorOn(s.color)
      : chart.kind === "doughnut"
        ? TITLE_COLOR
        : LABEL_COLOR;
  return (
    `<c:dLbls>${points}${numFmt}${noBox}${textProps(font, LABEL_SIZE, color)}${position}${SHOW_VALUE_ONLY}` +
    (chart.kind === "doughnut" ? val("showLeaderLines", 1) : "") +
    `</c:dLbls>`
  );
}

/**
 * A chart model the writer can draw truly: areas of one row or column, as many values as categories,
 * RRGGBB colours, and no text in a value cell — LibreOffice (seen on this writer's output) and Excel
 * draw such a cell as zero, a figure the table does not state; a blank cell is a gap (dispBlanksAs).
 */
function checkShape(chart: ChartModel, cells: SheetCells): number {
  const sheet = cells.sheet;
  const fail = (why: string): never => {
    throw new WorkbookError("write-failed", `chart "${chart.id}" on sheet "${sheet.name}": ${why}`);
  };
  const length = (a: AreaModel): number => {
    if (a.top > a.bottom || a.left > a.right || a.top < 0 || a.left < 0) fail("an area is empty or negative");
    if (a.top !== a.bottom && a.left !== a.right) fail("an area is not one row or one column");
    return (a.bottom - a.top + 1) * (a.right - a.left + 1);
  };
  const n = length(chart.categories);
  if (!chart.series.length) fail("it has no series");
  for (const s of chart.series) {
    if (length(s.values) !== n) fail(`a series has ${length(s.values)} values for ${n} categories`);
    for (const c of [s.color, ...(s.pointColors ?? [])])
      if (!/^[0-9A-Fa-f]{6}$/.test(c)) fail(`colour "${c}" is not RRGGBB`);
    cells.area(s.values).forEach((cell, i) => {
      if (!cell || cell.value === null || typeof cell.value === "number") return;
      const at =
        s.values.top === s.values.bottom
          ? { row: s.values.top, col: s.values.left + i }
          : { row: s.values.top + i, col: s.values.left };
      fail(
        `value cell ${location(sheet.name, { top: at.row, left: at.col, bottom: at.row, right: at.col })} holds ${JSON.stringify(cell.value)}, which a chart draws as zero; leave the row out of the chart or the cell blank`,
      );
    });
  }
  if (chart.kind === "doughnut" && chart.series.some((s) => (s.pointColors?.length ?? n) !== n))
    fail("a doughnut needs one colour per category");
  return n;
}

function seriesXml(
  chart: ChartModel,
  s: ChartSeriesModel,
  i: number,
  cells: SheetCells,
  font: string,
): string {
  const name = sheetRef(cells.sheet, {
    top: s.name.row,
    left: s.name.col,
    bottom: s.name.row,
    right: s.name.col,
  });
  const tx = `<c:tx>${strRef(name, [cells.get(s.name.row, s.name.col)])}</c:tx>`;
  const categoryCells = cells.area(chart.categories);
  const categoryRef = sheetRef(cells.sheet, chart.categories);
  // Categories that are all numbers (years) are cached as numbers, text as text (CT_AxDataSource).
  const numeric = categoryCells.every((c) => c === undefined || c.value === null || cellNumber(c) !== null);
  const cat = `<c:cat>${numeric ? numRef(categoryRef, categoryCells) : strRef(categoryRef, categoryCells)}</c:cat>`;
  const values = `<c:val>${numRef(sheetRef(cells.sheet, s.values), cells.area(s.values))}</c:val>`;
  const head = val("idx", i) + val("order", i) + tx;
  const labels = dataLabels(chart, s, font);
  switch (chart.kind) {
    case "line": {
      const dash = DASHES[i % DASHES.length];
      return (
        `<c:ser>${head}<c:spPr><a:ln w="28575" cap="rnd">${solidFill(s.color)}<a:prstDash val="${dash}"/><a:round/></a:ln></c:spPr>` +
        `<c:marker>${val("symbol", MARKERS[i % MARKERS.length])}${val("size", 7)}<c:spPr>${solidFill(s.color)}<a:ln w="9525">${solidFill(s.color)}</a:ln></c:spPr></c:marker>` +
        `${labels}${cat}${values}${val("smooth", 0)}</c:ser>`
      );
    }
    case "doughnut": {
      // One colour per slice, each edged in white so neighbouring greys stay apart in print.
      const points = (s.pointColors ?? [])
        .map(
          (color, p) =>
            `<c:dPt>${val("idx", p)}${val("bubble3D", 0)}<c:spPr>${solidFill(color)}<a:ln w="19050">${solidFill("FFFFFF")}</a:ln></c:spPr></c:dPt>`,
        )
        .join("");
      return `<c:ser>${head}<c:spPr>${solidFill(s.color)}</c:spPr>${points}${labels}${cat}${values}</c:ser>`;
    }
    default:
      return (
        `<c:ser>${head}<c:spPr>${solidFill(s.color)}<a:ln><a:noFill/></a:ln></c:spPr>${val("invertIfNegative", 0)}` +
        `${labels}${cat}${values}</c:ser>`
      );
  }
}

function sheetRef(sheet: SheetModel, a: AreaModel): string {
  return absoluteLocation(sheet.name, a);
}

function axesXml(chart: ChartModel, font: string): string {
  const horizontal = chart.kind === "bar";
  const line = `<c:spPr><a:noFill/><a:ln w="9525">${solidFill("BFBFBF")}</a:ln></c:spPr>`;
  const catAx =
    // A bar chart lists its categories top-down in the table's order (ChartKind): the category axis runs
    // max to min and the value axis crosses it at its far (maximum) end, below the bars. c:crosses on an
    // axis says where it crosses the other one, in that one's terms (§21.2.2.33).
    `<c:catAx>${val("axId", CAT_AXIS)}<c:scaling>${val("orientation", horizontal ? "maxMin" : "minMax")}</c:scaling>${val("delete", 0)}` +
    `${val("axPos", horizontal ? "l" : "b")}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}${line}` +
    `${textProps(font, LABEL_SIZE)}${val("crossAx", VAL_AXIS)}${val("crosses", "autoZero")}${val("auto", 1)}` +
    `${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>`;
  const valAx =
    `<c:valAx>${val("axId", VAL_AXIS)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}` +
    `${val("axPos", horizontal ? "b" : "l")}` +
    `<c:majorGridlines><c:spPr><a:ln w="6350">${solidFill(GRID_COLOR)}</a:ln></c:spPr></c:majorGridlines>` +
    (chart.valueAxisTitle
      ? titleXml(chart.valueAxisTitle, font, LABEL_SIZE, horizontal ? undefined : -5400000)
      : "") +
    `<c:numFmt${attrs({ formatCode: chart.numberFormat, sourceLinked: 0 })}/>` +
    `${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${textProps(font, LABEL_SIZE)}` +
    `${val("crossAx", CAT_AXIS)}${val("crosses", horizontal ? "max" : "autoZero")}${val("crossBetween", "between")}</c:valAx>`;
  return catAx + valAx;
}

function plotXml(chart: ChartModel, cells: SheetCells, font: string): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i, cells, font)).join("");
  const axIds = val("axId", CAT_AXIS) + val("axId", VAL_AXIS);
  switch (chart.kind) {
    case "line":
      return (
        `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${series}${val("marker", 1)}${axIds}</c:lineChart>` +
        axesXml(chart, font)
      );
    case "doughnut":
      return `<c:doughnutChart>${val("varyColors", 1)}${series}${val("firstSliceAng", 0)}${val("holeSize", 55)}</c:doughnutChart>`;
    default: {
      const stacked = chart.kind === "stackedColumn";
      return (
        `<c:barChart>${val("barDir", chart.kind === "bar" ? "bar" : "col")}${val("grouping", stacked ? "stacked" : "clustered")}` +
        `${val("varyColors", 0)}${series}${val("gapWidth", 80)}${stacked ? val("overlap", 100) : ""}${axIds}</c:barChart>` +
        axesXml(chart, font)
      );
    }
  }
}

/** The chart part of one chart model drawn on `cells.sheet`. */
export function chartXml(chart: ChartModel, cells: SheetCells): string {
  const sheet = cells.sheet;
  checkShape(chart, cells);
  const font = sheet.font.name;
  const legend =
    chart.legend === "none"
      ? ""
      : `<c:legend>${val("legendPos", chart.legend === "right" ? "r" : "b")}${val("overlay", 0)}${textProps(font, LABEL_SIZE)}</c:legend>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${CHART_NS}" xmlns:a="${DRAWINGML_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    // Without roundedCorners Excel draws the chart area with rounded corners (the element's default is true).
    `${val("date1904", 0)}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title, font, TITLE_SIZE)}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${plotXml(chart, cells, font)}</c:plotArea>` +
    `${legend}${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    `<c:spPr>${solidFill("FFFFFF")}<a:ln><a:noFill/></a:ln></c:spPr>` +
    textProps(font, LABEL_SIZE) +
    `</c:chartSpace>`
  );
}
