/** A fuel's density (kg per litre) and energy per unit from the factor library, for fuels stated in another unit than kept. */
import { findFactor, type FactorLibrary, BASE_LIBRARY } from "./factors";
import { fuelToKwh } from "./ghg";

export function densityKgPerLitre(fuel: string, lib: FactorLibrary = BASE_LIBRARY): number | null {
  const r = findFactor({ kind: "density", key: fuel }, lib);
  return r.ok ? r.factor.value : null;
}

/** kWh in one `unit` of the fuel (through its NCV, and its density for a volume), or null without the factors. */
export function kwhPerFuelUnit(fuel: string, unit: string, lib: FactorLibrary = BASE_LIBRARY): number | null {
  const r = fuelToKwh(1, unit, fuel, lib);
  return r.ok ? r.result.value : null;
}
