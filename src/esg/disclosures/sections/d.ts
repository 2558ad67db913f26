/**
 * Part D climate-related disclosures: Scope 1 and Scope 2 (location-based) greenhouse-gas emissions,
 * mandatory for every issuer for financial years from 1 January 2025, with the source, year and series
 * of every factor used.
 */
import type { BuildContext } from "../context";
import { bi } from "../labels";
import type { Bilingual, SheetModel } from "../../types";
import { figureTable, finishSheet, noFigures, startSheet } from "./common";
import { factorNotes } from "./factor-notes";
import { ghgByScopeChart, ghgMethodNotes, ghgResultIds, ghgRows, hasGhg } from "./ghg-rows";

export function buildD(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "D", name, [22, 16, 16]);
  const heading = bi(
    "Scope 1 and Scope 2 greenhouse gas emissions, tonnes CO2e",
    "範圍1及範圍2溫室氣體排放（噸二氧化碳當量）",
  );
  if (!hasGhg(ctx)) noFigures(w, heading);
  else {
    const rows = ghgRows(ctx, true);
    ghgByScopeChart(ctx, w, "D", rows, figureTable(ctx, w, heading, rows));
  }
  const notes: Bilingual[] = [
    bi(
      "Scope 1 and Scope 2 emissions are mandatory under Part D of the ESG Reporting Code for financial years beginning on or after 1 January 2025; Scope 3 is comply-or-explain.",
      "根據《環境、社會及管治報告守則》D部分，範圍1及範圍2排放自2025年1月1日或之後開始的財政年度起為強制披露；範圍3為「不遵守就解釋」。",
    ),
    ...ghgMethodNotes(ctx),
    ...factorNotes(ctx, ghgResultIds(ctx)),
  ];
  return finishSheet(ctx, w, notes);
}
