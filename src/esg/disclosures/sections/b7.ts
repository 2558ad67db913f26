/** Aspect B7 Anti-corruption: concluded corruption cases (B7.1) and anti-corruption training hours (B7.3). */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import { FORMAT } from "../styles";
import type { SheetModel } from "../../types";
import { figureTable, finishSheet, noFigures, startSheet } from "./common";
import { KPI_ID } from "../../kpis/ids";

export function buildB7(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B7", name, [14, 14, 14]);
  const heading = bi("Anti-corruption (KPIs B7.1, B7.3)", "反貪污（關鍵績效指標B7.1、B7.3）");
  const cases = ctx.results.get(KPI_ID.corruptionCases);
  const hours = ctx.results.get(KPI_ID.antiCorruptionHours);
  if (!cases && !hours) noFigures(w, heading);
  else
    figureTable(ctx, w, heading, [
      {
        label: bi("Concluded legal cases regarding corrupt practices", "已審結的貪污訴訟案件"),
        result: cases,
        format: FORMAT.integer,
      },
      {
        label: bi("Anti-corruption training for directors and staff", "董事及員工反貪污培訓"),
        result: hours,
        format: FORMAT.oneDecimal,
      },
    ]);
  return finishSheet(ctx, w, [
    bi(
      "The outcomes of the cases (B7.1), preventive measures and whistle-blowing (B7.2) and the training given (B7.3) are described in the report text.",
      "案件的訴訟結果（B7.1）、防範措施及舉報程序（B7.2）及所提供的培訓（B7.3）於報告正文說明。",
    ),
  ]);
}
