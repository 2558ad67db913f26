/**
 * The part of the Excel JavaScript API this adapter uses, as narrow structural types.
 *
 * The adapter is written against these rather than the global `Excel` namespace so that the real API
 * (see real.ts, which checks at compile time that `Excel.RequestContext` fits) and the strict fake in
 * tests/fakes/excel can both be injected. Enum-typed properties are typed `string` here because
 * Excel's string enums are not assignable to literal unions; values are narrowed where they are read.
 */

/** Every proxy: properties are readable only after `load()` and `sync()` (else PropertyNotLoaded). */
export interface XProxy {
  /** Set after a sync for objects from `*OrNullObject` methods; never test the proxy itself for null. */
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
}

export interface XRequestContext {
  readonly workbook: XWorkbook;
  readonly application: XApplication;
  sync(): Promise<void>;
}

export interface XApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9: once per batch, never in a loop (docs: repeated calls make the window flicker). */
  suspendScreenUpdatingUntilNextSync(): void;
  calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
}

export interface XWorkbook {
  readonly worksheets: XWorksheetCollection;
  /** Workbook-scoped names only (ExcelApi 1.1); sheet-scoped ones are in each `XWorksheet.names`. */
  readonly names: XNamedItemCollection;
}

export interface XWorksheetCollection extends XProxy {
  readonly items: XWorksheet[];
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
  add(name?: string): XWorksheet;
  /** ExcelApi 1.1. */
  getActiveWorksheet(): XWorksheet;
}

export interface XWorksheet extends XProxy {
  readonly id: string;
  name: string;
  /** "Visible" | "Hidden" | "VeryHidden" (readable from ExcelApi 1.1, writable from 1.2). */
  visibility: string;
  position: number;
  /** ExcelApi 1.7; "#RRGGBB". */
  tabColor: string;
  /** ExcelApi 1.4. */
  readonly names: XNamedItemCollection;
  /** ExcelApi 1.7. */
  readonly freezePanes: XFreezePanes;
  /** ExcelApi 1.9. */
  readonly pageLayout: XPageLayout;
  /** ExcelApi 1.1. */
  readonly charts: XChartCollection;
  getRange(address?: string): XRange;
  getUsedRange(valuesOnly?: boolean): XRange;
  delete(): void;
  /** Shows the sheet in Excel's window (ExcelApi 1.1). */
  activate(): void;
}

export interface XNamedItemCollection extends XProxy {
  readonly items: XNamedItem[];
  /** ExcelApi 1.4. `reference` is a formula ("=…") or a range. */
  add(name: string, reference: XRange | string, comment?: string): XNamedItem;
  getItem(name: string): XNamedItem;
  getItemOrNullObject(name: string): XNamedItem;
}

export interface XNamedItem extends XProxy {
  readonly name: string;
  /** "String" | "Integer" | "Double" | "Boolean" | "Range" | "Error" | "Array" (Array: 1.7). */
  readonly type: string;
  /** For a range name, its address; for a constant, the constant. */
  readonly value: unknown;
  visible: boolean;
  /** ExcelApi 1.4. */
  comment: string;
  /** ExcelApi 1.7: the refers-to formula, starting with "=". */
  formula: unknown;
  /** ExcelApi 1.4: a null object when the name is not a range. */
  getRangeOrNullObject(): XRange;
  delete(): void;
}

export interface XRange extends XProxy {
  readonly address: string;
  values: unknown[][];
  /** "Empty" | "String" | "Double" | "Integer" | "Boolean" | "Error" | "Unknown" | "RichValue". */
  readonly valueTypes: string[][];
  formulas: unknown[][];
  /** Invariant number format codes (not numberFormatLocal). */
  numberFormat: unknown[][];
  readonly rowCount: number;
  readonly columnCount: number;
  readonly format: XRangeFormat;
  /** ExcelApi 1.2. */
  merge(across?: boolean): void;
  getLastRow(): XRange;
  getOffsetRange(rowOffset: number, columnOffset: number): XRange;
  getCell(row: number, column: number): XRange;
  /** ExcelApi 1.2. */
  getResizedRange(deltaRows: number, deltaColumns: number): XRange;
  /** Selects the range in Excel's window (ExcelApi 1.1). */
  select(): void;
  /**
   * ExcelApi 1.1: "Release the memory associated with this object, if it has previously been tracked"
   * (shorthand for context.trackedObjects.remove). Inside Excel.run office.js tracks every Range it makes
   * and sends one more request at the end of the run to release them; an untracked range needs none.
   */
  untrack(): XRange;
}

export interface XRangeFormat {
  /** Points (ExcelApi 1.2). */
  columnWidth: number;
  /** Points (ExcelApi 1.2). */
  rowHeight: number;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  /** ExcelApi 1.9. */
  indentLevel: number;
  readonly font: XRangeFont;
  readonly fill: XRangeFill;
  readonly borders: XRangeBorderCollection;
}

export interface XRangeFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}

export interface XRangeFill {
  color: string;
}

export interface XRangeBorderCollection {
  /** "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal" | … */
  getItem(index: string): XRangeBorder;
}

export interface XRangeBorder {
  /** "Continuous" | "Double" | "None" | … */
  style: string;
  /** "Thin" | "Medium" | "Thick" | "Hairline". */
  weight: string;
}

export interface XFreezePanes {
  freezeAt(frozenRange: XRange | string): void;
  freezeRows(count?: number): void;
  freezeColumns(count?: number): void;
}

export interface XPageLayout {
  /** "A4" | "Letter" | … */
  paperSize: string;
  /** "Portrait" | "Landscape". */
  orientation: string;
  /** Writable as a whole object only (docs: application-specific-api-model, "Some properties cannot be set directly"). */
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
}

// Charts (issue 14). Requirement sets as @types/office-js gives them per member.

export interface XChartCollection {
  /** ExcelApi 1.1. `type` is an Excel.ChartType ("ColumnClustered", "BarClustered", "Doughnut", …); seriesBy "Auto" | "Columns" | "Rows". */
  add(type: string, sourceData: XRange, seriesBy?: string): XChart;
}

export interface XChart {
  /** ExcelApi 1.1. */
  name: string;
  /** ExcelApi 1.1. */
  readonly title: XChartTitle;
  /** ExcelApi 1.1. */
  readonly legend: XChartLegend;
  /** ExcelApi 1.1: the data labels of every series. */
  readonly dataLabels: XChartDataLabels;
  /** ExcelApi 1.1. */
  readonly axes: XChartAxes;
  /** ExcelApi 1.1. */
  readonly series: XChartSeriesCollection;
  /** ExcelApi 1.1: the chart covers startCell to endCell (inclusive). */
  setPosition(startCell: XRange | string, endCell?: XRange | string): void;
}

export interface XChartTitle {
  /** ExcelApi 1.1. */
  text: string;
}

export interface XChartLegend {
  /** ExcelApi 1.1. */
  visible: boolean;
  /** ExcelApi 1.1: "Top" | "Bottom" | "Left" | "Right" | "Corner" | "Custom". */
  position: string;
}

export interface XChartDataLabels {
  /** ExcelApi 1.1. */
  showValue: boolean;
  /** ExcelApi 1.8. */
  numberFormat: string;
}

export interface XChartAxes {
  /** ExcelApi 1.1. */
  readonly valueAxis: XChartAxis;
  /** ExcelApi 1.1. */
  readonly categoryAxis: XChartAxis;
}

export interface XChartAxis {
  /** ExcelApi 1.1. */
  readonly title: XChartAxisTitle;
  /** ExcelApi 1.8. */
  numberFormat: string;
  /** ExcelApi 1.7. */
  reversePlotOrder: boolean;
  /** ExcelApi 1.8: where the other axis crosses this one, "Automatic" | "Maximum" | "Minimum" | "Custom". */
  position: string;
}

export interface XChartAxisTitle {
  /** ExcelApi 1.1. */
  text: string;
}

export interface XChartSeriesCollection {
  /** ExcelApi 1.1. */
  getItemAt(index: number): XChartSeries;
  /** ExcelApi 1.7. */
  add(name?: string, index?: number): XChartSeries;
}

export interface XChartSeries {
  /** ExcelApi 1.1. */
  name: string;
  /** ExcelApi 1.7. */
  setValues(sourceData: XRange): void;
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: XRange): void;
  /** ExcelApi 1.1. */
  readonly format: XChartSeriesFormat;
  /** ExcelApi 1.1. */
  readonly points: XChartPointsCollection;
}

export interface XChartSeriesFormat {
  /** ExcelApi 1.1. */
  readonly fill: XChartFill;
  /** ExcelApi 1.1. */
  readonly line: XChartLineFormat;
}

export interface XChartFill {
  /** ExcelApi 1.1: an HTML colour, "#RRGGBB". */
  setSolidColor(color: string): void;
}

export interface XChartLineFormat {
  /** ExcelApi 1.1: "#RRGGBB". */
  color: string;
}

export interface XChartPointsCollection {
  /** ExcelApi 1.1. */
  getItemAt(index: number): XChartPoint;
}

export interface XChartPoint {
  /** ExcelApi 1.1. */
  readonly format: XChartPointFormat;
}

export interface XChartPointFormat {
  /** ExcelApi 1.1. */
  readonly fill: XChartFill;
}

/** How the adapter reaches Excel: `Excel.run` and the requirement-set check, injected so tests can pass the fake. */
export interface ExcelEntry {
  run<T>(options: { delayForCellEdit: boolean }, batch: (context: XRequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`; the version is a string ("1.1" and "1.10" differ). */
  isSetSupported(set: "ExcelApi", version: string): boolean;
}
