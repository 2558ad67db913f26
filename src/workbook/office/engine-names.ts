/**
 * The defined names whose values the engine reads (src/esg/snapshot/, engine.ts, factor-table.ts):
 * every metric's name — the workbook's ESG_Mapping, else its default — with the `<name>_Unit` beside
 * it, in any scope (sites are sheet-scoped copies), and the engine's own tables (ESG_Mapping,
 * ESG_Settings, ESG_Factors: the ESG_ prefix). The Office host reads the values of these only; every
 * other name is listed with its metadata (Data view), which costs no range read.
 */
import { METRICS, unitNameOf } from "../../esg/metrics";
import { keyValueRows } from "../../esg/options";
import type { NamedItem } from "../../esg/types";

/** Names of the engine's own tables and markers start with this (CONFIG_NAMES, GENERATED_MARKER_NAME). */
const ENGINE_PREFIX = "ESG_";

const key = (name: string): string => name.toUpperCase();

function withUnits(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    if (n.trim() === "") continue;
    out.add(key(n));
    out.add(key(unitNameOf(n)));
  }
  return out;
}

/** Upper-cased names the engine reads before the mapping is known: the metrics' defaults and their units. */
export const DEFAULT_ENGINE_NAMES: ReadonlySet<string> = withUnits(METRICS.map((m) => m.defaultName));

/** Upper-cased names an ESG_Mapping item points metrics at, with their units. */
export function mappedEngineNames(mapping: NamedItem | undefined): Set<string> {
  return withUnits(keyValueRows(mapping).map((r) => r.value));
}

/** Whether the engine reads this name's values, given the names the mapping adds. */
export function engineReads(name: string, mapped: ReadonlySet<string> = new Set()): boolean {
  const k = key(name);
  return k.startsWith(ENGINE_PREFIX) || DEFAULT_ENGINE_NAMES.has(k) || mapped.has(k);
}
