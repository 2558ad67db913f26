/**
 * Table entries of the energy and greenhouse-gas functions (ENERGY, EMISSIONS, SCOPE2, FACTOR). The
 * bodies only choose which engine function answers (src/esg/ghg/, factors.ts, units.ts) and map its
 * problems to Excel errors; every number comes from the engine and its factor library.
 */
import { getFactor, findFactor, type Factor } from "../esg/factors";
import {
  fuelEmissions,
  fuelToKwh,
  scope2Location,
  type GhgOutcome,
  type GhgProblemCode,
  type GhgResult,
} from "../esg/ghg";
import { tryConvert } from "../esg/units";
import { pickChoice, type ParamSpec, type Value } from "./args";
import type { FunctionSpec, Outcome } from "./apply";
import { CellFault, type ErrorCode } from "./errors";

const num = (name: string): ParamSpec => ({ name, kind: "number" });
const text = (name: string): ParamSpec => ({ name, kind: "text" });
const optNum = (name: string): ParamSpec => ({ name, kind: "number", optional: { default: null } });
const optText = (name: string, value: string | null): ParamSpec => ({
  name,
  kind: "text",
  optional: { default: value },
});

/**
 * A bad amount is #VALUE!; a unit, fuel, grid or factor the library does not have is #N/A (missing
 * reference data, as Excel's CONVERT and lookups answer). Both show the engine's message in Excel.
 */
const GHG_CODES: Readonly<Record<GhgProblemCode, ErrorCode>> = {
  "invalid-amount": "#VALUE!",
  "unknown-unit": "#N/A",
  "incompatible-unit": "#N/A",
  "unknown-fuel": "#N/A",
  "unknown-grid": "#N/A",
  "no-factor": "#N/A",
  "no-density": "#N/A",
};

function fromGhg(r: GhgOutcome<GhgResult>): Outcome {
  return r.ok
    ? { ok: true, value: r.result.value }
    : new CellFault(GHG_CODES[r.problem.code], r.problem.message.en);
}

/**
 * The year for a grid lookup: the reporting year given, or — when omitted — no upper bound, so the
 * engine takes the series' latest data year (findFactor keeps factors whose data year is ≤ the year).
 */
const gridYear = (year: Value): number => (year === null ? Number.POSITIVE_INFINITY : (year as number));

/** Scope 2 of an amount of electricity in any energy unit. */
function scope2Of(
  amount: number,
  unit: string,
  choice: { grid: string; year: number; series?: string },
): Outcome {
  const kwh = tryConvert(amount, unit, "kWh");
  if (!kwh.ok) return new CellFault("#N/A", kwh.problem.message.en);
  return fromGhg(scope2Location(kwh.value, choice));
}

/** EMISSIONS with a factor id: a grid factor gives Scope 2 with that factor; a fuel's factor, that fuel's combustion. */
function emissionsByFactor(amount: number, unit: string, f: Factor): Outcome {
  if (f.kind === "grid")
    return scope2Of(amount, unit, {
      grid: f.key,
      year: f.dataYear ?? Number.POSITIVE_INFINITY,
      series: f.series,
    });
  if (f.kind === "ipcc") return fromGhg(fuelEmissions(amount, unit, f.key, undefined, { method: "ipcc" }));
  if (f.kind === "gwp" || f.kind === "process")
    return new CellFault("#N/A", `factor ${f.id} is not a fuel or grid factor`);
  return fromGhg(fuelEmissions(amount, unit, f.key));
}

/** The fields FACTOR can return, with English and Chinese spellings. */
const FACTOR_FIELDS = {
  value: "value",
  unit: "unit",
  source: "source",
  year: "year",
  publisher: "publisher",
  series: "series",
  id: "id",
  數值: "value",
  單位: "unit",
  來源: "source",
  年份: "year",
} as const;

/** A factor by id; else a fuel's CO2 factor; else a grid's latest statistical factor. */
function lookupFactor(idOrFuel: string): Factor | CellFault {
  const byId = getFactor(idOrFuel);
  if (byId) return byId;
  for (const kind of ["fuel-co2", "grid"] as const) {
    const r = findFactor({ kind, key: idOrFuel });
    if (r.ok) return r.factor;
  }
  return new CellFault("#N/A", `no factor, fuel or grid "${idOrFuel}" in the factor library`);
}

export const GHG_SPECS = {
  ENERGY: {
    id: "ENERGY",
    params: [num("amount"), text("unit"), optText("fuel", null)],
    body: (amount, unit, fuel) => {
      if (fuel === null) {
        const r = tryConvert(amount as number, unit as string, "kWh");
        return r.ok
          ? { ok: true, value: r.value }
          : new CellFault("#N/A", `${r.problem.message.en} Give the fuel for a fuel amount.`);
      }
      return fromGhg(fuelToKwh(amount as number, unit as string, fuel as string));
    },
  },
  EMISSIONS: {
    id: "EMISSIONS",
    params: [num("amount"), text("unit"), text("fuel_or_factor_id"), optNum("year")],
    body: (amount, unit, what, year) => {
      const f = getFactor(what as string);
      if (f) return emissionsByFactor(amount as number, unit as string, f);
      const fuel = fuelEmissions(amount as number, unit as string, what as string);
      if (fuel.ok || fuel.problem.code !== "unknown-fuel") return fromGhg(fuel);
      // Not a fuel: a grid name ("national", "華北") makes it purchased electricity.
      const kwh = tryConvert(amount as number, unit as string, "kWh");
      if (!kwh.ok) return fromGhg(fuel);
      const grid = scope2Location(kwh.value, { grid: what as string, year: gridYear(year) });
      if (!grid.ok && grid.problem.code === "unknown-grid")
        return new CellFault("#N/A", `no fuel, grid or factor id "${String(what)}"`);
      return fromGhg(grid);
    },
  },
  SCOPE2: {
    id: "SCOPE2",
    params: [num("kwh"), text("grid"), optNum("year"), optText("series", null)],
    body: (kwh, grid, year, series) =>
      fromGhg(
        scope2Location(kwh as number, {
          grid: grid as string,
          year: gridYear(year),
          ...(series === null ? {} : { series: series as string }),
        }),
      ),
  },
  FACTOR: {
    id: "FACTOR",
    params: [text("id_or_fuel"), optText("field", "value")],
    body: (idOrFuel, field) => {
      const f = lookupFactor(idOrFuel as string);
      if (f instanceof CellFault) return f;
      const which = pickChoice(field, "field", FACTOR_FIELDS);
      if (which instanceof CellFault) return which;
      // A factor that is not year-specific has no data year: a blank cell, never 0.
      if (which === "year") return { ok: true, value: f.dataYear ?? "" };
      return { ok: true, value: which === "value" ? f.value : f[which] };
    },
  },
} as const satisfies Readonly<Record<string, FunctionSpec>>;
