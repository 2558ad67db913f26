/** Aspect B5 Supply Chain Management: number of suppliers by geographical region (KPI B5.1). */
import { childrenOf, rowLabel, type BuildContext } from "../context";
import { bi } from "../labels";
import { FORMAT } from "../styles";
import type { SheetModel } from "../../types";
import { figureTable, finishSheet, noFigures, startSheet, type FigureRow } from "./common";
import { KPI_ID, KPI_PREFIX } from "../../kpis/ids";

export function buildB5(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B5", name, [14, 14, 14]);
  const heading = bi(
    "Suppliers by geographical region (KPI B5.1)",
    "按地區劃分的供應商數目（關鍵績效指標B5.1）",
  );
  const regions = childrenOf(ctx, KPI_PREFIX.suppliersByRegion);
  const total = ctx.results.get(KPI_ID.suppliers);
  if (regions.length === 0 && !total) noFigures(w, heading);
  else {
    const rows: FigureRow[] = regions.map(({ key, result }) => ({
      label: rowLabel(["suppliers"], key, result.label),
      result,
      format: FORMAT.integer,
    }));
    rows.push({
      label: bi("Total suppliers", "供應商總數"),
      result: total,
      format: FORMAT.integer,
      total: true,
    });
    figureTable(ctx, w, heading, rows);
  }
  return finishSheet(ctx, w, [
    bi("Suppliers are counted by the region of the supplier.", "供應商按其所在地區計算。"),
  ]);
}
