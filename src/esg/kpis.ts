/**
 * The HKEX KPIs computed from a snapshot. Each result carries its formula in words, its inputs
 * with their cells (provenance), the prior-year figure where the workbook has one, and a native
 * Excel formula over the named ranges for the disclosure tables. The arithmetic is formulas.ts's;
 * energy and GHG are ghg-kpis.ts's.
 */
import {
  averageHours,
  fatalityRate,
  intensity,
  share,
  trainingRate,
  turnoverRate,
  yoyChange,
  type Calc,
  type CalcError,
} from "./formulas";
import { priorExpr, rowExpr, valueExpr } from "./excel-refs";
import { ghgKpis } from "./ghg-kpis";
import { BASE_LIBRARY, type FactorLibrary } from "./factors";
import { locate } from "../sheet-ref";
import type { EngineOptions } from "./options";
import { completeSum, incompleteYears, lazyTotal, leaf, sumOf, type Total, type YearIndex } from "./totals";
import { findRow, type Instance, type MetricValue, type RowValue, type Snapshot } from "./snapshot";
import type { Bilingual, KpiInput, KpiResult } from "./types";

const B = (en: string, zh: string): Bilingual => ({ en, "zh-HK": zh });

export type { YearIndex } from "./totals";

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
    const label = m?.metric.label ?? B(id, id);
    if (!m) return sumOf(label, []);
    const insts: readonly Instance[] =
      m.consolidated === "group" && m.group ? [m.group] : m.consolidated === "sites" ? m.sites : [];
    const where = (inst: Instance): Bilingual =>
      inst.site === null ? label : B(`${label.en} [${inst.site}]`, `${label["zh-HK"]}〔${inst.site}〕`);
    if (m.metric.layout === "single") {
      const parts = () =>
        insts.map((inst) =>
          leaf(
            where(inst),
            // A prior year's figure belongs in the cell y + 1 to the right of the reporting year's.
            (y) =>
              y < 0
                ? inst.value
                : (inst.prior[y] ?? { value: null, location: locate(inst.item.sheet, inst.item.address, 0, 1 + y) }),
            null,
          ),
        );
      // The snapshot's figure is already the complete sum of these cells (same rule, totals.ts).
      return lazyTotal(label, (y) => (y < 0 ? m.value : (m.prior[y] ?? null)), parts, this.excel(id), insts.length);
    }
    const parts = () =>
      insts.flatMap((inst) =>
        inst.rows.map((r) => {
          const rowLabel = where(inst);
          return leaf(
            B(`${rowLabel.en} — ${r.label}`, `${rowLabel["zh-HK"]}——${r.label}`),
            (y) => (y < 0 ? { value: r.value, location: r.location } : (r.prior[y] ?? { value: null, location: null })),
            null,
          );
        }),
      );
    const rows = m.rows;
    const value = (y: YearIndex): number | null =>
      y < 0 ? m.value : completeSum(rows.map((r) => r.prior[y]?.value ?? null));
    return lazyTotal(label, value, parts, this.excel(id), insts.reduce((n, i) => n + i.rows.length, 0));
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
  private buildRowTotal(id: string, key: string): Total {
    const m = this.metric(id);
    const r = this.row(id, key);
    const base = m?.metric.label ?? B(id, id);
    const label = B(`${base.en} — ${r?.label ?? key}`, `${base["zh-HK"]}——${r?.label ?? key}`);
    if (!m || !r) return sumOf(label, []);
    const insts: readonly Instance[] =
      m.consolidated === "group" && m.group ? [m.group] : m.consolidated === "sites" ? m.sites : [];
    const parts = () =>
      insts.flatMap((inst) =>
        inst.rows
          .filter((x) => x.key === key)
          .map((x) =>
            leaf(
              inst.site === null ? label : B(`${label.en} [${inst.site}]`, `${label["zh-HK"]}〔${inst.site}〕`),
              (y) => (y < 0 ? { value: x.value, location: x.location } : (x.prior[y] ?? { value: null, location: null })),
              null,
            ),
          ),
      );
    // The consolidated row is already the complete sum over the sites that have it (snapshot.ts).
    const size = insts.reduce((n, inst) => n + inst.rows.filter((x) => x.key === key).length, 0);
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
    if (statements.length > 0 && cells.length === 0)
      return B(
        `written as a value: the statement ${statements.join(", ")} is text with a qualifier, and the figure shown is its number`,
        `以數值列示：陳述 ${statements.join("、")} 為附限定詞的文字，所示為其中的數字`,
      );
    if (cells.length === 0) return null;
    const list = [...new Set(cells)].slice(0, 5).join(", ");
    return B(
      `written as a value: ${[...new Set(names)].join(", ")} holds a number stored as text (${list}), which a formula would skip`,
      `以數值列示：${[...new Set(names)].join("、")} 含以文字儲存的數字（${list}），公式會略過該數字`,
    );
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
    const v = this.rowValue(id, key, y);
    if (!m || !r || v === null) return null;
    return {
      id: `${id}:${r.label}`,
      label: B(`${m.metric.label.en} — ${r.label}`, `${m.metric.label["zh-HK"]}——${r.label}`),
      value: v,
      unit: m.metric.unit,
      sources: r.location ? [{ name: m.name, scope: null, location: r.location }] : m.sources,
    };
  }
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

export interface KpiSpec {
  readonly id: string;
  readonly kpi: string;
  readonly label: Bilingual;
  readonly unit: string;
  readonly formula: Bilingual;
  /** The figure in year y: a Calc, or null when an input is missing. */
  readonly calc: (y: YearIndex) => Calc | null;
  readonly inputs: readonly (KpiInput | null)[];
  readonly excel: string | null;
  readonly factors?: readonly string[];
  /** Said when calc gives null. */
  readonly missing?: Bilingual;
  /**
   * Set on a KPI that presents a total: its parts, so a missing part is reported (checks.ts,
   * "total.incomplete") and the total is absent in that year. The figure is `total.value`.
   */
  readonly total?: Total;
}

/** Excel refuses a formula longer than 8,192 characters ("Excel specifications and limits"). */
export const MAX_FORMULA_LENGTH = 8192;

const MISSING = B("Not computed: an input is not in the workbook.", "未能計算：活頁簿中缺少輸入數據。");

/** Turns a spec into a result: the figure, its prior year, the change and why a figure is absent. */
export function toResult(spec: KpiSpec, c?: KpiContext): KpiResult {
  const now = spec.calc(-1);
  const incomplete = spec.total ? incompleteYears(spec.total) : [];
  const before = spec.calc(0);
  const value = now?.ok && Number.isFinite(now.value) ? now.value : null;
  const prior = before?.ok && Number.isFinite(before.value) ? before.value : null;
  const change = value !== null && prior !== null ? yoyChange(value, prior) : null;
  let reason: Bilingual | undefined;
  const partMissing = incomplete.find((i) => i.year === -1);
  if (now === null && partMissing) {
    const p = partMissing.parts[0];
    reason = B(
      `Not shown: the total is incomplete (${p.label.en} has no figure${p.location ? ` at ${p.location}` : ""}).`,
      `不予列示：合計不完整（${p.label["zh-HK"]}沒有數值${p.location ? `，${p.location}` : ""}）。`,
    );
  } else if (now === null) reason = spec.missing ?? MISSING;
  else if (!now.ok) reason = B(`Not computed: ${now.message}.`, `未能計算：${zhReason(now.error)}。`);
  else if (value === null)
    reason = B("Not computed: the figure overflows.", `未能計算：${zhReason("num")}。`);
  const tooLong = spec.excel !== null && spec.excel.length + 1 > MAX_FORMULA_LENGTH;
  const excel = value === null || spec.excel === null || tooLong ? null : spec.excel;
  const valueOnly =
    value !== null && excel === null && c
      ? c.valueOnlyReason(spec.inputs.filter((i): i is KpiInput => i !== null).map((i) => i.id.split(":")[0]))
      : null;
  return {
    id: spec.id,
    kpi: spec.kpi,
    label: spec.label,
    value,
    unit: spec.unit,
    prior,
    change: change?.ok ? change.value : null,
    formula: spec.formula,
    inputs: spec.inputs.filter((i): i is KpiInput => i !== null),
    ...(reason ? { reason } : {}),
    // A figure whose formula would be too long for Excel (many site sheets) is written as its value.
    excel,
    ...(spec.factors ? { factors: spec.factors } : {}),
    ...(incomplete.length > 0 ? { incomplete } : {}),
    ...(valueOnly ? { valueOnly } : {}),
  };
}

function zhReason(e: CalcError): string {
  switch (e) {
    case "div0":
      return "分母為零";
    case "num":
      return "數值無效";
    case "na":
      return "缺少所需數據";
    default:
      return "輸入數據無效";
  }
}

/** Lifts a two-input formula over year-indexed inputs: null when an input is missing. */
export function lift2(
  a: (y: YearIndex) => number | null,
  b: (y: YearIndex) => number | null,
  f: (x: number, z: number) => Calc,
) {
  return (y: YearIndex): Calc | null => {
    const x = a(y);
    const z = b(y);
    return x === null || z === null ? null : f(x, z);
  };
}

/** A figure taken as it is: null stays null, and an overflowed sum (1e308 + 1e308) is an error, not Infinity. */
export const constant = (v: number | null): Calc | null =>
  v === null
    ? null
    : Number.isFinite(v)
      ? { ok: true, value: v }
      : { ok: false, error: "num", message: "the figure overflows" };

const div = (n: string | null, d: string | null): string | null => (n && d ? `${n}/${d}` : null);
const times = (e: string | null, k: number): string | null => (e ? `${e}*${k}` : null);

// ---------------------------------------------------------------------------------------------

const PRODUCTION = B("production (t)", "產量（噸）");

/** Denominators other than production that a group may report intensities against (HKEX "How to prepare", App. 2). */
const DENOMINATORS = [
  { metric: "revenue", suffix: "per-revenue", words: B("revenue", "收益") },
  { metric: "headcount", suffix: "per-employee", words: B("employees", "僱員人數") },
  { metric: "facilities", suffix: "per-facility", words: B("facilities", "設施數目") },
  { metric: "floor_area", suffix: "per-floor-area", words: B("floor area (m²)", "樓面面積（平方米）") },
] as const;

/**
 * Intensities of one amount against every other denominator the workbook has: `<base>.<suffix>`
 * (e.g. "A2.1.electricity.intensity.per-employee"). The production intensity is `<base>` itself.
 */
export function otherIntensities(
  c: KpiContext,
  base: {
    id: string;
    kpi: string;
    label: Bilingual;
    unit: string;
    amount: (y: YearIndex) => number | null;
    excel: string | null;
    inputs: readonly (KpiInput | null)[];
  },
): KpiSpec[] {
  return DENOMINATORS.filter((d) => c.value(d.metric) !== null).map((d) => {
    const denominatorUnit = c.metric(d.metric)!.metric.unit;
    return {
      id: `${base.id}.${d.suffix}`,
      kpi: base.kpi,
      label: B(`${base.label.en} per ${d.words.en}`, `${base.label["zh-HK"]}（每${d.words["zh-HK"]}）`),
      unit: `${base.unit}/${denominatorUnit}`,
      formula: B(
        `${base.label.en} (${base.unit}) ÷ ${d.words.en}`,
        `${base.label["zh-HK"]}（${base.unit}）÷ ${d.words["zh-HK"]}`,
      ),
      calc: lift2(
        base.amount,
        (y) => c.value(d.metric, y),
        (a, b) => intensity(a, b),
      ),
      inputs: [...base.inputs, c.input(d.metric)],
      excel: div(base.excel, c.excel(d.metric)),
    };
  });
}

/** A1.3 / A1.4 / A2.5: a rows metric's items, total and intensity per tonne of product. */
function itemsKpis(
  c: KpiContext,
  metricId: string,
  kpi: string,
  itemWord: string,
  words: Bilingual,
): KpiSpec[] {
  const m = c.metric(metricId);
  if (!m) return [];
  const unit = m.metric.unit;
  const items: KpiSpec[] = m.rows.map((r) => ({
    id: `${kpi}.${itemWord}.${r.key}`,
    kpi,
    label: B(r.label, r.label),
    unit,
    formula: B(`${words.en}: ${r.label}`, `${words["zh-HK"]}：${r.label}`),
    calc: (y) => constant(c.rowValue(metricId, r.key, y)),
    inputs: [c.rowInput(metricId, r.key)],
    excel: c.excelRow(metricId, r.key),
    total: c.rowTotal(metricId, r.key),
  }));
  const total: KpiSpec = {
    id: `${kpi}.total`,
    kpi,
    label: B(`Total ${words.en}`, `${words["zh-HK"]}總量`),
    unit,
    formula: B(`Σ ${words.en} items (${unit})`, `${words["zh-HK"]}各項之和（${unit}）`),
    calc: (y) => constant(c.rowsTotal(metricId, y)),
    inputs: [c.input(metricId)],
    excel: c.excel(metricId),
    total: c.total(metricId),
  };
  const perProduct: KpiSpec = {
    id: `${kpi}.intensity`,
    kpi,
    label: B(`${words.en} intensity`, `${words["zh-HK"]}密度`),
    unit: `${unit}/t`,
    formula: B(
      `total ${words.en} (${unit}) ÷ ${PRODUCTION.en}`,
      `${words["zh-HK"]}總量（${unit}）÷ ${PRODUCTION["zh-HK"]}`,
    ),
    calc: lift2(
      (y) => c.rowsTotal(metricId, y),
      (y) => c.value("production", y),
      (a, b) => intensity(a, b),
    ),
    inputs: [c.input(metricId), c.input("production")],
    excel: div(c.excel(metricId), c.excel("production")),
  };
  const others = otherIntensities(c, {
    id: perProduct.id,
    kpi,
    label: B(`Total ${words.en}`, `${words["zh-HK"]}總量`),
    unit,
    amount: (y) => c.rowsTotal(metricId, y),
    excel: c.excel(metricId),
    inputs: [c.input(metricId)],
  });
  return [...items, total, perProduct, ...others];
}

function emissionsKpis(c: KpiContext): KpiSpec[] {
  return (c.metric("air_emissions")?.rows ?? []).map((r) => ({
    id: `A1.1.${r.key}`,
    kpi: "A1.1",
    label: B(r.label, r.label),
    unit: "kg",
    formula: B(`${r.label} emitted (kg)`, `${r.label}排放量（千克）`),
    calc: (y) => constant(c.rowValue("air_emissions", r.key, y)),
    inputs: [c.rowInput("air_emissions", r.key)],
    excel: c.excelRow("air_emissions", r.key),
  }));
}

/** A2.1 amounts and intensities in each resource's own unit (the seed's A2 table), and A2.2 water. */
function resourceKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  for (const [id, kpi] of [
    ["electricity", "A2.1"],
    ["diesel", "A2.1"],
    ["petrol", "A2.1"],
    ["coal", "A2.1"],
    ["coal_anthracite", "A2.1"],
    ["coal_bituminous", "A2.1"],
    ["coke", "A2.1"],
    ["natural_gas", "A2.1"],
    ["coke_oven_gas", "A2.1"],
    ["semi_coke_gas", "A2.1"],
    ["lpg", "A2.1"],
    ["water", "A2.2"],
  ] as const) {
    const m = c.metric(id);
    // Left out only when no cell has a figure; a site sum with a site missing is shown as "–" with its finding.
    if (!m || (m.value === null && !c.total(id).present(-1))) continue;
    const unit = m.metric.unit;
    const lbl = m.metric.label;
    out.push({
      id: `${kpi}.${id}.amount`,
      kpi,
      label: lbl,
      unit,
      formula: B(`${lbl.en} consumed (${unit})`, `${lbl["zh-HK"]}耗用量（${unit}）`),
      calc: (y) => constant(c.value(id, y)),
      inputs: [c.input(id)],
      excel: c.excel(id),
      // The sum of the site sheets is a total: complete in each year or absent.
      total: c.total(id),
    });
    out.push({
      id: `${kpi}.${id}.intensity`,
      kpi,
      label: B(`${lbl.en} intensity`, `${lbl["zh-HK"]}密度`),
      unit: `${unit}/t`,
      formula: B(
        `${lbl.en} (${unit}) ÷ ${PRODUCTION.en}`,
        `${lbl["zh-HK"]}（${unit}）÷ ${PRODUCTION["zh-HK"]}`,
      ),
      calc: lift2(
        (y) => c.value(id, y),
        (y) => c.value("production", y),
        (a, b) => intensity(a, b),
      ),
      inputs: [c.input(id), c.input("production")],
      excel: div(c.excel(id), c.excel("production")),
    });
    out.push(
      ...otherIntensities(c, {
        id: `${kpi}.${id}.intensity`,
        kpi,
        label: lbl,
        unit,
        amount: (y) => c.value(id, y),
        excel: c.excel(id),
        inputs: [c.input(id)],
      }),
    );
  }
  return out;
}

const BREAKDOWNS = [
  ["gender", "gender"],
  ["age", "age"],
  ["region", "region"],
  ["employment-type", "employment_type"],
  ["category", "category"],
] as const;

function workforceKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  if (c.metric("headcount"))
    out.push({
      id: "B1.1.total",
      kpi: "B1.1",
      label: B("Total workforce", "僱員總數"),
      unit: "person",
      formula: B("employees at 31 December", "12月31日僱員人數"),
      calc: (y) => constant(c.value("headcount", y)),
      inputs: [c.input("headcount")],
      excel: c.excel("headcount"),
      total: c.total("headcount"),
    });
  for (const [b, suffix] of BREAKDOWNS) {
    const id = `headcount_${suffix}`;
    for (const r of c.rows(id))
      out.push({
        id: `B1.1.${b}.${r.key}`,
        kpi: "B1.1",
        label: B(r.label, r.label),
        unit: "person",
        formula: B(`employees — ${r.label}`, `僱員人數——${r.label}`),
        calc: (y) => constant(c.rowValue(id, r.key, y)),
        inputs: [c.rowInput(id, r.key)],
        excel: c.excelRow(id, r.key),
        total: c.rowTotal(id, r.key),
      });
  }
  return out;
}

const METHOD_WORDS: Record<EngineOptions["turnoverMethod"], Bilingual> = {
  average: B(
    "leavers ÷ average headcount ((opening + closing) ÷ 2)",
    "流失人數 ÷ 平均僱員人數（（年初＋年末）÷ 2）",
  ),
  closing: B("leavers ÷ headcount at year end", "流失人數 ÷ 年末僱員人數"),
};

/** B1.2 turnover: overall and per group, by the chosen method, plus each group's share of the overall rate. */
/** The opening headcount of year y: Headcount_Opening, else the prior-year column of Headcount. */
function openingHeadcount(c: KpiContext, y: YearIndex): number | null {
  return y < 0
    ? (c.value("headcount_opening") ?? c.value("headcount", 0))
    : (c.value("headcount_opening", y) ?? c.value("headcount", (y + 1) as YearIndex));
}

/**
 * The turnover method actually used (B1.2): the chosen one, except that "average" without an opening
 * headcount for the reporting year divides by the closing headcount, and says so (formula, footnote,
 * and the finding turnover.closing-used). Prior years use the same method or have no rate.
 */
export function effectiveTurnoverMethod(c: KpiContext): EngineOptions["turnoverMethod"] {
  return c.options.turnoverMethod === "average" && openingHeadcount(c, -1) === null ? "closing" : c.options.turnoverMethod;
}

/** B1.2 turnover: overall and per group, by the chosen method, plus each group's share of the overall rate. */
function turnoverKpis(c: KpiContext): KpiSpec[] {
  const method = effectiveTurnoverMethod(c);
  const out: KpiSpec[] = [];
  const opening = (y: YearIndex): number | null => openingHeadcount(c, y);
  const openingExcel = c.excel("headcount_opening") ?? c.excelPrior("headcount", 0);
  const closingExcel = c.excel("headcount");
  const baseExcel = method === "closing" ? closingExcel : openingExcel && closingExcel ? `((${openingExcel}+${closingExcel})/2)` : null;
  /** One rate by the method in use: the average needs the opening figure of that very year. */
  const rate = (l: number | null, open: number | null, close: number | null): Calc | null => {
    if (l === null || close === null) return null;
    if (method === "closing") return turnoverRate(l, close, close, "closing");
    return open === null ? null : turnoverRate(l, open, close, "average");
  };
  if (c.metric("leavers") || c.rows("leavers_gender").length > 0) {
    const leavers = (y: YearIndex): number | null =>
      c.metric("leavers") ? c.value("leavers", y) : c.rowsTotal("leavers_gender", y);
    const leaversExcel = c.metric("leavers") ? c.excel("leavers") : c.excel("leavers_gender");
    out.push({
      id: "B1.2.total",
      kpi: "B1.2",
      label: B("Employee turnover rate", "僱員流失比率"),
      unit: "%",
      formula: METHOD_WORDS[method],
      calc: (y) => rate(leavers(y), opening(y), c.value("headcount", y)),
      inputs: [c.input("leavers") ?? c.input("leavers_gender"), c.input("headcount"), c.input("headcount_opening")],
      excel: div(leaversExcel, baseExcel),
      ...(c.metric("leavers") ? {} : { total: c.total("leavers_gender") }),
    });
  }
  for (const [b, suffix] of BREAKDOWNS) {
    const lid = `leavers_${suffix}`;
    const hid = `headcount_${suffix}`;
    for (const r of c.rows(lid)) {
      const hasGroup = c.row(hid, r.key) !== undefined;
      // A group's opening headcount is its prior-year closing figure, when the workbook has one.
      const groupOpening = (y: YearIndex) => c.rowValue(hid, r.key, (y + 1) as YearIndex);
      out.push({
        id: `B1.2.${b}.${r.key}`,
        kpi: "B1.2",
        label: B(r.label, r.label),
        unit: "%",
        formula: B(
          `${METHOD_WORDS[method].en}, within the group ${r.label}`,
          `${METHOD_WORDS[method]["zh-HK"]}，以「${r.label}」組別計算`,
        ),
        calc: (y) => rate(c.rowValue(lid, r.key, y), groupOpening(y), c.rowValue(hid, r.key, y)),
        inputs: [c.rowInput(lid, r.key), c.rowInput(hid, r.key)],
        excel:
          method === "closing"
            ? div(c.excelRow(lid, r.key), c.excelRow(hid, r.key))
            : groupOpening(-1) === null
              ? null
              : div(c.excelRow(lid, r.key), `((${c.excelRowPrior(hid, r.key, 0)}+${c.excelRow(hid, r.key)})/2)`),
        missing: !hasGroup
          ? B(
              `No headcount for the group "${r.label}" in ${c.metric(hid)?.name ?? hid}.`,
              `${c.metric(hid)?.name ?? hid} 中沒有「${r.label}」組別的僱員人數。`,
            )
          : method === "average"
            ? B(
                `No opening headcount for the group "${r.label}" (the prior-year column of ${c.metric(hid)?.name ?? hid}): the average method needs it.`,
                `沒有「${r.label}」組別的年初僱員人數（${c.metric(hid)?.name ?? hid} 的上年欄）：平均法需要此數據。`,
              )
            : undefined,
      });
      out.push({
        id: `B1.2.${b}.${r.key}.share-of-total`,
        kpi: "B1.2",
        label: B(`${r.label} (share of total headcount)`, `${r.label}（佔僱員總數）`),
        unit: "%",
        formula: B(
          `leavers in ${r.label} ÷ total headcount at year end`,
          `「${r.label}」流失人數 ÷ 年末僱員總數`,
        ),
        calc: lift2(
          (y) => c.rowValue(lid, r.key, y),
          (y) => c.value("headcount", y),
          share,
        ),
        inputs: [c.rowInput(lid, r.key), c.input("headcount")],
        excel: div(c.excelRow(lid, r.key), c.excel("headcount")),
      });
    }
  }
  if (c.metric("turnover_rate_stated"))
    out.push({
      id: "B1.2.stated",
      kpi: "B1.2",
      label: B("Employee turnover rate (as stated)", "僱員流失比率（所述）"),
      unit: "%",
      formula: B("as stated in the workbook", "按活頁簿所述"),
      calc: (y) => constant(c.value("turnover_rate_stated", y)),
      inputs: [c.input("turnover_rate_stated")],
      excel: c.excel("turnover_rate_stated"),
    });
  return out;
}

function safetyKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const f = c.metric("fatalities");
  if (f) {
    ([-1, 0, 1] as const).forEach((y, i) => {
      const v = c.value("fatalities", y);
      if (v === null) return;
      out.push({
        id: `B2.1.fatalities.y${i}`,
        kpi: "B2.1",
        label: B(
          i === 0
            ? "Work-related fatalities"
            : `Work-related fatalities (${i} year${i > 1 ? "s" : ""} before)`,
          i === 0 ? "因工亡故人數" : `因工亡故人數（${i}年前）`,
        ),
        unit: "person",
        formula: B("work-related fatalities in the year", "年內因工亡故人數"),
        // The prior of year i is year i + 1 (the fatalities cells run back in time to the right).
        calc: (yy) => constant(yy < 0 ? v : c.value("fatalities", (y + 1) as YearIndex)),
        inputs: [c.input("fatalities", y)],
        excel: y < 0 ? c.excel("fatalities") : c.excelPrior("fatalities", y),
      });
    });
    const hours = c.metric("hours_worked");
    const basis = c.options.fatalityBasis;
    out.push(
      hours
        ? {
            id: "B2.1.rate",
            kpi: "B2.1",
            label: B(
              `Fatality rate per ${basis.toLocaleString("en")} hours worked`,
              `每${basis.toLocaleString("en")}工作小時因工亡故比率`,
            ),
            unit: "rate",
            formula: B(`fatalities ÷ hours worked × ${basis}`, `因工亡故人數 ÷ 工作時數 × ${basis}`),
            calc: lift2(
              (y) => c.value("fatalities", y),
              (y) => c.value("hours_worked", y),
              (a, b) => fatalityRate(a, b, basis),
            ),
            inputs: [c.input("fatalities"), c.input("hours_worked")],
            excel: times(div(c.excel("fatalities"), c.excel("hours_worked")), basis),
          }
        : {
            id: "B2.1.rate",
            kpi: "B2.1",
            label: B("Fatality rate (share of employees)", "因工亡故比率（佔僱員人數）"),
            unit: "%",
            formula: B("fatalities ÷ employees at year end", "因工亡故人數 ÷ 年末僱員人數"),
            calc: lift2(
              (y) => c.value("fatalities", y),
              (y) => c.value("headcount", y),
              share,
            ),
            inputs: [c.input("fatalities"), c.input("headcount")],
            excel: div(c.excel("fatalities"), c.excel("headcount")),
          },
    );
  }
  out.push(
    ...simple(
      c,
      "B2.2.lost-days",
      "lost_days",
      "B2.2",
      B("Lost days due to work injury", "因工傷損失工作日數"),
      "days",
    ),
  );
  return out;
}

/**
 * Where a figure comes from when the workbook may give it several ways (Trained, else Σ by category,
 * else Σ by gender): the first source with a reporting-year figure, else the first present. One source
 * serves every year and the formula, so a year never mixes sources and the formula reads what the
 * figure was computed from.
 */
function firstSource(c: KpiContext, ids: readonly string[]): string | null {
  const present = ids.filter((id) => c.metric(id));
  return present.find((id) => c.total(id).value(-1) !== null) ?? present[0] ?? null;
}
const TRAINED_SOURCES = ["trained", "trained_category", "trained_gender"] as const;
const HOURS_SOURCES = ["training_hours_category", "training_hours_gender"] as const;

/** The number trained: Trained, else Σ by category, else Σ by gender (one source for every year). */
export function trainedTotal(c: KpiContext, y: YearIndex = -1): number | null {
  const src = firstSource(c, TRAINED_SOURCES);
  return src === null ? null : c.total(src).value(y);
}
function trainedExcel(c: KpiContext): string | null {
  const src = firstSource(c, TRAINED_SOURCES);
  return src === null ? null : c.excel(src);
}
function trainedParts(c: KpiContext): Total | undefined {
  const src = firstSource(c, TRAINED_SOURCES);
  return src === null ? undefined : c.total(src);
}
export function hoursTotal(c: KpiContext, y: YearIndex = -1): number | null {
  const src = firstSource(c, HOURS_SOURCES);
  return src === null ? null : c.total(src).value(y);
}
function hoursExcel(c: KpiContext): string | null {
  const src = firstSource(c, HOURS_SOURCES);
  return src === null ? null : c.excel(src);
}
function hoursParts(c: KpiContext): Total | undefined {
  const src = firstSource(c, HOURS_SOURCES);
  return src === null ? undefined : c.total(src);
}

const READING_WORDS: Record<EngineOptions["trainingReading"], Bilingual> = {
  "share-of-category": B("trained in the group ÷ employees in the group", "該組別受訓人數 ÷ 該組別僱員人數"),
  "split-of-trained": B("trained in the group ÷ all employees trained", "該組別受訓人數 ÷ 受訓僱員總數"),
};

/**
 * The basis of the B3.2 column: "employee" (hours ÷ employees of the group) when the workbook has the
 * total headcount and a headcount for every group with training hours; otherwise "trained" (hours ÷
 * employees trained), for the overall row and every group alike.
 */
export function trainingHoursBasis(c: KpiContext): "employee" | "trained" {
  if (c.value("headcount") === null) return "trained";
  const everyGroup = (["gender", "category"] as const).every((b) =>
    c.rows(`training_hours_${b}`).every((r) => c.row(`headcount_${b}`, r.key) !== undefined),
  );
  return everyGroup ? "employee" : "trained";
}

function trainingKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const reading = c.options.trainingReading;
  const basis = trainingHoursBasis(c);
  if (firstSource(c, TRAINED_SOURCES) !== null) {
    out.push({
      id: "B3.1.total",
      kpi: "B3.1",
      label: B("Employees trained", "受訓僱員百分比"),
      unit: "%",
      formula: B("employees trained ÷ employees at year end", "受訓僱員人數 ÷ 年末僱員人數"),
      calc: lift2(
        (y) => trainedTotal(c, y),
        (y) => c.value("headcount", y),
        trainingRate,
      ),
      inputs: [
        c.input("trained") ?? c.input("trained_category") ?? c.input("trained_gender"),
        c.input("headcount"),
      ],
      excel: div(trainedExcel(c), c.excel("headcount")),
      total: trainedParts(c),
    });
  }
  for (const b of ["gender", "category"] as const) {
    const tid = `trained_${b}`;
    const hid = `headcount_${b}`;
    const hrs = `training_hours_${b}`;
    for (const r of c.rows(tid)) {
      const groupHeadcount = (y: YearIndex) => c.rowValue(hid, r.key, y);
      out.push(
        reading === "share-of-category"
          ? {
              id: `B3.1.${b}.${r.key}`,
              kpi: "B3.1",
              label: B(r.label, r.label),
              unit: "%",
              formula: READING_WORDS[reading],
              calc: lift2((y) => c.rowValue(tid, r.key, y), groupHeadcount, trainingRate),
              inputs: [c.rowInput(tid, r.key), c.rowInput(hid, r.key)],
              excel: div(c.excelRow(tid, r.key), c.excelRow(hid, r.key)),
              missing: B(
                `No headcount for "${r.label}": the share trained within the group needs it.`,
                `沒有「${r.label}」的僱員人數：計算組別內受訓比例需要此數據。`,
              ),
            }
          : {
              id: `B3.1.${b}.${r.key}`,
              kpi: "B3.1",
              label: B(r.label, r.label),
              unit: "%",
              formula: READING_WORDS[reading],
              calc: lift2(
                (y) => c.rowValue(tid, r.key, y),
                (y) => trainedTotal(c, y),
                share,
              ),
              inputs: [c.rowInput(tid, r.key)],
              excel: div(c.excelRow(tid, r.key), trainedExcel(c)),
            },
      );
    }
    for (const r of c.rows(hrs)) {
      // B3.2 asks for hours per employee of the group. One basis for the whole column: per employee
      // when every group has its headcount, else per employee trained for every group (never mixed).
      const perEmployee = basis === "employee";
      out.push({
        id: `B3.2.${b}.${r.key}`,
        kpi: "B3.2",
        label: B(r.label, r.label),
        unit: "hours",
        formula: perEmployee
          ? B("training hours of the group ÷ employees in the group", "該組別受訓時數 ÷ 該組別僱員人數")
          : B(
              "training hours of the group ÷ employees trained in the group",
              "該組別受訓時數 ÷ 該組別受訓僱員人數",
            ),
        calc: lift2(
          (y) => c.rowValue(hrs, r.key, y),
          (y) => (perEmployee ? c.rowValue(hid, r.key, y) : c.rowValue(tid, r.key, y)),
          averageHours,
        ),
        inputs: [c.rowInput(hrs, r.key), perEmployee ? c.rowInput(hid, r.key) : c.rowInput(tid, r.key)],
        excel: div(c.excelRow(hrs, r.key), perEmployee ? c.excelRow(hid, r.key) : c.excelRow(tid, r.key)),
      });
    }
  }
  if (firstSource(c, HOURS_SOURCES) !== null) {
    out.push({
      id: "B3.2.total",
      kpi: "B3.2",
      label: B("Average training hours per employee", "每名僱員平均受訓時數"),
      unit: "hours",
      formula: B("training hours ÷ employees at year end", "受訓時數 ÷ 年末僱員人數"),
      calc: lift2(
        (y) => hoursTotal(c, y),
        (y) => c.value("headcount", y),
        averageHours,
      ),
      inputs: [c.input("training_hours_category") ?? c.input("training_hours_gender"), c.input("headcount")],
      excel: div(hoursExcel(c), c.excel("headcount")),
      total: hoursParts(c),
    });
    out.push({
      id: "B3.2.total.per-trained",
      kpi: "B3.2",
      label: B("Average training hours per employee trained", "每名受訓僱員平均受訓時數"),
      unit: "hours",
      formula: B("training hours ÷ employees trained", "受訓時數 ÷ 受訓僱員人數"),
      calc: lift2(
        (y) => hoursTotal(c, y),
        (y) => trainedTotal(c, y),
        averageHours,
      ),
      inputs: [
        c.input("training_hours_category") ?? c.input("training_hours_gender"),
        c.input("trained") ?? c.input("trained_category"),
      ],
      excel: div(hoursExcel(c), trainedExcel(c)),
      total: hoursParts(c),
    });
  }
  return out;
}

function simple(
  c: KpiContext,
  id: string,
  metricId: string,
  kpi: string,
  label: Bilingual,
  unit: string,
): KpiSpec[] {
  if (!c.metric(metricId)) return [];
  return [
    {
      id,
      kpi,
      label,
      unit,
      formula: B(`${label.en} (${unit})`, `${label["zh-HK"]}（${unit}）`),
      calc: (y) => constant(c.value(metricId, y)),
      inputs: [c.input(metricId)],
      excel: c.excel(metricId),
    },
  ];
}

function otherKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const sup = c.metric("suppliers");
  if (sup) {
    out.push({
      id: "B5.1.total",
      kpi: "B5.1",
      label: B("Major suppliers", "主要供應商數目"),
      unit: "count",
      formula: B("Σ suppliers by region", "各地區供應商數目之和"),
      calc: (y) => constant(c.rowsTotal("suppliers", y)),
      inputs: [c.input("suppliers")],
      excel: c.excel("suppliers"),
      total: c.total("suppliers"),
    });
    for (const r of sup.rows)
      out.push({
        id: `B5.1.region.${r.key}`,
        kpi: "B5.1",
        label: B(r.label, r.label),
        unit: "count",
        formula: B(`suppliers in ${r.label}`, `${r.label}的供應商數目`),
        calc: (y) => constant(c.rowValue("suppliers", r.key, y)),
        inputs: [c.rowInput("suppliers", r.key)],
        excel: c.excelRow("suppliers", r.key),
      });
  }
  if (c.metric("products_recalled"))
    out.push({
      id: "B6.1.recall-rate",
      kpi: "B6.1",
      label: B("Products recalled for safety and health reasons", "因安全與健康理由回收的產品百分比"),
      unit: "%",
      formula: B("products recalled ÷ products sold or shipped", "回收產品 ÷ 已售或已運送產品總數"),
      calc: (y) => {
        const r = c.value("products_recalled", y);
        const s = c.value("products_sold", y);
        if (r === null) return null;
        // No recalls is 0% whatever the volume sold.
        if (r === 0) return { ok: true, value: 0 };
        return s === null ? null : share(r, s);
      },
      inputs: [c.input("products_recalled"), c.input("products_sold")],
      excel:
        c.value("products_recalled") === 0
          ? c.excel("products_recalled")
          : div(c.excel("products_recalled"), c.excel("products_sold")),
    });
  out.push(
    ...simple(
      c,
      "B6.2.complaints",
      "complaints",
      "B6.2",
      B("Product and service complaints", "產品及服務投訴"),
      "count",
    ),
    ...simple(
      c,
      "B7.1.cases",
      "corruption_cases",
      "B7.1",
      B("Concluded corruption cases", "已審結的貪污訴訟案件"),
      "count",
    ),
    ...simple(
      c,
      "B7.3.hours",
      "anti_corruption_training_hours",
      "B7.3",
      B("Anti-corruption training hours", "反貪污培訓時數"),
      "hours",
    ),
    ...simple(
      c,
      "B8.2.investment",
      "community_investment",
      "B8.2",
      B("Community investment", "社區投資"),
      c.metric("community_investment")?.metric.unit ?? "HKD",
    ),
    ...simple(
      c,
      "B8.2.volunteer-hours",
      "volunteer_hours",
      "B8.2",
      B("Volunteer hours", "義工時數"),
      "hours",
    ),
  );
  return out;
}

export function computeKpis(
  snapshot: Snapshot,
  options: EngineOptions,
  library: FactorLibrary = BASE_LIBRARY,
): KpiResult[] {
  const c = new KpiContext(snapshot, options, library);
  const specs: KpiSpec[] = [
    ...emissionsKpis(c),
    ...ghgKpis(c),
    ...itemsKpis(c, "hazardous_waste", "A1.3", "item", B("hazardous waste", "有害廢棄物")),
    ...itemsKpis(c, "non_hazardous_waste", "A1.4", "item", B("non-hazardous waste", "無害廢棄物")),
    ...resourceKpis(c),
    ...itemsKpis(c, "packaging", "A2.5", "material", B("packaging material", "包裝材料")),
    ...workforceKpis(c),
    ...turnoverKpis(c),
    ...safetyKpis(c),
    ...trainingKpis(c),
    ...otherKpis(c),
  ];
  return specs.map((spec) => toResult(spec, c));
}
