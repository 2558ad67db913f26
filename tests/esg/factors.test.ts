import fc from "fast-check";
import {
  BASE_LIBRARY,
  FACTOR_KINDS,
  findFactor,
  getFactor,
  listFactors,
  parseFactorUnit,
} from "../../src/esg/factors";
import {
  FACTOR_TABLE_COLUMNS,
  factorProblems,
  rowsFromTable,
  withOverrides,
  type FactorRow,
} from "../../src/esg/factor-table";
import type { CellValue } from "../../src/esg/types";

const value = (q: Parameters<typeof findFactor>[0]) => {
  const r = findFactor(q);
  return r.ok ? r.factor.value : null;
};

describe("seeded factors", () => {
  it("every factor has all provenance fields and a unit that fits its kind", () => {
    const factors = listFactors();
    expect(factors.length).toBeGreaterThan(60);
    for (const f of factors) {
      for (const field of ["id", "unit", "gas", "kind", "key", "source", "publisher", "published", "geography", "series"] as const) {
        expect(typeof f[field]).toBe("string");
        expect(f[field].trim()).not.toBe("");
      }
      expect(Number.isFinite(f.value)).toBe(true);
      expect(f.dataYear === null || Number.isInteger(f.dataYear)).toBe(true);
      expect(f.label.en).not.toBe("");
      expect(f.label["zh-HK"]).not.toBe("");
      expect(FACTOR_KINDS).toContain(f.kind);
      expect(factorProblems(f)).toEqual([]);
    }
  });

  it("ids are unique", () => {
    const ids = listFactors().map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("holds the MEE/NBS national series 2021–2023 and its other columns", () => {
    expect(value({ kind: "grid", key: "national", year: 2021 })).toBe(0.5568);
    expect(value({ kind: "grid", key: "national", year: 2022 })).toBe(0.5366);
    expect(value({ kind: "grid", key: "national", year: 2023 })).toBe(0.5306);
    expect(value({ kind: "grid", key: "national", year: 2021, series: "cn-mee-nbs-excl-market-non-fossil" })).toBe(0.5942);
    expect(value({ kind: "grid", key: "national", year: 2023, series: "cn-mee-nbs-excl-market-non-fossil" })).toBe(0.6096);
    expect(value({ kind: "grid", key: "national", year: 2023, series: "cn-mee-nbs-fossil" })).toBe(0.8273);
  });

  it.each([
    ["north", 0.712, 0.6776, 0.6361],
    ["northeast", 0.6012, 0.5564, 0.5122],
    ["east", 0.5992, 0.5617, 0.55],
    ["central", 0.5354, 0.5395, 0.5271],
    ["northwest", 0.5951, 0.5857, 0.5543],
    ["south", 0.4326, 0.3869, 0.4042],
    ["southwest", 0.2113, 0.2268, 0.2472],
  ])("regional grid %s 2021–2023", (key, y21, y22, y23) => {
    expect(value({ kind: "grid", key, year: 2021 })).toBe(y21);
    expect(value({ kind: "grid", key, year: 2022 })).toBe(y22);
    expect(value({ kind: "grid", key, year: 2023 })).toBe(y23);
  });

  it.each([
    ["xinjiang", 0.6577, 0.6231],
    ["shanxi", 0.7222, 0.7096],
    ["shaanxi", 0.6336, 0.6558],
    ["ningxia", 0.6546, 0.6423],
    ["inner-mongolia", 0.7025, 0.6849],
  ])("province %s 2021/2022, marked secondary, under its own key (a GridRegion province reads as its grid)", (province, y21, y22) => {
    const key = `province-${province}`;
    expect(value({ kind: "grid", key, year: 2021 })).toBe(y21);
    expect(value({ kind: "grid", key, year: 2022 })).toBe(y22);
    const r = findFactor({ kind: "grid", key, year: 2022 });
    expect(r.ok && r.factor.source).toMatch(/secondary source/);
  });

  it("marks regional 2021/2022 as secondary and 2023 as published", () => {
    expect(getFactor("cn.grid.north.2022")?.source).toMatch(/secondary source/);
    expect(getFactor("cn.grid.north.2023")?.source).not.toMatch(/secondary source/);
  });

  it("never returns the carbon-market 0.5703 for a statistics-series lookup", () => {
    for (const year of [2021, 2022, 2023, 2024, 2030]) {
      const r = findFactor({ kind: "grid", key: "national", year });
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.factor.value).not.toBe(0.5703);
        expect(r.factor.series).toBe("cn-mee-nbs");
      }
    }
    expect(value({ kind: "grid", key: "national", year: 2022 })).toBe(0.5366);
    expect(value({ kind: "grid", key: "national", year: 2022, series: "cn-mee-nbs" })).toBe(0.5366);
  });

  it("keeps the carbon-market series apart and returns it only when asked", () => {
    const r = findFactor({ kind: "grid", key: "national", year: 2022, series: "cn-ets" });
    expect(r.ok && r.factor.value).toBe(0.5703);
    expect(r.ok && r.factor.unit).toBe("t CO2/MWh");
  });

  it.each([
    ["diesel", 43.33, 0.0202, 0.98, 3.145],
    ["gasoline", 44.8, 0.0189, 0.98, 3.043],
    ["lpg", 47.31, 0.0172, 0.99, 2.954],
    ["anthracite", 24.515, 0.02749, 0.94, 2.323],
    ["bituminous", 23.204, 0.02618, 0.93, 2.072],
    ["coke", 28.446, 0.0294, 0.93, 2.852],
    ["natural-gas", 389.31, 0.0153, 0.99, 21.62],
    ["coke-oven-gas", 173.854, 0.0136, 0.99, 8.583],
  ])("fuel %s: NCV, carbon content, oxidation, CO2 per unit agree", (key, ncv, carbon, oxidation, co2) => {
    expect(value({ kind: "ncv", key })).toBe(ncv);
    expect(value({ kind: "carbon-content", key })).toBe(carbon);
    expect(value({ kind: "oxidation", key })).toBe(oxidation);
    expect(value({ kind: "fuel-co2", key })).toBe(co2);
    // The tabulated CO2 per unit is the product NCV × C × oxidation × 44/12, rounded.
    expect(Math.abs((ncv * carbon * oxidation * 44) / 12 - co2) / co2).toBeLessThan(5e-4);
  });

  it("keeps the older diesel NCV as its own series", () => {
    expect(value({ kind: "ncv", key: "diesel", series: "cn-guideline-older" })).toBe(42.652);
    expect(value({ kind: "ncv", key: "diesel" })).toBe(43.33);
  });

  it("holds IPCC 2006 defaults, AR6 GWPs and the diesel density convention", () => {
    expect(value({ kind: "ipcc", key: "diesel", gas: "CO2" })).toBe(74_100);
    expect(value({ kind: "ipcc", key: "diesel", gas: "CH4" })).toBe(3);
    expect(value({ kind: "ipcc", key: "diesel", gas: "N2O" })).toBe(0.6);
    expect(value({ kind: "ipcc", key: "bituminous", gas: "CO2" })).toBe(94_600);
    expect(value({ kind: "ipcc", key: "natural-gas", gas: "CO2" })).toBe(56_100);
    expect(value({ kind: "gwp", key: "CH4" })).toBe(29.8);
    expect(value({ kind: "gwp", key: "N2O" })).toBe(273);
    const d = findFactor({ kind: "density", key: "diesel" });
    expect(d.ok && d.factor.value).toBe(0.84);
    expect(d.ok && d.factor.source).toMatch(/[Cc]onvention/);
  });
});

describe("findFactor", () => {
  it("uses the exact year when there is one, without a note", () => {
    const r = findFactor({ kind: "grid", key: "east", year: 2023 });
    expect(r.ok && r.factor.id).toBe("cn.grid.east.2023");
    expect(r.ok && r.note).toBeUndefined();
  });

  it("falls back to the latest earlier data year and says so", () => {
    const r = findFactor({ kind: "grid", key: "national", year: 2025 });
    expect(r.ok && r.factor.dataYear).toBe(2023);
    expect(r.ok && r.note?.en).toMatch(/2023/);
    expect(r.ok && r.note?.["zh-HK"]).toMatch(/2023/);
  });

  it("never uses a later data year", () => {
    const r = findFactor({ kind: "grid", key: "national", year: 2020 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe("not-found");
  });

  it("picks the data year ≤ the year asked, for any year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2100 }), (year) => {
        const r = findFactor({ kind: "grid", key: "north", year });
        return r.ok && r.factor.dataYear === Math.min(year, 2023);
      }),
    );
  });

  it("reads aliases: Jilin → Northeast (noted), 華北 → north, coal → bituminous (noted), petrol → gasoline", () => {
    const jilin = findFactor({ kind: "grid", key: "Jilin", year: 2023 });
    expect(jilin.ok && jilin.factor.key).toBe("northeast");
    expect(jilin.ok && jilin.note?.en).toMatch(/Northeast/);
    expect(value({ kind: "grid", key: "華北", year: 2023 })).toBe(0.6361);
    const coal = findFactor({ kind: "ncv", key: "coal" });
    expect(coal.ok && coal.factor.key).toBe("bituminous");
    expect(coal.ok && coal.note?.en).toMatch(/bituminous/);
    expect(value({ kind: "ncv", key: "Petrol" })).toBe(44.8);
    expect(value({ kind: "ncv", key: "Natural gas" })).toBe(389.31);
  });

  it("filters by geography", () => {
    expect(value({ kind: "grid", key: "province-xinjiang", year: 2022, geography: "CN-XJ" })).toBe(0.6231);
    expect(findFactor({ kind: "grid", key: "province-xinjiang", year: 2022, geography: "CN" }).ok).toBe(false);
  });

  it("reports an unknown key as not found, bilingually", () => {
    const r = findFactor({ kind: "ncv", key: "unobtainium" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.en).toMatch(/unobtainium/);
      expect(r.message["zh-HK"]).toMatch(/unobtainium/);
    }
  });
});

describe("parseFactorUnit", () => {
  it.each(["kg CO2/kWh", "t CO2/MWh", "tCO2/MWh", "GJ/t", "GJ/10⁴ Nm³", "GJ/10^4 Nm3", "t C/GJ", "kg N2O/TJ", "t CO2e/t CH4", "kg/L", "fraction"])("reads %s", (u) => {
    expect(parseFactorUnit(u)).not.toBeNull();
  });
  it.each(["", "kg CO2", "kWh/", "/t", "kg/t/t", "bananas/t"])("rejects %j", (u) => {
    expect(parseFactorUnit(u)).toBeNull();
  });
});

describe("workbook factor table", () => {
  const header = [...FACTOR_TABLE_COLUMNS];
  const good: CellValue[] = ["cn.grid.national.2024", 0.52, "kg CO2/kWh", "CO2", "grid", "national", "MEE/NBS 2024 announcement", "2026", 2024, "CN", "cn-mee-nbs"];

  it("exports the documented column list", () => {
    expect(FACTOR_TABLE_COLUMNS).toEqual(["id", "value", "unit", "gas", "kind", "key", "source", "published", "data year", "geography", "series"]);
  });

  it("adds a factor that lookups then find, marked as the workbook's", () => {
    const { rows, missing } = rowsFromTable([header, good]);
    expect(missing).toEqual([]);
    const { library, problems } = withOverrides(BASE_LIBRARY, rows);
    expect(problems).toEqual([]);
    const r = findFactor({ kind: "grid", key: "national", year: 2024 }, library);
    expect(r.ok && r.factor.value).toBe(0.52);
    expect(r.ok && r.factor.origin).toBe("workbook");
    expect(listFactors(library)).toHaveLength(listFactors().length + 1);
    // The base library is untouched.
    expect(getFactor("cn.grid.national.2024")).toBeUndefined();
  });

  it("overrides a seeded factor by id", () => {
    const row: FactorRow = { id: "cn.ncv.diesel", value: 42.652, unit: "GJ/t", gas: "energy", kind: "ncv", key: "diesel", source: "site lab", published: "2024", "data year": null, geography: "CN", series: "cn-guideline" };
    const { library, problems } = withOverrides(BASE_LIBRARY, [row]);
    expect(problems).toEqual([]);
    expect(getFactor("cn.ncv.diesel", library)?.value).toBe(42.652);
    expect(listFactors(library)).toHaveLength(listFactors().length);
  });

  it("reads headers case- and spacing-insensitively and reports missing columns", () => {
    const { rows, missing } = rowsFromTable([["ID", "Value", "UNIT", "Data_Year"], ["x", 1, "GJ/t", 2020]]);
    expect(rows[0]).toMatchObject({ id: "x", value: 1, unit: "GJ/t", "data year": 2020 });
    expect(missing).toEqual(["gas", "kind", "key", "source", "published", "geography", "series"]);
  });

  it("returns per-row problems instead of throwing, and skips blank rows", () => {
    const bad: CellValue[] = ["bad id", -1, "GJ", "XYZ", "grid", "", "", null, "abc", "", ""];
    const wrongKind: CellValue[] = ["k1", 1, "kg CO2/kWh", "energy", "ncv", "diesel", "s", "2024", null, "CN", "x"];
    const errCell: CellValue[] = ["k2", { kind: "error", code: "#N/A" }, "GJ/t", "energy", "ncv", "diesel", "s", "2024", null, "CN", "x"];
    const { rows } = rowsFromTable([header, bad, [null, null, null], wrongKind, errCell]);
    const { library, problems } = withOverrides(BASE_LIBRARY, rows);
    expect(listFactors(library)).toHaveLength(listFactors().length);
    const cols = (row: number) => problems.filter((p) => p.row === row).map((p) => p.column);
    expect(cols(0)).toEqual(expect.arrayContaining(["id", "value", "unit", "gas", "key", "source", "published", "data year", "geography", "series"]));
    expect(cols(1)).toEqual([]);
    expect(cols(2)).toEqual(["unit"]);
    expect(cols(3)).toEqual(["value"]);
    for (const p of problems) {
      expect(p.severity).toBe("error");
      expect(p.message.en).not.toBe("");
      expect(p.message["zh-HK"]).not.toBe("");
    }
  });

  it("accepts a text number with a warning, and reports a duplicate id", () => {
    const asText: CellValue[] = ["w1", "0.61", "kg CO2/kWh", "CO2", "grid", "northwest", "s", "2025", 2024, "CN", "mine"];
    const { rows } = rowsFromTable([header, asText, asText]);
    const { library, problems } = withOverrides(BASE_LIBRARY, rows);
    expect(getFactor("w1", library)?.value).toBe(0.61);
    expect(problems.map((p) => [p.row, p.severity])).toEqual([
      [0, "warning"],
      [1, "warning"],
      [1, "error"],
    ]);
  });

  it("never throws, whatever the cells hold", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.double(),
      fc.string(),
      fc.boolean(),
      fc.constantFrom("=1+1", "#REF!", "kg CO2/kWh", "grid", "CO2", "2024"),
      fc.record({ kind: fc.constant("error" as const), code: fc.constantFrom("#N/A", "#REF!") }),
      fc.record({ kind: fc.constant("date" as const), iso: fc.constant("2024-01-01") }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 6 }), (body) => {
        const { rows } = rowsFromTable([header, ...body]);
        const { library } = withOverrides(BASE_LIBRARY, rows);
        return library.factors.length >= BASE_LIBRARY.factors.length;
      }),
    );
  });
});
