/**
 * The engine's vocabulary, shared by every host: what a workbook's named items hold, what a check
 * finds, and the neutral sheet model that both workbook hosts render. Pure types, no I/O.
 */

/** A text in both report languages. */
export interface Bilingual {
  readonly en: string;
  readonly "zh-HK": string;
}

export type Lang = "zh-HK" | "en";
/** Language of generated tables: one of the two, or both side by side. */
export type ReportLang = Lang | "both";

/** An Excel error value as a cell shows it, e.g. "#N/A", "#REF!", "#DIV/0!". */
export interface ErrorCell {
  readonly kind: "error";
  readonly code: string;
}
/** A date cell, as ISO 8601 text (hosts convert Excel serials / JS dates). */
export interface DateCell {
  readonly kind: "date";
  readonly iso: string;
}
/** A formula cell whose file holds no cached result (e.g. written by a program that does not calculate). */
export interface UncachedFormulaCell {
  readonly kind: "uncached";
  readonly formula: string;
}
/**
 * One cell as a workbook host reads it. `null` is an empty cell (never confused with 0);
 * a formula cell is represented by its cached result.
 */
export type CellValue = number | string | boolean | null | ErrorCell | DateCell | UncachedFormulaCell;

/**
 * What a defined name refers to:
 * ok — one rectangular range in this workbook; broken — refers to #REF!; external — another workbook;
 * constant — a literal (number, text, boolean, error); formula — any other expression;
 * multi-area — a union of several ranges; past-grid — an A1 reference beyond row 1,048,576 or column XFD
 * (no such cell in Excel). Classified by src/sheet-ref (parseRefersTo) for every host.
 */
export type NameStatus = "ok" | "broken" | "external" | "constant" | "formula" | "multi-area" | "past-grid";

/** A defined name (named range or named constant) as a workbook host reads it. */
export interface NamedItem {
  readonly name: string;
  /** null for workbook scope, else the name of the sheet the name is local to. */
  readonly scope: string | null;
  /** The refers-to text without the leading "=", e.g. "'Site A'!$B$2:$C$4". */
  readonly refersTo: string;
  readonly status: NameStatus;
  /** Excel's built-in names (_xlnm.Print_Area, _xlnm._FilterDatabase, …): listed, never used as data. */
  readonly builtIn: boolean;
  readonly hidden: boolean;
  /** Sheet of the referenced range (status ok), else null. */
  readonly sheet: string | null;
  /** A1 address of the referenced range without the sheet, e.g. "B2:C4" (status ok), else null. */
  readonly address: string | null;
  /** Values of the range, row by row; for a constant, a 1×1 array of its value; null when not one rectangular area or not readable. */
  readonly values: CellValue[][] | null;
  /** Why values is null when the name is ok (e.g. over the 5,000,000-cell read limit). */
  readonly note?: string;
  readonly comment?: string;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** True when the sheet carries this product's marker (see GENERATED_MARKER_NAME): only such sheets are ever replaced. */
  readonly generated: boolean;
}

/** Everything the engine needs from a workbook, read in one pass. */
export interface WorkbookRead {
  readonly names: readonly NamedItem[];
  readonly sheets: readonly SheetInfo[];
}

/**
 * Generated sheets are marked by a hidden, sheet-scoped defined name of this name whose value is a
 * constant text ("esg:<section>"). The marker travels with the sheet if a user renames it, and a user's
 * own sheet never carries it, so only marked sheets are replaced.
 */
export const GENERATED_MARKER_NAME = "ESG_Generated";

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable rule id, e.g. "name.missing", "value.negative", "breakdown.sum". */
  readonly rule: string;
  readonly severity: Severity;
  /** Metric id from the dictionary, or null when the finding is about the workbook as a whole. */
  readonly metric: string | null;
  /** HKEX KPI code, e.g. "B3.1", or null. */
  readonly kpi: string | null;
  /** "Sheet!B2" (sheet quoted as Excel quotes it), or null when there is no cell (e.g. a missing name). */
  readonly location: string | null;
  readonly message: Bilingual;
  readonly hint: Bilingual;
}

// ---------------------------------------------------------------------------------------------
// Sheet model: what the disclosure builder returns and both hosts render
// ---------------------------------------------------------------------------------------------

export type BorderWeight = "thin" | "medium" | "double";

export interface CellStyle {
  readonly font?: {
    readonly bold?: boolean;
    readonly italic?: boolean;
    readonly size?: number;
    /** RRGGBB */
    readonly color?: string;
  };
  /** Solid fill, RRGGBB. */
  readonly fill?: string;
  readonly border?: {
    readonly top?: BorderWeight;
    readonly bottom?: BorderWeight;
    readonly left?: BorderWeight;
    readonly right?: BorderWeight;
  };
  readonly align?: {
    readonly horizontal?: "left" | "center" | "right";
    readonly vertical?: "top" | "center" | "bottom";
    readonly wrap?: boolean;
    readonly indent?: number;
  };
}

export interface CellModel {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  /** The literal value, or the cached result of `formula`. */
  readonly value: string | number | boolean | null;
  /** A native Excel formula in English, A1 style, without the leading "=", e.g. "ROUND(Electricity/Production,0)". */
  readonly formula?: string;
  /** Excel number format code (invariant, like Range.numberFormat), e.g. "#,##0.00". */
  readonly numberFormat?: string;
  /** Key into SheetModel.styles. */
  readonly style?: string;
  /**
   * Literal text that must land as text whatever it begins with (=, +, -, @): text that came from the
   * workbook or a label. Hosts write it so that Excel can never take it for a formula.
   */
  readonly text?: boolean;
}

/** A merged area, 0-based and inclusive. */
export interface MergeModel {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A cell area of the sheet a chart is on, 0-based and inclusive (one row or one column of a table). */
export interface AreaModel {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Chart types the disclosure sheets use (issue 14). "bar" (horizontal) lists its categories top-down in
 * the table's order: hosts reverse the category axis (Excel otherwise draws the first category at the
 * bottom), with the value axis crossing at the far end so it stays below the bars.
 */
export type ChartKind = "column" | "stackedColumn" | "bar" | "line" | "doughnut";

/** One series of a chart: values and name are cells of the generated table on the same sheet. */
export interface ChartSeriesModel {
  /** The cell whose text names the series (a row or column header of the table), 0-based. */
  readonly name: { readonly row: number; readonly col: number };
  /** The series values: one row or one column of the table, the same length as the categories. */
  readonly values: AreaModel;
  /** Fill (or line) colour, RRGGBB, from the chart palette. */
  readonly color: string;
  /** Doughnut only: one colour per category (point), RRGGBB. */
  readonly pointColors?: readonly string[];
}

/**
 * A chart over a generated table. Series and categories refer to cells of the sheet the chart is on,
 * so the chart follows the table when Excel recalculates; hosts also cache the cells' values where
 * the file format keeps a copy (DrawingML c:numCache / c:strCache).
 */
export interface ChartModel {
  /** Stable id within the workbook, e.g. "A1.ghg-by-scope"; hosts name the chart with it. */
  readonly id: string;
  readonly kind: ChartKind;
  /** Title in the sheet's language(s): both, one above the other, on a bilingual sheet. */
  readonly title: string;
  /** Category labels: one row or one column of the table. */
  readonly categories: AreaModel;
  readonly series: readonly ChartSeriesModel[];
  /** Placement in cells, 0-based: the top-left cell and the cell just past the bottom-right corner. */
  readonly anchor: { readonly from: { readonly row: number; readonly col: number }; readonly to: { readonly row: number; readonly col: number } };
  /** Number format of the value axis and data labels (invariant Excel code, e.g. "#,##0"). */
  readonly numberFormat: string;
  /** Value axis title (the unit), in the sheet's language(s); absent for doughnuts. */
  readonly valueAxisTitle?: string;
  readonly legend: "bottom" | "right" | "none";
  readonly dataLabels: boolean;
}

export interface SheetModel {
  /** Sheet name: at most 31 characters, none of : \ / ? * [ ]. */
  readonly name: string;
  /** Section code ("A1", "A2", …, "D", "INDEX"): the value of the sheet's marker. */
  readonly section: string;
  readonly language: ReportLang;
  /** Default font of the sheet: a Traditional Chinese-capable one where zh-HK text is present. */
  readonly font: { readonly name: string; readonly size: number };
  /** Column widths in characters, from column A. */
  readonly columns: readonly number[];
  /**
   * Row heights in points for rows that need more than one line (0-based row → points); other rows
   * keep the default. Set by the builder because hosts do not fit rows of wrapped or merged cells.
   */
  readonly rowHeights?: Readonly<Record<number, number>>;
  readonly cells: readonly CellModel[];
  readonly merges: readonly MergeModel[];
  readonly styles: Readonly<Record<string, CellStyle>>;
  /** Rows and columns frozen at the top and left (the header). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print: { readonly paper: "A4"; readonly orientation: "portrait" | "landscape"; readonly fitToWidth: boolean };
  readonly tabColor?: string;
  /** Written as a hidden sheet (the configuration sheet); users can unhide it. */
  readonly hidden?: boolean;
  /**
   * Workbook-scoped names that point into this sheet (e.g. ESG_Mapping → A4:B12). Hosts define them
   * after the sheet is in place and remove them with the sheet they pointed into.
   */
  readonly definedNames?: readonly { readonly name: string; readonly address: string }[];
  /** Charts over this sheet's tables (absent or empty: none, e.g. with the no-charts option). */
  readonly charts?: readonly ChartModel[];
}

/** One line of the generation history each host appends to. */
export interface HistoryEntry {
  /** ISO 8601 time of the generation. */
  readonly at: string;
  readonly host: "xlsx" | "office";
  readonly sections: readonly string[];
  readonly language: ReportLang;
  readonly valuesOnly: boolean;
  readonly sheets: readonly string[];
  /** Defined names the tables read from. */
  readonly sourceNames: readonly string[];
  /** Errors the user accepted to generate anyway, with their note. */
  readonly acceptedErrors?: { readonly count: number; readonly note: string };
}

// ---------------------------------------------------------------------------------------------
// KPI results and engine options
// ---------------------------------------------------------------------------------------------

/** Where a number came from: the defined name and the cell. */
export interface SourceRef {
  readonly name: string;
  readonly scope: string | null;
  /** "Sheet!B2", or null for a value that is not in a cell (a default, a factor). */
  readonly location: string | null;
}

export interface KpiInput {
  /** Metric id, or a factor id (prefixed "factor:"). */
  readonly id: string;
  readonly label: Bilingual;
  readonly value: number;
  readonly unit: string;
  readonly sources: readonly SourceRef[];
}

/** One computed KPI figure with its provenance. */
export interface KpiResult {
  /** Stable id, e.g. "A2.1.electricity.intensity", "B1.2.turnover.gender.female". */
  readonly id: string;
  /** HKEX KPI code, e.g. "A2.1". */
  readonly kpi: string;
  readonly label: Bilingual;
  /** null when the inputs are missing or the denominator is zero (see `reason`). */
  readonly value: number | null;
  readonly unit: string;
  /** Prior-year value when the workbook has prior-year columns (= priors[0]). */
  readonly prior: number | null;
  /**
   * The figure in each prior year the workbook holds, most recent first (0 = the year before, 1 = the
   * year before that), each complete or null (totals.ts). Empty when the workbook has no prior year;
   * absent on a result built by hand, which then holds `prior` alone.
   */
  readonly priors?: readonly (number | null)[];
  /** Relative change against prior ((value − prior) / prior), or null. */
  readonly change: number | null;
  /** The formula in words, e.g. "electricity (kWh) ÷ production (t)". */
  readonly formula: Bilingual;
  readonly inputs: readonly KpiInput[];
  /** Why value is null, when it is. */
  readonly reason?: Bilingual;
  /**
   * A native Excel formula (English, no leading "=") that recomputes `value` from the workbook's
   * named ranges, e.g. "Electricity/Production"; null when the figure cannot be one (it is then
   * written as a value). Factors appear in it as constants, with their source in the footnotes.
   */
  readonly excel: string | null;
  /** Ids of the factors used (factors.ts), for the footnotes. */
  readonly factors?: readonly string[];
  /**
   * For a total (totals.ts): the parts without a figure in the reporting year (year -1) or in a prior
   * year that has other figures (year 0, 1); the total is absent in those years.
   */
  readonly incomplete?: readonly {
    readonly year: -1 | 0 | 1;
    readonly parts: readonly { readonly label: Bilingual; readonly location: string | null; readonly why?: Bilingual }[];
  }[];
  /** Why the figure is written as a value although it has a value (no formula recalculates to it), for the footnotes. */
  readonly valueOnly?: Bilingual;
}

/** B1.2: how a turnover rate is computed (HKEX prescribes no formula). */
export type TurnoverMethod = "average" | "closing";
/** B3.1: share of each category's employees trained, or split of the trained by category. */
export type TrainingReading = "share-of-category" | "split-of-trained";
