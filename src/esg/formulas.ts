/**
 * The scalar KPI formulas of the HKEX social and resource KPIs. Each returns a `Calc`: a number, or
 * the reason there is none (an Excel-like error kind), so callers never see an exception or NaN.
 * These are the single source of the arithmetic: the KPI computation, the checks and the custom
 * functions all call them.
 */

export type CalcError = "div0" | "value" | "num" | "na";

export type Calc = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: CalcError; readonly message: string };

const ok = (value: number): Calc =>
  Number.isFinite(value) ? { ok: true, value } : { ok: false, error: "num", message: "result is not a finite number" };
const fail = (error: CalcError, message: string): Calc => ({ ok: false, error, message });

function finite(name: string, x: number): Calc | null {
  return Number.isFinite(x) ? null : fail("value", `${name} is not a finite number`);
}

/** Intensity (A1.2–A2.5): amount ÷ denominator × scale, e.g. kWh per tonne of product. */
export function intensity(amount: number, denominator: number, scale = 1): Calc {
  const bad = finite("amount", amount) ?? finite("denominator", denominator) ?? finite("scale", scale);
  if (bad) return bad;
  if (denominator === 0) return fail("div0", "denominator is zero");
  return ok((amount / denominator) * scale);
}

/**
 * `intensity`'s figure without allocating a result: NaN exactly where `intensity` gives an error
 * (the caller then asks `intensity` which). For the custom functions' per-cell fast path.
 */
export function intensityValue(amount: number, denominator: number, scale = 1): number {
  const x = (amount / denominator) * scale;
  // x - x is 0 only for a finite number: every input and the result must be finite, as in `intensity`.
  return denominator !== 0 && x - x === 0 && amount - amount === 0 && denominator - denominator === 0 && scale - scale === 0 ? x : NaN;
}

/**
 * Employee turnover rate (B1.2): leavers ÷ headcount. HKEX prescribes no formula (How to prepare an
 * ESG report, App. 3); "average" divides by (opening + closing) ÷ 2, "closing" by the closing headcount.
 * With method "average" and no closing figure, the opening headcount stands for the average.
 */
export function turnoverRate(
  leavers: number,
  opening: number,
  closing: number | null,
  method: "average" | "closing",
): Calc {
  const bad = finite("leavers", leavers) ?? finite("opening headcount", opening);
  if (bad) return bad;
  if (closing !== null && !Number.isFinite(closing)) return fail("value", "closing headcount is not a finite number");
  if (leavers < 0 || opening < 0 || (closing !== null && closing < 0)) return fail("num", "counts cannot be negative");
  let base: number;
  if (method === "closing") {
    if (closing === null) return fail("na", "the closing headcount is needed for the closing method");
    base = closing;
  } else {
    base = closing === null ? opening : (opening + closing) / 2;
  }
  if (base === 0) return fail("div0", "headcount is zero");
  return ok(leavers / base);
}

/** Share trained (B3.1): trained ÷ headcount of the same group. */
export function trainingRate(trained: number, headcount: number): Calc {
  const bad = finite("trained", trained) ?? finite("headcount", headcount);
  if (bad) return bad;
  if (trained < 0 || headcount < 0) return fail("num", "counts cannot be negative");
  if (headcount === 0) return fail("div0", "headcount is zero");
  return ok(trained / headcount);
}

/** Average training hours (B3.2): hours ÷ employees of the same group. */
export function averageHours(hours: number, employees: number): Calc {
  const bad = finite("hours", hours) ?? finite("employees", employees);
  if (bad) return bad;
  if (hours < 0 || employees < 0) return fail("num", "hours and employees cannot be negative");
  if (employees === 0) return fail("div0", "no employees");
  return ok(hours / employees);
}

/** A part as a share of a whole (percentages in B1, B3, B6.1). */
export function share(part: number, whole: number): Calc {
  const bad = finite("part", part) ?? finite("whole", whole);
  if (bad) return bad;
  if (whole === 0) return fail("div0", "the whole is zero");
  return ok(part / whole);
}

/** Year-on-year change: (current − prior) ÷ |prior|. */
export function yoyChange(current: number, prior: number): Calc {
  const bad = finite("current", current) ?? finite("prior", prior);
  if (bad) return bad;
  if (prior === 0) return current === 0 ? ok(0) : fail("div0", "prior year is zero");
  return ok((current - prior) / Math.abs(prior));
}

/** What a total has beyond its parts: total − Σ parts (0 when the breakdown adds up). */
export function breakdownGap(total: number, parts: readonly number[]): Calc {
  const bad = finite("total", total);
  if (bad) return bad;
  let sum = 0;
  for (const p of parts) {
    if (!Number.isFinite(p)) return fail("value", "a part is not a finite number");
    sum += p;
  }
  return ok(roundOff(total - sum));
}

/**
 * Work-related fatality rate (B2.1) per `basis` hours worked (200,000 or 1,000,000), or per employee
 * when hours are not given (basis then counts employees, e.g. 1,000). HKEX leaves the basis open.
 */
export function fatalityRate(fatalities: number, exposure: number, basis: number): Calc {
  const bad = finite("fatalities", fatalities) ?? finite("exposure", exposure) ?? finite("basis", basis);
  if (bad) return bad;
  if (fatalities < 0) return fail("num", "fatalities cannot be negative");
  if (exposure === 0) return fail("div0", "no exposure (hours or employees)");
  return ok((fatalities / exposure) * basis);
}

/** Removes the binary noise of a float sum (e.g. 0.1 + 0.2 − 0.3) without hiding real differences. */
function roundOff(x: number): number {
  return Math.abs(x) < 1e-9 ? 0 : Number(x.toPrecision(12));
}

/** Sum that keeps Σ of decimal figures exact enough for tolerance checks. */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return Number(s.toPrecision(15));
}

/** Rounds half away from zero like Excel's ROUND (not banker's rounding), at `digits` decimals. */
export function excelRound(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.pow(10, digits);
  const y = Math.abs(x) * f;
  // Nudge by a relative epsilon so 2.675 rounds like Excel (to 2.68), which works on the decimal text.
  const r = Math.round(y + y * Number.EPSILON * 4) / f;
  return x < 0 ? -r : r;
}
