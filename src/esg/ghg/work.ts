/** The working state of a calculation (the factors and steps it collects) and the lookups and conversions every calculation shares. */
import { bi } from "../bilingual";
import { findFactor, parseFactorUnit, type Factor, type FactorKind, type FactorLibrary } from "../factors";
import type { Bilingual } from "../types";
import { parseUnit, tryConvert, type UnitDef } from "../units";
import type { CombustionGas, GhgProblem, GhgProblemCode } from "./outcome";

export const fail = (code: GhgProblemCode, en: string, zh: string): { ok: false; problem: GhgProblem } => ({
  ok: false,
  problem: { code, message: bi(en, zh) },
});

/** A number as a step shows it: at most 10 significant digits, no binary noise. */
export function fmt(x: number): string {
  return String(Number(x.toPrecision(10)));
}

/** C → CO2 by molar mass (44/12), as in the China guidelines. */
export const CO2_PER_C = 44 / 12;

// ---------------------------------------------------------------------------------------------
// Working state: the factors and steps a calculation collects
// ---------------------------------------------------------------------------------------------

export class Trail {
  readonly factors: string[] = [];
  readonly steps: Bilingual[] = [];
  readonly notes: Bilingual[] = [];

  use(f: Factor): void {
    if (!this.factors.includes(f.id)) this.factors.push(f.id);
  }
  step(en: string, zh: string): void {
    this.steps.push(bi(en, zh));
  }
  note(n: Bilingual | undefined): void {
    if (n && !this.notes.some((x) => x.en === n.en)) this.notes.push(n);
  }
}

export type Step<T> = { ok: true; value: T } | { ok: false; problem: GhgProblem };

export function overflow(): { ok: false; problem: GhgProblem } {
  return fail("invalid-amount", "The amount is too large: the result overflows.", "數量過大：計算結果溢出。");
}

export function checkAmount(amount: number, what: Bilingual): GhgProblem | null {
  if (typeof amount === "number" && Number.isFinite(amount) && amount >= 0) return null;
  return {
    code: "invalid-amount",
    message: bi(`The ${what.en} must be a number of zero or more (got ${String(amount)}).`, `${what["zh-HK"]}須為零或以上的數字（現為${String(amount)}）。`),
  };
}

export function readUnit(text: string): Step<UnitDef> {
  const u = typeof text === "string" ? parseUnit(text) : null;
  return u ? { ok: true, value: u } : fail("unknown-unit", `Unknown unit "${String(text)}".`, `無法識別的單位「${String(text)}」。`);
}

/** The fuel-parameter series tried when none is preferred: the general China guideline, then IPCC, then sector guidelines. */
export const GENERAL_GUIDELINES: readonly string[] = ["cn-guideline", "ipcc-2006", "cn-guideline-magnesium"];
export const FUEL_KINDS: readonly FactorKind[] = ["ncv", "carbon-content", "oxidation", "fuel-co2"];

export function lookup(kind: FactorKind, key: string, lib: FactorLibrary, trail: Trail, gas?: CombustionGas, guidelines: readonly string[] = GENERAL_GUIDELINES): Factor | null {
  const order = FUEL_KINDS.includes(kind) ? [...new Set([...guidelines, ...GENERAL_GUIDELINES])] : [undefined];
  for (const series of order) {
    const r = findFactor({ kind, key, ...(gas ? { gas } : {}), ...(series ? { series } : {}) }, lib);
    if (!r.ok) continue;
    trail.note(r.note);
    if (series !== undefined && series !== order[0])
      trail.note(
        bi(
          `The ${kind} of ${key} is not in the ${order[0]} series: ${series}'s is used (${r.factor.id}).`,
          `${order[0]}系列沒有${key}的${kind}：採用${series}系列（${r.factor.id}）。`,
        ),
      );
    return r.factor;
  }
  return null;
}

/**
 * amount (in `unit`) × a ratio factor → the amount in the factor's numerator unit. The amount is first
 * stated in the factor's denominator unit (e.g. litres → m³, kWh → MWh).
 */
export function applyRatio(amount: number, unit: UnitDef, f: Factor, trail: Trail): Step<{ value: number; unit: UnitDef }> {
  const fu = parseFactorUnit(f.unit);
  if (!fu || fu.kind !== "ratio") return fail("no-factor", `Factor ${f.id} has an unreadable unit "${f.unit}".`, `因子${f.id}的單位「${f.unit}」無法識別。`);
  const den = fu.denominator.unit;
  const inDen = tryConvert(amount, unit, den);
  if (!inDen.ok) return fail("incompatible-unit", `${inDen.problem.message.en} (factor ${f.id} is per ${den.symbol})`, `${inDen.problem.message["zh-HK"]}（因子${f.id}以每${den.symbol}計）`);
  if (den.symbol !== unit.symbol) trail.step(`${fmt(amount)} ${unit.symbol} = ${fmt(inDen.value)} ${den.symbol}`, `${fmt(amount)} ${unit.symbol} = ${fmt(inDen.value)} ${den.symbol}`);
  trail.use(f);
  const value = inDen.value * f.value;
  const num = fu.numerator;
  const species = num.species ? ` ${num.species}` : "";
  trail.step(
    `${fmt(inDen.value)} ${den.symbol} × ${fmt(f.value)} ${f.unit} = ${fmt(value)} ${num.unit.symbol}${species} [${f.id}]`,
    `${fmt(inDen.value)} ${den.symbol} × ${fmt(f.value)} ${f.unit} = ${fmt(value)} ${num.unit.symbol}${species}［${f.id}］`,
  );
  return { ok: true, value: { value, unit: num.unit } };
}

export function to(value: number, from: UnitDef, target: string, trail: Trail): number {
  const r = tryConvert(value, from, target);
  if (!r.ok) return NaN; // callers only pass compatible units
  if (from.symbol !== r.to.symbol) trail.step(`${fmt(value)} ${from.symbol} = ${fmt(r.value)} ${r.to.symbol}`, `${fmt(value)} ${from.symbol} = ${fmt(r.value)} ${r.to.symbol}`);
  return r.value;
}
