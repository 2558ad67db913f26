/**
 * One run of the engine over what a workbook host read: snapshot → KPIs → checks → disclosure
 * sheet models (DESIGN.md, "Data flow in one run"). Pure: the hosts read before and write after.
 */
import { runChecks } from "./checks";
import { buildDisclosureSet } from "./disclosures";
import { workbookFactorLibrary } from "./factor-table";
import { ghgFindings } from "./kpis";
import { computeKpis, KpiContext } from "./kpis";
import { CONFIG_NAMES } from "./metrics";
import { defaultEngineOptions, settingsFromWorkbook, type EngineOptions } from "./options";
import { buildSnapshot, type Snapshot } from "./snapshot";
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

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

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
