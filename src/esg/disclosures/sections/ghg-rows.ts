/**
 * The greenhouse-gas rows shared by the A1 sheet (KPI A1.2) and the Part D sheet: Scope 1 by source
 * (each fuel, process CO2), Scope 1 and Scope 2 (location-based) totals, and the intensity.
 */
import { childrenOf, metricLabel, type BuildContext } from "../context";
import { bi } from "../labels";
import { FORMAT, intensityFormat } from "../styles";
import type { Bilingual } from "../../types";
import type { FigureRow } from "./common";

export function ghgRows(ctx: BuildContext, withIntensity: boolean): FigureRow[] {
  const r = (id: string) => ctx.results.get(id);
  const parts = childrenOf(ctx, "A1.2.scope1.").map(({ key, result }): FigureRow => ({
    label: prefixed(bi("Scope 1 — ", "範圍1——"), metricLabel(key, result.label)),
    result,
    format: FORMAT.oneDecimal,
  }));
  const rows: FigureRow[] = [
    ...parts,
    {
      label: bi("Scope 1 (direct) emissions", "範圍1（直接）排放"),
      result: r("A1.2.scope1"),
      format: FORMAT.oneDecimal,
      total: true,
    },
    {
      label: bi("Scope 2 (energy indirect) emissions, location-based", "範圍2（能源間接）排放（按地點計算）"),
      result: r("A1.2.scope2"),
      format: FORMAT.oneDecimal,
      total: true,
    },
    {
      label: bi("Total Scope 1 and 2 emissions", "範圍1及2排放總量"),
      result: r("A1.2.total"),
      format: FORMAT.oneDecimal,
      total: true,
    },
  ];
  if (withIntensity)
    rows.push({
      label: bi("GHG intensity (per tonne of product)", "溫室氣體排放密度（每噸產品）"),
      result: r("A1.2.intensity"),
      format: intensityFormat,
    });
  return rows;
}

/** All result ids a GHG table may show, for the factor footnotes. */
export function ghgResultIds(ctx: BuildContext): string[] {
  return [
    ...childrenOf(ctx, "A1.2.scope1.").map((c) => c.result.id),
    "A1.2.scope1",
    "A1.2.scope2",
    "A1.2.total",
  ];
}

export function hasGhg(ctx: BuildContext): boolean {
  return ghgResultIds(ctx).some((id) => ctx.results.get(id)?.value != null);
}

function prefixed(p: Bilingual, b: Bilingual): Bilingual {
  return { en: `${p.en}${b.en}`, "zh-HK": `${p["zh-HK"]}${b["zh-HK"]}` };
}

/** How Scope 1 and Scope 2 were computed, from the options the KPIs used. */
export function ghgMethodNotes(ctx: BuildContext): Bilingual[] {
  const o = ctx.options;
  const fuel =
    o.fuelMethod === "ipcc"
      ? bi(
          "IPCC 2006 stationary-combustion defaults (CO2, CH4, N2O) with IPCC AR6 GWP-100",
          "IPCC 2006固定源燃燒缺省值（二氧化碳、甲烷、氧化亞氮），以IPCC第六次評估報告GWP-100換算",
        )
      : bi(
          "China's GHG accounting guidelines (NCV × carbon content × oxidation rate × 44/12)",
          "中國溫室氣體核算指南（低位發熱量 × 單位熱值含碳量 × 碳氧化率 × 44/12）",
        );
  const year =
    o.gridYear === null
      ? bi("the latest published for the reporting year", "採用匯報年度適用的最新公佈數據")
      : bi(`data year ${o.gridYear}`, `數據年份 ${o.gridYear}`);
  const process = (ctx.snapshot.metrics.get("process_co2")?.value ?? null) !== null;
  return [
    bi(
      `GHG emissions follow the GHG Protocol Corporate Standard. Scope 1: fuel combustion by ${fuel.en}${process ? ", plus process CO2 reported by the group" : ""}. Scope 2 (location-based): purchased electricity × the grid emission factor of the site's grid, ${year.en}.`,
      `溫室氣體排放按《溫室氣體盤查議定書》企業標準計算。範圍1：燃料燃燒按${fuel["zh-HK"]}計算${process ? "，另加集團填報的工業過程二氧化碳" : ""}。範圍2（按地點計算）：外購電力 × 所在電網的排放因子（${year["zh-HK"]}）。`,
    ),
  ];
}
