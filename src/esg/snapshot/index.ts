/**
 * Snapshot: resolves every metric of the dictionary to the workbook's named ranges (the default name,
 * or the group's own from ESG_Mapping), coerces their cells to numbers in the metric's canonical unit,
 * consolidates site sheets, and records where every figure came from. Problems with single cells
 * (blank, text, errors, negative, unit) become findings here; cross-checks run in checks/.
 */
import { definedNameProblem, locate } from "../../sheet-ref";
import { finding } from "../messages";
import { CONFIG_NAMES, METRICS, unitNameOf } from "../metrics";
import { keyValueRows } from "../options";
import { completeSum } from "../totals";
import type { Finding, NamedItem, WorkbookRead } from "../types";
import { readInstance } from "./read-instance";
import type { Instance, MetricValue, RowValue, Snapshot } from "./types";

export type { Figure, Instance, MetricValue, RowValue, Snapshot } from "./types";

const key = (s: string): string => s.toUpperCase();

function groupNames(read: WorkbookRead): Map<string, NamedItem[]> {
  const byName = new Map<string, NamedItem[]>();
  for (const n of read.names) {
    if (n.builtIn) continue;
    const k = key(n.name);
    const list = byName.get(k);
    if (list) list.push(n);
    else byName.set(k, [n]);
  }
  return byName;
}

/** metric id → name: the workbook's ESG_Mapping, overridden by explicit options, else the default name. */
export function resolveNames(
  read: WorkbookRead,
  override: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const mappingItem = mappingItemOf(read);
  const mapped = new Map(keyValueRows(mappingItem).map((r) => [r.key, r.value] as const));
  const out = new Map<string, string>();
  for (const m of METRICS) {
    const name = (Object.hasOwn(override, m.id) ? override[m.id] : undefined) ?? mapped.get(m.id) ?? m.defaultName;
    out.set(m.id, name === "" ? m.defaultName : name);
  }
  return out;
}

/** The workbook-scoped ESG_Mapping name, found once per run (a workbook may define 200,000 names). */
function mappingItemOf(read: WorkbookRead): NamedItem | undefined {
  const k = key(CONFIG_NAMES.mapping);
  return read.names.find((n) => n.scope === null && key(n.name) === k);
}

/** The ESG_Mapping cell that holds a metric's name (column B of its row), or null when not mapped there. */
function mappingCell(mappingItem: NamedItem | undefined, metricId: string): string | null {
  const row = keyValueRows(mappingItem).find((r) => r.key === metricId && r.value !== "");
  return row && mappingItem ? locate(mappingItem.sheet, mappingItem.address, row.row, 1) : null;
}

function isMapped(mappingItem: NamedItem | undefined, metricId: string, override: Readonly<Record<string, string>>): boolean {
  if (Object.hasOwn(override, metricId) && override[metricId]) return true;
  return keyValueRows(mappingItem).some((r) => r.key === metricId && r.value !== "");
}

/** A breakdown's rows by label key: the first row of each key, and every row of the keys that repeat. */
interface RowIndex {
  readonly first: Map<string, RowValue>;
  readonly repeated: Map<string, RowValue[]>;
}

const rowIndexes = new WeakMap<readonly RowValue[], RowIndex>();

/**
 * Built once per breakdown, in one pass: looking up every row of a 100,000-row breakdown stays linear
 * (issue 15), and a breakdown whose labels are all distinct holds no list per row.
 */
function rowIndex(rows: readonly RowValue[]): RowIndex {
  let index = rowIndexes.get(rows);
  if (!index) {
    const first = new Map<string, RowValue>();
    const repeated = new Map<string, RowValue[]>();
    for (const r of rows) {
      const f = first.get(r.key);
      if (f === undefined) first.set(r.key, r);
      else {
        const same = repeated.get(r.key);
        if (same) same.push(r);
        else repeated.set(r.key, [f, r]);
      }
    }
    index = { first, repeated };
    rowIndexes.set(rows, index);
  }
  return index;
}

/** The first row of a breakdown with this label key, as `rows.find` would give it. */
export function findRow(rows: readonly RowValue[], key: string): RowValue | undefined {
  return rowIndex(rows).first.get(key);
}

/** The first row of a breakdown with row r's label key: r itself unless an earlier row has the same label. */
export function firstOfKey(rows: readonly RowValue[], r: RowValue): RowValue {
  const index = rowIndex(rows);
  return index.repeated.size === 0 ? r : (index.first.get(r.key) ?? r);
}

/** Every row of a breakdown with this label key, in order. */
export function rowsWithKey(rows: readonly RowValue[], key: string): readonly RowValue[] {
  const index = rowIndex(rows);
  const f = index.first.get(key);
  return f === undefined ? [] : (index.repeated.get(key) ?? [f]);
}

/** How many rows of a breakdown have this label key (rowsWithKey's length, without the list). */
export function countRowsWithKey(rows: readonly RowValue[], key: string): number {
  const index = rowIndex(rows);
  return index.first.has(key) ? (index.repeated.get(key)?.length ?? 1) : 0;
}

/** Rows of the same label across site sheets: each row's figure is complete over the sites that have the row, or absent. */
function consolidateRows(sites: readonly Instance[]): RowValue[] {
  const byKey = new Map<string, RowValue[]>();
  for (const s of sites)
    for (const r of s.rows) {
      const list = byKey.get(r.key);
      if (list) list.push(r);
      else byKey.set(r.key, [r]);
    }
  const na = new Set<string>();
  for (const s of sites) for (const r of s.rows) if (r.notApplicable) na.add(r.key);
  return [...byKey.entries()].map(([k, rs]) => {
    const years = Math.max(0, ...rs.map((r) => r.prior.length));
    const value = completeSum(rs.map((r) => r.value));
    return {
      label: rs[0].label,
      key: k,
      index: -1,
      value,
      location: null,
      extra: (rs[0].extra ?? []).map((_, i) =>
        [...new Set(rs.map((r) => r.extra[i]).filter((e) => e))].join("; "),
      ),
      prior: Array.from({ length: years }, (_, y) => ({
        value: completeSum(rs.map((r) => r.prior[y]?.value ?? null)),
        location: null,
      })),
      notApplicable: na.has(k) && value === null,
    };
  });
}

export function buildSnapshot(
  read: WorkbookRead,
  mappingOverride: Readonly<Record<string, string>> = {},
): { snapshot: Snapshot; findings: Finding[] } {
  const findings: Finding[] = [];
  const byName = groupNames(read);
  const names = resolveNames(read, mappingOverride);
  const mappingItem = mappingItemOf(read);
  const metrics = new Map<string, MetricValue>();
  const siteSet = new Set<string>();
  const sheetOrder = new Map(read.sheets.map((s, i) => [s.name, i]));

  for (const m of METRICS) {
    const name = names.get(m.id)!;
    const items = byName.get(key(name)) ?? [];
    // A name Excel would refuse never reaches a formula (excel-refs isReferable): say so where it was written.
    const problem = definedNameProblem(name);
    if (problem !== null) {
      const location = mappingCell(mappingItem, m.id) ?? locate(items[0]?.sheet ?? null, items[0]?.address ?? null);
      findings.push(finding("name.not-a-name", { metric: m.id, kpi: m.kpis[0] ?? null, location }, { name: name.length > 80 ? `${name.slice(0, 80)}…` : name, problem }));
      if (items.length === 0) continue;
    }
    if (items.length === 0) {
      if (isMapped(mappingItem, m.id, mappingOverride))
        findings.push(
          finding("name.missing", { metric: m.id, kpi: m.kpis[0] ?? null }, { name, metric: m.label.en }),
        );
      continue;
    }
    const unitItems = byName.get(key(unitNameOf(name))) ?? [];
    const unitFor = (scope: string | null): NamedItem | undefined =>
      unitItems.find((u) => u.scope === scope) ?? unitItems.find((u) => u.scope === null);
    const groupItem = items.find((i) => i.scope === null);
    const siteItems = items
      .filter((i) => i.scope !== null)
      .sort((a, b) => (sheetOrder.get(a.scope!) ?? 0) - (sheetOrder.get(b.scope!) ?? 0));
    const group = groupItem ? readInstance(m, groupItem, unitFor(null), findings) : null;
    const sites = siteItems
      .map((i) => readInstance(m, i, unitFor(i.scope), findings))
      .filter((x): x is Instance => x !== null);
    for (const s of sites) siteSet.add(s.site!);

    let value: number | null = null;
    let prior: (number | null)[] = [];
    let rows: readonly RowValue[] = [];
    let consolidated: MetricValue["consolidated"] = "none";
    if (group) {
      value = group.value.value;
      prior = group.prior.map((p) => p.value);
      rows = group.rows;
      consolidated = "group";
    } else if (sites.length > 0 && (m.additive || sites.length === 1)) {
      // The sum of the site sheets is complete or absent (totals.ts), in every year.
      value = completeSum(sites.map((s) => s.value.value));
      const years = Math.max(0, ...sites.map((s) => s.prior.length));
      prior = Array.from({ length: years }, (_, y) =>
        completeSum(sites.map((s) => s.prior[y]?.value ?? null)),
      );
      rows = sites.length === 1 ? sites[0].rows : consolidateRows(sites);
      consolidated = "sites";
    }
    const sources = [group, ...sites].filter((x): x is Instance => x !== null).map((i) => i.source);
    const instances = group ? [group] : sites;
    const notApplicable =
      value === null &&
      instances.length > 0 &&
      instances.every(
        (i) =>
          i.notApplicable === true || (i.rows.length > 0 && i.rows.every((r) => r.notApplicable === true)),
      );
    metrics.set(m.id, {
      metric: m,
      name,
      group,
      sites,
      value,
      prior,
      rows,
      sources,
      consolidated,
      notApplicable,
    });
  }

  const year = metrics.get("reporting_year")?.value ?? null;
  return {
    snapshot: {
      metrics,
      sites: [...siteSet].sort((a, b) => (sheetOrder.get(a) ?? 0) - (sheetOrder.get(b) ?? 0)),
      reportingYear: year !== null && Number.isInteger(year) ? year : null,
      names,
      read,
    },
    findings,
  };
}

/** The consolidated figure of a metric, or null when the workbook does not have it. */
export function figure(s: Snapshot, id: string): number | null {
  return s.metrics.get(id)?.value ?? null;
}
