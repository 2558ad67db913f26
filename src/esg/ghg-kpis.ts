/**
 * A2.1 energy in '000 kWh and A1.2 / Part D greenhouse gases from the snapshot, through ghg.ts
 * (NCVs, combustion factors, grid factors). Every figure names its factors; the Excel formula
 * carries each factor as a constant (the footnotes give its source and year).
 */
import { formatConstant, siteValueExpr } from "./excel-refs";
import { fuelEmissions, fuelToKwh, scope2Location } from "./ghg";
import { intensity } from "./formulas";
import { constant, lift2, otherIntensities, type KpiContext, type KpiSpec, type YearIndex } from "./kpis";
import { METRICS } from "./metrics";
import type { Bilingual } from "./types";

const B = (en: string, zh: string): Bilingual => ({ en, "zh-HK": zh });
/** A factor as the words show it (5 significant digits); the Excel formula keeps full precision. */
const shown = (x: number): string => Number(x.toPrecision(5)).toLocaleString("en", { maximumFractionDigits: 10 });
const FUELS = METRICS.filter((m) => m.fuel);

function sum(parts: readonly (number | null)[]): number | null {
  const present = parts.filter((p): p is number => p !== null);
  return present.length === 0 ? null : Number(present.reduce((a, b) => a + b, 0).toPrecision(15));
}
const plus = (xs: readonly (string | null)[]): string | null => (xs.length > 0 && xs.every((x) => x !== null) ? xs.join("+") : null);

export function ghgKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const lib = c.library;
  const year = c.options.gridYear ?? c.snapshot.reportingYear ?? undefined;

  // Energy ('000 kWh) ----------------------------------------------------------------------------
  const energyParts: Array<{ kwh: (y: YearIndex) => number | null; excel: string | null }> = [];
  if (c.value("electricity") !== null) {
    const e = (y: YearIndex) => c.value("electricity", y);
    energyParts.push({ kwh: e, excel: c.excel("electricity") });
    out.push({
      id: "A2.1.electricity.energy",
      kpi: "A2.1",
      label: B("Purchased electricity", "外購電力"),
      unit: "'000 kWh",
      formula: B("electricity (kWh) ÷ 1,000", "電力（千瓦時）÷ 1,000"),
      calc: (y) => constant(e(y) === null ? null : e(y)! / 1000),
      inputs: [c.input("electricity")],
      excel: c.excel("electricity") && `${c.excel("electricity")}/1000`,
    });
  }
  const scope1Parts: Array<{ t: (y: YearIndex) => number | null; excel: string | null; factors: readonly string[] }> = [];
  for (const m of FUELS) {
    const amount = c.value(m.id);
    if (amount === null) continue;
    // Energy and emissions are linear in the amount: one factor per unit, applied to each year.
    const energy = fuelToKwh(1, m.unit, m.fuel!, lib);
    if (energy.ok) {
      const k = energy.result.value;
      const kwh = (y: YearIndex) => (c.value(m.id, y) === null ? null : c.value(m.id, y)! * k);
      energyParts.push({ kwh, excel: c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k)}` });
      out.push({
        id: `A2.1.${m.id}.energy`,
        kpi: "A2.1",
        label: m.label,
        unit: "'000 kWh",
        formula: B(`${m.label.en} (${m.unit}) × ${shown(k)} kWh per ${m.unit} (NCV) ÷ 1,000`, `${m.label["zh-HK"]}（${m.unit}）× 每${m.unit} ${shown(k)} 千瓦時（低位發熱量）÷ 1,000`),
        calc: (y) => constant(kwh(y) === null ? null : kwh(y)! / 1000),
        inputs: [c.input(m.id)],
        excel: c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k / 1000)}`,
        factors: energy.result.factors,
      });
    }
    const em = fuelEmissions(1, m.unit, m.fuel!, lib, { method: c.options.fuelMethod });
    if (em.ok) {
      const k = em.result.value;
      const t = (y: YearIndex) => (c.value(m.id, y) === null ? null : c.value(m.id, y)! * k);
      const excel = c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k)}`;
      scope1Parts.push({ t, excel, factors: em.result.factors });
      out.push({
        id: `A1.2.scope1.${m.id}`,
        kpi: "A1.2",
        label: B(`Scope 1 — ${m.label.en}`, `範圍1——${m.label["zh-HK"]}`),
        unit: "t CO2e",
        formula: em.result.formula,
        calc: (y) => constant(t(y)),
        inputs: [c.input(m.id)],
        excel,
        factors: em.result.factors,
      });
    }
  }
  if (c.value("process_co2") !== null) {
    const t = (y: YearIndex) => c.value("process_co2", y);
    scope1Parts.push({ t, excel: c.excel("process_co2"), factors: [] });
    out.push({
      id: "A1.2.scope1.process_co2",
      kpi: "A1.2",
      label: B("Scope 1 — process emissions", "範圍1——工業過程排放"),
      unit: "t CO2e",
      formula: B("process CO2 as entered in the workbook", "按活頁簿填報的工業過程二氧化碳"),
      calc: (y) => constant(t(y)),
      inputs: [c.input("process_co2")],
      excel: c.excel("process_co2"),
    });
  }
  if (energyParts.length > 0) {
    const total = (y: YearIndex) => sum(energyParts.map((p) => p.kwh(y)));
    const excel = plus(energyParts.map((p) => p.excel));
    out.push({
      id: "A2.1.total.energy",
      kpi: "A2.1",
      label: B("Total energy consumption", "總能源耗量"),
      unit: "'000 kWh",
      formula: B("Σ energy by type (kWh) ÷ 1,000", "各類能源（千瓦時）之和 ÷ 1,000"),
      calc: (y) => constant(total(y) === null ? null : total(y)! / 1000),
      inputs: [],
      excel: excel && `(${excel})/1000`,
    });
    out.push({
      id: "A2.1.total.intensity",
      kpi: "A2.1",
      label: B("Energy intensity", "能源密度"),
      unit: "kWh/t",
      formula: B("Σ energy by type (kWh) ÷ production (t)", "各類能源（千瓦時）之和 ÷ 產量（噸）"),
      calc: lift2(total, (y) => c.value("production", y), (a, b) => intensity(a, b)),
      inputs: [c.input("production")],
      excel: excel && c.excel("production") ? `(${excel})/${c.excel("production")}` : null,
    });
  }

  // Scope 2, location-based: each site's electricity at its own grid where sites are kept apart --------
  const elec = c.metric("electricity");
  const grid = c.metric("grid_region");
  const scope2Parts: Array<{ t: (y: YearIndex) => number | null; excel: string | null; factors: readonly string[]; note: Bilingual[] }> = [];
  if (elec && elec.value !== null && year !== undefined) {
    const gridOf = (site: string | null): string => (site !== null ? grid?.sites.find((g) => g.site === site)?.text : undefined) ?? grid?.group?.text ?? "";
    const bySite = elec.consolidated === "sites" ? elec.sites.map((s) => ({ site: s.site, amount: s })) : [{ site: null, amount: null }];
    bySite.forEach(({ site, amount }) => {
      const s2 = scope2Location(1, { grid: gridOf(site), year, series: c.options.gridSeries }, lib);
      if (!s2.ok) return;
      const k = s2.result.value;
      const kwh = (y: YearIndex): number | null => (amount === null ? c.value("electricity", y) : y < 0 ? amount.value.value : (amount.prior[y]?.value ?? null));
      const excelKwh = amount === null ? c.excel("electricity") : siteValueExpr(amount);
      scope2Parts.push({ t: (y) => (kwh(y) === null ? null : kwh(y)! * k), excel: excelKwh && `${excelKwh}*${formatConstant(k)}`, factors: s2.result.factors, note: [...s2.result.notes] });
    });
  }
  const scope1 = scope1Parts.length > 0 ? (y: YearIndex) => sum(scope1Parts.map((p) => p.t(y))) : null;
  const scope2 = scope2Parts.length > 0 ? (y: YearIndex) => sum(scope2Parts.map((p) => p.t(y))) : null;
  const s1Excel = plus(scope1Parts.map((p) => p.excel));
  const s2Excel = plus(scope2Parts.map((p) => p.excel));
  if (scope1)
    out.push({
      id: "A1.2.scope1",
      kpi: "A1.2",
      label: B("Scope 1 (direct) GHG emissions", "範圍1（直接）溫室氣體排放"),
      unit: "t CO2e",
      formula: B("Σ fuel × combustion factor, + process emissions", "Σ 燃料 × 燃燒排放因子，＋工業過程排放"),
      calc: (y) => constant(scope1(y)),
      inputs: FUELS.map((m) => c.input(m.id)).concat(c.input("process_co2")),
      excel: s1Excel,
      factors: scope1Parts.flatMap((p) => p.factors),
    });
  if (scope2)
    out.push({
      id: "A1.2.scope2",
      kpi: "A1.2",
      label: B("Scope 2 (energy indirect) GHG emissions, location-based", "範圍2（能源間接）溫室氣體排放（按地點計算）"),
      unit: "t CO2e",
      formula: B("purchased electricity (kWh) × grid emission factor (t CO2/kWh)", "外購電力（千瓦時）× 電網排放因子（噸二氧化碳／千瓦時）"),
      calc: (y) => constant(scope2(y)),
      inputs: [c.input("electricity")],
      excel: s2Excel,
      factors: scope2Parts.flatMap((p) => p.factors),
    });
  if (scope1 || scope2) {
    const total = (y: YearIndex) => sum([scope1 ? scope1(y) : null, scope2 ? scope2(y) : null]);
    const excel = plus([s1Excel, s2Excel].filter((x, i) => (i === 0 ? scope1 : scope2) !== null));
    out.push({
      id: "A1.2.total",
      kpi: "A1.2",
      label: B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"),
      unit: "t CO2e",
      formula: B("Scope 1 + Scope 2", "範圍1 ＋ 範圍2"),
      calc: (y) => constant(total(y)),
      inputs: [],
      excel,
    });
    out.push({
      id: "A1.2.intensity",
      kpi: "A1.2",
      label: B("GHG intensity", "溫室氣體排放密度"),
      unit: "t CO2e/t",
      formula: B("Scope 1 and 2 (t CO2e) ÷ production (t)", "範圍1及範圍2（噸二氧化碳當量）÷ 產量（噸）"),
      calc: lift2(total, (y) => c.value("production", y), (a, b) => intensity(a, b)),
      inputs: [c.input("production")],
      excel: excel && c.excel("production") ? `(${excel})/${c.excel("production")}` : null,
    });
    out.push(
      ...otherIntensities(c, {
        id: "A1.2.intensity",
        kpi: "A1.2",
        label: B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放"),
        unit: "t CO2e",
        amount: total,
        excel: excel && `(${excel})`,
        inputs: [],
      }),
    );
  }
  return out;
}
