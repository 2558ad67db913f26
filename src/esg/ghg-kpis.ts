/**
 * A2.1 energy in '000 kWh and A1.2 / Part D greenhouse gases from the snapshot, through ghg.ts
 * (NCVs, combustion factors, grid factors). Every figure names its factors; the Excel formula
 * carries each factor as a constant (the footnotes give its source and year).
 *
 * Every total is built from named parts (ghgParts): each fuel, the process emissions, each site's
 * Scope 2, with the cell it comes from. A part that cannot be computed (no factor, an unknown grid,
 * process emissions the industry must have) carries a finding, and the totals it belongs to are
 * not shown rather than shown short.
 */
import { locate } from "../sheet-ref";
import { formatConstant, siteValueExpr } from "./excel-refs";
import { findFactor, type Factor } from "./factors";
import {
  biomassEmissions,
  fuelEmissions,
  fuelToKwh,
  GENERAL_GUIDELINES,
  HK_POWER_SERIES,
  scope2Location,
  type GhgOutcome,
} from "./ghg";
import { GRIDS, readGrid } from "./grids";
import { industryOf } from "./industries";
import { intensity } from "./formulas";
import { constant, lift2, otherIntensities, type KpiContext, type KpiSpec, type YearIndex } from "./kpis";
import { finding } from "./messages";
import { CONFIG_NAMES, METRICS, type MetricDef } from "./metrics";
import { factorsAsOfFor, keyValueRows } from "./options";
import type { Instance } from "./snapshot";
import type { Bilingual, Finding } from "./types";
import { LOCATION_BASED } from "./terms";
import { leaf, scaled, sumOf, type Total } from "./totals";
import { parseUnit } from "./units";

const B = (en: string, zh: string): Bilingual => ({ en, "zh-HK": zh });
/** A factor as the words show it (5 significant digits); the Excel formula keeps full precision. */
const shown = (x: number): string =>
  Number(x.toPrecision(5)).toLocaleString("en", { maximumFractionDigits: 10 });
const FUELS = METRICS.filter((m) => m.fuel);
const PROCESS = METRICS.filter((m) => m.process);

/** One part of a total: a fuel's energy or emissions, the process emissions, one site's Scope 2. */
export interface GhgPart {
  /** The KPI id the part is shown under, or the part's own id (site Scope 2). */
  readonly id: string;
  readonly total: "energy" | "scope1" | "scope2" | "biogenic";
  readonly label: Bilingual;
  readonly metric: string;
  /** The cell the part's input comes from. */
  readonly location: string | null;
  /** The part in year y (kWh, t CO2e or t CO2), or null when the input has no figure that year. */
  readonly value: (y: YearIndex) => number | null;
  readonly excel: string | null;
  readonly factors: readonly string[];
  /** The part per canonical unit of its input (kWh per L, t CO2e per t), when it is one constant. */
  readonly perUnit?: number;
  /** Why the part cannot be computed: the totals it belongs to are incomplete. */
  readonly problem?: Finding;
  /** The part's input cells as a total (totals.ts), so a blank cell in any year is named where it is. */
  readonly cells?: Total;
}

export interface GhgPlan {
  readonly parts: readonly GhgPart[];
  /** Findings about factors and grids that are not about one part (a blank grid, a newer factor). */
  readonly findings: readonly Finding[];
}

function sum(parts: readonly (number | null)[]): number | null {
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return Number((parts as number[]).reduce((a, b) => a + b, 0).toPrecision(15));
}
const plus = (xs: readonly (string | null)[]): string | null =>
  xs.length > 0 && xs.every((x) => x !== null) ? xs.join("+") : null;

function instancesOf(c: KpiContext, id: string): readonly Instance[] {
  const mv = c.metric(id);
  if (!mv) return [];
  if (mv.consolidated === "group" && mv.group) return [mv.group];
  return mv.consolidated === "sites" ? mv.sites : [];
}

const instanceValue = (inst: Instance, y: YearIndex): number | null =>
  y < 0 ? inst.value.value : (inst.prior[y]?.value ?? null);
const cellOf = (c: KpiContext, id: string): string | null => c.metric(id)?.sources[0]?.location ?? null;

/**
 * A metric is a part of the totals as soon as any of its cells has a figure in any year: a site or a
 * year left blank then makes the totals over it absent (with a finding), never a sum of fewer parts.
 */
const hasFigure = (c: KpiContext, id: string): boolean =>
  c.metric(id) !== undefined && ([-1, 0, 1] as const).some((y) => c.total(id).present(y));

/** One instance's cells as a total: its figure and cell in each year. */
const instanceCells = (label: Bilingual, inst: Instance, excel: string | null): Total =>
  leaf(
    label,
    (y) => (y < 0 ? inst.value : (inst.prior[y] ?? { value: null, location: inst.value.location })),
    excel,
  );

/**
 * Per canonical unit of a fuel, through the unit each instance stated: a figure stated as energy is
 * counted as that energy (no NCV round trip), one stated as mass or volume through the factors.
 */
function perCanonical<T extends { value: number }>(
  m: MetricDef,
  inst: Instance | null,
  compute: (unit: string) => GhgOutcome<T>,
): GhgOutcome<T & { k: number }> {
  const stated = inst && parseUnit(inst.unit)?.dimension === "energy" ? inst.unit : m.unit;
  const r = compute(stated);
  if (!r.ok) return r;
  const k = stated === m.unit ? r.result.value : r.result.value / (inst?.multiplier ?? 1);
  return { ok: true, result: { ...r.result, k } };
}

function fuelParts(c: KpiContext, m: MetricDef, guidelines: readonly string[]): GhgPart[] {
  const lib = c.library;
  const insts = instancesOf(c, m.id);
  // One part for the metric when every instance is in the same unit; one per instance otherwise.
  const sameUnit = insts.every((i) => i.unit === insts[0]?.unit);
  const groups: Array<{
    inst: Instance | null;
    value: (y: YearIndex) => number | null;
    excel: string | null;
    location: string | null;
    site: string | null;
    cells: Total;
  }> =
    sameUnit || insts.length === 0
      ? [
          {
            inst: insts[0] ?? null,
            value: (y) => c.value(m.id, y),
            excel: c.excel(m.id),
            location: cellOf(c, m.id),
            site: null,
            cells: c.total(m.id),
          },
        ]
      : insts.map((inst) => ({
          inst,
          value: (y) => instanceValue(inst, y),
          excel: siteValueExpr(inst),
          location: inst.value.location,
          site: inst.site,
          cells: instanceCells(m.label, inst, siteValueExpr(inst)),
        }));
  const out: GhgPart[] = [];
  for (const g of groups) {
    const suffix = g.site === null ? "" : `.${g.site}`;
    const label =
      g.site === null ? m.label : B(`${m.label.en} — ${g.site}`, `${m.label["zh-HK"]}——${g.site}`);
    // One finding per fuel: the first thing that cannot be computed (energy, else emissions).
    let first: Finding | undefined;
    const problem = (p: Bilingual): Finding =>
      (first ??= finding(
        "fuel.no-factor",
        { metric: m.id, kpi: "A2.1", location: g.location },
        { label: m.label, problem: p.en, problemZh: p["zh-HK"] },
      ));
    // A part that cannot be computed: no figure in any year, and its finding makes every total over it absent.
    const broken = (id: string, total: GhgPart["total"], why: Bilingual): GhgPart => ({
      id,
      total,
      label,
      metric: m.id,
      location: g.location,
      value: () => null,
      excel: null,
      factors: [],
      problem: problem(why),
    });
    const energy = perCanonical(m, g.inst, (u) => fuelToKwh(1, u, m.fuel!, lib, guidelines));
    const scaled = (k: number) => (y: YearIndex) => (g.value(y) === null ? null : g.value(y)! * k);
    const excel = (k: number) => g.excel && `${g.excel}*${formatConstant(k)}`;
    out.push(
      energy.ok
        ? {
            id: `A2.1.${m.id}.energy${suffix}`,
            total: "energy",
            label,
            metric: m.id,
            location: g.location,
            cells: g.cells,
            value: scaled(energy.result.k),
            excel: excel(energy.result.k),
            factors: energy.result.factors,
            perUnit: energy.result.k,
          }
        : broken(`A2.1.${m.id}.energy${suffix}`, "energy", energy.problem.message),
    );
    if (m.biogenic) {
      const bio = perCanonical(m, g.inst, (u) => biomassEmissions(1, u, m.fuel!, lib));
      if (!bio.ok) {
        out.push(broken(`A1.2.scope1.${m.id}${suffix}`, "scope1", bio.problem.message));
        continue;
      }
      const co2 = perCanonical(m, g.inst, (u) => {
        const r = biomassEmissions(1, u, m.fuel!, lib);
        return r.ok ? { ok: true, result: { ...r.result, value: r.result.biogenicCO2 } } : r;
      });
      const bioK = co2.ok ? co2.result.k : 0;
      out.push({
        id: `A1.2.scope1.${m.id}${suffix}`,
        total: "scope1",
        label,
        metric: m.id,
        location: g.location,
        cells: g.cells,
        value: scaled(bio.result.k),
        excel: excel(bio.result.k),
        factors: bio.result.factors,
      });
      out.push({
        id: `A1.2.biogenic.${m.id}${suffix}`,
        total: "biogenic",
        label,
        metric: m.id,
        location: g.location,
        cells: g.cells,
        value: scaled(bioK),
        excel: excel(bioK),
        factors: bio.result.factors,
      });
      continue;
    }
    const em = perCanonical(m, g.inst, (u) =>
      fuelEmissions(1, u, m.fuel!, lib, { method: c.options.fuelMethod, guidelines }),
    );
    out.push(
      em.ok
        ? {
            id: `A1.2.scope1.${m.id}${suffix}`,
            total: "scope1",
            label,
            metric: m.id,
            location: g.location,
            cells: g.cells,
            value: scaled(em.result.k),
            excel: excel(em.result.k),
            factors: em.result.factors,
          }
        : broken(`A1.2.scope1.${m.id}${suffix}`, "scope1", em.problem.message),
    );
  }
  return out;
}

/** Process emissions: ProcessCO2 as stated, else a process metric × its factor; or a finding when the industry must have them. */
function processParts(c: KpiContext, findings: Finding[]): GhgPart[] {
  const industry = industryOf(c.options.industry);
  if (c.value("process_co2") !== null) {
    if (PROCESS.some((m) => c.value(m.id) !== null))
      findings.push(
        finding("process.both", { metric: "process_co2", kpi: "A1.2", location: cellOf(c, "process_co2") }),
      );
    return [
      {
        id: "A1.2.scope1.process_co2",
        total: "scope1",
        label: B("Scope 1 — process emissions", "範圍1——工業過程排放"),
        metric: "process_co2",
        location: cellOf(c, "process_co2"),
        value: (y) => c.value("process_co2", y),
        cells: c.total("process_co2"),
        excel: c.excel("process_co2"),
        factors: [],
      },
    ];
  }
  const out: GhgPart[] = [];
  for (const m of PROCESS) {
    if (c.value(m.id) === null) continue;
    const r = findFactor({ kind: "process", key: m.process! }, c.library);
    const location = cellOf(c, m.id);
    if (!r.ok) {
      const problem = finding(
        "fuel.no-factor",
        { metric: m.id, kpi: "A1.2", location },
        { label: m.label, problem: r.message.en, problemZh: r.message["zh-HK"] },
      );
      out.push({
        id: `A1.2.scope1.${m.id}`,
        total: "scope1",
        label: m.label,
        metric: m.id,
        location,
        value: () => null,
        excel: null,
        factors: [],
        problem,
      });
      continue;
    }
    const k = r.factor.value; // t CO2 per t: the metric is kept in t
    out.push({
      id: `A1.2.scope1.${m.id}`,
      total: "scope1",
      label: m.label,
      metric: m.id,
      location,
      value: (y) => (c.value(m.id, y) === null ? null : c.value(m.id, y)! * k),
      excel: c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k)}`,
      factors: [r.factor.id],
    });
  }
  if (out.length === 0 && industry.processMetrics.length > 0) {
    const names = industry.processMetrics
      .map((id) => c.snapshot.names.get(id) ?? METRICS.find((m) => m.id === id)?.defaultName ?? id)
      .join(" / ");
    const problem = finding(
      "process.missing",
      { metric: "process_co2", kpi: "D.scope1", location: settingCell(c, "industry") },
      {
        industry: industry.label.en,
        industryZh: industry.label["zh-HK"],
        process: industry.process!.en,
        processZh: industry.process!["zh-HK"],
        names,
      },
    );
    out.push({
      id: "A1.2.scope1.process",
      total: "scope1",
      label: B(
        `Process emissions (${industry.process!.en}): not in the workbook`,
        `工業過程排放（${industry.process!["zh-HK"]}）：活頁簿未有數據`,
      ),
      metric: "process_co2",
      location: null,
      value: () => null,
      excel: null,
      factors: [],
      problem,
    });
  }
  return out;
}

/** The cell of a setting in the workbook's ESG_Settings table (where the industry was chosen), if there is one. */
function settingCell(c: KpiContext, key: string): string | null {
  const table = c.snapshot.read.names.find(
    (n) => n.scope === null && n.name.toUpperCase() === CONFIG_NAMES.settings.toUpperCase(),
  );
  const row = keyValueRows(table).find((r) => r.key === key);
  return table && row ? locate(table.sheet, table.address, row.row, 1) : null;
}

const ACCEPTED_GRIDS = GRIDS.map((g) => (g.key === "south" ? "South China" : g.label.en)).join(", ");

/** Scope 2, location-based: each site's electricity at its own grid and the factor that applied to each year. */
function scope2Parts(c: KpiContext, findings: Finding[]): GhgPart[] {
  const elec = c.metric("electricity");
  const reportingYear = c.snapshot.reportingYear;
  if (!elec || !hasFigure(c, "electricity") || reportingYear === null) return [];
  const grid = c.metric("grid_region");
  const siteGrid = (site: string | null): { text: string; location: string | null } => {
    const s = site !== null ? grid?.sites.find((g) => g.site === site) : undefined;
    const inst = s ?? grid?.group ?? null;
    return { text: inst?.text ?? "", location: inst?.value.location ?? null };
  };
  const bySite: Array<{ site: string | null; inst: Instance | null }> =
    elec.consolidated === "sites"
      ? elec.sites.map((s) => ({ site: s.site, inst: s }))
      : [{ site: null, inst: null }];
  const out: GhgPart[] = [];
  const newerSeen = new Set<string>();
  for (const { site, inst } of bySite) {
    const label =
      site === null
        ? B("Purchased electricity", "外購電力")
        : B(`Purchased electricity — ${site}`, `外購電力——${site}`);
    const id = `A1.2.scope2.${site ?? "group"}`;
    const location = inst ? inst.value.location : cellOf(c, "electricity");
    const g = siteGrid(site);
    const kwh = (y: YearIndex): number | null =>
      inst === null ? c.value("electricity", y) : instanceValue(inst, y);
    const broken = (problem: Finding): GhgPart => ({
      id,
      total: "scope2",
      label,
      metric: "electricity",
      location,
      value: () => null,
      excel: null,
      factors: [],
      problem,
    });
    const reading = readGrid(g.text);
    if (!reading.ok && reading.reason !== "blank") {
      const rule = reading.reason === "hong-kong" ? "grid.hong-kong" : "grid.unknown";
      out.push(
        broken(
          finding(
            rule,
            { metric: "grid_region", kpi: "D.scope2", location: g.location },
            { label, text: g.text, accepted: ACCEPTED_GRIDS },
          ),
        ),
      );
      continue;
    }
    if (reading.ok && reading.note)
      findings.push(
        finding(
          "grid.province",
          { metric: "grid_region", kpi: "D.scope2", location: g.location },
          { label, note: reading.note },
        ),
      );
    // No GridRegion cell to point at when the name is absent: the finding names the metric instead.
    if (!reading.ok)
      findings.push(
        finding("grid.blank", { metric: "grid_region", kpi: "D.scope2", location: g.location }, { label }),
      );
    const gridDef = reading.ok ? reading.grid : GRIDS[0];
    // The data year each year index takes, and the date its factors are taken as of.
    const dataYear = (y: YearIndex) => (c.options.gridYear ?? reportingYear) - 1 - y;
    const asOf = (y: YearIndex) =>
      c.options.gridYear === null
        ? factorsAsOfFor(c.options, reportingYear, reportingYear - 1 - y)
        : undefined;
    const factorOf = (y: YearIndex) =>
      scope2Location(
        1,
        {
          grid: g.text,
          year: dataYear(y),
          series: c.options.gridSeries,
          ...(asOf(y) ? { asOf: asOf(y) } : {}),
        },
        c.library,
      );
    const now = factorOf(-1);
    if (!now.ok) {
      const why = asOf(-1)
        ? B(`none published by ${asOf(-1)}`, `${asOf(-1)}前未有公布`)
        : B("none in the factor library", "因子庫沒有");
      out.push(
        broken(
          finding(
            "grid.no-factor",
            { metric: "grid_region", kpi: "D.scope2", location: g.location ?? location },
            {
              label,
              grid: gridDef.label.en,
              gridZh: gridDef.label["zh-HK"],
              year: dataYear(-1),
              key: gridDef.key,
              series: gridDef.kind === "hk-company" ? HK_POWER_SERIES : c.options.gridSeries,
              why: why.en,
              whyZh: why["zh-HK"],
            },
          ),
        ),
      );
      continue;
    }
    const k = (y: YearIndex): number | null => {
      const r = y < 0 ? now : factorOf(y);
      return r.ok ? r.result.value : null;
    };
    const newer: Factor | undefined = now.result.newer;
    if (newer && !newerSeen.has(gridDef.key)) {
      newerSeen.add(gridDef.key);
      const used = c.library.factors.find((f) => f.id === now.result.factors[0]);
      findings.push(
        finding(
          "factor.newer",
          { metric: "grid_region", kpi: "D.scope2", location: g.location },
          {
            grid: gridDef.label.en,
            gridZh: gridDef.label["zh-HK"],
            usedYear: now.result.dataYear ?? "—",
            usedValue: used ? `${used.value} ${used.unit}` : "—",
            asOf: asOf(-1) ?? "—",
            newYear: newer.dataYear ?? "—",
            newValue: `${newer.value} ${newer.unit}`,
            newPublished: newer.published,
          },
        ),
      );
    }
    const excelKwh = inst === null ? c.excel("electricity") : siteValueExpr(inst);
    // The factors of the prior years shown too (each the one that applied to its year), for the notes.
    const priorFactors = ([0, 1] as const).flatMap((y) => {
      const r = kwh(y) === null ? null : factorOf(y);
      return r?.ok ? r.result.factors : [];
    });
    out.push({
      id,
      total: "scope2",
      label,
      metric: "electricity",
      location,
      cells: inst === null ? c.total("electricity") : instanceCells(label, inst, excelKwh),
      value: (y) => {
        const e = kwh(y);
        const f = k(y);
        return e === null || f === null ? null : e * f;
      },
      excel: excelKwh && `${excelKwh}*${formatConstant(now.result.value)}`,
      factors: [...new Set([...now.result.factors, ...priorFactors])],
    });
  }
  return out;
}

const plans = new WeakMap<object, { options: object; library: object; plan: GhgPlan }>();

/** Every part of the energy, Scope 1 and Scope 2 totals, with the findings about them (once per run). */
export function ghgPlan(c: KpiContext): GhgPlan {
  const hit = plans.get(c.snapshot);
  if (hit && hit.options === c.options && hit.library === c.library) return hit.plan;
  const plan = computePlan(c);
  plans.set(c.snapshot, { options: c.options, library: c.library, plan });
  return plan;
}

function computePlan(c: KpiContext): GhgPlan {
  const findings: Finding[] = [];
  const guidelines = [...industryOf(c.options.industry).guidelines, ...GENERAL_GUIDELINES];
  const parts: GhgPart[] = [];
  if (hasFigure(c, "electricity"))
    parts.push({
      cells: c.total("electricity"),
      id: "A2.1.electricity.energy",
      total: "energy",
      label: B("Purchased electricity", "外購電力"),
      metric: "electricity",
      location: cellOf(c, "electricity"),
      value: (y) => c.value("electricity", y),
      excel: c.excel("electricity"),
      factors: [],
    });
  for (const m of FUELS) if (hasFigure(c, m.id)) parts.push(...fuelParts(c, m, guidelines));
  parts.push(...processParts(c, findings));
  parts.push(...scope2Parts(c, findings));
  return { parts, findings };
}

/** The findings of the GHG figures: each part that cannot be computed, then the notes about factors. */
export function ghgFindings(c: KpiContext): Finding[] {
  const plan = ghgPlan(c);
  const stated = FUELS.flatMap((m) =>
    instancesOf(c, m.id)
      .filter((i) => i.value.value !== null && parseUnit(i.unit)?.dimension === "energy")
      .slice(0, 1)
      .map((i) =>
        finding(
          "fuel.energy-stated",
          { metric: m.id, kpi: "A2.1", location: i.value.location },
          { label: m.label, unit: i.unit, canonical: m.unit },
        ),
      ),
  );
  return [...new Set(plan.parts.flatMap((p) => (p.problem ? [p.problem] : []))), ...plan.findings, ...stated];
}

const located = (p: GhgPart): string => (p.location ? `${p.label.en} (${p.location})` : p.label.en);
const locatedZh = (p: GhgPart): string =>
  p.location ? `${p.label["zh-HK"]}（${p.location}）` : p.label["zh-HK"];

/** Why a total is not shown: the parts that cannot be computed. */
function incomplete(parts: readonly GhgPart[]): Bilingual | undefined {
  const broken = parts.filter((p) => p.problem);
  if (broken.length === 0) return undefined;
  return B(
    `Not computed: incomplete — ${broken.map(located).join("; ")} cannot be computed (see the checks).`,
    `未能計算：數據不完整——${broken.map(locatedZh).join("；")}無法計算（見檢查結果）。`,
  );
}

/** A total over parts: shown only when every part is (complete or absent). */
function totalOf(
  label: Bilingual,
  parts: readonly GhgPart[],
): { value: (y: YearIndex) => number | null; excel: string | null; missing?: Bilingual; total?: Total } {
  const missing = incomplete(parts);
  // A part that cannot be computed already has its own finding (p.problem); the total is absent in every year.
  if (missing) return { value: () => null, excel: null, missing };
  // Otherwise the one total rule (totals.ts): a part blank in some year is a total.incomplete finding at its cell.
  const total = sumOf(
    label,
    parts.map((p) =>
      p.cells
        ? scaled(p.cells, 1, p.excel, p.label)
        : leaf(p.label, (y) => ({ value: p.value(y), location: p.location }), p.excel),
    ),
  );
  return { value: (y) => sum(parts.map((p) => p.value(y))), excel: plus(parts.map((p) => p.excel)), total };
}

export function ghgKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const { parts } = ghgPlan(c);
  const input = (p: GhgPart) => c.input(p.metric);
  const of = (t: GhgPart["total"]) => parts.filter((p) => p.total === t);

  // Energy ('000 kWh) ----------------------------------------------------------------------------
  for (const p of of("energy")) {
    const m = METRICS.find((x) => x.id === p.metric)!;
    const elec = p.metric === "electricity";
    out.push({
      id: p.id,
      kpi: "A2.1",
      label: p.label,
      unit: "'000 kWh",
      formula: elec
        ? B("electricity (kWh) ÷ 1,000", "電力（千瓦時）÷ 1,000")
        : B(
            `${m.label.en} (${m.unit}) × ${shown(p.perUnit ?? NaN)} kWh per ${m.unit} (NCV, or the energy as stated) ÷ 1,000`,
            `${m.label["zh-HK"]}（${m.unit}）× 每${m.unit} ${shown(p.perUnit ?? NaN)} 千瓦時（低位發熱量，或按所填能源）÷ 1,000`,
          ),
      calc: (y) => constant(p.value(y) === null ? null : p.value(y)! / 1000),
      inputs: [input(p)],
      excel: p.excel && `${p.excel}/1000`,
      ...(p.factors.length ? { factors: p.factors } : {}),
      ...(p.problem
        ? { missing: B(`Not computed: ${p.problem.message.en}`, `未能計算：${p.problem.message["zh-HK"]}`) }
        : {}),
    });
  }
  const energy = of("energy");
  if (energy.length > 0) {
    const total = totalOf(B("Total energy consumption", "總能源耗量"), energy);
    out.push({
      id: "A2.1.total.energy",
      kpi: "A2.1",
      label: B("Total energy consumption", "總能源耗量"),
      unit: "'000 kWh",
      formula: B("Σ energy by type (kWh) ÷ 1,000", "各類能源（千瓦時）之和 ÷ 1,000"),
      calc: (y) => constant(total.value(y) === null ? null : total.value(y)! / 1000),
      inputs: [],
      excel: total.excel && `(${total.excel})/1000`,
      ...(total.missing ? { missing: total.missing } : {}),
      ...(total.total ? { total: total.total } : {}),
    });
    out.push({
      id: "A2.1.total.intensity",
      kpi: "A2.1",
      label: B("Energy intensity", "能源密度"),
      unit: "kWh/t",
      formula: B("Σ energy by type (kWh) ÷ production (t)", "各類能源（千瓦時）之和 ÷ 產量（噸）"),
      calc: lift2(
        total.value,
        (y) => c.value("production", y),
        (a, b) => intensity(a, b),
      ),
      inputs: [c.input("production")],
      excel: total.excel && c.excel("production") ? `(${total.excel})/${c.excel("production")}` : null,
      ...(total.missing ? { missing: total.missing } : {}),
    });
  }

  // Scope 1 by source, biogenic CO2 apart ---------------------------------------------------------
  for (const p of [...of("scope1"), ...of("biogenic")]) {
    const bio = p.total === "biogenic";
    const m = METRICS.find((x) => x.id === p.metric);
    out.push({
      id: p.id,
      kpi: "A1.2",
      label: bio
        ? B(
            `Biogenic CO2 — ${p.label.en} (reported apart from the scopes)`,
            `生物源二氧化碳——${p.label["zh-HK"]}（與各範圍分開匯報）`,
          )
        : B(`Scope 1 — ${p.label.en}`, `範圍1——${p.label["zh-HK"]}`),
      unit: bio ? "t CO2" : "t CO2e",
      formula: m?.fuel
        ? B(
            `${m.label.en} × its combustion factors (see the factor notes)`,
            `${m.label["zh-HK"]} × 燃燒排放因子（見因子附註）`,
          )
        : m?.process
          ? B(
              `${m.label.en} (t) × process CO2 factor (t CO2/t)`,
              `${m.label["zh-HK"]}（噸）× 工業過程二氧化碳因子（噸二氧化碳／噸）`,
            )
          : B("process CO2 as entered in the workbook", "按活頁簿填報的工業過程二氧化碳"),
      calc: (y) => constant(p.value(y)),
      inputs: [input(p)],
      excel: p.excel,
      ...(p.factors.length ? { factors: p.factors } : {}),
      ...(p.problem
        ? { missing: B(`Not computed: ${p.problem.message.en}`, `未能計算：${p.problem.message["zh-HK"]}`) }
        : {}),
    });
  }

  const s1Parts = of("scope1");
  const s2Parts = of("scope2");
  const scope1 =
    s1Parts.length > 0
      ? totalOf(B("Scope 1 (direct) GHG emissions", "範圍1（直接）溫室氣體排放"), s1Parts)
      : null;
  const scope2 =
    s2Parts.length > 0
      ? totalOf(B("Scope 2 (energy indirect) GHG emissions", "範圍2（能源間接）溫室氣體排放"), s2Parts)
      : null;
  if (scope1)
    out.push({
      id: "A1.2.scope1",
      kpi: "A1.2",
      label: B("Scope 1 (direct) GHG emissions", "範圍1（直接）溫室氣體排放"),
      unit: "t CO2e",
      formula: B("Σ fuel × combustion factor, + process emissions", "Σ 燃料 × 燃燒排放因子，＋工業過程排放"),
      calc: (y) => constant(scope1.value(y)),
      inputs: FUELS.map((m) => c.input(m.id)).concat(
        c.input("process_co2"),
        ...PROCESS.map((m) => c.input(m.id)),
      ),
      excel: scope1.excel,
      factors: s1Parts.flatMap((p) => p.factors),
      ...(scope1.missing ? { missing: scope1.missing } : {}),
      ...(scope1.total ? { total: scope1.total } : {}),
    });
  if (scope2)
    out.push({
      id: "A1.2.scope2",
      kpi: "A1.2",
      label: B(
        `Scope 2 (energy indirect) GHG emissions, ${LOCATION_BASED.en}`,
        `範圍2（能源間接）溫室氣體排放（${LOCATION_BASED["zh-HK"]}）`,
      ),
      unit: "t CO2e",
      formula: B(
        "purchased electricity (kWh) × grid emission factor (t CO2/kWh)",
        "外購電力（千瓦時）× 電網排放因子（噸二氧化碳／千瓦時）",
      ),
      calc: (y) => constant(scope2.value(y)),
      inputs: [c.input("electricity")],
      excel: scope2.excel,
      factors: s2Parts.flatMap((p) => p.factors),
      ...(scope2.missing ? { missing: scope2.missing } : {}),
      ...(scope2.total ? { total: scope2.total } : {}),
    });
  if (scope1 || scope2) {
    const both = totalOf(B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"), [
      ...s1Parts,
      ...s2Parts,
    ]);
    out.push({
      id: "A1.2.total",
      kpi: "A1.2",
      label: B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"),
      unit: "t CO2e",
      formula: B("Scope 1 + Scope 2", "範圍1 ＋ 範圍2"),
      calc: (y) => constant(both.value(y)),
      inputs: [],
      excel: both.excel,
      ...(both.missing ? { missing: both.missing } : {}),
      ...(both.total ? { total: both.total } : {}),
    });
    out.push({
      id: "A1.2.intensity",
      kpi: "A1.2",
      label: B("GHG intensity", "溫室氣體排放密度"),
      unit: "t CO2e/t",
      formula: B("Scope 1 and 2 (t CO2e) ÷ production (t)", "範圍1及範圍2（噸二氧化碳當量）÷ 產量（噸）"),
      calc: lift2(
        both.value,
        (y) => c.value("production", y),
        (a, b) => intensity(a, b),
      ),
      inputs: [c.input("production")],
      excel: both.excel && c.excel("production") ? `(${both.excel})/${c.excel("production")}` : null,
      ...(both.missing ? { missing: both.missing } : {}),
    });
    out.push(
      ...otherIntensities(c, {
        id: "A1.2.intensity",
        kpi: "A1.2",
        label: B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放"),
        unit: "t CO2e",
        amount: both.value,
        excel: both.excel && `(${both.excel})`,
        inputs: [],
      }),
    );
  }
  return out;
}
