/**
 * Footnotes for the factors behind the figures (the quantitative principle of the Reporting Code asks
 * for the source of conversion factors): value, unit, source, publication date, data year, geography
 * and series of each factor a shown result used, once per sheet.
 */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import { getFactor, type FactorKind } from "../../factors";
import type { Bilingual } from "../../types";

const KIND: Readonly<Record<FactorKind, Bilingual>> = {
  grid: bi("grid emission factor", "電網排放因子"),
  ncv: bi("net calorific value (NCV)", "低位發熱量"),
  "carbon-content": bi("carbon content", "單位熱值含碳量"),
  oxidation: bi("oxidation rate", "碳氧化率"),
  "fuel-co2": bi("CO2 emission factor", "二氧化碳排放因子"),
  ipcc: bi("IPCC 2006 default", "IPCC 2006缺省值"),
  gwp: bi("global warming potential (GWP-100)", "全球增溫潛勢（GWP-100）"),
  density: bi("density", "密度"),
  process: bi("process emission factor", "工業過程排放因子"),
};

/** One footnote per factor used by the given results (ids without a result are skipped). */
export function factorNotes(ctx: BuildContext, resultIds: readonly string[]): Bilingual[] {
  const ids: string[] = [];
  for (const id of resultIds) {
    for (const f of ctx.results.get(id)?.factors ?? []) if (!ids.includes(f)) ids.push(f);
  }
  return ids.map((id) => {
    const f = getFactor(id, ctx.library);
    if (!f)
      return bi(
        `Factor ${id}: from the workbook's factor table (ESG_Factors).`,
        `因子 ${id}：取自工作簿的因子表（ESG_Factors）。`,
      );
    const year = f.dataYear === null ? "" : `, data year ${f.dataYear}`;
    const yearZh = f.dataYear === null ? "" : `，數據年份 ${f.dataYear}`;
    const origin = f.origin === "workbook" ? " (workbook factor table)" : "";
    const originZh = f.origin === "workbook" ? "（工作簿因子表）" : "";
    return bi(
      `${f.label.en} — ${KIND[f.kind].en} ${f.value} ${f.unit}${origin}: ${f.source}; ${f.publisher}, published ${f.published}${year}; ${f.geography}; series ${f.series}.`,
      `${f.label["zh-HK"]}——${KIND[f.kind]["zh-HK"]} ${f.value} ${f.unit}${originZh}：${f.source}；${f.publisher}，發佈 ${f.published}${yearZh}；${f.geography}；系列 ${f.series}。`,
    );
  });
}
