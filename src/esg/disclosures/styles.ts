/**
 * The look of the generated disclosure sheets: named cell styles, fonts and number formats. One place,
 * so every section looks like the same report (the seed report's tables: bold ruled headers, plain rows,
 * a ruled total line, small italic footnotes).
 */
import type { CellStyle, ReportLang } from "../types";

/** Keys into SheetModel.styles. */
export const STYLE = {
  title: "title",
  subtitle: "subtitle",
  heading: "heading",
  header: "header",
  group: "group",
  label: "label",
  value: "value",
  text: "text",
  total: "total",
  totalValue: "totalValue",
  missing: "missing",
  note: "note",
  stamp: "stamp",
  disclosed: "disclosed",
  explain: "explain",
  partly: "partly",
  notApplicable: "notApplicable",
  narrative: "narrative",
} as const;

export type StyleKey = (typeof STYLE)[keyof typeof STYLE];

const HEADER_FILL = "DDEBF7";
const TOTAL_FILL = "F2F2F2";
const MUTED = "7F7F7F";

export const STYLES: Readonly<Record<StyleKey, CellStyle>> = {
  title: { font: { bold: true, size: 14 }, align: { horizontal: "left", vertical: "center" } },
  subtitle: { font: { italic: true, color: "404040" }, align: { horizontal: "left" } },
  heading: { font: { bold: true, size: 11 }, align: { horizontal: "left" } },
  header: {
    font: { bold: true },
    fill: HEADER_FILL,
    border: { top: "thin", bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "center", wrap: true },
  },
  group: {
    font: { bold: true },
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "left" },
  },
  label: {
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "left", vertical: "top", wrap: true },
  },
  value: {
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "right", vertical: "top" },
  },
  text: {
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "left", vertical: "top", wrap: true },
  },
  total: {
    font: { bold: true },
    fill: TOTAL_FILL,
    border: { top: "thin", bottom: "double", left: "thin", right: "thin" },
    align: { horizontal: "left", vertical: "top", wrap: true },
  },
  totalValue: {
    font: { bold: true },
    fill: TOTAL_FILL,
    border: { top: "thin", bottom: "double", left: "thin", right: "thin" },
    align: { horizontal: "right", vertical: "top" },
  },
  missing: {
    font: { color: MUTED },
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "top" },
  },
  note: { font: { italic: true, size: 9, color: "404040" }, align: { horizontal: "left" } },
  stamp: { font: { size: 8, color: MUTED }, align: { horizontal: "left" } },
  disclosed: {
    font: { bold: true, color: "375623" },
    fill: "E2EFDA",
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "top" },
  },
  explain: {
    font: { bold: true, color: "833C0B" },
    fill: "FCE4D6",
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "top", wrap: true },
  },
  partly: {
    font: { bold: true, color: "7F6000" },
    fill: "FFF2CC",
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "top", wrap: true },
  },
  // Not applicable and narrative are compliant statuses: neutral, not the orange of "Explain".
  notApplicable: {
    font: { bold: true, color: "404040" },
    fill: "EDEDED",
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "top", wrap: true },
  },
  narrative: {
    font: { bold: true, color: "1F4E79" },
    fill: "DDEBF7",
    border: { bottom: "thin", left: "thin", right: "thin" },
    align: { horizontal: "center", vertical: "top", wrap: true },
  },
};

/** Microsoft JhengHei renders Traditional Chinese; Calibri is Excel's default for English-only sheets. */
export function sheetFont(lang: ReportLang): { name: string; size: number } {
  return lang === "en" ? { name: "Calibri", size: 11 } : { name: "Microsoft JhengHei", size: 10 };
}

/** Tab colours: environmental aspects green, social blue, Part D dark green, the index grey. */
export function tabColor(section: string): string {
  if (section === "INDEX") return "808080";
  if (section === "D") return "375623";
  return section.startsWith("A") ? "70AD47" : "4472C4";
}

// ---------------------------------------------------------------------------------------------
// Number formats. The formula in a cell keeps full precision; the format shows the published
// precision, so a total computed from the cells stays exact and the table still reads like the report.
// ---------------------------------------------------------------------------------------------

export const FORMAT = {
  integer: "#,##0",
  oneDecimal: "#,##0.0",
  twoDecimals: "#,##0.00",
  percent: "0.0%",
  /** '000 kWh (A2.1): one decimal, as 29,843.8. */
  energyThousands: "#,##0.0",
} as const;

/** Decimals a figure holds as entered (15 significant digits, as Excel keeps), capped at `max`. */
export function decimalsOf(x: number, max = 2): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return 0;
  const s = Number(x.toPrecision(15)).toString();
  if (s.includes("e")) return max;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : Math.min(max, s.length - dot - 1);
}

function grouped(decimals: number): string {
  return decimals === 0 ? FORMAT.integer : `#,##0.${"0".repeat(decimals)}`;
}

/** An amount (tonnes, kWh, litres, headcount) at the precision the workbook holds it: 62,445; 3.6; 490.8. */
export function amountFormat(x: number | null): string {
  return grouped(x === null ? 0 : decimalsOf(x, 2));
}

/**
 * An intensity: whole numbers from 100 up (2,366 kWh/t), two decimals below (11.48 m³/t, 1.92 t/t,
 * 0.02 L/t), four for figures under 0.01 so they do not read as zero.
 */
export function intensityFormat(x: number | null): string {
  if (x === null || x === 0 || !Number.isFinite(x)) return FORMAT.twoDecimals;
  const a = Math.abs(x);
  if (a >= 100) return FORMAT.integer;
  if (a >= 0.01) return FORMAT.twoDecimals;
  // Two significant digits for small intensities (0.00024 t/t, 0.000032 t/t), never a run of zeros.
  return grouped(Math.min(MAX_DECIMALS, significantDecimals(a, 2)));
}

const MAX_DECIMALS = 10;

/** Decimals that show `a` (> 0) with `digits` significant digits. */
function significantDecimals(a: number, digits: number): number {
  return Math.max(0, Math.ceil(-Math.log10(a)) + digits - 1);
}

/**
 * A number format that never shows a non-zero figure as zero: when `format` would round `x` to 0
 * (12 recalls of 85,200 at "0.0%"; 0.00003 t/t at "#,##0.00"), it gets the decimals for two
 * significant digits ("0.014%", "0.000030"); any other figure keeps its published precision.
 */
export function neverZero(format: string, x: number | null): string {
  if (x === null || x === 0 || !Number.isFinite(x)) return format;
  const percent = format.endsWith("%");
  const dot = format.indexOf(".");
  const decimals = dot < 0 ? 0 : (/^\.(0*)/.exec(format.slice(dot))?.[1].length ?? 0);
  const shown = Math.abs(percent ? x * 100 : x);
  if (Math.round(shown * 10 ** decimals) !== 0) return format;
  const need = Math.min(MAX_DECIMALS, significantDecimals(shown, 2));
  const whole = dot < 0 ? format.replace(/%$/, "") : format.slice(0, dot);
  return `${whole}.${"0".repeat(need)}${percent ? "%" : ""}`;
}
