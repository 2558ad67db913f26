/**
 * Aspect B1 Employment: total workforce by gender, age group, region, employment type and category
 * (KPI B1.1) and employee turnover (KPI B1.2) by the chosen method, beside each group's share of the
 * overall rate (the method the seed report appears to use), with the method in a footnote.
 */
import { MISSING, kpiCell, priorCell } from "../cells";
import type { CellSpec } from "../layout";
import { childrenOf, rowLabel, type BuildContext } from "../context";
import { HEAD, bi } from "../labels";
import { FORMAT } from "../styles";
import type { Bilingual, KpiResult, SheetModel } from "../../types";
import { finishSheet, noFigures, startSheet } from "./common";
import { BREAKDOWN_HEADINGS, peopleMetric, type PeopleBreakdown } from "./people";

const HEADCOUNT_BREAKDOWNS: readonly PeopleBreakdown[] = [
  "gender",
  "age",
  "region",
  "employment-type",
  "category",
];
const TURNOVER_BREAKDOWNS: readonly PeopleBreakdown[] = ["gender", "age", "region"];

export function buildB1(ctx: BuildContext, name: string): SheetModel {
  const vo = ctx.options.valuesOnly;
  const r = (id: string) => ctx.results.get(id);
  // The year-end headcount of the year before, beside this year's, when the workbook has it.
  const headcountPrior =
    childrenOf(ctx, "B1.1.").some(({ result }) => result.prior !== null) ||
    (r("B1.1.total")?.prior ?? null) !== null;
  const w = startSheet(ctx, "B1", name, headcountPrior ? [16, 18, 16] : [16, 18]);
  const priorOf = (result: KpiResult | undefined): CellSpec[] =>
    headcountPrior ? [priorCell(result, FORMAT.integer)] : [];

  // B1.1 workforce
  const total = r("B1.1.total");
  const wfHeading = bi("Total workforce at year end (KPI B1.1)", "年末僱員總數（關鍵績效指標B1.1）");
  if (!total && childrenOf(ctx, "B1.1.").length === 0) noFigures(w, wfHeading);
  else {
    w.heading(wfHeading);
    w.header(HEAD.group, [HEAD.employees, ...(headcountPrior ? [HEAD.prior] : [])]);
    w.tableRow(
      bi("Total employees", "僱員總數"),
      [kpiCell(total, FORMAT.integer, vo), ...priorOf(total)],
      true,
    );
    for (const b of HEADCOUNT_BREAKDOWNS) {
      const rows = childrenOf(ctx, `B1.1.${b}.`);
      if (rows.length === 0) continue;
      w.groupRow(BREAKDOWN_HEADINGS[b], headcountPrior ? 2 : 1);
      for (const { key, result } of rows)
        w.tableRow(rowLabel([peopleMetric("headcount", b)], key, result.label), [
          kpiCell(result, FORMAT.integer, vo),
          ...priorOf(result),
        ]);
    }
  }
  w.blank();

  // B1.2 turnover
  const turnover = r("B1.2.total");
  const stated = r("B1.2.stated");
  const toHeading = bi("Employee turnover rate (KPI B1.2)", "僱員流失比率（關鍵績效指標B1.2）");
  const groups = TURNOVER_BREAKDOWNS.map((b) => ({
    b,
    rows: childrenOf(ctx, `B1.2.${b}.`, (rest) => rest.endsWith(".share-of-total")),
  }));
  if (!turnover && !stated && groups.every((g) => g.rows.length === 0)) noFigures(w, toHeading);
  else {
    w.heading(toHeading);
    w.header(HEAD.group, [HEAD.turnover, HEAD.shareOfOverall]);
    if (turnover)
      w.tableRow(bi("Overall", "整體"), [kpiCell(turnover, FORMAT.percent, vo), { value: null }], true);
    for (const { b, rows } of groups) {
      if (rows.length === 0) continue;
      w.groupRow(BREAKDOWN_HEADINGS[b], 2);
      for (const { key, result } of rows) {
        const share = r(`B1.2.${b}.${key}.share-of-total`);
        w.tableRow(rowLabel([peopleMetric("leavers", b), peopleMetric("headcount", b)], key, result.label), [
          kpiCell(result, FORMAT.percent, vo),
          share ? kpiCell(share, FORMAT.percent, vo) : MISSING,
        ]);
      }
    }
    if (stated)
      w.tableRow(bi("Overall rate as stated in the workbook", "工作簿所述整體比率"), [
        kpiCell(stated, FORMAT.percent, vo),
        MISSING,
      ]);
  }

  const method = turnover?.formula ?? METHOD[ctx.options.turnoverMethod];
  const notes: Bilingual[] = [
    bi("Headcount is at 31 December of the reporting year.", "僱員人數為匯報年度12月31日的數字。"),
    bi(
      `Turnover rate: ${method.en}; a group's rate divides its leavers by its own headcount.`,
      `流失比率：${method["zh-HK"]}；組別比率以該組別流失人數除以該組別僱員人數。`,
    ),
    bi(
      "Share of overall rate: the group's leavers ÷ total headcount at year end; the shares add up to the overall rate.",
      "佔整體比率：該組別流失人數 ÷ 年末僱員總數；各組別佔比之和等於整體比率。",
    ),
  ];
  return finishSheet(ctx, w, notes);
}

const METHOD: Readonly<Record<"average" | "closing", Bilingual>> = {
  average: bi(
    "leavers ÷ average headcount ((opening + closing) ÷ 2)",
    "流失人數 ÷ 平均僱員人數（（年初＋年末）÷ 2）",
  ),
  closing: bi("leavers ÷ headcount at year end", "流失人數 ÷ 年末僱員人數"),
};
