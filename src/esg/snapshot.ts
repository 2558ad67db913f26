/**
 * Snapshot: resolves every metric of the dictionary to the workbook's named ranges (the default name,
 * or the group's own from ESG_Mapping), coerces their cells to numbers in the metric's canonical unit,
 * consolidates site sheets, and records where every figure came from. Problems with single cells
 * (blank, text, errors, negative, unit) become findings here; cross-checks run in checks.ts.
 */
import { definedNameProblem, locate, locator } from "../sheet-ref";
import {
  cellText,
  coerceNumber,
  coerceQualified,
  isNotApplicable,
  labelKey,
  type StatedQualifier,
} from "./coerce";
import { finding } from "./messages";
import { CONFIG_NAMES, METRICS, unitNameOf, type MetricDef } from "./metrics";
import { unitMultiplier } from "./metric-units";
import { keyValueRows } from "./options";
import { completeSum } from "./totals";
import type { Bilingual, CellValue, Finding, NamedItem, SourceRef, WorkbookRead } from "./types";

/** One figure with the cell it came from. */
export interface Figure {
  readonly value: number | null;
  readonly location: string | null;
}

export interface RowValue {
  readonly label: string;
  readonly key: string;
  /** 0-based row of the named range this row was read from (-1 for consolidated rows). */
  readonly index: number;
  readonly value: number | null;
  readonly location: string | null;
  /** The metric's `extra` text columns (e.g. treatment). */
  readonly extra: readonly string[];
  readonly prior: readonly Figure[];
  /** The group typed "N/A" / "不適用" in the figure cell: the row does not apply to it. */
  readonly notApplicable?: boolean;
}

/** One instance of a name: the group's (workbook scope) or a site's (sheet scope). */
export interface Instance {
  readonly site: string | null;
  readonly source: SourceRef;
  readonly item: NamedItem;
  readonly unit: string;
  /** stated unit → canonical unit multiplier */
  readonly multiplier: number;
  readonly value: Figure;
  readonly prior: readonly Figure[];
  readonly rows: readonly RowValue[];
  /** Text of a text metric (grid region). */
  readonly text: string;
  /**
   * Cells (0-based "row,col" inside the named range) whose figure the engine read differently from
   * what a formula over the cell gives: a number stored as text (SUM skips it, arithmetic may not
   * parse it in every locale) or a ratio written in percentage points. No live formula reads them.
   */
  readonly coerced: ReadonlySet<string>;
  /** The qualifier of a stated figure written as text ("more than 89%", "超過89%"), by "row,col". */
  readonly qualifiers: ReadonlyMap<string, StatedQualifier>;
  /** The reporting-year cell of a single figure says "N/A" / "不適用". */
  readonly notApplicable?: boolean;
}

export interface MetricValue {
  readonly metric: MetricDef;
  /** The name read (default or mapped). */
  readonly name: string;
  /** The group-level instance (workbook scope), if any. */
  readonly group: Instance | null;
  /** Site instances (sheet scope), in sheet order. */
  readonly sites: readonly Instance[];
  /** Consolidated figure in the canonical unit: the group's, or Σ sites for additive metrics. */
  readonly value: number | null;
  readonly prior: readonly (number | null)[];
  readonly rows: readonly RowValue[];
  readonly sources: readonly SourceRef[];
  /** How the value was formed, for formulas in the tables: the instances it sums. */
  readonly consolidated: "group" | "sites" | "none";
  /**
   * The group says the metric does not apply ("N/A" / "不適用" in its reporting-year cell, in every
   * site that has it): no figure, no finding, "not applicable" in the content index.
   */
  readonly notApplicable?: boolean;
}

export interface Snapshot {
  readonly metrics: ReadonlyMap<string, MetricValue>;
  /** Site sheets seen (sheet-scoped metric names). */
  readonly sites: readonly string[];
  readonly reportingYear: number | null;
  /** metric id → name used, for metrics the mapping or defaults point at. */
  readonly names: ReadonlyMap<string, string>;
  readonly read: WorkbookRead;
}

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
  const mappingItem = read.names.find((n) => key(n.name) === key(CONFIG_NAMES.mapping) && n.scope === null);
  const mapped = new Map(keyValueRows(mappingItem).map((r) => [r.key, r.value] as const));
  const out = new Map<string, string>();
  for (const m of METRICS) {
    const name = (Object.hasOwn(override, m.id) ? override[m.id] : undefined) ?? mapped.get(m.id) ?? m.defaultName;
    out.set(m.id, name === "" ? m.defaultName : name);
  }
  return out;
}

/** The ESG_Mapping cell that holds a metric's name (column B of its row), or null when not mapped there. */
function mappingCell(read: WorkbookRead, metricId: string): string | null {
  const mappingItem = read.names.find((n) => key(n.name) === key(CONFIG_NAMES.mapping) && n.scope === null);
  const row = keyValueRows(mappingItem).find((r) => r.key === metricId && r.value !== "");
  return row && mappingItem ? locate(mappingItem.sheet, mappingItem.address, row.row, 1) : null;
}

function isMapped(read: WorkbookRead, metricId: string, override: Readonly<Record<string, string>>): boolean {
  if (Object.hasOwn(override, metricId) && override[metricId]) return true;
  const mappingItem = read.names.find((n) => key(n.name) === key(CONFIG_NAMES.mapping) && n.scope === null);
  return keyValueRows(mappingItem).some((r) => r.key === metricId && r.value !== "");
}

const label = (m: MetricDef, site: string | null, row?: string): Bilingual => ({
  en: `${m.label.en}${row ? ` — ${row}` : ""}${site ? ` [${site}]` : ""}`,
  "zh-HK": `${m.label["zh-HK"]}${row ? `——${row}` : ""}${site ? `〔${site}〕` : ""}`,
});

/** The instance's records of cells ("row,col" inside the range) read unlike a formula would read them. */
interface CellMarks {
  readonly coerced: Set<string>;
  readonly qualifiers: Map<string, StatedQualifier>;
}

/**
 * Inputs without which whole tables go blank: a blank one is an error, not a warning (issue 10:
 * a blank Headcount made total employees, turnover and training "–" with only a warning).
 */
const CRITICAL: Readonly<Record<string, Bilingual>> = {
  headcount: {
    en: "total employees, turnover rates, training shares and per-employee figures",
    "zh-HK": "僱員總數、流失比率、受訓比例及每名僱員數字",
  },
  production: { en: "every intensity per tonne of product", "zh-HK": "每噸產品的各項密度" },
};

/** Reads one number cell, pushing the finding for anything that is not a usable number. */
function readNumber(
  cell: CellValue | undefined,
  m: MetricDef,
  where: { location: string | null; site: string | null; row?: string },
  findings: Finding[],
  blankIsFinding = true,
  mark?: CellMarks,
  cellRow = 0,
  cellCol = 0,
): number | null {
  // "N/A" / "不適用": the metric or row does not apply; no figure and nothing to report (the snapshot
  // records it for the content index).
  if (isNotApplicable(cell)) return null;
  const ratio = m.dimension === "ratio";
  const c = (m.stated ? coerceQualified(cell, ratio) : null) ?? coerceNumber(cell, ratio);
  // Only a cell with something to say builds its label and location (most cells have nothing).
  if (c.kind === "number" && c.fromText === undefined && !c.percentPoints && !(m.nonNegative && c.value < 0))
    return c.value;
  if (c.kind === "blank" && !blankIsFinding) return null;
  const w = { metric: m.id, kpi: m.kpis[0] ?? null, location: where.location };
  const lbl = label(m, where.site, where.row);
  switch (c.kind) {
    case "number": {
      // A live formula over this cell would not give this figure: it is written as a value instead.
      if (mark && (c.fromText !== undefined || c.percentPoints)) mark.coerced.add(`${cellRow},${cellCol}`);
      if (c.qualifier) mark?.qualifiers.set(`${cellRow},${cellCol}`, c.qualifier);
      // A statement is text in the report ("10%"): read as such, no warning; it never feeds a formula.
      else if (c.fromText !== undefined && !m.stated)
        findings.push(finding("value.text-number", w, { label: lbl, text: c.fromText, value: c.value }));
      else if (c.percentPoints)
        findings.push(
          finding("value.percent-points", w, {
            label: lbl,
            text: String(cell),
            value: `${(c.value * 100).toFixed(2)}%`,
          }),
        );
      if (m.nonNegative && c.value < 0)
        findings.push(finding("value.negative", w, { label: lbl, value: c.value }));
      return c.value;
    }
    case "blank":
      if (CRITICAL[m.id])
        findings.push(finding("value.blank-critical", w, { label: lbl, needs: CRITICAL[m.id] }));
      else if (blankIsFinding) findings.push(finding("value.blank", w, { label: lbl }));
      return null;
    case "text":
      findings.push(finding("value.text", w, { label: lbl, text: c.text.slice(0, 80) }));
      return null;
    case "error":
      findings.push(finding("value.error", w, { label: lbl, code: c.code }));
      return null;
    case "boolean":
      findings.push(finding("value.boolean", w, { label: lbl, value: String(c.value).toUpperCase() }));
      return null;
    case "date":
      findings.push(finding("value.date", w, { label: lbl, iso: c.iso }));
      return null;
    case "uncached":
      findings.push(finding("value.uncached", w, { label: lbl, formula: c.formula }));
      return null;
    case "not-finite":
      findings.push(finding("value.not-finite", w, { label: lbl, value: String(c.value) }));
      return null;
  }
}

const scale = (x: number | null, k: number): number | null => (x === null ? null : x * k);

const LAYOUT_TEXT: Record<MetricDef["layout"], Bilingual> = {
  single: { en: "one cell, prior years to its right", "zh-HK": "一個儲存格，其右為往年數字" },
  rows: { en: "rows of label | figure | prior years", "zh-HK": "每行：標籤 | 數值 | 往年數字" },
};

function readInstance(
  m: MetricDef,
  item: NamedItem,
  unitItem: NamedItem | undefined,
  findings: Finding[],
): Instance | null {
  const site = item.scope;
  const source: SourceRef = {
    name: item.name,
    scope: item.scope,
    location: locate(item.sheet, item.address),
  };
  const where = { metric: m.id, kpi: m.kpis[0] ?? null, location: source.location };
  if (item.status === "broken") {
    findings.push(finding("name.broken", where, { name: item.name }));
    return null;
  }
  if (item.status === "past-grid") {
    findings.push(finding("name.past-grid", where, { name: item.name, refersTo: item.refersTo }));
    return null;
  }
  if (item.status !== "ok" && item.status !== "constant") {
    findings.push(
      finding("name.unreadable", where, { name: item.name, status: item.status, refersTo: item.refersTo }),
    );
    return null;
  }
  if (!item.values) {
    findings.push(finding("name.too-large", where, { name: item.name, note: item.note ?? "no values" }));
    return null;
  }
  const values = item.values;
  // The unit stated beside the figure, else the canonical unit.
  const stated = unitItem?.values ? cellText(unitItem.values[0]?.[0]) : "";
  const unit = stated === "" ? m.unit : stated;
  let multiplier = 1;
  if (m.dimension !== "text") {
    const k = unitMultiplier(m, unit);
    if (k === null) {
      findings.push(
        finding(
          "unit.not-accepted",
          { ...where, location: unitItem ? locate(unitItem.sheet, unitItem.address) : where.location },
          { label: label(m, site), unit, accepted: m.acceptedUnits.join(", ") },
        ),
      );
      return null;
    }
    multiplier = k;
  }
  const at = locator(item.sheet, item.address);
  const coerced = new Set<string>();
  const qualifiers = new Map<string, StatedQualifier>();
  const marks: CellMarks = { coerced, qualifiers };

  if (m.layout === "single") {
    const first = values[0] ?? [];
    if (m.dimension === "text") {
      return {
        site,
        source,
        item,
        unit,
        multiplier,
        value: { value: null, location: at(0, 0) },
        prior: [],
        rows: [],
        text: cellText(first[0]),
        coerced,
        qualifiers,
      };
    }
    const v = scale(
      readNumber(first[0], m, { location: at(0, 0), site }, findings, true, marks, 0, 0),
      multiplier,
    );
    const prior: Figure[] = [];
    for (let c = 1; c < first.length; c++) {
      // Prior-year cells are optional: a blank one is simply no figure.
      prior.push({
        value: scale(
          readNumber(first[c], m, { location: at(0, c), site, row: `${c}` }, findings, false, marks, 0, c),
          multiplier,
        ),
        location: at(0, c),
      });
    }
    const notApplicable = isNotApplicable(first[0]);
    return {
      site,
      source,
      item,
      unit,
      multiplier,
      value: { value: v, location: at(0, 0) },
      prior,
      rows: [],
      text: "",
      coerced,
      qualifiers,
      notApplicable,
    };
  }

  // rows: label | figure | extra… | prior…
  const extraCount = m.extra?.length ?? 0;
  if ((values[0]?.length ?? 0) < 2) {
    findings.push(
      finding("layout.shape", where, {
        name: item.name,
        problem: "a breakdown needs at least two columns (label and figure)",
        problemZh: "分項最少需要兩欄（標籤及數值）",
        layout: LAYOUT_TEXT.rows.en,
        layoutZh: LAYOUT_TEXT.rows["zh-HK"],
      }),
    );
    return null;
  }
  const rows: RowValue[] = [];
  values.forEach((row, r) => {
    const lbl = cellText(row[0]);
    const blankRow = row.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
    if (blankRow) return;
    const v = scale(
      readNumber(
        row[1],
        m,
        { location: at(r, 1), site, row: lbl || `row ${r + 1}` },
        findings,
        true,
        marks,
        r,
        1,
      ),
      multiplier,
    );
    const extra: string[] = [];
    for (let e = 0; e < extraCount; e++) extra.push(cellText(row[2 + e]));
    const prior: Figure[] = [];
    for (let c = 2 + extraCount; c < row.length; c++) {
      prior.push({
        value: scale(
          readNumber(row[c], m, { location: at(r, c), site, row: lbl }, findings, false, marks, r, c),
          multiplier,
        ),
        location: at(r, c),
      });
    }
    const notApplicable = isNotApplicable(row[1]);
    rows.push({
      label: lbl,
      key: labelKey(lbl),
      index: r,
      value: v,
      location: at(r, 1),
      extra,
      prior,
      notApplicable,
    });
  });
  // The breakdown's total is complete or absent (totals.ts): one blank row leaves it without a figure.
  const total = completeSum(rows.map((r) => r.value));
  return {
    site,
    source,
    item,
    unit,
    multiplier,
    value: { value: total, location: at(0, 1) },
    prior: [],
    rows,
    text: "",
    coerced,
    qualifiers,
  };
}

const rowIndexes = new WeakMap<readonly RowValue[], Map<string, RowValue>>();

/**
 * The first row of a breakdown with this label key, as `rows.find` would give it, through an index
 * built once per breakdown: looking up every row of a 100,000-row breakdown stays linear (issue 15).
 */
export function findRow(rows: readonly RowValue[], key: string): RowValue | undefined {
  let index = rowIndexes.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) if (!index.has(r.key)) index.set(r.key, r);
    rowIndexes.set(rows, index);
  }
  return index.get(key);
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
  const metrics = new Map<string, MetricValue>();
  const siteSet = new Set<string>();
  const sheetOrder = new Map(read.sheets.map((s, i) => [s.name, i]));

  for (const m of METRICS) {
    const name = names.get(m.id)!;
    const items = byName.get(key(name)) ?? [];
    // A name Excel would refuse never reaches a formula (excel-refs isReferable): say so where it was written.
    const problem = definedNameProblem(name);
    if (problem !== null) {
      const location = mappingCell(read, m.id) ?? locate(items[0]?.sheet ?? null, items[0]?.address ?? null);
      findings.push(finding("name.not-a-name", { metric: m.id, kpi: m.kpis[0] ?? null, location }, { name: name.length > 80 ? `${name.slice(0, 80)}…` : name, problem }));
      if (items.length === 0) continue;
    }
    if (items.length === 0) {
      if (isMapped(read, m.id, mappingOverride))
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
    let rows: RowValue[] = [];
    let consolidated: MetricValue["consolidated"] = "none";
    if (group) {
      value = group.value.value;
      prior = group.prior.map((p) => p.value);
      rows = [...group.rows];
      consolidated = "group";
    } else if (sites.length > 0 && (m.additive || sites.length === 1)) {
      // The sum of the site sheets is complete or absent (totals.ts), in every year.
      value = completeSum(sites.map((s) => s.value.value));
      const years = Math.max(0, ...sites.map((s) => s.prior.length));
      prior = Array.from({ length: years }, (_, y) =>
        completeSum(sites.map((s) => s.prior[y]?.value ?? null)),
      );
      rows = sites.length === 1 ? [...sites[0].rows] : consolidateRows(sites);
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
