/**
 * Fuels: energy through the net calorific value (A2.1), Scope 1 combustion emissions by the China
 * accounting guideline or IPCC 2006 with AR6 GWPs, and biomass (biogenic CO2 apart, CH4 and N2O in Scope 1).
 */
import { bi } from "../bilingual";
import { BASE_LIBRARY, parseFactorUnit, resolveKey, type Factor, type FactorLibrary } from "../factors";
import type { Bilingual } from "../types";
import { compatible, parseUnit, type UnitDef } from "../units";
import type { CombustionGas, EmissionMethod, FuelEmissionsResult, FuelEnergyResult, GasEmission, GhgOutcome, GhgProblem, GhgResult } from "./outcome";
import { applyRatio, checkAmount, CO2_PER_C, fail, fmt, GENERAL_GUIDELINES, lookup, overflow, readUnit, to, Trail, type Step } from "./work";

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
