/**
 * The KPI context: reads a figure, a breakdown row or a total from the snapshot in any year, and builds
 * the Excel expression over the named ranges that mirrors exactly what was read (excel-refs.ts).
 * The aspect files (a1.ts … b5-b8.ts, ghg.ts) build their KPI specs on it.
 */
import { priorExpr, rowExpr, valueExpr } from "../excel-refs";
import { BASE_LIBRARY, type FactorLibrary } from "../factors";
import { locate } from "../../sheet-ref";
import type { EngineOptions } from "../options";
import { completeSum, lazyTotal, leaf, sumOf, type Total, type YearIndex } from "../totals";
import {
  countRowsWithKey,
  findRow,
  rowsWithKey,
  type Instance,
  type MetricValue,
  type RowValue,
  type Snapshot,
} from "../snapshot";
import type { Bilingual, KpiInput } from "../types";
import { bi } from "../bilingual";
import { REASON } from "../messages";

export type { YearIndex } from "../totals";

const consolidated = new WeakMap<MetricValue, readonly Instance[]>();

/** The instances a metric's figure consolidates: the group's own range, or every site's (one list per metric). */
function consolidatedInstances(m: MetricValue): readonly Instance[] {
  let hit = consolidated.get(m);
  if (!hit) {
    hit = m.consolidated === "group" && m.group ? [m.group] : m.consolidated === "sites" ? m.sites : [];
    consolidated.set(m, hit);
  }
  return hit;
}

export class KpiContext {
  constructor(
    readonly snapshot: Snapshot,
    readonly options: EngineOptions,
    /** Factors: the seeded library with the workbook's ESG_Factors applied. */
    readonly library: FactorLibrary = BASE_LIBRARY,
  ) {}

  metric(id: string): MetricValue | undefined {
    return this.snapshot.metrics.get(id);
  }
  /** A metric's figure in year y, or null. */
  value(id: string, y: YearIndex = -1): number | null {
    const m = this.metric(id);
    if (!m) return null;
    return y < 0 ? m.value : (m.prior[y] ?? null);
  }
  rows(id: string): readonly RowValue[] {
    return this.metric(id)?.rows ?? [];
  }
  row(id: string, key: string): RowValue | undefined {
    return findRow(this.rows(id), key);
  }
  rowValue(id: string, key: string, y: YearIndex = -1): number | null {
    const r = this.row(id, key);
    if (!r) return null;
    return y < 0 ? r.value : (r.prior[y]?.value ?? null);
  }
  /** Σ of a rows metric in year y: complete or null (totals.ts), never the sum of the rows that happen to have a figure. */
  rowsTotal(id: string, y: YearIndex = -1): number | null {
    return this.rows(id).length === 0 ? null : this.total(id).value(y);
  }
  /**
   * A metric's figure as a total of its cells (totals.ts): the sites' cells of a consolidated figure,
   * each row's cells of a breakdown; every missing cell is named with its address.
   */
  total(id: string): Total {
    // Built once per metric and run: rowsTotal and the KPIs ask for the same totals many times.
    const hit = this.totals.get(id);
    if (hit) return hit;
    const t = this.buildTotal(id);
    this.totals.set(id, t);
    return t;
  }
  private readonly totals = new Map<string, Total>();
  private buildTotal(id: string): Total {
    const m = this.metric(id);
    const label = m?.metric.label ?? bi(id, id);
    if (!m) return sumOf(label, []);
    const insts = consolidatedInstances(m);
    const where = (inst: Instance): Bilingual =>
      inst.site === null ? label : bi(`${label.en} [${inst.site}]`, `${label["zh-HK"]}〔${inst.site}〕`);
    if (m.metric.layout === "single") {
      const parts = () =>
        insts.map((inst) =>
          leaf(
            where(inst),
            // A prior year's figure belongs in the cell y + 1 to the right of the reporting year's.
            (y) =>
              y < 0
                ? inst.value
                : (inst.prior[y] ?? {
                    value: null,
                    location: locate(inst.item.sheet, inst.item.address, 0, 1 + y),
                  }),
            null,
          ),
        );
      // The snapshot's figure is already the complete sum of these cells (same rule, totals.ts).
      return lazyTotal(
        label,
        (y) => (y < 0 ? m.value : (m.prior[y] ?? null)),
        parts,
        this.excel(id),
        insts.length,
        (y) => insts.some((inst) => (y < 0 ? inst.value.value : (inst.prior[y]?.value ?? null)) !== null),
      );
    }
    const parts = () =>
      insts.flatMap((inst) =>
        inst.rows.map((r) => {
          const rowLabel = where(inst);
          return leaf(
            bi(`${rowLabel.en} — ${r.label}`, `${rowLabel["zh-HK"]}——${r.label}`),
            (y) =>
              y < 0
                ? { value: r.value, location: r.location }
                : (r.prior[y] ?? { value: null, location: null }),
            null,
          );
        }),
      );
    const rows = m.rows;
    const value = (y: YearIndex): number | null =>
      y < 0 ? m.value : completeSum(rows.map((r) => r.prior[y]?.value ?? null));
    return lazyTotal(
      label,
      value,
      parts,
      this.excel(id),
      insts.reduce((n, i) => n + i.rows.length, 0),
      (y) => insts.some((inst) => inst.rows.some((r) => (y < 0 ? r.value : (r.prior[y]?.value ?? null)) !== null)),
    );
  }
  /** The total of one breakdown row across the instances that have it. */
  rowTotal(id: string, key: string): Total {
    const k = `${id}\u0000${key}`;
    const hit = this.rowTotals.get(k);
    if (hit) return hit;
    const t = this.buildRowTotal(id, key);
    this.rowTotals.set(k, t);
    return t;
  }
  private readonly rowTotals = new Map<string, Total>();
  /**
   * The row's total when it sums the row of more than one instance (site sheets), else undefined: a
   * single row is its own figure, so a total over it adds no finding and no year (incompleteYears
   * skips totals of one part). Saves a total per row of a long breakdown (issue 15, linear in size).
   */
  rowTotalIfSummed(id: string, key: string): Total | undefined {
    const m = this.metric(id);
    if (!m) return undefined;
    const insts = consolidatedInstances(m);
    let size = 0;
    for (const inst of insts) size += countRowsWithKey(inst.rows, key);
    return size > 1 ? this.rowTotal(id, key) : undefined;
  }
  private buildRowTotal(id: string, key: string): Total {
    const m = this.metric(id);
    const r = this.row(id, key);
    const base = m?.metric.label ?? bi(id, id);
    const label = bi(`${base.en} — ${r?.label ?? key}`, `${base["zh-HK"]}——${r?.label ?? key}`);
    if (!m || !r) return sumOf(label, []);
    const insts = consolidatedInstances(m);
    const parts = () =>
      insts.flatMap((inst) =>
        rowsWithKey(inst.rows, key).map((x) =>
          leaf(
            inst.site === null
              ? label
              : bi(`${label.en} [${inst.site}]`, `${label["zh-HK"]}〔${inst.site}〕`),
            (y) =>
              y < 0
                ? { value: x.value, location: x.location }
                : (x.prior[y] ?? { value: null, location: null }),
            null,
          ),
        ),
      );
    // The consolidated row is already the complete sum over the sites that have it (snapshot/).
    const size = insts.reduce((n, inst) => n + rowsWithKey(inst.rows, key).length, 0);
    return lazyTotal(label, (y) => this.rowValue(id, key, y), parts, this.excelRow(id, key), size);
  }
  /**
   * Why a metric's figure cannot be a live formula: the cells of the metric the engine read differently
   * from a formula (numbers stored as text), or null.
   */
  valueOnlyReason(ids: readonly string[]): Bilingual | null {
    const cells: string[] = [];
    const names: string[] = [];
    const statements: string[] = [];
    for (const id of ids) {
      const m = this.metric(id);
      if (!m) continue;
      for (const inst of [m.group, ...m.sites]) {
        if (!inst || inst.coerced.size === 0) continue;
        names.push(m.name);
        for (const rc of inst.coerced) {
          const [r, col] = rc.split(",").map(Number);
          const at = locate(inst.item.sheet, inst.item.address, r, col);
          const q = inst.qualifiers.get(rc);
          if (q) statements.push(`"${q.text}"${at ? ` (${at})` : ""}`);
          else if (at) cells.push(at);
        }
      }
    }
    if (statements.length > 0 && cells.length === 0) return REASON.valueOfStatement(statements);
    if (cells.length === 0) return null;
    const list = [...new Set(cells)].slice(0, 5).join(", ");
    return REASON.valueOfText([...new Set(names)], list);
  }
  input(id: string, y: YearIndex = -1): KpiInput | null {
    const m = this.metric(id);
    const v = this.value(id, y);
    if (!m || v === null) return null;
    return { id, label: m.metric.label, value: v, unit: m.metric.unit, sources: m.sources };
  }
  rowInput(id: string, key: string, y: YearIndex = -1): KpiInput | null {
    const m = this.metric(id);
    const r = this.row(id, key);
    return m && r ? this.inputOfRow(m, r, y) : null;
  }
  /** A breakdown row of metric m as a KPI input in year y, or null when it has no figure that year. */
  inputOfRow(m: MetricValue, r: RowValue, y: YearIndex = -1): KpiInput | null {
    const v = y < 0 ? r.value : (r.prior[y]?.value ?? null);
    if (v === null) return null;
    const text = this.rowInputText(m);
    return {
      id: text.id + r.label,
      label: bi(text.en + r.label, text.zh + r.label),
      value: v,
      unit: m.metric.unit,
      sources: r.location ? [{ name: m.name, scope: null, location: r.location }] : m.sources,
    };
  }
  /** The text every row input of a metric starts with, built once per metric (a long breakdown has many rows). */
  private rowInputText(m: MetricValue): { id: string; en: string; zh: string } {
    let hit = this.rowInputTexts.get(m.metric.id);
    if (!hit) {
      hit = { id: `${m.metric.id}:`, en: `${m.metric.label.en} — `, zh: `${m.metric.label["zh-HK"]}——` };
      this.rowInputTexts.set(m.metric.id, hit);
    }
    return hit;
  }
  private readonly rowInputTexts = new Map<string, { id: string; en: string; zh: string }>();
  excel(id: string): string | null {
    // Memoised: a 200-site formula is a long string, asked for by many KPIs.
    if (this.excels.has(id)) return this.excels.get(id)!;
    const m = this.metric(id);
    const e = m ? valueExpr(m) : null;
    this.excels.set(id, e);
    return e;
  }
  private readonly excels = new Map<string, string | null>();
  excelPrior(id: string, y: number): string | null {
    const m = this.metric(id);
    return m ? priorExpr(m, y) : null;
  }
  excelRow(id: string, key: string): string | null {
    const m = this.metric(id);
    return m ? rowExpr(m, key) : null;
  }
  /** A row's prior-year figure y (0 = the year before): the column after the figure and the metric's text columns. */
  excelRowPrior(id: string, key: string, y: number): string | null {
    const m = this.metric(id);
    return m ? rowExpr(m, key, 3 + (m.metric.extra?.length ?? 0) + y) : null;
  }
}
