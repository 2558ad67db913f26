/**
 * Optional parts of the Excel JavaScript API, checked once with isSetSupported and degraded when absent
 * (volume-licensed Office 2019 stops at ExcelApi 1.7, Office 2021 at 1.14).
 */
import type { ExcelEntry } from "./excel-api";
import { OfficeHostError } from "./errors";

export interface OfficeFeatures {
  /** 1.6: Application.suspendApiCalculationUntilNextSync. */
  readonly suspendCalculation: boolean;
  /** 1.7: NamedItem.formula, Worksheet.tabColor, Worksheet.freezePanes. */
  readonly nameFormula: boolean;
  readonly tabColor: boolean;
  readonly freezePanes: boolean;
  /** 1.9: Application.suspendScreenUpdatingUntilNextSync, Worksheet.pageLayout, RangeFormat.indentLevel. */
  readonly suspendScreenUpdating: boolean;
  readonly pageLayout: boolean;
  readonly indentLevel: boolean;
  /** 1.7: ChartSeriesCollection.add, ChartSeries.setValues/setXAxisValues (charts over the table's cells). */
  readonly charts: boolean;
  /** 1.8: ChartDataLabels.numberFormat, ChartAxis.numberFormat and ChartAxis.position. */
  readonly chartFormats: boolean;
}

/** ExcelApi 1.4 is the floor: worksheet-scoped names, getRangeOrNullObject and names.add all need it. */
export const MINIMUM_EXCEL_API = "1.4";

export function detectFeatures(entry: ExcelEntry): OfficeFeatures {
  const has = (v: string): boolean => entry.isSetSupported("ExcelApi", v);
  if (!has(MINIMUM_EXCEL_API)) {
    throw new OfficeHostError(
      "ApiNotSupported",
      `This version of Excel does not support ExcelApi ${MINIMUM_EXCEL_API} (sheet-scoped names), which the add-in needs.`,
    );
  }
  const v17 = has("1.7");
  const v19 = has("1.9");
  return {
    suspendCalculation: has("1.6"),
    nameFormula: v17,
    tabColor: v17,
    freezePanes: v17,
    suspendScreenUpdating: v19,
    pageLayout: v19,
    indentLevel: v19,
    charts: v17,
    chartFormats: has("1.8"),
  };
}
