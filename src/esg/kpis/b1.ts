/** Aspect B1 Employment: B1.1 workforce by breakdown and B1.2 turnover by the method in use. */
import { share, turnoverRate, type Calc } from "../formulas";
import type { EngineOptions } from "../options";
import type { Bilingual } from "../types";
import { bi } from "../bilingual";
import type { KpiContext, YearIndex } from "./context";
import { constant, div, lift2, type KpiSpec } from "./result";
import { KPI_ID } from "./ids";

const BREAKDOWNS = [
  ["gender", "gender"],
  ["age", "age"],
  ["region", "region"],
  ["employment-type", "employment_type"],
  ["category", "category"],
] as const;

export function workforceKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  if (c.metric("headcount"))
    out.push({
      id: KPI_ID.workforce,
      kpi: "B1.1",
      label: bi("Total workforce", "僱員總數"),
      unit: "person",
      formula: bi("employees at 31 December", "12月31日僱員人數"),
      calc: (y) => constant(c.value("headcount", y)),
      inputs: [c.input("headcount")],
      excel: c.excel("headcount"),
      total: c.total("headcount"),
    });
  for (const [b, suffix] of BREAKDOWNS) {
    const id = `headcount_${suffix}`;
    for (const r of c.rows(id))
      out.push({
        id: `B1.1.${b}.${r.key}`,
        kpi: "B1.1",
        label: bi(r.label, r.label),
        unit: "person",
        formula: bi(`employees — ${r.label}`, `僱員人數——${r.label}`),
        calc: (y) => constant(c.rowValue(id, r.key, y)),
        inputs: [c.rowInput(id, r.key)],
        excel: c.excelRow(id, r.key),
        total: c.rowTotalIfSummed(id, r.key),
      });
  }
  return out;
}

const METHOD_WORDS: Record<EngineOptions["turnoverMethod"], Bilingual> = {
  average: bi(
    "leavers ÷ average headcount ((opening + closing) ÷ 2)",
    "流失人數 ÷ 平均僱員人數（（年初＋年末）÷ 2）",
  ),
  closing: bi("leavers ÷ headcount at year end", "流失人數 ÷ 年末僱員人數"),
};

/** The opening headcount of year y: Headcount_Opening, else the prior-year column of Headcount. */
function openingHeadcount(c: KpiContext, y: YearIndex): number | null {
  return y < 0
    ? (c.value("headcount_opening") ?? c.value("headcount", 0))
    : (c.value("headcount_opening", y) ?? c.value("headcount", (y + 1) as YearIndex));
}

/**
 * The turnover method actually used (B1.2): the chosen one, except that "average" without an opening
 * headcount for the reporting year divides by the closing headcount, and says so (formula, footnote,
 * and the finding turnover.closing-used). Prior years use the same method or have no rate.
 */
export function effectiveTurnoverMethod(c: KpiContext): EngineOptions["turnoverMethod"] {
  return c.options.turnoverMethod === "average" && openingHeadcount(c, -1) === null
    ? "closing"
    : c.options.turnoverMethod;
}

/** B1.2 turnover: overall and per group, by the chosen method, plus each group's share of the overall rate. */
export function turnoverKpis(c: KpiContext): KpiSpec[] {
  const method = effectiveTurnoverMethod(c);
  const out: KpiSpec[] = [];
  const opening = (y: YearIndex): number | null => openingHeadcount(c, y);
  const openingExcel = c.excel("headcount_opening") ?? c.excelPrior("headcount", 0);
  const closingExcel = c.excel("headcount");
  const baseExcel =
    method === "closing"
      ? closingExcel
      : openingExcel && closingExcel
        ? `((${openingExcel}+${closingExcel})/2)`
        : null;
  /** One rate by the method in use: the average needs the opening figure of that very year. */
  const rate = (l: number | null, open: number | null, close: number | null): Calc | null => {
    if (l === null || close === null) return null;
    if (method === "closing") return turnoverRate(l, close, close, "closing");
    return open === null ? null : turnoverRate(l, open, close, "average");
  };
  if (c.metric("leavers") || c.rows("leavers_gender").length > 0) {
    const leavers = (y: YearIndex): number | null =>
      c.metric("leavers") ? c.value("leavers", y) : c.rowsTotal("leavers_gender", y);
    const leaversExcel = c.metric("leavers") ? c.excel("leavers") : c.excel("leavers_gender");
    out.push({
      id: KPI_ID.turnover,
      kpi: "B1.2",
      label: bi("Employee turnover rate", "僱員流失比率"),
      unit: "%",
      formula: METHOD_WORDS[method],
      calc: (y) => rate(leavers(y), opening(y), c.value("headcount", y)),
      inputs: [
        c.input("leavers") ?? c.input("leavers_gender"),
        c.input("headcount"),
        c.input("headcount_opening"),
      ],
      excel: div(leaversExcel, baseExcel),
      ...(c.metric("leavers") ? {} : { total: c.total("leavers_gender") }),
    });
  }
  for (const [b, suffix] of BREAKDOWNS) {
    const lid = `leavers_${suffix}`;
    const hid = `headcount_${suffix}`;
    for (const r of c.rows(lid)) {
      const hasGroup = c.row(hid, r.key) !== undefined;
      // A group's opening headcount is its prior-year closing figure, when the workbook has one.
      const groupOpening = (y: YearIndex) => c.rowValue(hid, r.key, (y + 1) as YearIndex);
      out.push({
        id: `B1.2.${b}.${r.key}`,
        kpi: "B1.2",
        label: bi(r.label, r.label),
        unit: "%",
        formula: bi(
          `${METHOD_WORDS[method].en}, within the group ${r.label}`,
          `${METHOD_WORDS[method]["zh-HK"]}，以「${r.label}」組別計算`,
        ),
        calc: (y) => rate(c.rowValue(lid, r.key, y), groupOpening(y), c.rowValue(hid, r.key, y)),
        inputs: [c.rowInput(lid, r.key), c.rowInput(hid, r.key)],
        excel:
          method === "closing"
            ? div(c.excelRow(lid, r.key), c.excelRow(hid, r.key))
            : groupOpening(-1) === null
              ? null
              : div(
                  c.excelRow(lid, r.key),
                  `((${c.excelRowPrior(hid, r.key, 0)}+${c.excelRow(hid, r.key)})/2)`,
                ),
        missing: !hasGroup
          ? bi(
              `No headcount for the group "${r.label}" in ${c.metric(hid)?.name ?? hid}.`,
              `${c.metric(hid)?.name ?? hid} 中沒有「${r.label}」組別的僱員人數。`,
            )
          : method === "average"
            ? bi(
                `No opening headcount for the group "${r.label}" (the prior-year column of ${c.metric(hid)?.name ?? hid}): the average method needs it.`,
                `沒有「${r.label}」組別的年初僱員人數（${c.metric(hid)?.name ?? hid} 的上年欄）：平均法需要此數據。`,
              )
            : undefined,
      });
      out.push({
        id: `B1.2.${b}.${r.key}.share-of-total`,
        kpi: "B1.2",
        label: bi(`${r.label} (share of total headcount)`, `${r.label}（佔僱員總數）`),
        unit: "%",
        formula: bi(
          `leavers in ${r.label} ÷ total headcount at year end`,
          `「${r.label}」流失人數 ÷ 年末僱員總數`,
        ),
        calc: lift2(
          (y) => c.rowValue(lid, r.key, y),
          (y) => c.value("headcount", y),
          share,
        ),
        inputs: [c.rowInput(lid, r.key), c.input("headcount")],
        excel: div(c.excelRow(lid, r.key), c.excel("headcount")),
      });
    }
  }
  if (c.metric("turnover_rate_stated"))
    out.push({
      id: KPI_ID.turnoverStated,
      kpi: "B1.2",
      label: bi("Employee turnover rate (as stated)", "僱員流失比率（所述）"),
      unit: "%",
      formula: bi("as stated in the workbook", "按活頁簿所述"),
      calc: (y) => constant(c.value("turnover_rate_stated", y)),
      inputs: [c.input("turnover_rate_stated")],
      excel: c.excel("turnover_rate_stated"),
    });
  return out;
}
