/** Aspect B3 Development and Training: B3.1 share trained and B3.2 average hours, overall and by group. */
import { averageHours, share, trainingRate } from "../formulas";
import type { EngineOptions } from "../options";
import type { Total } from "../totals";
import type { Bilingual } from "../types";
import { bi } from "../bilingual";
import type { KpiContext, YearIndex } from "./context";
import { div, lift2, type KpiSpec } from "./result";
import { KPI_ID } from "./ids";

/**
 * Where a figure comes from when the workbook may give it several ways (Trained, else Σ by category,
 * else Σ by gender): the first source with a reporting-year figure, else the first present. One source
 * serves every year and the formula, so a year never mixes sources and the formula reads what the
 * figure was computed from.
 */
function firstSource(c: KpiContext, ids: readonly string[]): string | null {
  const present = ids.filter((id) => c.metric(id));
  return present.find((id) => c.total(id).value(-1) !== null) ?? present[0] ?? null;
}
const TRAINED_SOURCES = ["trained", "trained_category", "trained_gender"] as const;
const HOURS_SOURCES = ["training_hours_category", "training_hours_gender"] as const;

/** The number trained: Trained, else Σ by category, else Σ by gender (one source for every year). */
export function trainedTotal(c: KpiContext, y: YearIndex = -1): number | null {
  const src = firstSource(c, TRAINED_SOURCES);
  return src === null ? null : c.total(src).value(y);
}
function trainedExcel(c: KpiContext): string | null {
  const src = firstSource(c, TRAINED_SOURCES);
  return src === null ? null : c.excel(src);
}
function trainedParts(c: KpiContext): Total | undefined {
  const src = firstSource(c, TRAINED_SOURCES);
  return src === null ? undefined : c.total(src);
}
export function hoursTotal(c: KpiContext, y: YearIndex = -1): number | null {
  const src = firstSource(c, HOURS_SOURCES);
  return src === null ? null : c.total(src).value(y);
}
function hoursExcel(c: KpiContext): string | null {
  const src = firstSource(c, HOURS_SOURCES);
  return src === null ? null : c.excel(src);
}
function hoursParts(c: KpiContext): Total | undefined {
  const src = firstSource(c, HOURS_SOURCES);
  return src === null ? undefined : c.total(src);
}

const READING_WORDS: Record<EngineOptions["trainingReading"], Bilingual> = {
  "share-of-category": bi("trained in the group ÷ employees in the group", "該組別受訓人數 ÷ 該組別僱員人數"),
  "split-of-trained": bi("trained in the group ÷ all employees trained", "該組別受訓人數 ÷ 受訓僱員總數"),
};

/**
 * The basis of the B3.2 column: "employee" (hours ÷ employees of the group) when the workbook has the
 * total headcount and a headcount for every group with training hours; otherwise "trained" (hours ÷
 * employees trained), for the overall row and every group alike.
 */
export function trainingHoursBasis(c: KpiContext): "employee" | "trained" {
  if (c.value("headcount") === null) return "trained";
  const everyGroup = (["gender", "category"] as const).every((b) =>
    c.rows(`training_hours_${b}`).every((r) => c.row(`headcount_${b}`, r.key) !== undefined),
  );
  return everyGroup ? "employee" : "trained";
}

export function trainingKpis(c: KpiContext): KpiSpec[] {
  const out: KpiSpec[] = [];
  const reading = c.options.trainingReading;
  const basis = trainingHoursBasis(c);
  if (firstSource(c, TRAINED_SOURCES) !== null) {
    out.push({
      id: KPI_ID.trained,
      kpi: "B3.1",
      label: bi("Employees trained", "受訓僱員百分比"),
      unit: "%",
      formula: bi("employees trained ÷ employees at year end", "受訓僱員人數 ÷ 年末僱員人數"),
      calc: lift2(
        (y) => trainedTotal(c, y),
        (y) => c.value("headcount", y),
        trainingRate,
      ),
      inputs: [
        c.input("trained") ?? c.input("trained_category") ?? c.input("trained_gender"),
        c.input("headcount"),
      ],
      excel: div(trainedExcel(c), c.excel("headcount")),
      total: trainedParts(c),
    });
  }
  for (const b of ["gender", "category"] as const) {
    const tid = `trained_${b}`;
    const hid = `headcount_${b}`;
    const hrs = `training_hours_${b}`;
    for (const r of c.rows(tid)) {
      const groupHeadcount = (y: YearIndex) => c.rowValue(hid, r.key, y);
      out.push(
        reading === "share-of-category"
          ? {
              id: `B3.1.${b}.${r.key}`,
              kpi: "B3.1",
              label: bi(r.label, r.label),
              unit: "%",
              formula: READING_WORDS[reading],
              calc: lift2((y) => c.rowValue(tid, r.key, y), groupHeadcount, trainingRate),
              inputs: [c.rowInput(tid, r.key), c.rowInput(hid, r.key)],
              excel: div(c.excelRow(tid, r.key), c.excelRow(hid, r.key)),
              missing: bi(
                `No headcount for "${r.label}": the share trained within the group needs it.`,
                `沒有「${r.label}」的僱員人數：計算組別內受訓比例需要此數據。`,
              ),
            }
          : {
              id: `B3.1.${b}.${r.key}`,
              kpi: "B3.1",
              label: bi(r.label, r.label),
              unit: "%",
              formula: READING_WORDS[reading],
              calc: lift2(
                (y) => c.rowValue(tid, r.key, y),
                (y) => trainedTotal(c, y),
                share,
              ),
              inputs: [c.rowInput(tid, r.key)],
              excel: div(c.excelRow(tid, r.key), trainedExcel(c)),
            },
      );
    }
    for (const r of c.rows(hrs)) {
      // B3.2 asks for hours per employee of the group. One basis for the whole column: per employee
      // when every group has its headcount, else per employee trained for every group (never mixed).
      const perEmployee = basis === "employee";
      out.push({
        id: `B3.2.${b}.${r.key}`,
        kpi: "B3.2",
        label: bi(r.label, r.label),
        unit: "hours",
        formula: perEmployee
          ? bi("training hours of the group ÷ employees in the group", "該組別受訓時數 ÷ 該組別僱員人數")
          : bi(
              "training hours of the group ÷ employees trained in the group",
              "該組別受訓時數 ÷ 該組別受訓僱員人數",
            ),
        calc: lift2(
          (y) => c.rowValue(hrs, r.key, y),
          (y) => (perEmployee ? c.rowValue(hid, r.key, y) : c.rowValue(tid, r.key, y)),
          averageHours,
        ),
        inputs: [c.rowInput(hrs, r.key), perEmployee ? c.rowInput(hid, r.key) : c.rowInput(tid, r.key)],
        excel: div(c.excelRow(hrs, r.key), perEmployee ? c.excelRow(hid, r.key) : c.excelRow(tid, r.key)),
      });
    }
  }
  if (firstSource(c, HOURS_SOURCES) !== null) {
    out.push({
      id: KPI_ID.trainingHours,
      kpi: "B3.2",
      label: bi("Average training hours per employee", "每名僱員平均受訓時數"),
      unit: "hours",
      formula: bi("training hours ÷ employees at year end", "受訓時數 ÷ 年末僱員人數"),
      calc: lift2(
        (y) => hoursTotal(c, y),
        (y) => c.value("headcount", y),
        averageHours,
      ),
      inputs: [c.input("training_hours_category") ?? c.input("training_hours_gender"), c.input("headcount")],
      excel: div(hoursExcel(c), c.excel("headcount")),
      total: hoursParts(c),
    });
    out.push({
      id: KPI_ID.trainingHoursPerTrained,
      kpi: "B3.2",
      label: bi("Average training hours per employee trained", "每名受訓僱員平均受訓時數"),
      unit: "hours",
      formula: bi("training hours ÷ employees trained", "受訓時數 ÷ 受訓僱員人數"),
      calc: lift2(
        (y) => hoursTotal(c, y),
        (y) => trainedTotal(c, y),
        averageHours,
      ),
      inputs: [
        c.input("training_hours_category") ?? c.input("training_hours_gender"),
        c.input("trained") ?? c.input("trained_category"),
      ],
      excel: div(hoursExcel(c), trainedExcel(c)),
      total: hoursParts(c),
    });
  }
  return out;
}
