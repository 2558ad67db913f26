/** A fuel's density (kg per litre) from the factor library, for fuels kept by volume but stated by mass. */
import { findFactor, type FactorLibrary, BASE_LIBRARY } from "./factors";

export function densityKgPerLitre(fuel: string, lib: FactorLibrary = BASE_LIBRARY): number | null {
  const r = findFactor({ kind: "density", key: fuel }, lib);
  return r.ok ? r.factor.value : null;
}
