/** Every part of the GHG totals and the findings about them, computed once per run. */
import { GENERAL_GUIDELINES } from "../ghg";
import { industryOf } from "../industries";
import { finding } from "../messages";
import type { Finding } from "../types";
import { parseUnit } from "../units";
import { bi } from "../bilingual";
import type { KpiContext } from "./context";
import { fuelParts } from "./ghg-fuels";
import { cellOf, FUELS, hasFigure, instancesOf, type GhgPart, type GhgPlan } from "./ghg-part";
import { processParts, scope2Parts } from "./ghg-scope2";

const plans = new WeakMap<object, { options: object; library: object; plan: GhgPlan }>();

/** Every part of the energy, Scope 1 and Scope 2 totals, with the findings about them (once per run). */
export function ghgPlan(c: KpiContext): GhgPlan {
  const hit = plans.get(c.snapshot);
  if (hit && hit.options === c.options && hit.library === c.library) return hit.plan;
  const plan = computePlan(c);
  plans.set(c.snapshot, { options: c.options, library: c.library, plan });
  return plan;
}

function computePlan(c: KpiContext): GhgPlan {
  const findings: Finding[] = [];
  const guidelines = [...industryOf(c.options.industry).guidelines, ...GENERAL_GUIDELINES];
  const parts: GhgPart[] = [];
  if (hasFigure(c, "electricity"))
    parts.push({
      cells: c.total("electricity"),
      id: "A2.1.electricity.energy",
      total: "energy",
      label: bi("Purchased electricity", "外購電力"),
      metric: "electricity",
      location: cellOf(c, "electricity"),
      value: (y) => c.value("electricity", y),
      excel: c.excel("electricity"),
      factors: [],
    });
  for (const m of FUELS) if (hasFigure(c, m.id)) parts.push(...fuelParts(c, m, guidelines));
  parts.push(...processParts(c, findings));
  parts.push(...scope2Parts(c, findings));
  return { parts, findings };
}

/** The findings of the GHG figures: each part that cannot be computed, then the notes about factors. */
export function ghgFindings(c: KpiContext): Finding[] {
  const plan = ghgPlan(c);
  const stated = FUELS.flatMap((m) =>
    instancesOf(c, m.id)
      .filter((i) => i.value.value !== null && parseUnit(i.unit)?.dimension === "energy")
      .slice(0, 1)
      .map((i) =>
        finding(
          "fuel.energy-stated",
          { metric: m.id, kpi: "A2.1", location: i.value.location },
          { label: m.label, unit: i.unit, canonical: m.unit },
        ),
      ),
  );
  return [...new Set(plan.parts.flatMap((p) => (p.problem ? [p.problem] : []))), ...plan.findings, ...stated];
}
