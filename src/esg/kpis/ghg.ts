/**
 * A2.1 energy in '000 kWh and A1.2 / Part D greenhouse gases, through src/esg/ghg (NCVs, combustion
 * factors, grid factors). Every figure names its factors; the Excel formula carries each factor as a
 * constant (the footnotes give its source and year).
 *
 * Every total is built from named parts (ghg-part.ts): each fuel, the process emissions, each site's
 * Scope 2, with the cell it comes from. A part that cannot be computed (no factor, an unknown grid,
 * process emissions the industry must have) carries a finding, and the totals it belongs to are
 * not shown rather than shown short.
 */
import { intensity } from "../formulas";
import { METRICS } from "../metrics";
import { LOCATION_BASED } from "../terms";
import { leaf, scaled, sumOf, type Total } from "../totals";
import type { Bilingual } from "../types";
import { bi } from "../bilingual";
import { REASON } from "../messages";
import type { KpiContext, YearIndex } from "./context";
import { FUELS, plus, PROCESS, sum, type GhgPart } from "./ghg-part";
import { ghgPlan } from "./ghg-plan";
import { otherIntensities } from "./intensities";
import { constant, lift2, type KpiSpec } from "./result";
import { KPI_ID } from "./ids";

/** A factor as the words show it (5 significant digits); the Excel formula keeps full precision. */
const shown = (x: number): string =>
  Number(x.toPrecision(5)).toLocaleString("en", { maximumFractionDigits: 10 });

/** Why a total is not shown: the parts that cannot be computed. */
function incomplete(parts: readonly GhgPart[]): Bilingual | undefined {
  const broken = parts.filter((p) => p.problem);
  if (broken.length === 0) return undefined;
  return REASON.partsBroken(broken);
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
        ? bi("electricity (kWh) ÷ 1,000", "電力（千瓦時）÷ 1,000")
        : bi(
            `${m.label.en} (${m.unit}) × ${shown(p.perUnit ?? NaN)} kWh per ${m.unit} (NCV, or the energy as stated) ÷ 1,000`,
            `${m.label["zh-HK"]}（${m.unit}）× 每${m.unit} ${shown(p.perUnit ?? NaN)} 千瓦時（低位發熱量，或按所填能源）÷ 1,000`,
          ),
      calc: (y) => constant(p.value(y) === null ? null : p.value(y)! / 1000),
      inputs: [input(p)],
      excel: p.excel && `${p.excel}/1000`,
      ...(p.factors.length ? { factors: p.factors } : {}),
      ...(p.problem
        ? { missing: bi(`Not computed: ${p.problem.message.en}`, `未能計算：${p.problem.message["zh-HK"]}`) }
        : {}),
    });
  }
  const energy = of("energy");
  if (energy.length > 0) {
    const total = totalOf(bi("Total energy consumption", "總能源耗量"), energy);
    out.push({
      id: KPI_ID.energyTotal,
      kpi: "A2.1",
      label: bi("Total energy consumption", "總能源耗量"),
      unit: "'000 kWh",
      formula: bi("Σ energy by type (kWh) ÷ 1,000", "各類能源（千瓦時）之和 ÷ 1,000"),
      calc: (y) => constant(total.value(y) === null ? null : total.value(y)! / 1000),
      inputs: [],
      excel: total.excel && `(${total.excel})/1000`,
      ...(total.missing ? { missing: total.missing } : {}),
      ...(total.total ? { total: total.total } : {}),
    });
    out.push({
      id: KPI_ID.energyIntensity,
      kpi: "A2.1",
      label: bi("Energy intensity", "能源密度"),
      unit: "kWh/t",
      formula: bi("Σ energy by type (kWh) ÷ production (t)", "各類能源（千瓦時）之和 ÷ 產量（噸）"),
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
        ? bi(
            `Biogenic CO2 — ${p.label.en} (reported apart from the scopes)`,
            `生物源二氧化碳——${p.label["zh-HK"]}（與各範圍分開匯報）`,
          )
        : bi(`Scope 1 — ${p.label.en}`, `範圍1——${p.label["zh-HK"]}`),
      unit: bio ? "t CO2" : "t CO2e",
      formula: m?.fuel
        ? bi(
            `${m.label.en} × its combustion factors (see the factor notes)`,
            `${m.label["zh-HK"]} × 燃燒排放因子（見因子附註）`,
          )
        : m?.process
          ? bi(
              `${m.label.en} (t) × process CO2 factor (t CO2/t)`,
              `${m.label["zh-HK"]}（噸）× 工業過程二氧化碳因子（噸二氧化碳／噸）`,
            )
          : bi("process CO2 as entered in the workbook", "按活頁簿填報的工業過程二氧化碳"),
      calc: (y) => constant(p.value(y)),
      inputs: [input(p)],
      excel: p.excel,
      ...(p.factors.length ? { factors: p.factors } : {}),
      ...(p.problem
        ? { missing: bi(`Not computed: ${p.problem.message.en}`, `未能計算：${p.problem.message["zh-HK"]}`) }
        : {}),
    });
  }

  const s1Parts = of("scope1");
  const s2Parts = of("scope2");
  const scope1 =
    s1Parts.length > 0
      ? totalOf(bi("Scope 1 (direct) GHG emissions", "範圍1（直接）溫室氣體排放"), s1Parts)
      : null;
  const scope2 =
    s2Parts.length > 0
      ? totalOf(bi("Scope 2 (energy indirect) GHG emissions", "範圍2（能源間接）溫室氣體排放"), s2Parts)
      : null;
  if (scope1)
    out.push({
      id: KPI_ID.scope1,
      kpi: "A1.2",
      label: bi("Scope 1 (direct) GHG emissions", "範圍1（直接）溫室氣體排放"),
      unit: "t CO2e",
      formula: bi("Σ fuel × combustion factor, + process emissions", "Σ 燃料 × 燃燒排放因子，＋工業過程排放"),
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
      id: KPI_ID.scope2,
      kpi: "A1.2",
      label: bi(
        `Scope 2 (energy indirect) GHG emissions, ${LOCATION_BASED.en}`,
        `範圍2（能源間接）溫室氣體排放（${LOCATION_BASED["zh-HK"]}）`,
      ),
      unit: "t CO2e",
      formula: bi(
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
    const both = totalOf(bi("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"), [
      ...s1Parts,
      ...s2Parts,
    ]);
    out.push({
      id: KPI_ID.ghgTotal,
      kpi: "A1.2",
      label: bi("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放總量"),
      unit: "t CO2e",
      formula: bi("Scope 1 + Scope 2", "範圍1 ＋ 範圍2"),
      calc: (y) => constant(both.value(y)),
      inputs: [],
      excel: both.excel,
      ...(both.missing ? { missing: both.missing } : {}),
      ...(both.total ? { total: both.total } : {}),
    });
    out.push({
      id: KPI_ID.ghgIntensity,
      kpi: "A1.2",
      label: bi("GHG intensity", "溫室氣體排放密度"),
      unit: "t CO2e/t",
      formula: bi("Scope 1 and 2 (t CO2e) ÷ production (t)", "範圍1及範圍2（噸二氧化碳當量）÷ 產量（噸）"),
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
        id: KPI_ID.ghgIntensity,
        kpi: "A1.2",
        label: bi("Scope 1 and 2 GHG emissions", "範圍1及範圍2溫室氣體排放"),
        unit: "t CO2e",
        amount: both.value,
        excel: both.excel && `(${both.excel})`,
        inputs: [],
      }),
    );
  }
  return out;
}
