/** Aspect B2 Health and Safety: B2.1 fatalities in each of the past three years and their rate, B2.2 lost days. */
import { fatalityRate, share } from "../formulas";
import { bi } from "../bilingual";
import type { KpiContext, YearIndex } from "./context";
import { constant, div, lift2, simple, times, type KpiSpec } from "./result";
import { fatalitiesId, KPI_ID } from "./ids";

export function safetyKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const f = c.metric("fatalities");
  if (f) {
    ([-1, 0, 1] as const).forEach((y, i) => {
      const v = c.value("fatalities", y);
      if (v === null) return;
      out.push({
        id: fatalitiesId(i),
        kpi: "B2.1",
        label: bi(
          i === 0
            ? "Work-related fatalities"
            : `Work-related fatalities (${i} year${i > 1 ? "s" : ""} before)`,
          i === 0 ? "因工亡故人數" : `因工亡故人數（${i}年前）`,
        ),
        unit: "person",
        formula: bi("work-related fatalities in the year", "年內因工亡故人數"),
        // The prior of year i is year i + 1 (the fatalities cells run back in time to the right).
        calc: (yy) => constant(yy < 0 ? v : c.value("fatalities", (y + 1) as YearIndex)),
        inputs: [c.input("fatalities", y)],
        excel: y < 0 ? c.excel("fatalities") : c.excelPrior("fatalities", y),
      });
    });
    const hours = c.metric("hours_worked");
    const basis = c.options.fatalityBasis;
    out.push(
      hours
        ? {
            id: KPI_ID.fatalityRate,
            kpi: "B2.1",
            label: bi(
              `Fatality rate per ${basis.toLocaleString("en")} hours worked`,
              `每${basis.toLocaleString("en")}工作小時因工亡故比率`,
            ),
            unit: "rate",
            formula: bi(`fatalities ÷ hours worked × ${basis}`, `因工亡故人數 ÷ 工作時數 × ${basis}`),
            calc: lift2(
              (y) => c.value("fatalities", y),
              (y) => c.value("hours_worked", y),
              (a, b) => fatalityRate(a, b, basis),
            ),
            inputs: [c.input("fatalities"), c.input("hours_worked")],
            excel: times(div(c.excel("fatalities"), c.excel("hours_worked")), basis),
          }
        : {
            id: KPI_ID.fatalityRate,
            kpi: "B2.1",
            label: bi("Fatality rate (share of employees)", "因工亡故比率（佔僱員人數）"),
            unit: "%",
            formula: bi("fatalities ÷ employees at year end", "因工亡故人數 ÷ 年末僱員人數"),
            calc: lift2(
              (y) => c.value("fatalities", y),
              (y) => c.value("headcount", y),
              share,
            ),
            inputs: [c.input("fatalities"), c.input("headcount")],
            excel: div(c.excel("fatalities"), c.excel("headcount")),
          },
    );
  }
  out.push(
    ...simple(
      c,
      KPI_ID.lostDays,
      "lost_days",
      "B2.2",
      bi("Lost days due to work injury", "因工傷損失工作日數"),
      "days",
    ),
  );
  return out;
}
