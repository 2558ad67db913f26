import fc from "fast-check";
import { BASE_LIBRARY } from "../../src/esg/factors";
import { withOverrides, type FactorRow } from "../../src/esg/factor-table";
import { fuelEmissions, fuelToKwh, scope2Location, type GhgOutcome } from "../../src/esg/ghg";

const close = (a: number, b: number, rel = 1e-12) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

function ok<T>(r: GhgOutcome<T>): T {
  if (!r.ok) throw new Error(`expected a result, got ${r.problem.code}: ${r.problem.message.en}`);
  return r.result;
}
function problem<T>(r: GhgOutcome<T>): string {
  if (r.ok) throw new Error("expected a problem");
  expect(r.problem.message.en).not.toBe("");
  expect(r.problem.message["zh-HK"]).not.toBe("");
  return r.problem.code;
}

const row = (r: Partial<FactorRow>): FactorRow => ({ source: "test", published: "2024", "data year": null, geography: "CN", series: "cn-guideline", ...r });

describe("fuelToKwh", () => {
  it("turns the seed's 205 litres of diesel into kWh through density and NCV, stating each step", () => {
    const r = ok(fuelToKwh(205, "litre", "diesel"));
    // 205 L × 0.84 kg/L = 172.2 kg = 0.1722 t; × 43.33 GJ/t = 7.461426 GJ; ÷ 0.0036 GJ/kWh
    expect(close(r.value, (0.1722 * 43.33) / 0.0036)).toBe(true);
    expect(r.unit).toBe("kWh");
    expect(r.factors).toEqual(["convention.density.diesel", "cn.ncv.diesel"]);
    expect(r.steps.map((s) => s.en).join("\n")).toMatch(/205 L × 0\.84 kg\/L = 172\.2 kg/);
    expect(r.formula.en).toMatch(/3\.6 MJ/);
    expect(r.formula["zh-HK"]).toMatch(/低位發熱量/);
  });

  it("converts the seed's 24,221 t of coal as bituminous and notes the choice", () => {
    const r = ok(fuelToKwh(24_221, "t", "coal"));
    expect(close(r.value, (24_221 * 23.204) / 0.0036)).toBe(true);
    expect(r.fuel).toBe("bituminous");
    expect(r.notes.map((n) => n.en).join(" ")).toMatch(/bituminous/);
  });

  it("reads gas volumes in Nm³ against an NCV per 10⁴ Nm³", () => {
    const r = ok(fuelToKwh(30_000, "Nm3", "natural gas"));
    expect(close(r.value, (3 * 389.31) / 0.0036)).toBe(true);
  });

  it("passes an energy amount through without an NCV", () => {
    const r = ok(fuelToKwh(100, "GJ", "diesel"));
    expect(close(r.value, 100 / 0.0036)).toBe(true);
    expect(r.factors).toEqual([]);
  });

  it("gives typed problems, never exceptions", () => {
    expect(problem(fuelToKwh(1, "t", "unobtainium"))).toBe("unknown-fuel");
    expect(problem(fuelToKwh(1, "furlong", "diesel"))).toBe("unknown-unit");
    expect(problem(fuelToKwh(-1, "t", "diesel"))).toBe("invalid-amount");
    expect(problem(fuelToKwh(NaN, "t", "diesel"))).toBe("invalid-amount");
    expect(problem(fuelToKwh(Infinity, "t", "diesel"))).toBe("invalid-amount");
    expect(problem(fuelToKwh(10, "L", "lpg"))).toBe("no-density");
    expect(problem(fuelToKwh(10, "m³", "natural-gas"))).toBe("incompatible-unit");
    expect(fuelToKwh(10, "kWh", "diesel").ok).toBe(true);
    expect(problem(fuelToKwh(10, "hours", "diesel"))).toBe("incompatible-unit");
  });

  it("uses a density the workbook adds (petrol in litres)", () => {
    const { library, problems } = withOverrides(BASE_LIBRARY, [
      row({ id: "my.density.petrol", value: 0.74, unit: "kg/L", gas: "none", kind: "density", key: "gasoline", series: "convention" }),
    ]);
    expect(problems).toEqual([]);
    const r = ok(fuelToKwh(1000, "L", "petrol", library));
    expect(close(r.value, (0.74 * 44.8) / 0.0036)).toBe(true);
    expect(r.factors).toContain("my.density.petrol");
  });

  it("is linear in the amount", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(["diesel", "L"], ["diesel", "t"], ["coal", "kg"], ["natural-gas", "10^4 Nm3"], ["lpg", "t"], ["coke-oven-gas", "Nm³"]),
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ([fuel, unit], x, k) => close(ok(fuelToKwh(k * x, unit, fuel)).value, k * ok(fuelToKwh(x, unit, fuel)).value, 1e-12),
      ),
    );
  });
});

describe("fuelEmissions", () => {
  it("China guideline: NCV × carbon content × oxidation × 44/12, CO2 only", () => {
    const r = ok(fuelEmissions(24_221, "t", "coal", BASE_LIBRARY, { method: "china-guideline" }));
    const expected = (24_221 * 23.204 * 0.02618 * 0.93 * 44) / 12;
    expect(close(r.value, expected, 1e-12)).toBe(true);
    expect(r.unit).toBe("t CO2e");
    expect(r.gases.map((g) => g.gas)).toEqual(["CO2"]);
    expect(r.factors).toEqual(["cn.ncv.bituminous", "cn.carbon.bituminous", "cn.oxidation.bituminous"]);
    expect(r.formula.en).toMatch(/44\/12/);
    // Agrees with the tabulated t CO2 per tonne (2.072) to its rounding.
    expect(Math.abs(r.value / 24_221 - 2.072)).toBeLessThan(0.001);
  });

  it("defaults to the China guideline method", () => {
    expect(ok(fuelEmissions(1, "t", "diesel")).method).toBe("china-guideline");
  });

  it("IPCC: CO2, CH4 and N2O per TJ with AR6 GWPs, per-gas breakdown", () => {
    const r = ok(fuelEmissions(10, "t", "diesel", BASE_LIBRARY, { method: "ipcc" }));
    const tj = (10 * 43.33) / 1000;
    const co2 = (tj * 74_100) / 1000;
    const ch4 = (tj * 3) / 1000;
    const n2o = (tj * 0.6) / 1000;
    expect(r.gases.map((g) => g.gas)).toEqual(["CO2", "CH4", "N2O"]);
    expect(close(r.gases[0].tonnes, co2)).toBe(true);
    expect(close(r.gases[1].tonnes, ch4)).toBe(true);
    expect(r.gases[1].gwp).toBe(29.8);
    expect(close(r.gases[2].tCO2e, n2o * 273)).toBe(true);
    expect(close(r.value, co2 + ch4 * 29.8 + n2o * 273)).toBe(true);
    expect(r.factors).toEqual(expect.arrayContaining(["cn.ncv.diesel", "ipcc2006.diesel.co2", "ipcc2006.diesel.ch4", "ipcc2006.diesel.n2o", "ar6.gwp100.ch4-fossil", "ar6.gwp100.n2o"]));
  });

  it("IPCC: a fuel without CH4/N2O defaults counts CO2 and says what is left out", () => {
    const r = ok(fuelEmissions(1, "t", "bituminous", BASE_LIBRARY, { method: "ipcc" }));
    expect(r.gases.map((g) => g.gas)).toEqual(["CO2"]);
    expect(close(r.value, (23.204 / 1000) * 94.6)).toBe(true);
    expect(r.notes.map((n) => n.en).join(" ")).toMatch(/CH4.*not counted/);
  });

  it("IPCC: a fuel without an IPCC CO2 default is a no-factor problem", () => {
    expect(problem(fuelEmissions(1, "t", "gasoline", BASE_LIBRARY, { method: "ipcc" }))).toBe("no-factor");
  });

  it("falls back to CO2 per unit when carbon content and oxidation are missing", () => {
    const { library } = withOverrides(BASE_LIBRARY, [
      row({ id: "my.ncv.semi", value: 80, unit: "GJ/10⁴ Nm³", gas: "energy", kind: "ncv", key: "refinery-gas" }),
      row({ id: "my.co2.semi", value: 5, unit: "t CO2/10⁴ Nm³", gas: "CO2", kind: "fuel-co2", key: "refinery-gas" }),
    ]);
    const r = ok(fuelEmissions(20_000, "Nm³", "refinery-gas", library));
    expect(close(r.value, 10)).toBe(true);
    expect(r.factors).toEqual(["my.co2.semi"]);
  });

  it("gives typed problems for unknown fuels and units", () => {
    expect(problem(fuelEmissions(1, "t", "plutonium"))).toBe("unknown-fuel");
    expect(problem(fuelEmissions(1, "%", "diesel"))).toBe("incompatible-unit");
  });

  it("never throws and never returns a non-finite value, whatever it is given", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer()),
        fc.oneof(fc.string(), fc.constantFrom("t", "kg", "L", "Nm3", "GJ", "m3", "kWh")),
        fc.oneof(fc.string(), fc.constantFrom("diesel", "coal", "petrol", "natural gas", "lpg", "coke")),
        fc.constantFrom("china-guideline" as const, "ipcc" as const),
        (amount, unit, fuel, method) => {
          const r = fuelEmissions(amount, unit, fuel, BASE_LIBRARY, { method });
          return r.ok ? Number.isFinite(r.result.value) && r.result.value >= 0 : typeof r.problem.code === "string";
        },
      ),
    );
  });
});

describe("scope2Location", () => {
  it("uses the MEE/NBS statistical factor of the year: 0.5366 for 2022", () => {
    const r = ok(scope2Location(29_843_800, { grid: "national", year: 2022 }));
    expect(close(r.value, (29_843_800 * 0.5366) / 1000)).toBe(true);
    expect(r.unit).toBe("t CO2");
    expect(r.factors).toEqual(["cn.grid.national.2022"]);
    expect(r.series).toBe("cn-mee-nbs");
    expect(r.formula.en).toMatch(/location-based/);
    expect(r.formula["zh-HK"]).toMatch(/範圍2/);
  });

  it("uses the carbon-market series only when asked, converting t CO2/MWh", () => {
    const r = ok(scope2Location(29_843_800, { grid: "national", year: 2022, series: "cn-ets" }));
    expect(close(r.value, 29_843.8 * 0.5703)).toBe(true);
    expect(r.factors).toEqual(["cn.ets.grid.national.2022"]);
  });

  it("falls back to the latest earlier year and notes it; Jilin reads as the Northeast grid", () => {
    const r = ok(scope2Location(1000, { grid: "Jilin", year: 2024 }));
    expect(r.grid).toBe("northeast");
    expect(r.dataYear).toBe(2023);
    expect(close(r.value, 0.5122)).toBe(true);
    const notes = r.notes.map((n) => n.en).join(" ");
    expect(notes).toMatch(/Northeast/);
    expect(notes).toMatch(/2023/);
  });

  it("gives typed problems", () => {
    expect(problem(scope2Location(1, { grid: "Atlantis", year: 2023 }))).toBe("unknown-grid");
    expect(problem(scope2Location(1, { grid: "national", year: 2019 }))).toBe("no-factor");
    expect(problem(scope2Location(-5, { grid: "national", year: 2023 }))).toBe("invalid-amount");
    expect(problem(scope2Location(1, { grid: "national", year: 2023, series: "no-such-series" }))).toBe("no-factor");
  });

  it("is linear in kWh", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), fc.double({ min: 0, max: 1e3, noNaN: true }), (kwh, k) => {
        const a = ok(scope2Location(k * kwh, { grid: "east", year: 2023 })).value;
        const b = k * ok(scope2Location(kwh, { grid: "east", year: 2023 })).value;
        return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
      }),
    );
  });
});
