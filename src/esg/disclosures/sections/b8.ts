/** Aspect B8 Community Investment: resources contributed, money and time (KPI B8.2). */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import { FORMAT, amountFormat } from "../styles";
import type { SheetModel } from "../../types";
import { figureTable, finishSheet, noFigures, startSheet } from "./common";
import { KPI_ID } from "../../kpis/ids";

export function buildB8(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B8", name, [14, 16, 14]);
  const heading = bi(
    "Resources contributed to the focus areas (KPI B8.2)",
    "在專注範疇所動用資源（關鍵績效指標B8.2）",
  );
  const money = ctx.results.get(KPI_ID.communityInvestment);
  const hours = ctx.results.get(KPI_ID.volunteerHours);
  if (!money && !hours) noFigures(w, heading);
  else
    figureTable(ctx, w, heading, [
      { label: bi("Community investment", "社區投資"), result: money, format: amountFormat },
      { label: bi("Volunteer hours", "義工時數"), result: hours, format: FORMAT.oneDecimal },
    ]);
  return finishSheet(ctx, w, [
    bi(
      "The focus areas of contribution (B8.1) are described in the report text.",
      "專注貢獻範疇（B8.1）於報告正文說明。",
    ),
  ]);
}
