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
import { leaf, scaled, sumOf, unavailable, type Total } from "./totals";
import type { Bilingual } from "./types";

const B = (en: string, zh: string): Bilingual => ({ en, "zh-HK": zh });
/** A factor as the words show it (5 significant digits); the Excel formula keeps full precision. */
const shown = (x: number): string => Number(x.toPrecision(5)).toLocaleString("en", { maximumFractionDigits: 10 });
const FUELS = METRICS.filter((m) => m.fuel);

/** The cell of a metric's reporting-year figure, for a part that cannot be converted. */
const cellOf = (c: KpiContext, id: string): string | null => {
  const m = c.metric(id);
  return m?.group?.value.location ?? m?.sites[0]?.value.location ?? null;
};

export function ghgKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const lib = c.library;
  const year = c.options.gridYear ?? c.snapshot.reportingYear ?? undefined;

  // Energy ('000 kWh) ----------------------------------------------------------------------------
  // Every total below is complete or absent (totals.ts): a part with no figure, or a fuel that cannot
  // be converted, leaves the total without a figure in that year, and a finding names the part.
  const energyParts: Total[] = [];
  if (c.metric("electricity")) {
    const e = (y: YearIndex) => c.value("electricity", y);
    energyParts.push(c.total("electricity"));
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
  const scope1Parts: Total[] = [];
  const scope1Factors: string[] = [];
  for (const m of FUELS) {
    if (!c.metric(m.id)) continue;
    const amount = c.total(m.id);
    // Energy and emissions are linear in the amount: one factor per unit, applied to each year.
    const energy = fuelToKwh(1, m.unit, m.fuel!, lib);
    if (energy.ok) {
      const k = energy.result.value;
      const kwh = (y: YearIndex) => (c.value(m.id, y) === null ? null : c.value(m.id, y)! * k);
      energyParts.push(scaled(amount, k, c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k)}`));
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
    } else energyParts.push(unavailable(m.label, cellOf(c, m.id), B(` (${energy.problem.message.en})`, `（${energy.problem.message["zh-HK"]}）`), amount.present));
    const em = fuelEmissions(1, m.unit, m.fuel!, lib, { method: c.options.fuelMethod });
    if (em.ok) {
      const k = em.result.value;
      const t = (y: YearIndex) => (c.value(m.id, y) === null ? null : c.value(m.id, y)! * k);
      const excel = c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k)}`;
      scope1Parts.push(scaled(amount, k, excel));
      scope1Factors.push(...em.result.factors);
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
    } else scope1Parts.push(unavailable(m.label, cellOf(c, m.id), B(` (${em.problem.message.en})`, `（${em.problem.message["zh-HK"]}）`), amount.present));
  }
  if (c.metric("process_co2")) {
    const t = (y: YearIndex) => c.value("process_co2", y);
    scope1Parts.push(c.total("process_co2"));
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
    const energy = sumOf(B("Total energy consumption", "總能源耗量"), energyParts);
    const total = (y: YearIndex) => energy.value(y);
    const excel = energy.excel;
    out.push({
      id: "A2.1.total.energy",
      kpi: "A2.1",
      label: B("Total energy consumption", "總能源耗量"),
      unit: "'000 kWh",
      formula: B("Σ energy by type (kWh) ÷ 1,000", "各類能源（千瓦時）之和 ÷ 1,000"),
      calc: (y) => constant(total(y) === null ? null : total(y)! / 1000),
      inputs: [],
      excel: excel && `${excel}/1000`,
      total: energy,
    });
    out.push({
      id: "A2.1.total.intensity",
      kpi: "A2.1",
      label: B("Energy intensity", "能源密度"),
      unit: "kWh/t",
      formula: B("Σ energy by type (kWh) ÷ production (t)", "各類能源（千瓦時）之和 ÷ 產量（噸）"),
      calc: lift2(total, (y) => c.value("production", y), (a, b) => intensity(a, b)),
      inputs: [c.input("production")],
      excel: excel && c.excel("production") ? `${excel}/${c.excel("production")}` : null,
    });
  }

  // Scope 2, location-based: each site's electricity at its own grid where sites are kept apart --------
  const elec = c.metric("electricity");
  const grid = c.metric("grid_region");
  const scope2Parts: Total[] = [];
  const scope2Factors: string[] = [];
  if (elec && year !== undefined) {
    const gridOf = (site: string | null): string => (site !== null ? grid?.sites.find((g) => g.site === site)?.text : undefined) ?? grid?.group?.text ?? "";
    const bySite = elec.consolidated === "sites" ? elec.sites.map((s) => ({ site: s.site, amount: s })) : [{ site: null, amount: null }];
    bySite.forEach(({ site, amount }) => {
      const s2 = scope2Location(1, { grid: gridOf(site), year, series: c.options.gridSeries }, lib);
      const kwh: Total =
        amount === null
          ? c.total("electricity")
          : leaf(B(`${elec.metric.label.en} [${site}]`, `${elec.metric.label["zh-HK"]}〔${site}〕`), (y) => (y < 0 ? amount.value : amount.prior[y]), siteValueExpr(amount));
      if (!s2.ok) {
        scope2Parts.push(unavailable(kwh.label, amount?.value.location ?? cellOf(c, "electricity"), B(` (${s2.problem.message.en})`, `（${s2.problem.message["zh-HK"]}）`), kwh.present));
        return;
      }
      const k = s2.result.value;
      const excelKwh = kwh.excel;
      scope2Parts.push(scaled(kwh, k, excelKwh && `${excelKwh}*${formatConstant(k)}`));
      scope2Factors.push(...s2.result.factors);
    });
  }
  const s1Total = sumOf(B("Scope 1 (direct) GHG emissions", "範圍1（直接）溫室氣體排放"), scope1Parts);
  const s2Total = sumOf(B("Scope 2 (energy indirect) GHG emissions", "範圍2（能源間接）溫室氣體排放"), scope2Parts);
  const scope1 = scope1Parts.length > 0 ? (y: YearIndex) => s1Total.value(y) : null;
  const scope2 = scope2Parts.length > 0 ? (y: YearIndex) => s2Total.value(y) : null;
  const s1Excel = s1Total.excel;
  const s2Excel = s2Total.excel;
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
      factors: scope1Factors,
      total: s1Total,
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
      factors: scope2Factors,
      total: s2Total,
    });
  if (scope1 || scope2) {
    const both = sumOf(B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"), [...(scope1 ? [s1Total] : []), ...(scope2 ? [s2Total] : [])]);
    const total = (y: YearIndex) => both.value(y);
    const excel = both.excel;
    out.push({
      id: "A1.2.total",
      kpi: "A1.2",
      label: B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"),
      unit: "t CO2e",
      formula: B("Scope 1 + Scope 2", "範圍1 ＋ 範圍2"),
      calc: (y) => constant(total(y)),
      inputs: [],
      excel,
      total: both,
    });
    out.push({
      id: "A1.2.intensity",
      kpi: "A1.2",
      label: B("GHG intensity", "溫室氣體排放密度"),
      unit: "t CO2e/t",
      formula: B("Scope 1 and 2 (t CO2e) ÷ production (t)", "範圍1及範圍2（噸二氧化碳當量）÷ 產量（噸）"),
      calc: lift2(total, (y) => c.value("production", y), (a, b) => intensity(a, b)),
      inputs: [c.input("production")],
      excel: excel && c.excel("production") ? `${excel}/${c.excel("production")}` : null,
    });
    out.push(
      ...otherIntensities(c, {
        id: "A1.2.intensity",
        kpi: "A1.2",
        label: B("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放"),
        unit: "t CO2e",
        amount: total,
        excel,
        inputs: [],
      }),
    );
  }
  return out;
}
