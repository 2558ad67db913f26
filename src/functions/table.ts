/**
 * The table of custom functions: for each function id, its parameters and a body that calls the
 * engine (src/esg) on clean values. No arithmetic lives here; the argument layer (args.ts) and the
 * runner (apply.ts) do the rest. Adding a function is adding an entry and its JSDoc wrapper in
 * functions.ts.
 */
import * as formulas from "../esg/formulas";
import { tryConvert } from "../esg/units";
import { pickChoice, type ParamSpec } from "./args";
import { evaluate, type FunctionSpec, type OutCell } from "./apply";
import { evaluateTotals } from "./totals";
import { CellFault } from "./errors";
import { GHG_SPECS } from "./ghg-specs";

export type FunctionId =
  | "INTENSITY"
  | "TURNOVER"
  | "TRAININGRATE"
  | "AVGHOURS"
  | "ENERGY"
  | "UNITCONVERT"
  | "EMISSIONS"
  | "SCOPE2"
  | "FACTOR"
  | "YOY"
  | "CHECKSUM";

// The engine's functions, read once. Module loaders may compile each use of an imported binding to a
// getter call (esbuild's CommonJS interop does, under tsx), which costs more than the division itself
// in a loop over a million cells.
const { averageHours, breakdownGap, intensity, intensityValue, trainingRate, turnoverRate, yoyChange } = formulas;

const num = (name: string): ParamSpec => ({ name, kind: "number" });
const text = (name: string): ParamSpec => ({ name, kind: "text" });
const optNum = (name: string, value: number | null): ParamSpec => ({
  name,
  kind: "number",
  optional: { default: value },
});
const optText = (name: string, value: string | null): ParamSpec => ({
  name,
  kind: "text",
  optional: { default: value },
});

/** Spellings accepted for TURNOVER's method: English and Traditional Chinese. */
const TURNOVER_METHODS = {
  average: "average",
  closing: "closing",
  平均: "average",
  期末: "closing",
} as const;

const SPECS: Readonly<Record<Exclude<FunctionId, "CHECKSUM">, FunctionSpec>> = {
  ...GHG_SPECS,
  INTENSITY: {
    id: "INTENSITY",
    params: [num("amount"), num("denominator"), optNum("scale", 1)],
    body: (amount, denominator, scale) => intensity(amount as number, denominator as number, scale as number),
    fast: (amount, denominator, scale) => intensityValue(amount, denominator, scale),
  },
  TURNOVER: {
    id: "TURNOVER",
    params: [num("leavers"), num("opening"), optNum("closing", null), optText("method", "average")],
    body: (leavers, opening, closing, method) => {
      const m = pickChoice(method, "method", TURNOVER_METHODS);
      if (m instanceof CellFault) return m;
      return turnoverRate(leavers as number, opening as number, closing as number | null, m);
    },
  },
  TRAININGRATE: {
    id: "TRAININGRATE",
    params: [num("trained"), num("headcount")],
    body: (trained, headcount) => trainingRate(trained as number, headcount as number),
  },
  AVGHOURS: {
    id: "AVGHOURS",
    params: [num("hours"), num("employees")],
    body: (hours, employees) => averageHours(hours as number, employees as number),
  },
  UNITCONVERT: {
    id: "UNITCONVERT",
    params: [num("value"), text("from_unit"), text("to_unit")],
    body: (value, from, to) => {
      const r = tryConvert(value as number, from as string, to as string);
      // Excel's own CONVERT answers #N/A for an unknown or incompatible unit.
      return r.ok ? { ok: true, value: r.value } : new CellFault("#N/A", r.problem.message.en);
    },
  },
  YOY: {
    id: "YOY",
    params: [num("current"), num("prior")],
    body: (current, prior) => yoyChange(current as number, prior as number),
  },
};

export const FUNCTIONS: Readonly<Record<FunctionId, (raw: readonly unknown[]) => OutCell[][]>> = {
  INTENSITY: (raw) => evaluate(SPECS.INTENSITY, raw),
  TURNOVER: (raw) => evaluate(SPECS.TURNOVER, raw),
  TRAININGRATE: (raw) => evaluate(SPECS.TRAININGRATE, raw),
  AVGHOURS: (raw) => evaluate(SPECS.AVGHOURS, raw),
  ENERGY: (raw) => evaluate(SPECS.ENERGY, raw),
  UNITCONVERT: (raw) => evaluate(SPECS.UNITCONVERT, raw),
  EMISSIONS: (raw) => evaluate(SPECS.EMISSIONS, raw),
  SCOPE2: (raw) => evaluate(SPECS.SCOPE2, raw),
  FACTOR: (raw) => evaluate(SPECS.FACTOR, raw),
  YOY: (raw) => evaluate(SPECS.YOY, raw),
  CHECKSUM: ([total, parts]) => evaluateTotals(total, parts, breakdownGap),
};

export const FUNCTION_IDS = Object.keys(FUNCTIONS) as FunctionId[];
