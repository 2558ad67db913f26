/**
 * Aspect B3 Development and Training: percentage of employees trained (KPI B3.1) and average training
 * hours (KPI B3.2) by gender and employee category. B3.1 is read two ways in practice; the footnotes
 * say which reading the table uses and what the other would be.
 */
import { kpiCell } from "../cells";
import { childrenOf, rowLabel, type BuildContext } from "../context";
import { columnArea } from "../charts/plan";
import { CHART_TITLE, HEAD, bi, unitText } from "../labels";
import type { SheetWriter } from "../layout";
import { FORMAT } from "../styles";
import type { Bilingual, SheetModel } from "../../types";
import { KpiContext, trainingHoursBasis } from "../../kpis";
import { finishSheet, noFigures, startSheet } from "./common";
import { BREAKDOWN_HEADINGS, peopleMetric } from "./people";
import { KPI_ID } from "../../kpis/ids";

const HOURS = "#,##0.0";

export function buildB3(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B3", name, [18, 18]);
  const chosenReading = ctx.options.trainingReading;
  const vo = ctx.options.valuesOnly;
  const r = (id: string) => ctx.results.get(id);
  const heading = bi(
    "Employees trained and training hours (KPIs B3.1, B3.2)",
    "受訓僱員及受訓時數（關鍵績效指標B3.1、B3.2）",
  );
  const total = r(KPI_ID.trained);
  // One basis per column (B3.2): per employee, or per employee trained when a group's headcount is missing.
  const basis = trainingHoursBasis(new KpiContext(ctx.snapshot, ctx.options, ctx.library));
  const hours = basis === "employee" ? r(KPI_ID.trainingHours) : r(KPI_ID.trainingHoursPerTrained);
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
    const header = w.row;
    w.header(HEAD.group, [
      chosenReading === "share-of-category" ? HEAD.trainedShare : bi("Share of the trained", "佔受訓僱員百分比"),
      basis === "employee"
        ? bi("Average training hours per employee", "每名僱員平均受訓時數")
        : bi("Average training hours per employee trained", "每名受訓僱員平均受訓時數"),
    ]);
    // The overall share trained is a share of all employees: in the split-of-trained column it would be
    // another basis, so it is given on its own row below instead.
    w.tableRow(
      bi("All employees", "全體僱員"),
      [chosenReading === "share-of-category" ? kpiCell(total, FORMAT.percent, vo) : { value: null }, kpiCell(hours, HOURS, vo)],
      true,
    );
    for (const { b, keys, labels } of groups) {
      if (keys.length === 0) continue;
      w.groupRow(BREAKDOWN_HEADINGS[b], 2);
      const first = w.row;
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
      if (b === "category") categoryCharts(w, header, first, chosenReading);
    }
    if (chosenReading === "split-of-trained" && total)
      w.tableRow(bi("Employees trained, share of all employees", "受訓僱員佔全體僱員百分比"), [kpiCell(total, FORMAT.percent, vo), { value: null }]);
    const perTrained = r(KPI_ID.trainingHoursPerTrained);
    if (perTrained && basis === "employee")
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
    basis === "employee"
      ? bi(
          "Average training hours (B3.2): training hours of a group ÷ employees in the group, for every row.",
          "平均受訓時數（B3.2）：每一行均為該組別受訓時數 ÷ 該組別僱員人數。",
        )
      : bi(
          "Average training hours (B3.2): training hours of a group ÷ employees trained in the group, for every row, because the workbook lacks the headcount of some group (B3.2 asks for hours per employee: enter the headcounts to show that).",
          "平均受訓時數（B3.2）：由於工作簿缺少部分組別的僱員人數，每一行均為該組別受訓時數 ÷ 該組別受訓人數（B3.2 要求每名僱員平均時數：請輸入僱員人數）。",
        ),
  ];
  return finishSheet(ctx, w, notes);
}

/**
 * Trained share and average hours by employee category (issue 14): one bar chart per column of the
 * category rows just written, titled by what the column holds.
 */
function categoryCharts(
  w: SheetWriter,
  header: number,
  first: number,
  reading: "share-of-category" | "split-of-trained",
): void {
  const last = w.row - 1;
  const share = w.labelColumns;
  const hours = share + 1;
  w.chart({
    id: "B3.trained-by-category",
    kind: "bar",
    title:
      reading === "share-of-category"
        ? CHART_TITLE.trainedByCategory
        : CHART_TITLE.trainedSplitByCategory,
    categories: columnArea(0, first, last),
    series: [{ name: { row: header, col: share }, values: columnArea(share, first, last) }],
  });
  w.chart({
    id: "B3.hours-by-category",
    kind: "bar",
    title: CHART_TITLE.hoursByCategory,
    categories: columnArea(0, first, last),
    series: [{ name: { row: header, col: hours }, values: columnArea(hours, first, last) }],
    valueAxisTitle: unitText("hours", w.lang),
  });
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
