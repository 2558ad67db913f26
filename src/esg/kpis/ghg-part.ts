/**
 * A part of the energy, Scope 1 or Scope 2 total (a fuel, the process emissions, one site's Scope 2)
 * with the cell it comes from, and the helpers the part builders share.
 */
import type { GhgOutcome } from "../ghg";
import { METRICS, type MetricDef } from "../metrics";
import type { Instance } from "../snapshot";
import { leaf, type Total } from "../totals";
import type { Bilingual, Finding } from "../types";
import { parseUnit } from "../units";
import type { KpiContext, YearIndex } from "./context";

export const FUELS = METRICS.filter((m) => m.fuel);
export const PROCESS = METRICS.filter((m) => m.process);

/** One part of a total: a fuel's energy or emissions, the process emissions, one site's Scope 2. */
export interface GhgPart {
  /** The KPI id the part is shown under, or the part's own id (site Scope 2). */
  readonly id: string;
  readonly total: "energy" | "scope1" | "scope2" | "biogenic";
  readonly label: Bilingual;
  readonly metric: string;
  /** The cell the part's input comes from. */
  readonly location: string | null;
  /** The part in year y (kWh, t CO2e or t CO2), or null when the input has no figure that year. */
  readonly value: (y: YearIndex) => number | null;
  readonly excel: string | null;
  readonly factors: readonly string[];
  /** The part per canonical unit of its input (kWh per L, t CO2e per t), when it is one constant. */
  readonly perUnit?: number;
  /** Why the part cannot be computed: the totals it belongs to are incomplete. */
  readonly problem?: Finding;
  /** The part's input cells as a total (totals.ts), so a blank cell in any year is named where it is. */
  readonly cells?: Total;
}

export interface GhgPlan {
  readonly parts: readonly GhgPart[];
  /** Findings about factors and grids that are not about one part (a blank grid, a newer factor). */
  readonly findings: readonly Finding[];
}

export function sum(parts: readonly (number | null)[]): number | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return Number((parts as number[]).reduce((a, b) => a + b, 0).toPrecision(15));
}
export const plus = (xs: readonly (string | null)[]): string | null =>
  xs.length > 0 && xs.every((x) => x !== null) ? xs.join("+") : null;

export function instancesOf(c: KpiContext, id: string): readonly Instance[] {
  const mv = c.metric(id);
  if (!mv) return [];
  if (mv.consolidated === "group" && mv.group) return [mv.group];
  return mv.consolidated === "sites" ? mv.sites : [];
}

export const instanceValue = (inst: Instance, y: YearIndex): number | null =>
  y < 0 ? inst.value.value : (inst.prior[y]?.value ?? null);
export const cellOf = (c: KpiContext, id: string): string | null => c.metric(id)?.sources[0]?.location ?? null;

/**
 * A metric is a part of the totals as soon as any of its cells has a figure in any year: a site or a
 * year left blank then makes the totals over it absent (with a finding), never a sum of fewer parts.
 */
export const hasFigure = (c: KpiContext, id: string): boolean =>
  c.metric(id) !== undefined && ([-1, 0, 1] as const).some((y) => c.total(id).present(y));

/** One instance's cells as a total: its figure and cell in each year. */
export const instanceCells = (label: Bilingual, inst: Instance, excel: string | null): Total =>
  leaf(
    label,
    (y) => (y < 0 ? inst.value : (inst.prior[y] ?? { value: null, location: inst.value.location })),
    excel,
  );

/**
 * Per canonical unit of a fuel, through the unit each instance stated: a figure stated as energy is
 * counted as that energy (no NCV round trip), one stated as mass or volume through the factors.
 */
export function perCanonical<T extends { value: number }>(
  m: MetricDef,
  inst: Instance | null,
  compute: (unit: string) => GhgOutcome<T>,
): GhgOutcome<T & { k: number }> {
  const stated = inst && parseUnit(inst.unit)?.dimension === "energy" ? inst.unit : m.unit;
  const r = compute(stated);
  if (!r.ok) return r;
  const k = stated === m.unit ? r.result.value : r.result.value / (inst?.multiplier ?? 1);
  return { ok: true, result: { ...r.result, k } };
}
