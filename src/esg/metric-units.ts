/**
 * The unit a workbook states for a metric → the multiplier to the metric's canonical unit.
 * A unit must be one the metric accepts; within that list, units of one dimension convert through
 * units.ts, and a fuel stated by mass where it is kept by volume (or back) converts through the
 * fuel's density in the factor library.
 */
import { densityKgPerLitre, kwhPerFuelUnit } from "./fuel-density";
import type { MetricDef } from "./metrics";
import { tryConvert, unitKey } from "./units";

const memo = new Map<string, number | null>();

/** Multiplier from `unit` to `m.unit`, or null when the metric does not accept the unit. */
export function unitMultiplier(m: MetricDef, unit: string): number | null {
  // Memoised by metric and unit text: a 200-site workbook asks the same question thousands of times.
  const key = `${m.id}\u0000${unit}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const k = computeMultiplier(m, unit);
  memo.set(key, k);
  return k;
}

function computeMultiplier(m: MetricDef, unit: string): number | null {
  const k = unitKey(unit);
  if (!m.acceptedUnits.some((a) => unitKey(a) === k)) return null;
  if (k === unitKey(m.unit)) return 1;
  const direct = tryConvert(1, unit, m.unit);
  if (direct.ok) return direct.value;
  // Fuels stated as energy: kept in the canonical unit through the general guideline's NCV (the GHG
  // figures use the stated energy itself: kpis/ghg-fuels.ts divides the multiplier back out).
  if (m.fuel) {
    const asKwh = tryConvert(1, unit, "kWh");
    if (asKwh.ok) {
      const perUnit = kwhPerFuelUnit(m.fuel, m.unit);
      return perUnit === null || perUnit === 0 ? null : asKwh.value / perUnit;
    }
  }
  // Fuels: mass ↔ volume through density (kg per litre).
  if (m.fuel) {
    const density = densityKgPerLitre(m.fuel);
    if (density === null) return null;
    const asKg = tryConvert(1, unit, "kg");
    const toL = tryConvert(1, m.unit, "L");
    if (asKg.ok && toL.ok) return asKg.value / density / toL.value; // unit → kg → L → canonical
    const asL = tryConvert(1, unit, "L");
    const toKg = tryConvert(1, m.unit, "kg");
    if (asL.ok && toKg.ok) return (asL.value * density) / toKg.value;
  }
  // Units outside units.ts (t CO2e vs kg CO2e).
  if (k === unitKey("kg CO2e") && m.unit === "t CO2e") return 0.001;
  return null;
}
