/**
 * Footnotes for the factors behind the figures (the quantitative principle of the Reporting Code asks
 * for the source of conversion factors): one line per fuel or grid with its factors, value and unit,
 * each with the number of its source in the sheet's one reference list (references.ts: publisher,
 * document, year, table). Conventions such as diesel density are stated without a reference.
 */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import { ReferenceList, isConvention } from "../references";
import { getFactor, type FactorKind } from "../../factors";
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

/** Footnotes: one line per fuel or grid with its factors, then the sheet's numbered references. */
export function factorNotes(ctx: BuildContext, resultIds: readonly string[]): Bilingual[] {
  const refs = new ReferenceList(ctx.preparer);
  const groups = new Map<string, { label: Bilingual; en: string[]; zh: string[] }>();
  for (const id of factorIds(ctx, resultIds)) {
    const f = getFactor(id, ctx.library);
    if (!f) continue;
    const unit = f.unit === "fraction" ? "" : ` ${f.unit}`;
    const yearEn = f.dataYear === null || f.kind !== "grid" ? "" : ` (${f.dataYear})`;
    const yearZh = f.dataYear === null || f.kind !== "grid" ? "" : `（${f.dataYear}年）`;
    const n = isConvention(f) ? null : refs.number(f);
    const g = groups.get(f.label.en) ?? { label: f.label, en: [], zh: [] };
    g.en.push(`${KIND[f.kind].en} ${f.value}${unit}${yearEn}${n === null ? "" : ` [${n}]`}`);
    g.zh.push(`${KIND[f.kind]["zh-HK"]} ${f.value}${unit}${yearZh}${n === null ? "" : `［${n}］`}`);
    groups.set(f.label.en, g);
  }
  const lines: Bilingual[] = [...groups.values()].map((g) =>
    bi(`${g.label.en}: ${g.en.join("; ")}.`, `${g.label["zh-HK"]}：${g.zh.join("；")}。`),
  );
  if (lines.length > 0) lines.unshift(bi("Factors:", "因子："));
  return [...lines, ...refs.lines()];
}
