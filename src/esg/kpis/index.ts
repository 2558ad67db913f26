/**
 * The HKEX KPIs computed from a snapshot. Each result carries its formula in words, its inputs with
 * their cells (provenance), the prior years' figures where the workbook has them, and a native Excel
 * formula over the named ranges for the disclosure tables. The arithmetic is formulas.ts's; each
 * aspect's specs are in their own file, on the context (context.ts) and the result shape (result.ts).
 */
import { BASE_LIBRARY, type FactorLibrary } from "../factors";
import type { EngineOptions } from "../options";
import type { Snapshot } from "../snapshot";
import type { KpiResult } from "../types";
import { airEmissionsKpis, wasteKpis } from "./a1";
import { packagingKpis, resourceKpis } from "./a2";
import { turnoverKpis, workforceKpis } from "./b1";
import { safetyKpis } from "./b2";
import { trainingKpis } from "./b3";
import { otherKpis } from "./b5-b8";
import { KpiContext } from "./context";
import { ghgKpis } from "./ghg";
import { toResult, type KpiSpec } from "./result";

export { KpiContext, type YearIndex } from "./context";
export { MAX_FORMULA_LENGTH, toResult, type KpiSpec } from "./result";
export { effectiveTurnoverMethod } from "./b1";
export { hoursTotal, trainedTotal, trainingHoursBasis } from "./b3";
export { ghgFindings, ghgPlan } from "./ghg-plan";
export type { GhgPart, GhgPlan } from "./ghg-part";

export function computeKpis(
  snapshot: Snapshot,
  options: EngineOptions,
  library: FactorLibrary = BASE_LIBRARY,
): KpiResult[] {
  const c = new KpiContext(snapshot, options, library);
  // Catalogue order within each part; energy and GHG sit between A1.1 and the waste items as before.
  const aspects: ReadonlyArray<(c: KpiContext) => Iterable<KpiSpec>> = [
    airEmissionsKpis,
    ghgKpis,
    wasteKpis,
    resourceKpis,
    packagingKpis,
    workforceKpis,
    turnoverKpis,
    safetyKpis,
    trainingKpis,
    otherKpis,
  ];
  // Each spec becomes its result as it comes: a long breakdown's specs are never all held at once.
  const results: KpiResult[] = [];
  for (const aspect of aspects) for (const spec of aspect(c)) results.push(toResult(spec, c));
  return results;
}
