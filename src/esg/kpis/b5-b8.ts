/**
 * Aspects B5 Supply Chain (B5.1 suppliers by region), B6 Product Responsibility (B6.1 recalls, B6.2
 * complaints), B7 Anti-corruption (B7.1 cases, B7.3 training) and B8 Community Investment (B8.2).
 */
import { share } from "../formulas";
import { bi } from "../bilingual";
import type { KpiContext } from "./context";
import { constant, div, simple, type KpiSpec } from "./result";
import { KPI_ID } from "./ids";

export function otherKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const sup = c.metric("suppliers");
  if (sup) {
    out.push({
      id: KPI_ID.suppliers,
      kpi: "B5.1",
      label: bi("Major suppliers", "主要供應商數目"),
      unit: "count",
      formula: bi("Σ suppliers by region", "各地區供應商數目之和"),
      calc: (y) => constant(c.rowsTotal("suppliers", y)),
      inputs: [c.input("suppliers")],
      excel: c.excel("suppliers"),
      total: c.total("suppliers"),
    });
    for (const r of sup.rows)
      out.push({
        id: `B5.1.region.${r.key}`,
        kpi: "B5.1",
        label: bi(r.label, r.label),
        unit: "count",
        formula: bi(`suppliers in ${r.label}`, `${r.label}的供應商數目`),
        calc: (y) => constant(c.rowValue("suppliers", r.key, y)),
        inputs: [c.rowInput("suppliers", r.key)],
        excel: c.excelRow("suppliers", r.key),
      });
  }
  if (c.metric("products_recalled"))
    out.push({
      id: KPI_ID.recallRate,
      kpi: "B6.1",
      label: bi("Products recalled for safety and health reasons", "因安全與健康理由回收的產品百分比"),
      unit: "%",
      formula: bi("products recalled ÷ products sold or shipped", "回收產品 ÷ 已售或已運送產品總數"),
      calc: (y) => {
        const r = c.value("products_recalled", y);
        const s = c.value("products_sold", y);
        if (r === null) return null;
        // No recalls is 0% whatever the volume sold.
        if (r === 0) return { ok: true, value: 0 };
        return s === null ? null : share(r, s);
      },
      inputs: [c.input("products_recalled"), c.input("products_sold")],
      excel:
        c.value("products_recalled") === 0
          ? c.excel("products_recalled")
          : div(c.excel("products_recalled"), c.excel("products_sold")),
    });
  out.push(
    ...simple(
      c,
      KPI_ID.complaints,
      "complaints",
      "B6.2",
      bi("Product and service complaints", "產品及服務投訴"),
      "count",
    ),
    ...simple(
      c,
      KPI_ID.corruptionCases,
      "corruption_cases",
      "B7.1",
      bi("Concluded corruption cases", "已審結的貪污訴訟案件"),
      "count",
    ),
    ...simple(
      c,
      KPI_ID.antiCorruptionHours,
      "anti_corruption_training_hours",
      "B7.3",
      bi("Anti-corruption training hours", "反貪污培訓時數"),
      "hours",
    ),
    ...simple(
      c,
      KPI_ID.communityInvestment,
      "community_investment",
      "B8.2",
      bi("Community investment", "社區投資"),
      c.metric("community_investment")?.metric.unit ?? "HKD",
    ),
    ...simple(
      c,
      KPI_ID.volunteerHours,
      "volunteer_hours",
      "B8.2",
      bi("Volunteer hours", "義工時數"),
      "hours",
    ),
  );
  return out;
}
