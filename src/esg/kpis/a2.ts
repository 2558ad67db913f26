/** Aspect A2 Use of Resources: A2.1 energy by type in its own unit, A2.2 water, A2.5 packaging. Energy in '000 kWh is ghg.ts's. */
import { intensity } from "../formulas";
import { bi } from "../bilingual";
import type { KpiContext } from "./context";
import { itemsKpis, otherIntensities, PRODUCTION } from "./intensities";
import { constant, div, lift2, type KpiSpec } from "./result";

/** A2.1 amounts and intensities in each resource's own unit (the seed's A2 table), and A2.2 water. */
export function resourceKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  for (const [id, kpi] of [
    ["electricity", "A2.1"],
    ["diesel", "A2.1"],
    ["petrol", "A2.1"],
    ["coal", "A2.1"],
    ["coal_anthracite", "A2.1"],
    ["coal_bituminous", "A2.1"],
    ["coke", "A2.1"],
    ["natural_gas", "A2.1"],
    ["coke_oven_gas", "A2.1"],
    ["semi_coke_gas", "A2.1"],
    ["lpg", "A2.1"],
    ["water", "A2.2"],
  ] as const) {
    const m = c.metric(id);
    // Left out only when no cell has a figure; a site sum with a site missing is shown as "–" with its finding.
    if (!m || (m.value === null && !c.total(id).present(-1))) continue;
    const unit = m.metric.unit;
    const lbl = m.metric.label;
    out.push({
      id: `${kpi}.${id}.amount`,
      kpi,
      label: lbl,
      unit,
      formula: bi(`${lbl.en} consumed (${unit})`, `${lbl["zh-HK"]}耗用量（${unit}）`),
      calc: (y) => constant(c.value(id, y)),
      inputs: [c.input(id)],
      excel: c.excel(id),
      // The sum of the site sheets is a total: complete in each year or absent.
      total: c.total(id),
    });
    out.push({
      id: `${kpi}.${id}.intensity`,
      kpi,
      label: bi(`${lbl.en} intensity`, `${lbl["zh-HK"]}密度`),
      unit: `${unit}/t`,
      formula: bi(
        `${lbl.en} (${unit}) ÷ ${PRODUCTION.en}`,
        `${lbl["zh-HK"]}（${unit}）÷ ${PRODUCTION["zh-HK"]}`,
      ),
      calc: lift2(
        (y) => c.value(id, y),
        (y) => c.value("production", y),
        (a, b) => intensity(a, b),
      ),
      inputs: [c.input(id), c.input("production")],
      excel: div(c.excel(id), c.excel("production")),
    });
    out.push(
      ...otherIntensities(c, {
        id: `${kpi}.${id}.intensity`,
        kpi,
        label: lbl,
        unit,
        amount: (y) => c.value(id, y),
        excel: c.excel(id),
        inputs: [c.input(id)],
      }),
    );
  }
  return out;
}

/** A2.5: packaging material by type, its total and intensity. */
export function packagingKpis(c: KpiContext): Iterable<KpiSpec> {
  return itemsKpis(c, "packaging", "A2.5", "material", bi("packaging material", "包裝材料"));
}
