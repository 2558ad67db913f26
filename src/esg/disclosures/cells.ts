/**
 * Value cells of the disclosure tables. A KPI figure is written as its native Excel formula over the
 * named ranges (KpiResult.excel) with the engine's value as the cached result, unless the caller asked
 * for values only or the result has no formula. The formula keeps full precision; the number format
 * shows the published precision (so 29,843,800 ÷ 12,613 shows as 2,366 while the cell holds 2,366.1).
 * An `ESG.*` custom function is never written: the tables must work on a machine without the add-in.
 */
import type { CellSpec } from "./layout";
import { STYLE, neverZero, type StyleKey } from "./styles";
import type { KpiResult } from "../types";
import { columnLetters } from "../../sheet-ref";

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export const columnLetter = columnLetters;

const CUSTOM_FUNCTION = /(^|[^A-Za-z0-9_.])ESG\./i;

/** A formula fit for a generated table: no leading "=", and never a call to the add-in's own functions. */
export function nativeFormula(excel: string | null | undefined): string | undefined {
  if (excel === null || excel === undefined) return undefined;
  const f = excel.trim().replace(/^=+/, "");
  if (f === "" || CUSTOM_FUNCTION.test(f)) return undefined;
  return f;
}

/** The "no figure" marker: an en dash, explained in the sheet's footnotes. */
export const MISSING: CellSpec = { value: "–", style: STYLE.missing };

/** A KPI figure: formula (unless values only) with its computed value, in the given number format. */
export function kpiCell(
  result: KpiResult | undefined,
  format: string | ((v: number | null) => string),
  valuesOnly: boolean,
  style?: StyleKey,
): CellSpec {
  if (!result || result.value === null || !Number.isFinite(result.value)) return MISSING;
  const numberFormat = neverZero(typeof format === "string" ? format : format(result.value), result.value);
  const formula = valuesOnly ? undefined : nativeFormula(result.excel);
  return {
    value: result.value,
    numberFormat,
    result: result.id,
    ...(formula !== undefined ? { formula } : {}),
    ...(style !== undefined ? { style } : {}),
  };
}

/** A result's prior-year figures, most recent first (a result built by hand may hold `prior` alone). */
export function priorsOf(result: KpiResult | undefined): readonly (number | null)[] {
  if (!result) return [];
  return result.priors ?? (result.prior === null ? [] : [result.prior]);
}

/**
 * A prior-year figure of a KPI result, `yearsBefore` years before the reporting year (always a value:
 * prior years have no live formula).
 */
export function priorCell(
  result: KpiResult | undefined,
  format: string | ((v: number | null) => string),
  yearsBefore = 1,
): CellSpec {
  const v = priorsOf(result)[yearsBefore - 1] ?? null;
  if (v === null || !Number.isFinite(v)) return MISSING;
  const numberFormat = neverZero(typeof format === "string" ? format : format(v), v);
  return { value: v, numberFormat };
}

/** Literal text (a unit, a treatment read from the workbook). */
export function textCell(text: string, style: StyleKey = STYLE.text): CellSpec {
  return { value: text, style };
}
