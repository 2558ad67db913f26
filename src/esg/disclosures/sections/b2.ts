/**
 * Aspect B2 Health and Safety: work-related fatalities in each of the past three years including the
 * reporting year, with the rate (KPI B2.1), and lost days due to work injury (KPI B2.2).
 */
import { kpiCell, textCell } from "../cells";
import type { BuildContext } from "../context";
import { HEAD, bi, unitText } from "../labels";
import { FORMAT, intensityFormat } from "../styles";
import type { Bilingual, SheetModel } from "../../types";
import { finishSheet, noFigures, startSheet } from "./common";
import { fatalitiesId, KPI_ID } from "../../kpis/ids";

export function buildB2(ctx: BuildContext, name: string): SheetModel {
  const w = startSheet(ctx, "B2", name, [12, 14, 14, 14]);
  const vo = ctx.options.valuesOnly;
  const r = (id: string) => ctx.results.get(id);
  const years = [0, 1, 2].map((i) => r(fatalitiesId(i)));
  const rate = r(KPI_ID.fatalityRate);
  const lost = r(KPI_ID.lostDays);
  const heading = bi("Health and safety (KPIs B2.1, B2.2)", "健康與安全（關鍵績效指標B2.1、B2.2）");
  if (years.every((y) => !y) && !rate && !lost) noFigures(w, heading);
  else {
    const y0 = ctx.snapshot.reportingYear;
    const yearHead = (i: number): Bilingual =>
      y0 === null
        ? bi(i === 0 ? "Reporting year" : `Year −${i}`, i === 0 ? "匯報年度" : `前${i}年`)
        : bi(String(y0 - i), String(y0 - i));
    w.heading(heading);
    w.header(HEAD.item, [HEAD.unit, yearHead(0), yearHead(1), yearHead(2)]);
    w.tableRow(bi("Work-related fatalities", "因工亡故人數"), [
      textCell(unitText("person", ctx.lang)),
      ...years.map((y) => kpiCell(y, FORMAT.integer, vo)),
    ]);
    if (rate)
      w.tableRow(bi("Work-related fatality rate", "因工亡故比率"), [
        textCell(unitText(rate.unit, ctx.lang)),
        kpiCell(rate, rate.unit === "%" ? "0.00%" : intensityFormat, vo),
        { value: null },
        { value: null },
      ]);
    w.tableRow(bi("Lost days due to work injury", "因工傷損失工作日數"), [
      textCell(unitText("days", ctx.lang)),
      kpiCell(lost, FORMAT.integer, vo),
      { value: null },
      { value: null },
    ]);
  }
  const notes: Bilingual[] = [
    bi(
      "Work-related fatalities are shown for the reporting year and each of the two years before it.",
      "因工作亡故人數列示匯報年度及之前兩年每年的數字。",
    ),
  ];
  if (rate) notes.push(bi(`Fatality rate: ${rate.formula.en}.`, `因工亡故比率：${rate.formula["zh-HK"]}。`));
  return finishSheet(ctx, w, notes);
}
