/** Factors as of a date: the true publication dates, and the latest factor public by then. */
import { findFactor, getFactor, publishedOn } from "../../src/esg/factors";
import { defaultEngineOptions, factorsAsOfFor, settingsFromWorkbook } from "../../src/esg/options";
import { scope2Location } from "../../src/esg/ghg";
import { item } from "../support/seed-read";

describe("publication dates of the MEE/NBS grid factors", () => {
  it.each([
    ["cn.grid.national.2021", "2024-04-12", /第12号/],
    ["cn.grid.national.2022", "2024-12-20", /第33号/],
    ["cn.grid.national.2023", "2025-12-31", /第47号/],
  ])("%s was published on %s", (id, date, number) => {
    const f = getFactor(id)!;
    expect(publishedOn(f)).toBe(date);
    expect(f.source).toMatch(number);
  });

  it("reads a month or a year as its last day, and text without a date as unknown", () => {
    const f = getFactor("cn.grid.national.2021")!;
    expect(publishedOn({ ...f, published: "2024-02" })).toBe("2024-02-29");
    expect(publishedOn({ ...f, published: "2023" })).toBe("2023-12-31");
    expect(publishedOn({ ...f, published: "not confirmed" })).toBeNull();
  });
});

describe("factorsAsOf", () => {
  it("defaults to five months after the reporting year's end (the HKEX deadline)", () => {
    expect(factorsAsOfFor(defaultEngineOptions, 2024)).toBe("2025-05-31");
    expect(factorsAsOfFor(defaultEngineOptions, 2024, 2023)).toBe("2024-05-31");
  });

  it("takes a setting, shifted back a year for each prior year", () => {
    const o = { ...defaultEngineOptions, factorsAsOf: "2026-01-15" };
    expect(factorsAsOfFor(o, 2024)).toBe("2026-01-15");
    expect(factorsAsOfFor(o, 2024, 2023)).toBe("2025-01-15");
  });

  it("reads the setting from ESG_Settings and refuses a date that is not one", () => {
    const ok = settingsFromWorkbook(item("ESG_Settings", "C", 0, 0, [["factorsAsOf", "2025-12-31"]]));
    expect(ok.options.factorsAsOf).toBe("2025-12-31");
    const bad = settingsFromWorkbook(item("ESG_Settings", "C", 0, 0, [["factorsAsOf", "2025-02-30"]]));
    expect(bad.findings.map((f) => f.rule)).toEqual(["settings.invalid"]);
  });

  it("an FY2024 report (as of 31 May 2025) takes the 2022 factor and knows the 2023 one is newer", () => {
    const r = findFactor({ kind: "grid", key: "national", year: 2024, asOf: "2025-05-31" });
    expect(r.ok && r.factor.id).toBe("cn.grid.national.2022");
    expect(r.ok && r.newer?.id).toBe("cn.grid.national.2023");
  });

  it("an FY2023 report (as of 31 May 2024) takes the 2021 factor; a later as-of date takes the 2023 one", () => {
    const fy23 = scope2Location(1000, { grid: "national", year: 2023, asOf: "2024-05-31" });
    expect(fy23.ok && fy23.result.factors).toEqual(["cn.grid.national.2021"]);
    const late = scope2Location(1000, { grid: "national", year: 2024, asOf: "2026-01-31" });
    expect(late.ok && late.result.factors).toEqual(["cn.grid.national.2023"]);
    expect(late.ok && late.result.newer).toBeUndefined();
  });

  it("finds nothing before the first announcement", () => {
    const r = scope2Location(1000, { grid: "national", year: 2022, asOf: "2023-05-31" });
    expect(!r.ok && r.problem.message.en).toMatch(/published by 2023-05-31/);
  });
});
