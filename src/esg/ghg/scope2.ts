/** Scope 2, location-based: purchased electricity × the grid factor of its year and series. */
import { bi } from "../bilingual";
import { BASE_LIBRARY, findFactor, resolveKey, type FactorLibrary } from "../factors";
import { readGrid } from "../grids";
import { LOCATION_BASED } from "../terms";
import { parseUnit, type UnitDef } from "../units";
import type { GhgOutcome, Scope2Result } from "./outcome";
import { applyRatio, checkAmount, fail, to, Trail } from "./work";

export interface GridChoice {
  /** Grid, power company or province: "national", "north", "South China 南方電網", "Guangdong" (→ south), "CLP Power", "" (→ national). */
  readonly grid: string;
  /** The year of the electricity: that data year's factor, else the latest earlier one (noted). */
  readonly year: number;
  /** Default: the MEE/NBS statistical series ("cn-mee-nbs"), never the carbon market's. Hong Kong's companies have their own. */
  readonly series?: string;
  /** ISO date: only factors published by then are used (see FactorQuery.asOf). */
  readonly asOf?: string;
}

/** Hong Kong's power companies publish their own factor each year: no other year's stands in for it. */
export const HK_POWER_SERIES = "hk-power-company";

/** Scope 2, location-based (A1.2, Part D): purchased electricity × grid factor, in t CO2. */
export function scope2Location(kwh: number, choice: GridChoice, lib: FactorLibrary = BASE_LIBRARY): GhgOutcome<Scope2Result> {
  const bad = checkAmount(kwh, bi("electricity amount", "用電量"));
  if (bad) return { ok: false, problem: bad };
  const trail = new Trail();
  const gridName = typeof choice.grid === "string" ? choice.grid : "";
  const reading = gridName.trim() === "" ? null : readGrid(gridName);
  const key = resolveKey("grid", gridName).key;
  if (reading && !reading.ok && reading.reason === "hong-kong") {
    return fail(
      "unknown-grid",
      `"${gridName}": Hong Kong has two power companies; write CLP Power Hong Kong or HK Electric.`,
      `「${gridName}」：香港有兩家電力公司；請填寫中華電力或港燈。`,
    );
  }
  if (!lib.factors.some((f) => f.kind === "grid" && resolveKey("grid", f.key).key === key)) {
    return fail("unknown-grid", `Unknown power grid "${gridName}".`, `無法識別的電網「${gridName}」。`);
  }
  const hk = reading?.ok === true && reading.grid.kind === "hk-company";
  const series = hk ? HK_POWER_SERIES : choice.series;
  const r = findFactor(
    { kind: "grid", key: gridName, year: choice.year, exactYear: hk, ...(series ? { series } : {}), ...(choice.asOf ? { asOf: choice.asOf } : {}) },
    lib,
  );
  if (!r.ok) return { ok: false, problem: { code: "no-factor", message: r.message } };
  trail.note(r.note);
  const f = r.factor;
  const mass = applyRatio(kwh, parseUnit("kWh") as UnitDef, f, trail);
  if (!mass.ok) return mass;
  const tonnes = to(mass.value.value, mass.value.unit, "t", trail);
  return {
    ok: true,
    result: {
      value: tonnes,
      unit: "t CO2",
      grid: key,
      dataYear: f.dataYear,
      series: f.series,
      ...(r.newer ? { newer: r.newer } : {}),
      formula: bi(
        `Scope 2 (t CO2) = purchased electricity (kWh) × grid emission factor (${f.unit}), ${LOCATION_BASED.en}`,
        `範圍2（噸二氧化碳）＝外購電力（千瓦時）× 電網排放因子（${f.unit}），${LOCATION_BASED["zh-HK"]}`,
      ),
      factors: trail.factors,
      steps: trail.steps,
      notes: trail.notes,
    },
  };
}
