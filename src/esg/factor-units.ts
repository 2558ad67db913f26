/** Factor units ("kg CO2/kWh", "GJ/10⁴ Nm³", "fraction") and whether a unit fits a factor's kind. */
import type { FactorKind } from "./factor-model";
import { parseUnit, type UnitDef } from "./units";

/** One side of a factor unit: a unit and, for masses, the species weighed ("CO2", "C", "CH4"). */
export interface FactorUnitPart {
  readonly unit: UnitDef;
  readonly species: string | null;
}

export type FactorUnit =
  | { readonly kind: "fraction" }
  | { readonly kind: "ratio"; readonly numerator: FactorUnitPart; readonly denominator: FactorUnitPart };

const SPECIES = ["CO2e", "CO2", "CH4", "N2O", "C"];

/** "kg CO2" → kg of CO2 (a mass and its species); "10⁴ Nm³" → a unit alone. */
function parsePart(text: string): FactorUnitPart | null {
  const m = /^(.*?\S)\s*(CO2e|CO2|CH4|N2O|C)$/i.exec(text.trim());
  if (m) {
    const species = SPECIES.find((s) => s.toLowerCase() === m[2].toLowerCase()) ?? null;
    const unit = parseUnit(m[1]);
    if (species && unit && unit.dimension === "mass") return { unit, species };
  }
  const whole = parseUnit(text);
  return whole && whole.dimension !== "emissions" ? { unit: whole, species: null } : null;
}

/** Reads a factor unit such as "kg CO2/kWh", "GJ/10⁴ Nm³", "t CO2e/t CH4" or "fraction"; null when unreadable. */
export function parseFactorUnit(text: string): FactorUnit | null {
  const t = text.trim();
  if (/^(fraction|ratio|%)$/i.test(t)) return { kind: "fraction" };
  const slash = t.indexOf("/");
  if (slash <= 0 || slash !== t.lastIndexOf("/")) return null;
  const numerator = parsePart(t.slice(0, slash));
  const denominator = parsePart(t.slice(slash + 1));
  return numerator && denominator ? { kind: "ratio", numerator, denominator } : null;
}

/** What a factor of each kind must measure: numerator and denominator dimensions. */
export function unitFitsKind(kind: FactorKind, u: FactorUnit): boolean {
  if (kind === "oxidation") return u.kind === "fraction";
  if (u.kind !== "ratio") return false;
  const n = u.numerator.unit.dimension;
  const d = u.denominator.unit.dimension;
  switch (kind) {
    case "grid":
      return n === "mass" && d === "energy";
    case "ncv":
      return n === "energy" && d !== "energy";
    case "carbon-content":
    case "ipcc":
      return n === "mass" && d === "energy";
    case "fuel-co2":
    case "process":
      return n === "mass" && d !== "energy";
    case "gwp":
      return n === "mass" && d === "mass";
    case "density":
      return n === "mass" && d === "volume";
  }
  return false;
}
