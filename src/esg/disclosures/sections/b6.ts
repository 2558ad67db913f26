/** Aspect B6 Product Responsibility: recalls for safety and health reasons (B6.1) and complaints (B6.2). */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import { FORMAT } from "../styles";
import type { SheetModel } from "../../types";
import { figureTable, finishSheet, noFigures, startSheet } from "./common";
import { KPI_ID } from "../../kpis/ids";

export function buildB6(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B6", name, [14, 14, 14]);
  const heading = bi("Product responsibility (KPIs B6.1, B6.2)", "產品責任（關鍵績效指標B6.1、B6.2）");
  const recall = ctx.results.get(KPI_ID.recallRate);
  const complaints = ctx.results.get(KPI_ID.complaints);
  if (!recall && !complaints) noFigures(w, heading);
  else
    figureTable(ctx, w, heading, [
      {
        label: bi(
          "Products recalled for safety and health reasons (% of products sold or shipped)",
          "因安全與健康理由回收的產品（佔已售或已運送產品百分比）",
        ),
        result: recall,
        format: FORMAT.percent,
      },
      {
        label: bi("Product and service complaints received", "接獲的產品及服務投訴"),
        result: complaints,
        format: FORMAT.integer,
      },
    ]);
  return finishSheet(ctx, w, [
    bi(
      "How complaints were dealt with (B6.2) and KPIs B6.3–B6.5 are described in the report text.",
      "投訴的處理方法（B6.2）及關鍵績效指標B6.3至B6.5於報告正文描述。",
    ),
  ]);
}
