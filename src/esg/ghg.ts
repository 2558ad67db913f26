/**
 * Energy and greenhouse-gas formulas: fuel to kWh through the net calorific value, Scope 1 combustion
 * emissions (China accounting guideline or IPCC 2006 with AR6 GWPs) and Scope 2 location-based
 * emissions. Every result states its formula in words (en / zh-HK), each conversion it made and the ids
 * of the factors it used. Nothing throws: a bad input or a missing factor is a typed problem.
 */
import { bi } from "./bilingual";
import { BASE_LIBRARY, findFactor, parseFactorUnit, resolveKey, type Factor, type FactorKind, type FactorLibrary } from "./factors";
import { readGrid } from "./grids";
import { LOCATION_BASED } from "./terms";
import type { Bilingual } from "./types";
import { compatible, parseUnit, tryConvert, type UnitDef } from "./units";

export type GhgProblemCode = "invalid-amount" | "unknown-unit" | "incompatible-unit" | "unknown-fuel" | "unknown-grid" | "no-factor" | "no-density";

export interface GhgProblem {
  readonly code: GhgProblemCode;
  readonly message: Bilingual;
}

export type GhgOutcome<T> = { readonly ok: true; readonly result: T } | { readonly ok: false; readonly problem: GhgProblem };

/** What every result carries: the figure, its unit, and how it was reached. */
export interface GhgResult {
  readonly value: number;
  readonly unit: string;
  readonly formula: Bilingual;
  /** Ids of the factors used, in the order used. */
  readonly factors: readonly string[];
  /** Each conversion made, with its numbers (e.g. "205 L × 0.84 kg/L = 172.2 kg"). */
  readonly steps: readonly Bilingual[];
  /** Choices and fallbacks worth a footnote (a default coal type, an earlier data year). */
  readonly notes: readonly Bilingual[];
}

export interface FuelEnergyResult extends GhgResult {
  readonly unit: "kWh";
  /** The library key the fuel was read as (e.g. "coal" → "bituminous"). */
  readonly fuel: string;
}

export type EmissionMethod = "china-guideline" | "ipcc";
export type CombustionGas = "CO2" | "CH4" | "N2O";

export interface GasEmission {
  readonly gas: CombustionGas;
  /** Tonnes of the gas itself. */
  readonly tonnes: number;
  readonly gwp: number;
  readonly tCO2e: number;
  readonly factors: readonly string[];
}

export interface FuelEmissionsResult extends GhgResult {
  readonly unit: "t CO2e";
  readonly fuel: string;
  readonly method: EmissionMethod;
  readonly gases: readonly GasEmission[];
}

export interface Scope2Result extends GhgResult {
  readonly unit: "t CO2";
  readonly grid: string;
  readonly dataYear: number | null;
  readonly series: string;
  /** A later factor of the series, published after the as-of date and so not used. */
  readonly newer?: Factor;
}

const fail = (code: GhgProblemCode, en: string, zh: string): { ok: false; problem: GhgProblem } => ({
  ok: false,
  problem: { code, message: bi(en, zh) },
});

/** A number as a step shows it: at most 10 significant digits, no binary noise. */
function fmt(x: number): string {
  return String(Number(x.toPrecision(10)));
}

/** C → CO2 by molar mass (44/12), as in the China guidelines. */
const CO2_PER_C = 44 / 12;

// ---------------------------------------------------------------------------------------------
// Working state: the factors and steps a calculation collects
// ---------------------------------------------------------------------------------------------

class Trail {
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

type Step<T> = { ok: true; value: T } | { ok: false; problem: GhgProblem };

function overflow(): { ok: false; problem: GhgProblem } {
  return fail("invalid-amount", "The amount is too large: the result overflows.", "數量過大：計算結果溢出。");
}

function checkAmount(amount: number, what: Bilingual): GhgProblem | null {
  if (typeof amount === "number" && Number.isFinite(amount) && amount >= 0) return null;
  return {
    code: "invalid-amount",
    message: bi(`The ${what.en} must be a number of zero or more (got ${String(amount)}).`, `${what["zh-HK"]}須為零或以上的數字（現為${String(amount)}）。`),
  };
}

function readUnit(text: string): Step<UnitDef> {
  const u = typeof text === "string" ? parseUnit(text) : null;
  return u ? { ok: true, value: u } : fail("unknown-unit", `Unknown unit "${String(text)}".`, `無法識別的單位「${String(text)}」。`);
}

/** The fuel-parameter series tried when none is preferred: the general China guideline, then IPCC, then sector guidelines. */
export const GENERAL_GUIDELINES: readonly string[] = ["cn-guideline", "ipcc-2006", "cn-guideline-magnesium"];
const FUEL_KINDS: readonly FactorKind[] = ["ncv", "carbon-content", "oxidation", "fuel-co2"];

function lookup(kind: FactorKind, key: string, lib: FactorLibrary, trail: Trail, gas?: CombustionGas, guidelines: readonly string[] = GENERAL_GUIDELINES): Factor | null {
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
function applyRatio(amount: number, unit: UnitDef, f: Factor, trail: Trail): Step<{ value: number; unit: UnitDef }> {
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

function to(value: number, from: UnitDef, target: string, trail: Trail): number {
  const r = tryConvert(value, from, target);
  if (!r.ok) return NaN; // callers only pass compatible units
  if (from.symbol !== r.to.symbol) trail.step(`${fmt(value)} ${from.symbol} = ${fmt(r.value)} ${r.to.symbol}`, `${fmt(value)} ${from.symbol} = ${fmt(r.value)} ${r.to.symbol}`);
  return r.value;
}

// ---------------------------------------------------------------------------------------------
// Fuels
// ---------------------------------------------------------------------------------------------

function knownFuel(key: string, lib: FactorLibrary): boolean {
  return lib.factors.some((f) => f.kind !== "grid" && f.kind !== "gwp" && resolveKey(f.kind, f.key).key === key);
}

function unknownFuel(fuel: string): { ok: false; problem: GhgProblem } {
  return fail(
    "unknown-fuel",
    `No factors for the fuel "${fuel}": add its NCV and CO2 factors to the workbook's factor table.`,
    `沒有燃料「${fuel}」的因子：請在工作簿的因子表加入其低位發熱量及二氧化碳排放因子。`,
  );
}

/**
 * The fuel amount stated in `target` (the unit a factor is per). A volume becomes a mass through the
 * fuel's density factor (kg/L), stated as a step.
 */
function fuelQuantity(amount: number, unit: UnitDef, target: UnitDef, fuel: string, lib: FactorLibrary, trail: Trail): Step<number> {
  if (compatible(unit, target)) return { ok: true, value: to(amount, unit, target.symbol, trail) };
  if (unit.dimension === "volume" && target.dimension === "mass") {
    const density = lookup("density", fuel, lib, trail);
    if (!density)
      return fail(
        "no-density",
        `No density for "${fuel}" to turn ${unit.symbol} into ${target.symbol}: state the amount by mass, or add a density factor (kind density, unit kg/L).`,
        `沒有「${fuel}」的密度，無法把${unit.symbol}換算為${target.symbol}：請以質量填報用量，或加入密度因子（類別density，單位kg/L）。`,
      );
    const mass = applyRatio(amount, unit, density, trail);
    if (!mass.ok) return mass;
    return { ok: true, value: to(mass.value.value, mass.value.unit, target.symbol, trail) };
  }
  return fail(
    "incompatible-unit",
    `A ${fuel} amount in ${unit.symbol} cannot be stated in ${target.symbol}.`,
    `以${unit.symbol}填報的${fuel}用量無法換算為${target.symbol}。`,
  );
}

/** Energy content of a fuel amount, in GJ: through the NCV, or as given when the amount is already energy. */
function fuelEnergyGJ(amount: number, unit: UnitDef, fuel: string, lib: FactorLibrary, trail: Trail, guidelines: readonly string[]): Step<number> {
  if (unit.dimension === "energy") {
    trail.note(bi("The fuel amount is already energy: no NCV applied.", "燃料用量已為能源單位：毋須按低位發熱量換算。"));
    return { ok: true, value: to(amount, unit, "GJ", trail) };
  }
  const ncv = lookup("ncv", fuel, lib, trail, undefined, guidelines);
  if (!ncv) return fail("no-factor", `No net calorific value (NCV) for "${fuel}".`, `沒有「${fuel}」的低位發熱量。`);
  const fu = parseFactorUnit(ncv.unit);
  if (!fu || fu.kind !== "ratio") return fail("no-factor", `NCV ${ncv.id} has an unreadable unit "${ncv.unit}".`, `低位發熱量${ncv.id}的單位「${ncv.unit}」無法識別。`);
  const qty = fuelQuantity(amount, unit, fu.denominator.unit, fuel, lib, trail);
  if (!qty.ok) return qty;
  const energy = applyRatio(qty.value, fu.denominator.unit, ncv, trail);
  if (!energy.ok) return energy;
  return { ok: true, value: to(energy.value.value, energy.value.unit, "GJ", trail) };
}

interface Prepared {
  readonly fuel: string;
  readonly unit: UnitDef;
  readonly trail: Trail;
  /** Fuel-parameter series in order of preference (a sector guideline first). */
  readonly guidelines: readonly string[];
}

function prepare(amount: number, unit: string, fuel: string, lib: FactorLibrary, guidelines: readonly string[] = GENERAL_GUIDELINES): Step<Prepared> {
  const bad = checkAmount(amount, bi("fuel amount", "燃料用量"));
  if (bad) return { ok: false, problem: bad };
  const u = readUnit(unit);
  if (!u.ok) return u;
  const trail = new Trail();
  const alias = resolveKey("ncv", typeof fuel === "string" ? fuel : "");
  trail.note(alias.note);
  if (!knownFuel(alias.key, lib)) return unknownFuel(String(fuel));
  return { ok: true, value: { fuel: alias.key, unit: u.value, trail, guidelines } };
}

/** Energy of a fuel in kWh (A2.1): amount × NCV, converted at 1 kWh = 3.6 MJ. Litres go through the density. */
export function fuelToKwh(
  amount: number,
  unit: string,
  fuel: string,
  lib: FactorLibrary = BASE_LIBRARY,
  guidelines: readonly string[] = GENERAL_GUIDELINES,
): GhgOutcome<FuelEnergyResult> {
  const p = prepare(amount, unit, fuel, lib, guidelines);
  if (!p.ok) return p;
  const { trail } = p.value;
  const gj = fuelEnergyGJ(amount, p.value.unit, p.value.fuel, lib, trail, guidelines);
  if (!gj.ok) return gj;
  const kwh = to(gj.value, parseUnit("GJ") as UnitDef, "kWh", trail);
  return {
    ok: true,
    result: {
      value: kwh,
      unit: "kWh",
      fuel: p.value.fuel,
      formula: bi(
        "energy (kWh) = fuel amount × net calorific value (NCV), at 1 kWh = 3.6 MJ",
        "能源（千瓦時）＝燃料用量 × 低位發熱量，按1千瓦時 = 3.6兆焦換算",
      ),
      factors: trail.factors,
      steps: trail.steps,
      notes: trail.notes,
    },
  };
}

/** China guideline: CO2 = energy (GJ) × carbon content (t C/GJ) × oxidation × 44/12; else amount × t CO2 per unit. */
function guidelineCo2(amount: number, p: Prepared, lib: FactorLibrary): Step<{ tonnes: number; formula: Bilingual }> {
  const { fuel, unit, trail, guidelines } = p;
  const carbon = lookup("carbon-content", fuel, lib, trail, undefined, guidelines);
  const oxidation = lookup("oxidation", fuel, lib, trail, undefined, guidelines);
  if (carbon && oxidation) {
    const gj = fuelEnergyGJ(amount, unit, fuel, lib, trail, guidelines);
    if (!gj.ok) return gj;
    const c = applyRatio(gj.value, parseUnit("GJ") as UnitDef, carbon, trail);
    if (!c.ok) return c;
    const tC = to(c.value.value, c.value.unit, "t", trail);
    trail.use(oxidation);
    const tonnes = tC * oxidation.value * CO2_PER_C;
    trail.step(
      `${fmt(tC)} t C × ${fmt(oxidation.value)} oxidised × 44/12 = ${fmt(tonnes)} t CO2 [${oxidation.id}]`,
      `${fmt(tC)} 噸碳 × 碳氧化率${fmt(oxidation.value)} × 44/12 = ${fmt(tonnes)} 噸二氧化碳［${oxidation.id}］`,
    );
    return {
      ok: true,
      value: {
        tonnes,
        formula: bi(
          "CO2 (t) = fuel amount × net calorific value × carbon content per unit of heat × oxidation rate × 44/12 (China accounting guideline)",
          "二氧化碳（噸）＝燃料用量 × 低位發熱量 × 單位熱值含碳量 × 碳氧化率 × 44/12（中國溫室氣體核算指南）",
        ),
      },
    };
  }
  const perUnit = lookup("fuel-co2", fuel, lib, trail, undefined, guidelines);
  if (!perUnit || unit.dimension === "energy") {
    return fail(
      "no-factor",
      `No China-guideline CO2 factors (carbon content and oxidation, or CO2 per unit) for "${fuel}".`,
      `沒有「${fuel}」的中國核算指南二氧化碳因子（單位熱值含碳量及碳氧化率，或單位燃料排放因子）。`,
    );
  }
  const fu = parseFactorUnit(perUnit.unit);
  if (!fu || fu.kind !== "ratio") return fail("no-factor", `Factor ${perUnit.id} has an unreadable unit.`, `因子${perUnit.id}的單位無法識別。`);
  const qty = fuelQuantity(amount, unit, fu.denominator.unit, fuel, lib, trail);
  if (!qty.ok) return qty;
  const co2 = applyRatio(qty.value, fu.denominator.unit, perUnit, trail);
  if (!co2.ok) return co2;
  return {
    ok: true,
    value: {
      tonnes: to(co2.value.value, co2.value.unit, "t", trail),
      formula: bi("CO2 (t) = fuel amount × CO2 emission factor per unit of fuel", "二氧化碳（噸）＝燃料用量 × 單位燃料二氧化碳排放因子"),
    },
  };
}

/** GWP-100 of a gas; methane from biomass takes AR6's non-fossil value. */
function gwpOf(gas: CombustionGas, lib: FactorLibrary, trail: Trail, biogenic = false): Factor | null {
  return (biogenic && gas === "CH4" ? lookup("gwp", "CH4-non-fossil", lib, trail) : null) ?? lookup("gwp", gas, lib, trail);
}

/** IPCC 2006: for each gas, energy (TJ) × default factor (kg/TJ), then × GWP-100 (AR6). */
function ipccGases(amount: number, p: Prepared, lib: FactorLibrary, biogenic = false): Step<GasEmission[]> {
  const { fuel, unit, trail, guidelines } = p;
  const gj = fuelEnergyGJ(amount, unit, fuel, lib, trail, guidelines);
  if (!gj.ok) return gj;
  const TJ = parseUnit("TJ") as UnitDef;
  const tj = to(gj.value, parseUnit("GJ") as UnitDef, TJ.symbol, trail);
  const gases: GasEmission[] = [];
  for (const gas of ["CO2", "CH4", "N2O"] as const) {
    const f = lookup("ipcc", fuel, lib, trail, gas);
    if (!f) {
      if (gas === "CO2") return fail("no-factor", `No IPCC 2006 CO2 default for "${fuel}".`, `沒有「${fuel}」的IPCC 2006二氧化碳缺省排放因子。`);
      trail.note(
        bi(
          `No IPCC default for ${gas} from ${fuel} in the factor library: ${gas} is not counted (add one to the workbook's factor table).`,
          `因子庫沒有${fuel}的${gas} IPCC缺省因子：未計入${gas}（可在工作簿的因子表加入）。`,
        ),
      );
      continue;
    }
    const mass = applyRatio(tj, TJ, f, trail);
    if (!mass.ok) return mass;
    const tonnes = to(mass.value.value, mass.value.unit, "t", trail);
    const gwp = gwpOf(gas, lib, trail, biogenic);
    if (!gwp) return fail("no-factor", `No GWP for ${gas}.`, `沒有${gas}的全球升溫潛勢。`);
    const e = applyRatio(tonnes, parseUnit("t") as UnitDef, gwp, trail);
    if (!e.ok) return e;
    gases.push({ gas, tonnes, gwp: gwp.value, tCO2e: to(e.value.value, e.value.unit, "t", trail), factors: [f.id, gwp.id] });
  }
  return { ok: true, value: gases };
}

/**
 * Scope 1 combustion emissions of a fuel, in t CO2e, with the per-gas breakdown.
 * china-guideline counts CO2 only (the guideline's combustion formula); ipcc adds CH4 and N2O where
 * the library has their defaults, weighted by AR6 GWP-100. Energy comes from the library's NCV in both.
 */
export function fuelEmissions(
  amount: number,
  unit: string,
  fuel: string,
  lib: FactorLibrary = BASE_LIBRARY,
  options: { readonly method: EmissionMethod; readonly guidelines?: readonly string[] } = { method: "china-guideline" },
): GhgOutcome<FuelEmissionsResult> {
  const p = prepare(amount, unit, fuel, lib, options.guidelines);
  if (!p.ok) return p;
  const { trail } = p.value;
  const method = options.method;
  let gases: GasEmission[];
  let formula: Bilingual;
  if (method === "ipcc") {
    const g = ipccGases(amount, p.value, lib);
    if (!g.ok) return g;
    gases = g.value;
    formula = bi(
      "t CO2e = Σ over CO2, CH4, N2O of energy (TJ, from the NCV) × IPCC 2006 default factor (kg/TJ) ÷ 1,000 × GWP-100 (IPCC AR6)",
      "噸二氧化碳當量 ＝ Σ（二氧化碳、甲烷、氧化亞氮）能源（太焦，按低位發熱量）× IPCC 2006缺省排放因子（千克／太焦）÷ 1,000 × 全球升溫潛勢（IPCC AR6，100年）",
    );
  } else {
    const c = guidelineCo2(amount, p.value, lib);
    if (!c.ok) return c;
    gases = [{ gas: "CO2", tonnes: c.value.tonnes, gwp: 1, tCO2e: c.value.tonnes, factors: [...trail.factors] }];
    formula = c.value.formula;
    trail.note(
      bi(
        "China guideline method: CO2 only (CH4 and N2O from combustion are not counted); t CO2 = t CO2e.",
        "中國核算指南方法：只計二氧化碳（不計燃燒產生的甲烷及氧化亞氮）；噸二氧化碳即噸二氧化碳當量。",
      ),
    );
  }
  const value = gases.reduce((s, g) => s + g.tCO2e, 0);
  // An amount near the largest double can overflow once multiplied by factors: say so, never Infinity.
  if (!Number.isFinite(value) || gases.some((g) => !Number.isFinite(g.tonnes))) return overflow();
  return {
    ok: true,
    result: { value, unit: "t CO2e", fuel: p.value.fuel, method, gases, formula, factors: trail.factors, steps: trail.steps, notes: trail.notes },
  };
}

export interface BiomassEmissionsResult extends GhgResult {
  readonly unit: "t CO2e";
  readonly fuel: string;
  /** CH4 and N2O (t CO2e): Scope 1. */
  readonly gases: readonly GasEmission[];
  /** Biogenic CO2 (t): reported apart from the scopes (GHG Protocol Corporate Standard, ch. 9). */
  readonly biogenicCO2: number;
}

/**
 * Biomass burned (wood pellets and the like): its CO2 is biogenic and reported apart from the scopes;
 * its CH4 and N2O are Scope 1 (IPCC 2006 defaults, AR6 GWP-100, non-fossil methane).
 */
export function biomassEmissions(amount: number, unit: string, fuel: string, lib: FactorLibrary = BASE_LIBRARY): GhgOutcome<BiomassEmissionsResult> {
  const p = prepare(amount, unit, fuel, lib);
  if (!p.ok) return p;
  const { trail } = p.value;
  const g = ipccGases(amount, p.value, lib, true);
  if (!g.ok) return g;
  const co2 = g.value.find((x) => x.gas === "CO2");
  const gases = g.value.filter((x) => x.gas !== "CO2");
  const value = gases.reduce((s, x) => s + x.tCO2e, 0);
  if (!Number.isFinite(value) || !Number.isFinite(co2?.tonnes ?? 0)) return overflow();
  trail.note(
    bi(
      "Biomass: its CO2 is biogenic, reported apart from Scope 1; CH4 and N2O are in Scope 1.",
      "生物質：其二氧化碳屬生物源，與範圍1分開匯報；甲烷及氧化亞氮計入範圍1。",
    ),
  );
  return {
    ok: true,
    result: {
      value,
      unit: "t CO2e",
      fuel: p.value.fuel,
      gases,
      biogenicCO2: co2?.tonnes ?? 0,
      formula: bi(
        "Scope 1 (t CO2e) = energy (TJ) × IPCC 2006 default CH4 and N2O factors (kg/TJ) ÷ 1,000 × GWP-100 (AR6); biogenic CO2 = energy × IPCC default CO2 factor, reported apart",
        "範圍1（噸二氧化碳當量）＝能源（太焦）× IPCC 2006甲烷及氧化亞氮缺省因子（千克／太焦）÷ 1,000 × 全球升溫潛勢（AR6）；生物源二氧化碳＝能源 × IPCC缺省二氧化碳因子，分開匯報",
      ),
      factors: trail.factors,
      steps: trail.steps,
      notes: trail.notes,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Scope 2
// ---------------------------------------------------------------------------------------------

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
