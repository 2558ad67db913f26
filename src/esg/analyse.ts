/**
 * The engine's analysis of what a workbook host read: options, snapshot, KPIs and findings, everything
 * but the disclosure sheets (what `check`, `kpis` and the task pane's views need). Kept apart from
 * engine.ts, which adds the sheets, so that the pane and the ribbon commands load the disclosure
 * builders only when they generate (webpack chunk generate.js, src/use-cases/generate-on-demand.ts).
 */
import { runChecks } from "./checks";
import { workbookFactorLibrary } from "./factor-table";
import { ghgFindings } from "./kpis";
import { computeKpis, KpiContext } from "./kpis";
import { CONFIG_NAMES } from "./metrics";
import { defaultEngineOptions, settingsFromWorkbook, type EngineOptions } from "./options";
import { buildSnapshot } from "./snapshot";
import type { Finding, WorkbookRead } from "./types";

export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Options as the run uses them: explicit › the workbook's ESG_Settings › defaults. */
export function resolveOptions(read: WorkbookRead, explicit: Partial<EngineOptions> = {}): { options: EngineOptions; findings: Finding[] } {
  const item = read.names.find((n) => n.scope === null && n.name.toUpperCase() === CONFIG_NAMES.settings.toUpperCase());
  const fromWorkbook = settingsFromWorkbook(item);
  const defined = Object.fromEntries(Object.entries(explicit).filter(([, v]) => v !== undefined)) as Partial<EngineOptions>;
  const options = { ...defaultEngineOptions, ...fromWorkbook.options, ...defined };
  // Tables written away from their named ranges cannot hold formulas over them: values, said in the notes.
  return { options: options.valuesFor === "sheets-only" ? { ...options, valuesOnly: true } : options, findings: fromWorkbook.findings };
}

/** Snapshot, KPIs and findings: everything but the sheets (what `check` and `kpis` need). */
export function analyse(read: WorkbookRead, explicit: Partial<EngineOptions> = {}) {
  const { options, findings: settingFindings } = resolveOptions(read, explicit);
  const { snapshot, findings: cellFindings } = buildSnapshot(read, options.mapping);
  const { library, findings: factorFindings } = workbookFactorLibrary(read);
  const kpis = computeKpis(snapshot, options, library);
  const ghg = ghgFindings(new KpiContext(snapshot, options, library));
  const findings = [...settingFindings, ...factorFindings, ...cellFindings, ...ghg, ...runChecks(snapshot, kpis, options)].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return { options, snapshot, kpis, findings, library };
}
