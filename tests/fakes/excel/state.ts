/**
 * The workbook the fake Excel holds: sheets with cells, formats, names and layout. Tests read it
 * directly (snapshot) to see what a write left behind; the adapter only reaches it through the API.
 */
import { formatArea as rectAddress, parseArea, quoteSheet, type Area as Rect } from "../../../src/sheet-ref";

export type FakeScalar = number | string | boolean | { readonly error: string } | null;

export interface FakeBorder {
  style: string;
  weight: string;
}

export interface FakeCellFormat {
  font: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  borders: { top?: FakeBorder; bottom?: FakeBorder; left?: FakeBorder; right?: FakeBorder };
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
}

export interface FakeCell {
  value: FakeScalar;
  /** "=…" when the cell holds a formula; `value` is then its result, null until calculated (calc.ts). */
  formula: string | null;
  numberFormat: string;
  format: FakeCellFormat;
}

export interface FakeName {
  name: string;
  /** Without "=". */
  refersTo: string;
  visible: boolean;
  comment: string;
  /** Result of a formula name (the fake does not evaluate formulas). */
  cached?: FakeScalar;
}

/** A cell area a chart refers to: always on the chart's own sheet (the fake refuses any other: charts.ts). */
export interface FakeChartRef {
  readonly rect: Rect;
}

export interface FakeChartSeries {
  name: string;
  values: FakeChartRef | null;
  xValues: FakeChartRef | null;
  /** "#RRGGBB" set by format.fill.setSolidColor / format.line.color, else null (Excel's automatic colour). */
  fill: string | null;
  line: string | null;
  /** Fill of single points (ChartPoint.format.fill), by point index. */
  pointFills: (string | null)[];
}

/** A chart on a sheet (Worksheet.charts), as the Excel JavaScript API sets it up. */
export interface FakeChart {
  name: string;
  /** Excel.ChartType. */
  type: string;
  title: string;
  /** Chart.setPosition: the top-left cell and the cell the chart covers to; null until set. */
  position: { start: Rect; end: Rect | null } | null;
  series: FakeChartSeries[];
  legend: { visible: boolean; position: string };
  dataLabels: { showValue: boolean; numberFormat: string | null };
  valueAxis: { title: string; numberFormat: string | null; reversePlotOrder: boolean; position: string };
  categoryAxis: { title: string; numberFormat: string | null; reversePlotOrder: boolean; position: string };
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  cells: Map<string, FakeCell>;
  names: FakeName[];
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  freeze: { rows: number; columns: number } | null;
  pageLayout: { paperSize: string; orientation: string; zoom: Record<string, number> };
  charts: FakeChart[];
}

export interface FakeWorkbook {
  sheets: FakeSheet[];
  names: FakeName[];
  nextId: number;
  /** The sheet shown in Excel's window (Worksheet.activate); the first visible sheet when unset. */
  activeSheetId?: string;
  /** What Range.select selected last, as "Sheet" and "B2:C4". */
  selection?: { sheet: string; address: string };
}

export const key = (r: number, c: number): string => `${r},${c}`;

export function emptyCell(): FakeCell {
  return { value: null, formula: null, numberFormat: "General", format: { font: {}, borders: {} } };
}

export function newSheet(wb: FakeWorkbook, name: string): FakeSheet {
  return {
    id: `{${String(wb.nextId++).padStart(8, "0")}-FAKE}`,
    name,
    visibility: "Visible",
    tabColor: "",
    cells: new Map(),
    names: [],
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    freeze: null,
    pageLayout: { paperSize: "Letter", orientation: "Portrait", zoom: { scale: 100 } },
    charts: [],
  };
}

export function cellAt(sheet: FakeSheet, r: number, c: number): FakeCell {
  let cell = sheet.cells.get(key(r, c));
  if (!cell) sheet.cells.set(key(r, c), (cell = emptyCell()));
  return cell;
}

export function findSheet(wb: FakeWorkbook, name: string): FakeSheet | undefined {
  const u = name.toLocaleUpperCase();
  return wb.sheets.find((s) => s.name.toLocaleUpperCase() === u);
}

export function isDefaultCell(c: FakeCell): boolean {
  return c.value === null && c.formula === null && c.numberFormat === "General" && JSON.stringify(c.format) === '{"font":{},"borders":{}}';
}

/** The used range: bounding box of cells with content (valuesOnly) or any non-default cell; A1 when none. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [k, c] of sheet.cells) {
    const has = valuesOnly ? c.value !== null || c.formula !== null : !isDefaultCell(c);
    if (!has) continue;
    const [r, col] = k.split(",").map(Number);
    top = Math.min(top, r);
    left = Math.min(left, col);
    bottom = Math.max(bottom, r);
    right = Math.max(right, col);
  }
  return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
}

/** Names by name: NamedItemCollection.add takes no position, so a name's place in the collection is not part of the picture. */
function byName(names: readonly FakeName[]): FakeName[] {
  return names.map((n) => ({ ...n })).sort((a, b) => (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : a.name.toUpperCase() > b.name.toUpperCase() ? 1 : 0));
}

/** A comparable picture of the whole workbook: sheets in order with every non-default cell, workbook-scoped names by name. */
export function snapshot(wb: FakeWorkbook): unknown {
  return {
    names: byName(wb.names),
    sheets: wb.sheets.map((s) => snapshotSheet(s)),
  };
}

export function snapshotSheet(s: FakeSheet, withId = true): unknown {
  const cells = [...s.cells.entries()]
    .filter(([, c]) => !isDefaultCell(c))
    .sort((a, b) => {
      const [ra, ca] = a[0].split(",").map(Number);
      const [rb, cb] = b[0].split(",").map(Number);
      return ra - rb || ca - cb;
    })
    .map(([k, c]) => {
      const [r, col] = k.split(",").map(Number);
      return [rectAddress({ top: r, left: col, bottom: r, right: col }), JSON.parse(JSON.stringify(c))];
    });
  return {
    ...(withId ? { id: s.id } : {}),
    name: s.name,
    visibility: s.visibility,
    tabColor: s.tabColor,
    names: s.names.map((n) => ({ ...n })),
    merges: s.merges.map(rectAddress),
    columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
    rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
    freeze: s.freeze,
    pageLayout: s.pageLayout,
    ...(s.charts.length > 0 ? { charts: s.charts.map(snapshotChart) } : {}),
    cells,
  };
}

/** A chart with its references as addresses (the fake keeps a chart's data on its own sheet: charts.ts). */
export function snapshotChart(c: FakeChart): unknown {
  const ref = (r: FakeChartRef | null) => (r === null ? null : rectAddress(r.rect));
  return {
    ...c,
    position: c.position && { start: rectAddress(c.position.start), end: c.position.end && rectAddress(c.position.end) },
    series: c.series.map((x) => ({ ...x, values: ref(x.values), xValues: ref(x.xValues) })),
  };
}

/** Rewrites sheet references in every name when a sheet is renamed (Excel follows the rename) or deleted (#REF!). */
export function retargetNames(wb: FakeWorkbook, from: string, to: string | null): void {
  const pattern = new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRe(quoteSheet(from))}!`, "gi");
  const apply = (n: FakeName): void => {
    n.refersTo = n.refersTo.replace(pattern, (_m, pre: string) => (to === null ? `${pre}#REF!` : `${pre}${quoteSheet(to)}!`));
  };
  wb.names.forEach(apply);
  wb.sheets.forEach((s) => s.names.forEach(apply));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export { parseArea };
