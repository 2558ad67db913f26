/**
 * The greenhouse-gas rows shared by the A1 sheet (KPI A1.2) and the Part D sheet: Scope 1 by source
 * (each fuel, process CO2), Scope 1 and Scope 2 (location-based) totals, and the intensity.
 */
import { childrenOf, metricLabel, type BuildContext } from "../context";
import { columnArea } from "../charts/plan";
import { CHART_TITLE, bi, unitText } from "../labels";
import type { SheetWriter } from "../layout";
import { FORMAT, intensityFormat } from "../styles";
import { ghgPlan } from "../../kpis";
import { industryOf } from "../../industries";
import { KpiContext } from "../../kpis";
import { factorsAsOfFor } from "../../options";
import { LOCATION_BASED } from "../../terms";
import type { Bilingual } from "../../types";
import type { FigureRow, FigureTablePlace } from "./common";
import { KPI_ID, KPI_PREFIX } from "../../kpis/ids";

export function ghgRows(ctx: BuildContext, withIntensity: boolean): FigureRow[] {
  const r = (id: string) => ctx.results.get(id);
  const scope1 = bi("Scope 1 — ", "範圍1——");
  const parts = childrenOf(ctx, KPI_PREFIX.scope1ByFuel).map(({ key, result }): FigureRow => ({
    // A part that is not one metric (a site's fuel, missing process emissions) carries its own "Scope 1 —" label.
    label: result.label.en.startsWith(scope1.en)
      ? result.label
      : prefixed(scope1, metricLabel(key, result.label)),
    result,
    format: FORMAT.oneDecimal,
  }));
  // Biogenic CO2 from biomass: reported apart from the scopes (GHG Protocol Corporate Standard).
  const biogenic = childrenOf(ctx, KPI_PREFIX.biogenicByFuel).map(({ result }): FigureRow => ({
    label: result.label,
    result,
    format: FORMAT.oneDecimal,
  }));
  const rows: FigureRow[] = [
    ...parts,
    {
      label: bi("Scope 1 (direct) emissions", "範圍1（直接）排放"),
      result: r(KPI_ID.scope1),
      format: FORMAT.oneDecimal,
      total: true,
    },
    {
      label: bi(
        `Scope 2 (energy indirect) emissions, ${LOCATION_BASED.en}`,
        `範圍2（能源間接）排放（${LOCATION_BASED["zh-HK"]}）`,
      ),
      result: r(KPI_ID.scope2),
      format: FORMAT.oneDecimal,
      total: true,
    },
    {
      label: bi("Total Scope 1 and 2 emissions", "範圍1及2排放總量"),
      result: r(KPI_ID.ghgTotal),
      format: FORMAT.oneDecimal,
      total: true,
    },
    ...biogenic,
  ];
  if (withIntensity)
    rows.push({
      label: bi("GHG intensity (per tonne of product)", "溫室氣體排放密度（每噸產品）"),
      result: r(KPI_ID.ghgIntensity),
      format: intensityFormat,
    });
  return rows;
}

/** All result ids a GHG table may show, for the factor footnotes. */
export function ghgResultIds(ctx: BuildContext): string[] {
  return [
    ...childrenOf(ctx, KPI_PREFIX.scope1ByFuel).map((c) => c.result.id),
    ...childrenOf(ctx, KPI_PREFIX.biogenicByFuel).map((c) => c.result.id),
    KPI_ID.scope1,
    KPI_ID.scope2,
    KPI_ID.ghgTotal,
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
  const industry = industryOf(o.industry);
  const sector =
    industry.guidelines.length > 0
      ? bi(
          `, with the fuel parameters of the sector guideline for ${industry.label.en} where it gives them`,
          `，燃料參數採用${industry.label["zh-HK"]}行業指南（如有）`,
        )
      : bi("", "");
  const reportingYear = ctx.snapshot.reportingYear;
  const asOf = reportingYear === null ? null : factorsAsOfFor(o, reportingYear);
  const year =
    o.gridYear !== null
      ? bi(`data year ${o.gridYear}`, `數據年份 ${o.gridYear}`)
      : asOf === null
        ? bi("the latest data year published", "已公佈的最新數據年份")
        : bi(
            `the latest factor published by ${asOf}${o.factorsAsOf === null ? " (five months after the year end, when the report is due)" : ""}; each prior year at the factor published by the same date of its own report year`,
            `${asOf}前已公佈的最新因子${o.factorsAsOf === null ? "（年結後五個月，即報告限期）" : ""}；各上年度採用其報告年度同日前已公佈的因子`,
          );
  const national = ctx.findings.some((f) => f.rule === "grid.blank")
    ? bi(
        " No power grid is stated for some or all electricity: the national average factor is used for it.",
        "部分或全部用電未註明電網：該部分採用全國平均因子。",
      )
    : bi("", "");
  return [
    bi(
      `GHG emissions follow the GHG Protocol Corporate Standard. Scope 1: fuel combustion by ${fuel.en}${sector.en}, plus process CO2 (as reported by the group, or dolomite calcined × its factor).`,
      `溫室氣體排放按《溫室氣體盤查議定書》企業標準計算。範圍1：燃料燃燒按${fuel["zh-HK"]}計算${sector["zh-HK"]}，另加工業過程二氧化碳（集團填報的數值，或煅燒白雲石量 × 其因子）。`,
    ),
    bi(
      `Scope 2 (${LOCATION_BASED.en}): purchased electricity × grid emission factor (Hong Kong: the power company's own factor for the year), ${year.en}.${national.en}`,
      `範圍2（${LOCATION_BASED["zh-HK"]}）：外購電力 × 電網排放因子（香港：電力公司當年的因子），${year["zh-HK"]}。${national["zh-HK"]}`,
    ),
    ...incompleteNotes(ctx),
  ];
}

/** A total shown as "–" because a part of it cannot be computed: the table says which (not "no figure"). */
function incompleteNotes(ctx: BuildContext): Bilingual[] {
  const { parts } = ghgPlan(new KpiContext(ctx.snapshot, ctx.options, ctx.library));
  const out: Bilingual[] = [];
  for (const [total, what] of [
    ["scope1", bi("Scope 1", "範圍1")],
    ["scope2", bi("Scope 2", "範圍2")],
  ] as const) {
    const broken = parts.filter((p) => p.total === total && p.problem);
    if (broken.length === 0) continue;
    out.push(
      bi(
        `${what.en} and the totals over it are not shown: they would leave out ${broken.map((p) => p.label.en).join("; ")}.`,
        `${what["zh-HK"]}及其合計未有列示：否則會遺漏${broken.map((p) => p.label["zh-HK"]).join("；")}。`,
      ),
    );
  }
  return out;
}

/**
 * The chart beside the GHG table (A1.2 and Part D): Scope 1 and Scope 2 (location-based) as columns,
 * this year and, where the table has a complete prior-year column, the prior year beside it.
 */
export function ghgByScopeChart(
  ctx: BuildContext,
  w: SheetWriter,
  section: "A1" | "D",
  rows: readonly FigureRow[],
  table: FigureTablePlace,
): void {
  const rowOf = (id: string): number | undefined => table.rows[rows.findIndex((r) => r.result?.id === id)];
  const scope1 = rowOf("A1.2.scope1");
  const scope2 = rowOf("A1.2.scope2");
  if (scope1 === undefined || scope2 === undefined || scope2 !== scope1 + 1) return;
  const prior = table.priorCol === null ? null : columnArea(table.priorCol, scope1, scope2);
  const byYear = prior !== null && w.numbersIn(prior) !== null ? prior : null;
  w.chart({
    id: `${section}.ghg-by-scope`,
    kind: "column",
    title: byYear ? CHART_TITLE.ghgByScopeAndYear : CHART_TITLE.ghgByScope,
    categories: columnArea(0, scope1, scope2),
    series: [
      {
        name: { row: table.header, col: table.valueCol },
        values: columnArea(table.valueCol, scope1, scope2),
      },
      ...(byYear ? [{ name: { row: table.header, col: byYear.left }, values: byYear }] : []),
    ],
    valueAxisTitle: unitText("t CO2e", ctx.lang),
  });
}
