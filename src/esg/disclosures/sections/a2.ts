/**
 * Aspect A2 Use of Resources: the seed report's table (resource, unit, amount, intensity per tonne of
 * product) with the energy column HKEX asks for in KPI A2.1 ('000 kWh; fuels through their NCV),
 * water (A2.2) and packaging material (A2.5).
 */
import { MISSING, columnLetter, kpiCell, priorCell, textCell } from "../cells";
import type { CellSpec } from "../layout";
import { childrenOf, metricLabel, rowLabel, type BuildContext } from "../context";
import { columnArea } from "../charts/plan";
import { CHART_TITLE, HEAD, bi, intensityNote, unitText } from "../labels";
import { FORMAT, STYLE, amountFormat, intensityFormat } from "../styles";
import type { Bilingual, KpiResult, SheetModel } from "../../types";
import { factorNotes } from "./factor-notes";
import { denominatorRows, finishSheet, noFigures, startSheet } from "./common";
import { KPI_ID, KPI_PREFIX } from "../../kpis/ids";

const BLANK = { value: null, style: STYLE.value } as const;

export function buildA2(ctx: BuildContext, name: string): SheetModel {
  const vo = ctx.options.valuesOnly;
  const r = (id: string) => ctx.results.get(id);

  // A2.1 energy by type and A2.2 water -----------------------------------------------------------
  const resources = childrenOf(
    ctx,
    KPI_PREFIX.resources,
    (rest) => !rest.endsWith(".amount") || rest.startsWith("total."),
  );
  const water = r(KPI_ID.waterAmount);
  // Prior-year amounts and their change, when the workbook has prior-year columns (docs/metrics.md).
  const withPrior = [...resources.map((x) => x.result), ...(water ? [water] : [])].some(
    (x) => x.prior !== null,
  );
  const w = startSheet(ctx, "A2", name, withPrior ? [16, 16, 16, 10, 18, 18] : [16, 16, 18, 18]);
  const heading = bi(
    "Energy and water consumption (KPIs A2.1, A2.2)",
    "能源及耗水量（關鍵績效指標A2.1、A2.2）",
  );
  if (resources.length === 0 && !water) {
    noFigures(w, heading);
  } else {
    w.heading(heading);
    const amountCol = w.labelColumns + 1;
    const priorColumns = (result: KpiResult | undefined): CellSpec[] => {
      if (!withPrior) return [];
      const prior = priorCell(result, amountFormat);
      if (!result || result.value === null || result.prior === null || result.change === null)
        return [prior, MISSING];
      // Live: (this year − prior year) ÷ |prior year|, over the two cells to its left.
      const row = w.row + 1;
      const now = `${columnLetter(amountCol)}${row}`;
      const before = `${columnLetter(amountCol + 1)}${row}`;
      return [prior, { value: result.change, numberFormat: FORMAT.percent, ...(vo || result.prior === 0 ? {} : { formula: `(${now}-${before})/ABS(${before})` }) }];
    };
    const priorBlank = withPrior ? [BLANK, BLANK] : [];
    w.header(HEAD.item, [
      HEAD.unit,
      HEAD.amount,
      ...(withPrior ? [HEAD.prior, HEAD.change] : []),
      HEAD.intensity,
      HEAD.energy,
    ]);
    const header = w.row - 1;
    const first = w.row;
    for (const { key, result } of resources) {
      const metricId = key.slice(0, -".amount".length);
      w.tableRow(metricLabel(metricId, result.label), [
        textCell(unitText(result.unit, ctx.lang)),
        kpiCell(result, amountFormat, vo),
        ...priorColumns(result),
        kpiCell(r(`A2.1.${metricId}.intensity`), intensityFormat, vo),
        kpiCell(r(`A2.1.${metricId}.energy`), FORMAT.energyThousands, vo),
      ]);
    }
    // Energy by type (KPI A2.1, '000 kWh): the energy column over the resource rows, as shares of the mix.
    const energyCol = amountCol + (withPrior ? 4 : 2);
    w.chart({
      id: "A2.energy-by-type",
      kind: "doughnut",
      title: CHART_TITLE.energyByType,
      categories: columnArea(0, first, w.row - 1),
      series: [{ name: { row: header, col: energyCol }, values: columnArea(energyCol, first, w.row - 1) }],
    });
    const totalEnergy = r(KPI_ID.energyTotal);
    if (resources.length > 0) {
      w.tableRow(
        bi("Total energy", "能源總耗量"),
        [
          textCell(unitText("kWh", ctx.lang)),
          BLANK,
          ...priorBlank,
          kpiCell(r(KPI_ID.energyIntensity), intensityFormat, vo),
          totalEnergy ? kpiCell(totalEnergy, FORMAT.energyThousands, vo) : MISSING,
        ],
        true,
      );
    }
    if (water) {
      w.tableRow(metricLabel("water", water.label), [
        textCell(unitText(water.unit, ctx.lang)),
        kpiCell(water, amountFormat, vo),
        ...priorColumns(water),
        kpiCell(r(KPI_ID.waterIntensity), intensityFormat, vo),
        BLANK,
      ]);
    }
    const intensities = [KPI_ID.energyIntensity, KPI_ID.waterIntensity].some((id) => r(id)?.value != null);
    if (intensities) denominatorRows(ctx, w, ["production"], priorBlank.length + 2);
  }
  w.blank();

  // A2.5 packaging material ----------------------------------------------------------------------
  const materials = childrenOf(ctx, KPI_PREFIX.packagingByMaterial);
  const packHeading = bi(
    "Packaging material for finished products (KPI A2.5)",
    "製成品所用包裝材料（關鍵績效指標A2.5）",
  );
  if (materials.length === 0) {
    noFigures(w, packHeading);
  } else {
    w.heading(packHeading);
    w.header(HEAD.item, [HEAD.unit, HEAD.amount, HEAD.intensity]);
    for (const { key, result } of materials) {
      w.tableRow(rowLabel(["packaging"], key, result.label), [
        textCell(unitText(result.unit, ctx.lang)),
        kpiCell(result, amountFormat, vo),
        BLANK,
      ]);
    }
    const total = r(KPI_ID.packagingTotal);
    w.tableRow(
      bi("Total packaging material", "包裝材料總量"),
      [
        textCell(unitText(total?.unit ?? "t", ctx.lang)),
        kpiCell(total, amountFormat, vo),
        kpiCell(r(KPI_ID.packagingIntensity), intensityFormat, vo),
      ],
      true,
    );
  }

  const notes: Bilingual[] = [
    intensityNote(),
    bi(
      "Energy is stated in thousands of kWh as KPI A2.1 asks: electricity ÷ 1,000; fuels × net calorific value (NCV) ÷ 3.6 MJ/kWh.",
      "能源按關鍵績效指標A2.1以千個千瓦時列示：電力 ÷ 1,000；燃料 × 低位發熱量 ÷ 3.6兆焦耳／千瓦時。",
    ),
    ...factorNotes(
      ctx,
      resources.map(({ key }) => `A2.1.${key.slice(0, -".amount".length)}.energy`),
    ),
  ];
  return finishSheet(ctx, w, notes, "landscape");
}
