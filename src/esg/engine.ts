/**
 * One run of the engine over what a workbook host read: snapshot → KPIs → checks → disclosure
 * sheet models (DESIGN.md, "Data flow in one run"). Pure: the hosts read before and write after.
 * The analysis (everything but the sheets) is analyse.ts.
 */
import { analyse, SEVERITY_ORDER } from "./analyse";
import { buildDisclosureSet } from "./disclosures";
import type { EngineOptions } from "./options";
import type { Snapshot } from "./snapshot";
import type { Finding, KpiResult, SheetModel, WorkbookRead } from "./types";

export interface EngineResult {
  readonly options: EngineOptions;
  readonly snapshot: Snapshot;
  readonly findings: readonly Finding[];
  readonly kpis: readonly KpiResult[];
  readonly sheets: readonly SheetModel[];
  /** Defined names the run read data from (for the generation history). */
  readonly sourceNames: readonly string[];
}

export { analyse, resolveOptions } from "./analyse";

export function runEngine(read: WorkbookRead, explicit: Partial<EngineOptions> = {}): EngineResult {
  const { options, snapshot, kpis, findings, library } = analyse(read, explicit);
  const built = buildDisclosureSet(snapshot, kpis, findings, options, library);
  const sheets = built.sheets;
  // What the preparer still has to supply for the index (reasons, report references): info, never printed.
  const all = [...findings, ...built.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const sourceNames = [...new Set([...snapshot.metrics.values()].flatMap((m) => m.sources.map((s) => (s.scope ? `${s.scope}!${s.name}` : s.name))))];
  return { options, snapshot, findings: all, kpis, sheets, sourceNames };
}

export { defaultEngineOptions, type EngineOptions } from "./options";
