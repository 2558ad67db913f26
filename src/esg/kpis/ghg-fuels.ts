/** Each fuel's energy, Scope 1 (or biogenic CO2) as parts of the totals, through src/esg/ghg's NCVs and factors. */
import { siteValueExpr, formatConstant } from "../excel-refs";
import { biomassEmissions, fuelEmissions, fuelToKwh } from "../ghg";
import { finding } from "../messages";
import type { MetricDef } from "../metrics";
import type { Instance } from "../snapshot";
import type { Total } from "../totals";
import type { Bilingual, Finding } from "../types";
import { bi } from "../bilingual";
import type { KpiContext, YearIndex } from "./context";
import { KPI_PREFIX } from "./ids";
import { cellOf, instanceCells, instancesOf, instanceValue, perCanonical, type GhgPart } from "./ghg-part";

export function fuelParts(c: KpiContext, m: MetricDef, guidelines: readonly string[]): GhgPart[] {
  const lib = c.library;
  const insts = instancesOf(c, m.id);
  // One part for the metric when every instance is in the same unit; one per instance otherwise.
  const sameUnit = insts.every((i) => i.unit === insts[0]?.unit);
  const groups: Array<{
    inst: Instance | null;
    value: (y: YearIndex) => number | null;
    excel: string | null;
    location: string | null;
    site: string | null;
    cells: Total;
  }> =
    sameUnit || insts.length === 0
      ? [
          {
            inst: insts[0] ?? null,
            value: (y) => c.value(m.id, y),
            excel: c.excel(m.id),
            location: cellOf(c, m.id),
            site: null,
            cells: c.total(m.id),
          },
        ]
      : insts.map((inst) => ({
          inst,
          value: (y) => instanceValue(inst, y),
          excel: siteValueExpr(inst),
          location: inst.value.location,
          site: inst.site,
          cells: instanceCells(m.label, inst, siteValueExpr(inst)),
        }));
  const out: GhgPart[] = [];
  for (const g of groups) {
    const suffix = g.site === null ? "" : `.${g.site}`;
    const label =
      g.site === null ? m.label : bi(`${m.label.en} — ${g.site}`, `${m.label["zh-HK"]}——${g.site}`);
    // One finding per fuel: the first thing that cannot be computed (energy, else emissions).
    let first: Finding | undefined;
    const problem = (p: Bilingual): Finding =>
      (first ??= finding(
        "fuel.no-factor",
        { metric: m.id, kpi: "A2.1", location: g.location },
        { label: m.label, problem: p.en, problemZh: p["zh-HK"] },
      ));
    // A part that cannot be computed: no figure in any year, and its finding makes every total over it absent.
    const broken = (id: string, total: GhgPart["total"], why: Bilingual): GhgPart => ({
      id,
      total,
      label,
      metric: m.id,
      location: g.location,
      value: () => null,
      excel: null,
      factors: [],
      problem: problem(why),
    });
    const energy = perCanonical(m, g.inst, (u) => fuelToKwh(1, u, m.fuel!, lib, guidelines));
    const scaled = (k: number) => (y: YearIndex) => (g.value(y) === null ? null : g.value(y)! * k);
    const excel = (k: number) => g.excel && `${g.excel}*${formatConstant(k)}`;
    // A part with its factor: the fuel's cells times k (per canonical unit).
    const part = (id: string, total: GhgPart["total"], k: number, factors: readonly string[]): GhgPart => ({
      id,
      total,
      label,
      metric: m.id,
      location: g.location,
      cells: g.cells,
      value: scaled(k),
      excel: excel(k),
      factors,
    });
    out.push(
      energy.ok
        ? {
            ...part(`A2.1.${m.id}.energy${suffix}`, "energy", energy.result.k, energy.result.factors),
            perUnit: energy.result.k,
          }
        : broken(`A2.1.${m.id}.energy${suffix}`, "energy", energy.problem.message),
    );
    if (m.biogenic) {
      const bio = perCanonical(m, g.inst, (u) => biomassEmissions(1, u, m.fuel!, lib));
      if (!bio.ok) {
        out.push(broken(`${KPI_PREFIX.scope1ByFuel}${m.id}${suffix}`, "scope1", bio.problem.message));
        continue;
      }
      const co2 = perCanonical(m, g.inst, (u) => {
        const r = biomassEmissions(1, u, m.fuel!, lib);
        return r.ok ? { ok: true, result: { ...r.result, value: r.result.biogenicCO2 } } : r;
      });
      const bioK = co2.ok ? co2.result.k : 0;
      out.push(
        part(`${KPI_PREFIX.scope1ByFuel}${m.id}${suffix}`, "scope1", bio.result.k, bio.result.factors),
      );
      out.push(part(`${KPI_PREFIX.biogenicByFuel}${m.id}${suffix}`, "biogenic", bioK, bio.result.factors));
      continue;
    }
    const em = perCanonical(m, g.inst, (u) =>
      fuelEmissions(1, u, m.fuel!, lib, { method: c.options.fuelMethod, guidelines }),
    );
    out.push(
      em.ok
        ? part(`${KPI_PREFIX.scope1ByFuel}${m.id}${suffix}`, "scope1", em.result.k, em.result.factors)
        : broken(`${KPI_PREFIX.scope1ByFuel}${m.id}${suffix}`, "scope1", em.problem.message),
    );
  }
  return out;
}
