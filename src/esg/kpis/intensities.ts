/**
 * Intensities (HKEX "How to prepare", App. 2): an amount per tonne of product, and against every
 * other denominator the workbook has (revenue, employees, facilities, floor area); and the items,
 * total and intensity of a rows metric (A1.3, A1.4, A2.5).
 */
import { intensity } from "../formulas";
import type { Bilingual, KpiInput } from "../types";
import { bi } from "../bilingual";
import { firstOfKey } from "../snapshot";
import type { KpiContext, YearIndex } from "./context";
import { constant, div, lift2, type KpiSpec } from "./result";

export const PRODUCTION = bi("production (t)", "產量（噸）");

/** Denominators other than production that a group may report intensities against (HKEX "How to prepare", App. 2). */
const DENOMINATORS = [
  { metric: "revenue", suffix: "per-revenue", words: bi("revenue", "收益") },
  { metric: "headcount", suffix: "per-employee", words: bi("employees", "僱員人數") },
  { metric: "facilities", suffix: "per-facility", words: bi("facilities", "設施數目") },
  { metric: "floor_area", suffix: "per-floor-area", words: bi("floor area (m²)", "樓面面積（平方米）") },
] as const;

/**
 * Intensities of one amount against every other denominator the workbook has: `<base>.<suffix>`
 * (e.g. "A2.1.electricity.intensity.per-employee"). The production intensity is `<base>` itself.
 */
export function otherIntensities(
  c: KpiContext,
  base: {
    id: string;
    kpi: string;
    label: Bilingual;
    unit: string;
    amount: (y: YearIndex) => number | null;
    excel: string | null;
    inputs: readonly (KpiInput | null)[];
  },
): KpiSpec[] {
  return DENOMINATORS.filter((d) => c.value(d.metric) !== null).map((d) => {
    const denominatorUnit = c.metric(d.metric)!.metric.unit;
    return {
      id: `${base.id}.${d.suffix}`,
      kpi: base.kpi,
      label: bi(`${base.label.en} per ${d.words.en}`, `${base.label["zh-HK"]}（每${d.words["zh-HK"]}）`),
      unit: `${base.unit}/${denominatorUnit}`,
      formula: bi(
        `${base.label.en} (${base.unit}) ÷ ${d.words.en}`,
        `${base.label["zh-HK"]}（${base.unit}）÷ ${d.words["zh-HK"]}`,
      ),
      calc: lift2(
        base.amount,
        (y) => c.value(d.metric, y),
        (a, b) => intensity(a, b),
      ),
      inputs: [...base.inputs, c.input(d.metric)],
      excel: div(base.excel, c.excel(d.metric)),
    };
  });
}

/**
 * A1.3 / A1.4 / A2.5: a rows metric's items, total and intensity per tonne of product. Handed out one
 * at a time: computeKpis turns each into its result before the next is built, so a 100,000-row
 * breakdown never holds 100,000 specs at once (issue 15).
 */
export function* itemsKpis(
  c: KpiContext,
  metricId: string,
  kpi: string,
  itemWord: string,
  words: Bilingual,
): Generator<KpiSpec> {
  const m = c.metric(metricId);
  if (!m) return;
  const unit = m.metric.unit;
  // Text shared by every item, built once: a 100,000-row breakdown holds one short string per item
  // rather than a chain of concatenations (issue 15).
  const idPrefix = `${kpi}.${itemWord}.`;
  const enPrefix = `${words.en}: `;
  const zhPrefix = `${words["zh-HK"]}：`;
  for (const r of m.rows) {
    // The first row with this label: a repeated label shows the first row's figure, as rowValue does.
    const first = firstOfKey(m.rows, r);
    yield {
      id: idPrefix + r.key,
      kpi,
      label: bi(r.label, r.label),
      unit,
      formula: bi(enPrefix + r.label, zhPrefix + r.label),
      calc: (y) => constant(y < 0 ? first.value : (first.prior[y]?.value ?? null)),
      inputs: [c.inputOfRow(m, first)],
      excel: c.excelRow(metricId, r.key),
      total: c.rowTotalIfSummed(metricId, r.key),
    };
  }
  const total: KpiSpec = {
    id: `${kpi}.total`,
    kpi,
    label: bi(`Total ${words.en}`, `${words["zh-HK"]}總量`),
    unit,
    formula: bi(`Σ ${words.en} items (${unit})`, `${words["zh-HK"]}各項之和（${unit}）`),
    calc: (y) => constant(c.rowsTotal(metricId, y)),
    inputs: [c.input(metricId)],
    excel: c.excel(metricId),
    total: c.total(metricId),
  };
  const perProduct: KpiSpec = {
    id: `${kpi}.intensity`,
    kpi,
    label: bi(`${words.en} intensity`, `${words["zh-HK"]}密度`),
    unit: `${unit}/t`,
    formula: bi(
      `total ${words.en} (${unit}) ÷ ${PRODUCTION.en}`,
      `${words["zh-HK"]}總量（${unit}）÷ ${PRODUCTION["zh-HK"]}`,
    ),
    calc: lift2(
      (y) => c.rowsTotal(metricId, y),
      (y) => c.value("production", y),
      (a, b) => intensity(a, b),
    ),
    inputs: [c.input(metricId), c.input("production")],
    excel: div(c.excel(metricId), c.excel("production")),
  };
  const others = otherIntensities(c, {
    id: perProduct.id,
    kpi,
    label: bi(`Total ${words.en}`, `${words["zh-HK"]}總量`),
    unit,
    amount: (y) => c.rowsTotal(metricId, y),
    excel: c.excel(metricId),
    inputs: [c.input(metricId)],
  });
  yield total;
  yield perProduct;
  yield* others;
}
