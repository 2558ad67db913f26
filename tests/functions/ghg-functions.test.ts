import { excel, errorOf } from "./setup";
import * as F from "../../src/functions/functions";
import { fuelEmissions, fuelToKwh, scope2Location } from "../../src/esg/ghg";
import { getFactor } from "../../src/esg/factors";

const engine = <T extends { ok: boolean }>(r: T): number => {
  if (!r.ok) throw new Error("engine failed");
  return (r as any).result.value;
};

describe("ESG.ENERGY", () => {
  it("turns a fuel amount into kWh through the library's NCV, as the engine does", () => {
    const kwh = excel(F.energy, [[1]], [["t"]], [["diesel"]]);
    expect(kwh).toBeCloseTo(engine(fuelToKwh(1, "t", "diesel")), 9);
    expect(kwh).toBeCloseTo(12036.1, 0); // 43.33 GJ/t ÷ 3.6 MJ/kWh × 1,000
    expect(excel(F.energy, [[1]], [["t"]], [["柴油"]])).toBeCloseTo(kwh as number, 9);
  });
  it("converts an energy amount to kWh when no fuel is given (omitted, or a blank cell that arrives as 0)", () => {
    expect(excel(F.energy, [[29843.8]], [["MWh"]], null)).toBeCloseTo(29843800, 6);
    expect(excel(F.energy, [[1], [1]], [["MWh"], ["t"]], [[0], ["diesel"]])).toEqual([
      [1000],
      [expect.closeTo(12036.1, 0)],
    ]);
  });
  it("gives #N/A with a message for an unknown fuel or unit, and for a mass without a fuel", () => {
    expect(excel(F.energy, [[1]], [["t"]], [["unobtainium"]])).toEqual({
      error: "#N/A",
      message: expect.stringContaining("unobtainium"),
    });
    expect(errorOf(excel(F.energy, [[1]], [["parsec"]], [["diesel"]]))).toBe("#N/A");
    expect(excel(F.energy, [[1]], [["t"]], null)).toEqual({
      error: "#N/A",
      message: expect.stringContaining("Give the fuel"),
    });
  });
  it("gives #VALUE! for a negative amount or a missing unit", () => {
    expect(errorOf(excel(F.energy, [[-1]], [["t"]], [["diesel"]]))).toBe("#VALUE!");
    expect(errorOf(excel(F.energy, [[1]], [[""]], [["diesel"]]))).toBe("#VALUE!");
  });
});

describe("ESG.EMISSIONS", () => {
  it("gives a fuel's combustion emissions in t CO2e as the engine computes them", () => {
    expect(excel(F.emissions, [[100]], [["t"]], [["diesel"]], null)).toBeCloseTo(
      engine(fuelEmissions(100, "t", "diesel")),
      9,
    );
  });
  it("takes a fuel factor id as that fuel, and a grid factor id as Scope 2 with that very factor", () => {
    expect(excel(F.emissions, [[100]], [["t"]], [["cn.co2.diesel"]], null)).toBeCloseTo(
      engine(fuelEmissions(100, "t", "diesel")),
      9,
    );
    const f = getFactor("cn.grid.national.2022")!;
    expect(excel(F.emissions, [[1000]], [["MWh"]], [["cn.grid.national.2022"]], null)).toBeCloseTo(
      engine(scope2Location(1000000, { grid: "national", year: 2022, series: f.series })),
      9,
    );
  });
  it("reads a grid name as purchased electricity, with the year choosing the factor", () => {
    expect(excel(F.emissions, [[1000]], [["kWh"]], [["national"]], [[2022]])).toBeCloseTo(
      engine(scope2Location(1000, { grid: "national", year: 2022 })),
      9,
    );
  });
  it("gives #N/A for something that is neither a fuel, a grid nor a factor id, and for a factor it cannot apply", () => {
    expect(excel(F.emissions, [[1]], [["t"]], [["moonrock"]], null)).toEqual({
      error: "#N/A",
      message: expect.stringContaining("moonrock"),
    });
    expect(excel(F.emissions, [[1]], [["kWh"]], [["moonrock"]], null)).toEqual({
      error: "#N/A",
      message: expect.stringContaining("moonrock"),
    });
    expect(errorOf(excel(F.emissions, [[1]], [["t"]], [["ar6.gwp100.n2o"]], null))).toBe("#N/A");
  });
});

describe("ESG.SCOPE2", () => {
  it("multiplies kWh by the statistical grid factor of the year", () => {
    expect(excel(F.scope2, [[29843800]], [["national"]], [[2022]], null)).toBeCloseTo(
      (29843800 * 0.5366) / 1000,
      6,
    );
  });
  it("uses the latest data year when the year is omitted, and the latest earlier one for a later year", () => {
    const latest = engine(scope2Location(1000, { grid: "national", year: 9999 }));
    expect(excel(F.scope2, [[1000]], [["national"]], null, null)).toBeCloseTo(latest, 9);
    expect(excel(F.scope2, [[1000]], [["national"]], [[2099]], null)).toBeCloseTo(latest, 9);
  });
  it("spills one result per site and grid", () => {
    const r = excel(F.scope2, [[1000], [2000]], [["north"], ["south"]], [[2022]], null) as number[][];
    expect(r).toEqual([
      [engine(scope2Location(1000, { grid: "north", year: 2022 }))],
      [engine(scope2Location(2000, { grid: "south", year: 2022 }))],
    ]);
  });
  it("gives #N/A for an unknown grid or series and #VALUE! for negative electricity", () => {
    expect(excel(F.scope2, [[1]], [["atlantis"]], null, null)).toEqual({
      error: "#N/A",
      message: expect.stringContaining("atlantis"),
    });
    expect(errorOf(excel(F.scope2, [[1]], [["national"]], null, [["no-such-series"]]))).toBe("#N/A");
    expect(errorOf(excel(F.scope2, [[-1]], [["national"]], null, null))).toBe("#VALUE!");
  });
});

describe("ESG.FACTOR", () => {
  it("returns a factor's value, unit, source and year by id", () => {
    const f = getFactor("cn.grid.national.2022")!;
    expect(excel(F.factor, [["cn.grid.national.2022"]], null)).toBe(f.value);
    expect(excel(F.factor, [["cn.grid.national.2022"]], [["unit"]])).toBe(f.unit);
    expect(excel(F.factor, [["cn.grid.national.2022"]], [["source"]])).toBe(f.source);
    expect(excel(F.factor, [["cn.grid.national.2022"]], [["年份"]])).toBe(2022);
  });
  it("finds a fuel's CO2 factor and a grid's latest factor by name", () => {
    expect(excel(F.factor, [["diesel"]], [["id"]])).toBe("cn.co2.diesel");
    expect(String(excel(F.factor, [["north"]], [["id"]]))).toMatch(/^cn\.grid\.north\./);
  });
  it("returns a blank, not 0, for a factor that has no data year", () => {
    expect(excel(F.factor, [["cn.co2.diesel"]], [["year"]])).toBe("");
  });
  it("spills fields across a row", () => {
    const r = excel(F.factor, [["cn.co2.diesel"]], [["value", "unit"]]) as any[][];
    expect(r).toEqual([[getFactor("cn.co2.diesel")!.value, getFactor("cn.co2.diesel")!.unit]]);
  });
  it("gives #N/A for an unknown id and #VALUE! for an unknown field", () => {
    expect(errorOf(excel(F.factor, [["nope"]], null))).toBe("#N/A");
    expect(excel(F.factor, [["diesel"]], [["colour"]])).toEqual({
      error: "#VALUE!",
      message: expect.stringContaining("field must be one of"),
    });
  });
});
