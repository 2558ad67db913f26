/**
 * The factor model: what a factor is (value, unit, gas, kind, key) and the provenance every factor
 * carries (source, publisher, publication date, data year, geography, series).
 */
import type { Bilingual } from "./types";

export const GASES = ["CO2", "CH4", "N2O", "CO2e", "energy", "none"] as const;
/** The gas a factor is about; "energy" for calorific values, "none" for densities. */
export type Gas = (typeof GASES)[number];

export const FACTOR_KINDS = ["grid", "ncv", "carbon-content", "oxidation", "fuel-co2", "ipcc", "gwp", "density", "process"] as const;
/**
 * grid — purchased electricity, mass of CO2 per kWh; ncv — net calorific value, energy per fuel unit;
 * carbon-content — t C per GJ; oxidation — fraction of carbon oxidised; fuel-co2 — CO2 per fuel unit
 * (the product NCV × carbon content × oxidation × 44/12); ipcc — IPCC default per TJ; gwp — global
 * warming potential; density — kg per litre; process — a process emission factor (user-supplied).
 */
export type FactorKind = (typeof FACTOR_KINDS)[number];

export interface Factor {
  /** Stable id, e.g. "cn.grid.national.2022". */
  readonly id: string;
  readonly value: number;
  /** e.g. "kg CO2/kWh", "GJ/t", "t C/GJ", "kg CO2/TJ", "fraction". */
  readonly unit: string;
  readonly gas: Gas;
  readonly kind: FactorKind;
  /** Fuel key ("diesel", "natural-gas", …), grid key ("national", "north", "xinjiang", …) or gas ("CH4") for GWPs. */
  readonly key: string;
  readonly label: Bilingual;
  /** Full title of the source document; secondary sources say so. */
  readonly source: string;
  readonly publisher: string;
  /** Publication date as known: "YYYY", "YYYY-MM" or "YYYY-MM-DD", or a text saying what is known. */
  readonly published: string;
  /** The year the factor describes; null when it is not year-specific (defaults, GWPs, conventions). */
  readonly dataYear: number | null;
  readonly geography: string;
  readonly series: string;
  /** Seeded with the product, or added / overridden by the workbook's factor table. */
  readonly origin: "seed" | "workbook";
  readonly note?: string;
}

export interface FactorLibrary {
  readonly factors: readonly Factor[];
}

/** The series a lookup uses when none is given. Grid: the MEE/NBS statistical series, never the carbon market's. */
export const DEFAULT_SERIES: Readonly<Record<FactorKind, string | null>> = {
  grid: "cn-mee-nbs",
  ncv: "cn-guideline",
  "carbon-content": "cn-guideline",
  oxidation: "cn-guideline",
  "fuel-co2": "cn-guideline",
  ipcc: "ipcc-2006",
  gwp: "ipcc-ar6",
  density: "convention",
  process: null,
};
