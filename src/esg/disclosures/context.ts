/**
 * What every section builder receives: the snapshot, the KPI results by id (and in the engine's order),
 * the findings, the options, and the record of where each result was written.
 */
import { labelKey } from "../coerce";
import { BASE_LIBRARY, type FactorLibrary } from "../factors";
import { findMetric } from "../metrics";
import type { EngineOptions } from "../options";
import type { Snapshot } from "../snapshot";
import type { Bilingual, Finding, KpiResult, ReportLang } from "../types";
import type { Placements } from "./layout";

export interface BuildContext {
  readonly snapshot: Snapshot;
  readonly results: ReadonlyMap<string, KpiResult>;
  /** Results in the engine's order (workbook row order within a breakdown). */
  readonly ordered: readonly KpiResult[];
  readonly findings: readonly Finding[];
  readonly options: EngineOptions;
  readonly lang: ReportLang;
  readonly placements: Placements;
  /** Factor library the KPIs were computed with (seed factors plus the workbook's overrides). */
  readonly library: FactorLibrary;
  /**
   * What the builders learn that the preparer should know but the report must not print (a factor
   * known from a secondary copy, a publication date to check): info findings, collected here.
   */
  readonly preparer: Finding[];
}

export function createContext(
  snapshot: Snapshot,
  kpis: readonly KpiResult[],
  findings: readonly Finding[],
  options: EngineOptions,
  library: FactorLibrary = BASE_LIBRARY,
): BuildContext {
  return {
    snapshot,
    results: new Map(kpis.map((k) => [k.id, k])),
    ordered: kpis,
    findings,
    options,
    lang: options.language,
    placements: new Map(),
    library,
    preparer: [],
  };
}

/** Results whose id starts with `prefix`, in the engine's order, with the rest of the id as `key`. */
export function childrenOf(
  ctx: BuildContext,
  prefix: string,
  exclude: (rest: string) => boolean = () => false,
): Array<{ key: string; result: KpiResult }> {
  const out: Array<{ key: string; result: KpiResult }> = [];
  for (const r of ctx.ordered) {
    if (!r.id.startsWith(prefix)) continue;
    const rest = r.id.slice(prefix.length);
    if (rest === "" || exclude(rest)) continue;
    out.push({ key: rest, result: r });
  }
  return out;
}

/**
 * The label of a breakdown row in both languages: the dictionary's usual label when the workbook's label
 * matches it in either language ("女性" → Female / 女性), else the workbook's own text in both.
 */
export function rowLabel(metricIds: readonly string[], key: string, fallback: Bilingual): Bilingual {
  for (const id of metricIds) {
    for (const l of findMetric(id)?.rowLabels ?? []) {
      if (labelKey(l.en) === key || labelKey(l["zh-HK"]) === key) return l;
    }
  }
  return fallback;
}

/** The metric's label from the dictionary, or the result's own. */
export function metricLabel(metricId: string, fallback: Bilingual): Bilingual {
  return findMetric(metricId)?.label ?? fallback;
}

/** The named range a metric is read from in this workbook (mapped or default). */
export function nameOf(ctx: BuildContext, metricId: string): string {
  return ctx.snapshot.names.get(metricId) ?? findMetric(metricId)?.defaultName ?? metricId;
}
