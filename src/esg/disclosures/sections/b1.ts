/**
 * Aspect B1 Employment: total workforce by gender, age group, region, employment type and category
 * (KPI B1.1) and employee turnover (KPI B1.2) by the chosen method, beside each group's share of the
 * overall rate (the method the seed report appears to use), with the method in a footnote.
 */
import { MISSING, kpiCell, priorCell, priorsOf } from "../cells";
import type { CellSpec, SheetWriter } from "../layout";
import { rowExpr, valueExpr } from "../../excel-refs";
import { childrenOf, rowLabel, type BuildContext } from "../context";
import { columnArea } from "../charts/plan";
import { CHART_TITLE, HEAD, bi, unitText } from "../labels";
import { FORMAT, neverZero } from "../styles";
import type { Bilingual, KpiResult, SheetModel } from "../../types";
import { effectiveTurnoverMethod, KpiContext } from "../../kpis";
import { finishSheet, noFigures, startSheet } from "./common";
import { BREAKDOWN_HEADINGS, peopleMetric, type PeopleBreakdown } from "./people";
import { byGroup, KPI_ID, KPI_PREFIX } from "../../kpis/ids";

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
  const workforce = [r(KPI_ID.workforce), ...childrenOf(ctx, KPI_PREFIX.workforce).map((c) => c.result)];
  const turnoverResults = [
    r(KPI_ID.turnover),
    r(KPI_ID.turnoverStated),
    ...childrenOf(ctx, KPI_PREFIX.turnover, (rest) => rest.endsWith(".share-of-total")).map((c) => c.result),
  ];
  // Each prior year the workbook holds for a table, beside the reporting year's (issue 11: the template
  // holds two); a column's figures are complete or "–" (totals.ts), never a sum of fewer parts.
  const headcountYears = priorYears(workforce);
  const turnoverYears = priorYears(turnoverResults);
  const hireYears = newHireYears(ctx);
  const columns = Math.max(1 + headcountYears.length, 2 + turnoverYears.length, 2 + 2 * hireYears.length);
  const anyPrior = headcountYears.length + turnoverYears.length + hireYears.length > 0;
  const w = startSheet(ctx, "B1", name, anyPrior ? [16, 18, ...new Array<number>(Math.max(1, columns - 2)).fill(16)] : [16, 18]);
  const year = (i: number): Bilingual => yearHead(ctx, i);
  const priorsOfRow = (result: KpiResult | undefined, years: readonly number[], format: string): CellSpec[] =>
    years.map((i) => priorCell(result, format, i));

  // B1.1 workforce
  const total = r(KPI_ID.workforce);
  const wfHeading = bi("Total workforce at year end (KPI B1.1)", "年末僱員總數（關鍵績效指標B1.1）");
  if (!total && childrenOf(ctx, KPI_PREFIX.workforce).length === 0) noFigures(w, wfHeading);
  else {
    w.heading(wfHeading);
    const header = w.row;
    w.header(HEAD.group, [HEAD.employees, ...headcountYears.map(year)]);
    w.tableRow(
      bi("Total employees", "僱員總數"),
      [kpiCell(total, FORMAT.integer, vo), ...priorsOfRow(total, headcountYears, FORMAT.integer)],
      true,
    );
    for (const b of HEADCOUNT_BREAKDOWNS) {
      const rows = childrenOf(ctx, byGroup("B1.1", b));
      if (rows.length === 0) continue;
      w.groupRow(BREAKDOWN_HEADINGS[b], 1 + headcountYears.length);
      const first = w.row;
      for (const { key, result } of rows)
        w.tableRow(rowLabel([peopleMetric("headcount", b)], key, result.label), [
          kpiCell(result, FORMAT.integer, vo),
          ...priorsOfRow(result, headcountYears, FORMAT.integer),
        ]);
      headcountChart(w, b, header, first, headcountYears.length);
    }
  }
  w.blank();

  // B1.2 turnover
  const turnover = r(KPI_ID.turnover);
  const stated = r(KPI_ID.turnoverStated);
  const toHeading = bi("Employee turnover rate (KPI B1.2)", "僱員流失比率（關鍵績效指標B1.2）");
  const groups = TURNOVER_BREAKDOWNS.map((b) => ({
    b,
    rows: childrenOf(ctx, byGroup("B1.2", b), (rest) => rest.endsWith(".share-of-total")),
  }));
  if (!turnover && !stated && groups.every((g) => g.rows.length === 0)) noFigures(w, toHeading);
  else {
    w.heading(toHeading);
    const header = w.row;
    w.header(HEAD.group, [HEAD.turnover, ...turnoverYears.map(year), HEAD.shareOfOverall]);
    if (turnover)
      w.tableRow(
        bi("Overall", "整體"),
        [
          kpiCell(turnover, FORMAT.percent, vo),
          ...priorsOfRow(turnover, turnoverYears, FORMAT.percent),
          { value: null },
        ],
        true,
      );
    for (const { b, rows } of groups) {
      if (rows.length === 0) continue;
      w.groupRow(BREAKDOWN_HEADINGS[b], 2 + turnoverYears.length);
      const first = w.row;
      for (const { key, result } of rows) {
        const share = r(`${byGroup("B1.2", b)}${key}.share-of-total`);
        w.tableRow(rowLabel([peopleMetric("leavers", b), peopleMetric("headcount", b)], key, result.label), [
          kpiCell(result, FORMAT.percent, vo),
          ...priorsOfRow(result, turnoverYears, FORMAT.percent),
          share ? kpiCell(share, FORMAT.percent, vo) : MISSING,
        ]);
      }
      turnoverChart(w, b, header, first);
    }
    if (stated)
      w.tableRow(bi("Overall rate as stated in the workbook", "工作簿所述整體比率"), [
        kpiCell(stated, FORMAT.percent, vo),
        ...priorsOfRow(stated, turnoverYears, FORMAT.percent),
        MISSING,
      ]);
  }

  const hires = newHires(ctx, w, hireYears);

  // The method stated is the one used: "average" without an opening headcount falls back to closing.
  const used = effectiveTurnoverMethod(new KpiContext(ctx.snapshot, ctx.options, ctx.library));
  const method = METHOD[used];
  const notes: Bilingual[] = [
    bi("Headcount is at 31 December of the reporting year.", "僱員人數為匯報年度12月31日的數字。"),
    bi(
      `Turnover rate: ${method.en}; a group's rate divides its leavers by its own headcount.`,
      `流失比率：${method["zh-HK"]}；組別比率以該組別流失人數除以該組別僱員人數。`,
    ),
  ];
  if (used !== ctx.options.turnoverMethod)
    notes.push(
      bi(
        `The opening headcount is not available, so the rate divides by the headcount at year end.`,
        `由於沒有年初僱員人數，比率以年末僱員人數計算。`,
      ),
    );
  if (groups.some((g) => g.rows.length > 0))
    notes.push(
      sharesAddUp(ctx, turnover)
        ? bi(
            "Share of overall rate: the group's leavers ÷ total headcount at year end; the groups' shares add up to the overall rate.",
            "佔整體比率：該組別流失人數 ÷ 年末僱員總數；各組別佔比之和等於整體比率。",
          )
        : bi(
            "Share of total headcount: the group's leavers ÷ total headcount at year end. These shares do not add up to the overall rate here, which divides by a different headcount or counts other leavers.",
            "佔僱員總數：該組別流失人數 ÷ 年末僱員總數。此處各組別佔比之和並不等於整體比率，因整體比率的分母或流失人數不同。",
          ),
    );
  if (hires)
    notes.push(
      bi(
        "New-hire rate: new hires ÷ employees at year end; a group's rate divides its new hires by its own headcount.",
        "新入職比率：新入職僱員人數 ÷ 年末僱員人數；組別比率以該組別新入職人數除以該組別僱員人數。",
      ),
    );
  return finishSheet(ctx, w, notes);
}

/** Chart titles of the people breakdowns (issue 14), by what the chart shows. */
const CHART_TITLES: Readonly<Record<"headcount" | "turnover", Partial<Record<PeopleBreakdown, Bilingual>>>> =
  {
    headcount: {
      gender: CHART_TITLE.workforceByGender,
      age: CHART_TITLE.workforceByAge,
      region: CHART_TITLE.workforceByRegion,
    },
    turnover: {
      gender: CHART_TITLE.turnoverByGender,
      age: CHART_TITLE.turnoverByAge,
      region: CHART_TITLE.turnoverByRegion,
    },
  };

/**
 * The headcount of one breakdown (gender, age group, region) over the rows just written: gender as a
 * doughnut, age groups as columns, regions as bars; with a complete prior-year column, both years as columns.
 */
function headcountChart(
  w: SheetWriter,
  b: PeopleBreakdown,
  header: number,
  first: number,
  priorColumns: number,
): void {
  const title = CHART_TITLES.headcount[b];
  if (!title) return;
  const last = w.row - 1;
  const valueCol = w.labelColumns;
  // One series per prior-year column whose figures are all there (complete or not drawn).
  const byYear = Array.from({ length: priorColumns }, (_, i) => columnArea(valueCol + 1 + i, first, last)).filter(
    (area) => w.numbersIn(area) !== null,
  );
  w.chart({
    id: `B1.employees-by-${b}`,
    kind: byYear.length > 0 ? "column" : b === "gender" ? "doughnut" : b === "age" ? "column" : "bar",
    title,
    categories: columnArea(0, first, last),
    series: [
      { name: { row: header, col: valueCol }, values: columnArea(valueCol, first, last) },
      ...byYear.map((area) => ({ name: { row: header, col: area.left }, values: area })),
    ],
    valueAxisTitle: unitText("person", w.lang),
  });
}

/** The turnover rate of one breakdown over the rows just written, as bars. */
function turnoverChart(w: SheetWriter, b: PeopleBreakdown, header: number, first: number): void {
  const title = CHART_TITLES.turnover[b];
  if (!title) return;
  const rateCol = w.labelColumns;
  w.chart({
    id: `B1.turnover-by-${b}`,
    kind: "bar",
    title,
    categories: columnArea(0, first, w.row - 1),
    series: [{ name: { row: header, col: rateCol }, values: columnArea(rateCol, first, w.row - 1) }],
  });
}

/** True when, for every breakdown shown, the groups' shares of total headcount add up to the overall rate. */
function sharesAddUp(ctx: BuildContext, overall: KpiResult | undefined): boolean {
  if (!overall || overall.value === null) return false;
  return TURNOVER_BREAKDOWNS.every((b) => {
    const shares = childrenOf(ctx, `B1.2.${b}.`, (rest) => !rest.endsWith(".share-of-total")).map(
      (x) => x.result.value,
    );
    if (shares.length === 0) return true;
    if (shares.some((v) => v === null)) return false;
    const sum = shares.reduce<number>((a, v) => a + (v ?? 0), 0);
    return Math.abs(sum - overall.value!) <= 1e-9;
  });
}

/** A figure and its live formula (unless values only), from the snapshot. */
function live(
  value: number | null,
  formula: string | null,
  numberFormat: string,
  valuesOnly: boolean,
): CellSpec {
  if (value === null || !Number.isFinite(value)) return MISSING;
  return {
    value,
    numberFormat: neverZero(numberFormat, value),
    ...(formula && !valuesOnly ? { formula } : {}),
  };
}

const ratio = (n: number | null, d: number | null): number | null =>
  n === null || d === null || d === 0 ? null : n / d;
const over = (n: string | null, d: string | null): string | null => (n && d ? `(${n})/(${d})` : null);

/**
 * The prior years (1 = the year before, 2 = the year before that) a table shows: each year some result
 * holds, with a figure or as an incomplete total (shown "–").
 */
function priorYears(results: readonly (KpiResult | undefined)[]): number[] {
  const held = Math.max(0, ...results.map((x) => priorsOf(x).length));
  return Array.from({ length: held }, (_, i) => i + 1);
}

/** A prior year's column heading: the year itself when the reporting year is known. */
function yearHead(ctx: BuildContext, yearsBefore: number): Bilingual {
  const y0 = ctx.snapshot.reportingYear;
  if (y0 !== null) return bi(String(y0 - yearsBefore), String(y0 - yearsBefore));
  return yearsBefore === 1 ? HEAD.prior : bi(`${yearsBefore} years before`, `${yearsBefore}年前`);
}

/** The new-hire metrics with a figure: the total and each breakdown's. */
function hireMetrics(ctx: BuildContext) {
  const total = ctx.snapshot.metrics.get("new_hires");
  const groups = TURNOVER_BREAKDOWNS.map((b) => ({
    b,
    hires: ctx.snapshot.metrics.get(peopleMetric("new_hires", b)),
    heads: ctx.snapshot.metrics.get(peopleMetric("headcount", b)),
  })).filter((g) => g.hires && g.hires.rows.some((r) => r.value !== null));
  return { total, groups };
}

/** The prior years in which new hires have a figure (the total's or a group's). */
function newHireYears(ctx: BuildContext): number[] {
  const { total, groups } = hireMetrics(ctx);
  if ((total?.value ?? null) === null && groups.length === 0) return [];
  const has = (i: number): boolean =>
    (total?.prior[i - 1] ?? null) !== null ||
    groups.some((g) => g.hires!.rows.some((row) => (row.prior[i - 1]?.value ?? null) !== null));
  return [1, 2].filter(has);
}

/**
 * New hires (the dictionary's NewHires and its breakdowns) and the new-hire rate, beside the workforce:
 * read from the snapshot, as live formulas over the named ranges for the reporting year and as values for
 * each prior year the workbook holds (`years`). Returns whether anything was shown.
 */
function newHires(ctx: BuildContext, w: SheetWriter, years: readonly number[]): boolean {
  const vo = ctx.options.valuesOnly;
  const headcount = ctx.snapshot.metrics.get("headcount");
  const { total, groups } = hireMetrics(ctx);
  if ((total?.value ?? null) === null && groups.length === 0) return false;
  const y0 = ctx.snapshot.reportingYear;
  const when = (i: number): Bilingual =>
    y0 !== null
      ? bi(String(y0 - i), `${y0 - i}年`)
      : i === 1
        ? bi("prior year", "上年度")
        : bi(`${i} years before`, `${i}年前`);
  /** A prior year's new hires and rate, as values: both complete or "–". */
  const before = (hires: number | null, heads: number | null): CellSpec[] => [
    live(hires, null, FORMAT.integer, true),
    live(ratio(hires, heads), null, FORMAT.percent, true),
  ];
  w.blank();
  w.heading(bi("New hires", "新入職僱員"));
  w.header(HEAD.group, [
    HEAD.newHires,
    HEAD.newHireRate,
    ...years.flatMap((i) => [
      bi(`${HEAD.newHires.en} ${when(i).en}`, `${when(i)["zh-HK"]}${HEAD.newHires["zh-HK"]}`),
      bi(`${HEAD.newHireRate.en} ${when(i).en}`, `${when(i)["zh-HK"]}${HEAD.newHireRate["zh-HK"]}`),
    ]),
  ]);
  if (total && total.value !== null)
    w.tableRow(
      bi("Total new hires", "新入職僱員總數"),
      [
        live(total.value, valueExpr(total), FORMAT.integer, vo),
        live(
          ratio(total.value, headcount?.value ?? null),
          over(valueExpr(total), headcount ? valueExpr(headcount) : null),
          FORMAT.percent,
          vo,
        ),
        ...years.flatMap((i) => before(total.prior[i - 1] ?? null, headcount?.prior[i - 1] ?? null)),
      ],
      true,
    );
  for (const { b, hires, heads } of groups) {
    w.groupRow(BREAKDOWN_HEADINGS[b], 2 + 2 * years.length);
    for (const row of hires!.rows) {
      const head = heads?.rows.find((x) => x.key === row.key);
      w.tableRow(
        rowLabel(
          [peopleMetric("new_hires", b), peopleMetric("headcount", b)],
          row.key,
          bi(row.label, row.label),
        ),
        [
          live(row.value, rowExpr(hires!, row.key), FORMAT.integer, vo),
          live(
            ratio(row.value, head?.value ?? null),
            over(rowExpr(hires!, row.key), heads && head ? rowExpr(heads, row.key) : null),
            FORMAT.percent,
            vo,
          ),
          ...years.flatMap((i) => before(row.prior[i - 1]?.value ?? null, head?.prior[i - 1]?.value ?? null)),
        ],
      );
    }
  }
  return true;
}

const METHOD: Readonly<Record<"average" | "closing", Bilingual>> = {
  average: bi(
    "leavers ÷ average headcount ((opening + closing) ÷ 2)",
    "流失人數 ÷ 平均僱員人數（（年初＋年末）÷ 2）",
  ),
  closing: bi("leavers ÷ headcount at year end", "流失人數 ÷ 年末僱員人數"),
};
