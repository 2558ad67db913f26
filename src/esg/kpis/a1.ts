/** Aspect A1 Emissions: A1.1 air emissions by type, A1.3 hazardous and A1.4 non-hazardous waste. A1.2 is ghg.ts's. */
import { bi } from "../bilingual";
import type { KpiContext } from "./context";
import { itemsKpis } from "./intensities";
import { constant, type KpiSpec } from "./result";

/** A1.1: each air emission as stated (kg). */
export function airEmissionsKpis(c: KpiContext): KpiSpec[] {
  return (c.metric("air_emissions")?.rows ?? []).map((r) => ({
    id: `A1.1.${r.key}`,
    kpi: "A1.1",
    label: bi(r.label, r.label),
    unit: "kg",
    formula: bi(`${r.label} emitted (kg)`, `${r.label}排放量（千克）`),
    calc: (y) => constant(c.rowValue("air_emissions", r.key, y)),
    inputs: [c.rowInput("air_emissions", r.key)],
    excel: c.excelRow("air_emissions", r.key),
  }));
}

export function* wasteKpis(c: KpiContext): Generator<KpiSpec> {
  yield* itemsKpis(c, "hazardous_waste", "A1.3", "item", bi("hazardous waste", "有害廢棄物"));
  yield* itemsKpis(c, "non_hazardous_waste", "A1.4", "item", bi("non-hazardous waste", "無害廢棄物"));
}
