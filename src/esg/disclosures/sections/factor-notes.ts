/**
 * Footnotes for the factors behind the figures (the quantitative principle of the Reporting Code asks
 * for the source of conversion factors): each factor a shown result used, grouped by fuel or grid, with
 * its value, unit and data year, and a numbered list of the source documents (publisher, publication
 * date, series) so a long source title is written once.
 */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import { getFactor, type Factor, type FactorKind } from "../../factors";
import type { Bilingual } from "../../types";

const KIND: Readonly<Record<FactorKind, Bilingual>> = {
  grid: bi("grid emission factor", "電網排放因子"),
  ncv: bi("NCV", "低位發熱量"),
  "carbon-content": bi("carbon content", "單位熱值含碳量"),
  oxidation: bi("oxidation rate", "碳氧化率"),
  "fuel-co2": bi("CO2 emission factor", "二氧化碳排放因子"),
  ipcc: bi("IPCC 2006 default", "IPCC 2006缺省值"),
  gwp: bi("GWP-100", "全球增溫潛勢（GWP-100）"),
  density: bi("density", "密度"),
  process: bi("process emission factor", "工業過程排放因子"),
};

/** Factor ids used by the given results, in order of first use. */
export function factorIds(ctx: BuildContext, resultIds: readonly string[]): string[] {
  const ids: string[] = [];
  for (const id of resultIds)
    for (const f of ctx.results.get(id)?.factors ?? []) if (!ids.includes(f)) ids.push(f);
  return ids;
}

/** Footnotes: one line per fuel or grid with its factors, then one line per source document. */
export function factorNotes(ctx: BuildContext, resultIds: readonly string[]): Bilingual[] {
  const sources: Factor[] = [];
  const sourceNo = (f: Factor): number => {
    const key = (x: Factor) => `${x.source}|${x.publisher}|${x.published}|${x.series}`;
    let i = sources.findIndex((s) => key(s) === key(f));
    if (i < 0) i = sources.push(f) - 1;
    return i + 1;
  };
  const groups = new Map<string, { label: Bilingual; en: string[]; zh: string[] }>();
  const unknown: Bilingual[] = [];
  for (const id of factorIds(ctx, resultIds)) {
    const f = getFactor(id, ctx.library);
    if (!f) {
      unknown.push(
        bi(
          `Factor ${id}: from the workbook's factor table (ESG_Factors).`,
          `因子 ${id}：取自工作簿的因子表（ESG_Factors）。`,
        ),
      );
      continue;
    }
    const n = sourceNo(f);
    const unit = f.unit === "fraction" ? "" : ` ${f.unit}`;
    const yearEn = f.dataYear === null ? "" : ` (data year ${f.dataYear}, ${f.geography})`;
    const yearZh = f.dataYear === null ? "" : `（數據年份 ${f.dataYear}，${f.geography}）`;
    const origin = f.origin === "workbook" ? bi(", workbook factor table", "，工作簿因子表") : bi("", "");
    const g = groups.get(f.label.en) ?? { label: f.label, en: [], zh: [] };
    g.en.push(`${KIND[f.kind].en} ${f.value}${unit}${yearEn} [${n}${origin.en}]`);
    g.zh.push(`${KIND[f.kind]["zh-HK"]} ${f.value}${unit}${yearZh}［${n}${origin["zh-HK"]}］`);
    groups.set(f.label.en, g);
  }
  const lines: Bilingual[] = [...groups.values()].map((g) =>
    bi(`Factors — ${g.label.en}: ${g.en.join("; ")}.`, `因子——${g.label["zh-HK"]}：${g.zh.join("；")}。`),
  );
  sources.forEach((s, i) => {
    const en = `[${i + 1}] ${s.source}; ${s.publisher}; published ${s.published}; series ${s.series}.`;
    lines.push(bi(en, `［${i + 1}］${s.source}；${s.publisher}；發佈：${s.published}；系列：${s.series}。`));
  });
  return [...lines, ...unknown];
}
