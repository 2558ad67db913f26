/** What a GHG calculation returns: a result with its formula, steps and factors, or a typed problem. */
import type { Factor } from "../factors";
import type { Bilingual } from "../types";

export type GhgProblemCode = "invalid-amount" | "unknown-unit" | "incompatible-unit" | "unknown-fuel" | "unknown-grid" | "no-factor" | "no-density";

export interface GhgProblem {
  readonly code: GhgProblemCode;
  readonly message: Bilingual;
}

export type GhgOutcome<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly problem: GhgProblem };

/** What every result carries: the figure, its unit, and how it was reached. */
export interface GhgResult {
  readonly value: number;
  readonly unit: string;
  readonly formula: Bilingual;
  /** Ids of the factors used, in the order used. */
  readonly factors: readonly string[];
  /** Each conversion made, with its numbers (e.g. "205 L × 0.84 kg/L = 172.2 kg"). */
  readonly steps: readonly Bilingual[];
  /** Choices and fallbacks worth a footnote (a default coal type, an earlier data year). */
  readonly notes: readonly Bilingual[];
}

export interface FuelEnergyResult extends GhgResult {
  readonly unit: "kWh";
  /** The library key the fuel was read as (e.g. "coal" → "bituminous"). */
  readonly fuel: string;
}

export type EmissionMethod = "china-guideline" | "ipcc";
export type CombustionGas = "CO2" | "CH4" | "N2O";

export interface GasEmission {
  readonly gas: CombustionGas;
  /** Tonnes of the gas itself. */
  readonly tonnes: number;
  readonly gwp: number;
  readonly tCO2e: number;
  readonly factors: readonly string[];
}

export interface FuelEmissionsResult extends GhgResult {
  readonly unit: "t CO2e";
  readonly fuel: string;
  readonly method: EmissionMethod;
  readonly gases: readonly GasEmission[];
}

export interface Scope2Result extends GhgResult {
  readonly unit: "t CO2";
  readonly grid: string;
  readonly dataYear: number | null;
  readonly series: string;
  /** A later factor of the series, published after the as-of date and so not used. */
  readonly newer?: Factor;
}
