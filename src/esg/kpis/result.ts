/**
 * The result shape: a KPI spec (figure by year, formula in words, inputs, Excel expression, the total it
 * presents) and how a spec becomes a KpiResult (prior years, change, why a figure is absent). Also the
 * small combinators every aspect's specs use.
 */
import { yoyChange, type Calc } from "../formulas";
import { REASON } from "../messages";
import { incompleteYears, type Total, type YearIndex } from "../totals";
import type { Bilingual, KpiInput, KpiResult } from "../types";
import { bi } from "../bilingual";
import type { KpiContext } from "./context";

export interface KpiSpec {
  readonly id: string;
  readonly kpi: string;
  readonly label: Bilingual;
  readonly unit: string;
  readonly formula: Bilingual;
  /** The figure in year y: a Calc, or null when an input is missing. */
  readonly calc: (y: YearIndex) => Calc | null;
  readonly inputs: readonly (KpiInput | null)[];
  readonly excel: string | null;
  readonly factors?: readonly string[];
  /** Said when calc gives null. */
  readonly missing?: Bilingual;
  /**
   * Set on a KPI that presents a total: its parts, so a missing part is reported (checks/,
   * "total.incomplete") and the total is absent in that year. The figure is `total.value`.
   */
  readonly total?: Total;
}

/** Excel refuses a formula longer than 8,192 characters ("Excel specifications and limits"). */
export const MAX_FORMULA_LENGTH = 8192;

/** The prior years a result holds: the template keeps the reporting year and the two years before it. */
const PRIOR_YEARS: readonly YearIndex[] = [0, 1];
/** The priors of a figure with no prior year: one shared empty list (a long breakdown has 100,000). */
const NO_PRIORS: readonly (number | null)[] = Object.freeze([]);

/** Turns a spec into a result: the figure, its prior years, the change and why a figure is absent. */
export function toResult(spec: KpiSpec, c?: KpiContext): KpiResult {
  const now = spec.calc(-1);
  const incomplete = spec.total ? incompleteYears(spec.total, PRIOR_YEARS) : [];
  const value = now?.ok && Number.isFinite(now.value) ? now.value : null;
  const figures = PRIOR_YEARS.map((y): number | null => {
    const before = spec.calc(y);
    return before?.ok && Number.isFinite(before.value) ? before.value : null;
  });
  // Only the years the workbook holds: a year with a figure, or a total with some of its parts that year
  // (then null: incomplete, with its finding). A workbook with one prior-year column has one prior.
  const held = figures.reduce<number>(
    (n, v, i) => (v !== null || spec.total?.present(PRIOR_YEARS[i]) ? i + 1 : n),
    0,
  );
  const priors = held === 0 ? NO_PRIORS : figures.slice(0, held);
  const prior = figures[0];
  const change = value !== null && prior !== null ? yoyChange(value, prior) : null;
  let reason: Bilingual | undefined;
  const partMissing = incomplete.find((i) => i.year === -1);
  if (now === null && partMissing) {
    const p = partMissing.parts[0];
    reason = REASON.totalIncomplete(p.label, p.location);
  } else if (now === null) reason = spec.missing ?? REASON.missing;
  else if (!now.ok) reason = REASON.notComputed(now.message, now.error);
  else if (value === null) reason = REASON.overflow;
  const tooLong = spec.excel !== null && spec.excel.length + 1 > MAX_FORMULA_LENGTH;
  const excel = value === null || spec.excel === null || tooLong ? null : spec.excel;
  const valueOnly =
    value !== null && excel === null && c
      ? c.valueOnlyReason(spec.inputs.filter(isInput).map((i) => i.id.split(":")[0]))
      : null;
  // Built field by field rather than with spreads (one object per KPI, 100,000 on a long breakdown),
  // keys in the order kpis --json has always printed them.
  const result: Draft = {
    id: spec.id,
    kpi: spec.kpi,
    label: spec.label,
    value,
    unit: spec.unit,
    prior,
    priors,
    change: change?.ok ? change.value : null,
    formula: spec.formula,
    inputs: spec.inputs.every(isInput) ? spec.inputs : spec.inputs.filter(isInput),
  };
  if (reason) result.reason = reason;
  // A figure whose formula would be too long for Excel (many site sheets) is written as its value.
  result.excel = excel;
  if (spec.factors) result.factors = spec.factors;
  if (incomplete.length > 0) result.incomplete = incomplete;
  if (valueOnly) result.valueOnly = valueOnly;
  return result as KpiResult;
}

/** A KpiResult being filled in: `excel` is set after the optional `reason`. */
type Draft = Mutable<Omit<KpiResult, "excel">> & { excel?: string | null };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const isInput = (i: KpiInput | null): i is KpiInput => i !== null;

/** Lifts a two-input formula over year-indexed inputs: null when an input is missing. */
export function lift2(
  a: (y: YearIndex) => number | null,
  b: (y: YearIndex) => number | null,
  f: (x: number, z: number) => Calc,
) {
  return (y: YearIndex): Calc | null => {
    const x = a(y);
    const z = b(y);
    return x === null || z === null ? null : f(x, z);
  };
}

/** A figure taken as it is: null stays null, and an overflowed sum (1e308 + 1e308) is an error, not Infinity. */
export const constant = (v: number | null): Calc | null =>
  v === null
    ? null
    : Number.isFinite(v)
      ? { ok: true, value: v }
      : { ok: false, error: "num", message: "the figure overflows" };

/** n/d as an Excel expression, or null when either side has none. */
export const div = (n: string | null, d: string | null): string | null => (n && d ? `${n}/${d}` : null);
/** e×k as an Excel expression, or null. */
export const times = (e: string | null, k: number): string | null => (e ? `${e}*${k}` : null);

/** A KPI that is one metric's figure as it is. */
export function simple(
  c: KpiContext,
  id: string,
  metricId: string,
  kpi: string,
  label: Bilingual,
  unit: string,
): KpiSpec[] {
  if (!c.metric(metricId)) return [];
  return [
    {
      id,
      kpi,
      label,
      unit,
      formula: bi(`${label.en} (${unit})`, `${label["zh-HK"]}（${unit}）`),
      calc: (y) => constant(c.value(metricId, y)),
      inputs: [c.input(metricId)],
      excel: c.excel(metricId),
    },
  ];
}
