/**
 * Aspect A1 Emissions: air emissions (KPI A1.1), greenhouse gases (A1.2), and the waste tables as the
 * seed report lays them out — item, tonnes, treatment — for hazardous (A1.3) and non-hazardous (A1.4)
 * waste, each with its total and intensity per tonne of product.
 */
import { findRow } from "../../snapshot";
import { kpiCell, textCell } from "../cells";
import { childrenOf, rowLabel, type BuildContext } from "../context";
import { columnArea } from "../charts/plan";
import { CHART_TITLE, HEAD, bi, intensityNote, ownText, unitText } from "../labels";
import type { SheetWriter } from "../layout";
import { STYLE, amountFormat, intensityFormat } from "../styles";
import type { Bilingual, SheetModel } from "../../types";
import { denominatorRows, figureTable, finishSheet, noFigures, startSheet } from "./common";
import { factorNotes } from "./factor-notes";
import { ghgByScopeChart, ghgMethodNotes, ghgResultIds, ghgRows, hasGhg } from "./ghg-rows";
import { KPI_ID, KPI_PREFIX } from "../../kpis/ids";

export function buildA1(ctx: BuildContext, name: string): SheetModel {
  // Columns after the label: unit or tonnes | figure | treatment (the widest: workbook text).
  const w = startSheet(ctx, "A1", name, [16, 16, 40]);

  // A1.1 air emissions by pollutant
  const air = childrenOf(ctx, KPI_PREFIX.airEmissions);
  const airHeading = bi("Air emissions (KPI A1.1)", "廢氣排放（關鍵績效指標A1.1）");
  if (air.length === 0) noFigures(w, airHeading);
  else
    figureTable(
      ctx,
      w,
      airHeading,
      air.map(({ key, result }) => ({
        label: rowLabel(["air_emissions"], key, result.label),
        result,
        format: amountFormat,
      })),
    );
  w.blank();

  // A1.2 greenhouse gases
  const ghgHeading = bi(
    "Greenhouse gas emissions (KPI A1.2), tonnes CO2e",
    "溫室氣體排放（關鍵績效指標A1.2），噸二氧化碳當量",
  );
  if (!hasGhg(ctx)) noFigures(w, ghgHeading);
  else {
    const rows = ghgRows(ctx, true);
    const table = figureTable(ctx, w, ghgHeading, rows);
    ghgByScopeChart(ctx, w, "A1", rows, table);
    const withPrior = rows.some((r) => r.result?.prior !== null && r.result?.prior !== undefined);
    if (ctx.results.get(KPI_ID.ghgIntensity)?.value != null)
      denominatorRows(ctx, w, ["production"], withPrior ? 1 : 0);
  }
  w.blank();

  // A1.3 / A1.4 waste: item | tonnes | treatment
  wasteTable(
    ctx,
    w,
    "A1.3",
    "hazardous_waste",
    bi("Hazardous waste (KPI A1.3)", "有害廢棄物（關鍵績效指標A1.3）"),
    CHART_TITLE.hazardousWaste,
  );
  w.blank();
  wasteTable(
    ctx,
    w,
    "A1.4",
    "non_hazardous_waste",
    bi("Non-hazardous waste (KPI A1.4)", "無害廢棄物（關鍵績效指標A1.4）"),
    CHART_TITLE.nonHazardousWaste,
  );

  const notes: Bilingual[] = [intensityNote()];
  if (hasGhg(ctx)) notes.push(...ghgMethodNotes(ctx), ...factorNotes(ctx, ghgResultIds(ctx)));
  notes.push(bi("Waste totals are the sum of the items listed.", "廢棄物總量為所列各項之和。"));
  return finishSheet(ctx, w, notes);
}

function wasteTable(
  ctx: BuildContext,
  w: SheetWriter,
  kpi: "A1.3" | "A1.4",
  metricId: string,
  heading: Bilingual,
  chartTitle: Bilingual,
): void {
  const vo = ctx.options.valuesOnly;
  const items = childrenOf(ctx, `${kpi}.item.`);
  const total = ctx.results.get(`${kpi}.total`);
  if (items.length === 0 && !total) {
    noFigures(w, heading);
    return;
  }
  const rows = ctx.snapshot.metrics.get(metricId)?.rows ?? [];
  w.heading(heading);
  const header = w.row;
  w.header(HEAD.item, [HEAD.tonnes, HEAD.treatment]);
  const first = w.row;
  for (const { key, result } of items) {
    // Treatment text comes from the workbook (the metric's extra column): written as text.
    const treatment = findRow(rows, key)?.extra[0] ?? "";
    w.tableRow(rowLabel([metricId], key, result.label), [
      kpiCell(result, amountFormat, vo),
      textCell(ownText(treatment, ctx.lang)),
    ]);
  }
  // Waste by item (issue 14): tonnes of each item, as bars (item names are long).
  const tonnes = w.labelColumns;
  w.chart({
    id: `A1.${kpi === "A1.3" ? "hazardous" : "non-hazardous"}-waste`,
    kind: "bar",
    title: chartTitle,
    categories: columnArea(0, first, w.row - 1),
    series: [{ name: { row: header, col: tonnes }, values: columnArea(tonnes, first, w.row - 1) }],
    valueAxisTitle: unitText("t", ctx.lang),
  });
  if (total)
    w.tableRow(
      bi("Total", "總量"),
      [kpiCell(total, amountFormat, vo), { value: null, style: STYLE.totalValue }],
      true,
    );
  const intensity = ctx.results.get(`${kpi}.intensity`);
  if (intensity)
    w.tableRow(bi("Intensity (tonnes per tonne of product)", "密度（噸／每噸產品）"), [
      kpiCell(intensity, intensityFormat, vo),
      { value: null, style: STYLE.text },
    ]);
}
