/**
 * Aspect B3 Development and Training: percentage of employees trained (KPI B3.1) and average training
 * hours (KPI B3.2) by gender and employee category. B3.1 is read two ways in practice; the footnotes
 * say which reading the table uses and what the other would be.
 */
import { kpiCell } from "../cells";
import { childrenOf, rowLabel, type BuildContext } from "../context";
import { HEAD, bi } from "../labels";
import { FORMAT } from "../styles";
import type { Bilingual, SheetModel } from "../../types";
import { finishSheet, noFigures, startSheet } from "./common";
import { BREAKDOWN_HEADINGS, peopleMetric } from "./people";

const HOURS = "#,##0.0";

export function buildB3(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B3", name, [18, 18]);
  const vo = ctx.options.valuesOnly;
  const r = (id: string) => ctx.results.get(id);
  const heading = bi(
    "Employees trained and training hours (KPIs B3.1, B3.2)",
    "受訓僱員及受訓時數（關鍵績效指標B3.1、B3.2）",
  );
  const total = r("B3.1.total");
  const hours = r("B3.2.total");
  const groups = (["gender", "category"] as const).map((b) => {
    const keys: string[] = [];
    const labels = new Map<string, Bilingual>();
    for (const p of [`B3.1.${b}.`, `B3.2.${b}.`])
      for (const { key, result } of childrenOf(ctx, p)) {
        if (!keys.includes(key)) keys.push(key);
        if (!labels.has(key)) labels.set(key, result.label);
      }
    return { b, keys, labels };
  });
  if (!total && !hours && groups.every((g) => g.keys.length === 0)) noFigures(w, heading);
  else {
    w.heading(heading);
    w.header(HEAD.group, [HEAD.trainedShare, HEAD.avgHours]);
    w.tableRow(
      bi("All employees", "全體僱員"),
      [kpiCell(total, FORMAT.percent, vo), kpiCell(hours, HOURS, vo)],
      true,
    );
    for (const { b, keys, labels } of groups) {
      if (keys.length === 0) continue;
      w.groupRow(BREAKDOWN_HEADINGS[b], 2);
      for (const key of keys) {
        const label = rowLabel(
          [peopleMetric("trained", b), peopleMetric("headcount", b)],
          key,
          labels.get(key) ?? bi(key, key),
        );
        w.tableRow(label, [
          kpiCell(r(`B3.1.${b}.${key}`), FORMAT.percent, vo),
          kpiCell(r(`B3.2.${b}.${key}`), HOURS, vo),
        ]);
      }
    }
    const perTrained = r("B3.2.total.per-trained");
    if (perTrained)
      w.tableRow(bi("Average hours per employee trained", "每名受訓僱員平均受訓時數"), [
        { value: null },
        kpiCell(perTrained, HOURS, vo),
      ]);
  }

  const chosen = ctx.options.trainingReading;
  const notes: Bilingual[] = [
    bi(
      `Employees trained (B3.1): ${READINGS[chosen].en}.`,
      `受訓僱員百分比（B3.1）：按${READINGS[chosen]["zh-HK"]}計算。`,
    ),
    bi(
      "Average training hours (B3.2): training hours of a group ÷ employees in the group; where a group's headcount is missing, ÷ employees trained in it.",
      "平均受訓時數（B3.2）：該組別受訓時數 ÷ 該組別僱員人數；如缺該組別僱員人數，則 ÷ 該組別受訓人數。",
    ),
  ];
  return finishSheet(ctx, w, notes);
}

const READINGS: Readonly<Record<"share-of-category" | "split-of-trained", Bilingual>> = {
  "share-of-category": bi(
    "the share of each group's employees who were trained (trained in the group ÷ employees in the group)",
    "各組別僱員中受訓者的比例（該組別受訓人數 ÷ 該組別僱員人數）",
  ),
  "split-of-trained": bi(
    "the split of the trained by group (trained in the group ÷ all employees trained)",
    "受訓僱員按組別的分佈（該組別受訓人數 ÷ 受訓僱員總數）",
  ),
};
