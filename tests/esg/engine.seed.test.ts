/** Golden tests: the engine reproduces the seed report's published figures and flags its inconsistencies. */
import { analyse } from "../../src/esg/engine";
import { excelRound } from "../../src/esg/formulas";
import { seedRead } from "../support/seed-read";

const run = () => analyse(seedRead(), { now: "2025-03-31T00:00:00.000Z" });
const kpi = (id: string) => {
  const k = run().kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};

describe("seed report 2024: A2 resources", () => {
  it.each([
    ["A2.1.electricity.intensity", 0, 2366, "kWh/t"],
    ["A2.1.diesel.intensity", 2, 0.02, "L/t"],
    ["A2.1.coal.intensity", 2, 1.92, "t/t"],
    ["A2.2.water.intensity", 2, 11.48, "m³/t"],
  ])("%s is %s at the published precision", (id, digits, published, unit) => {
    const k = kpi(id);
    expect(excelRound(k.value!, digits)).toBe(published);
    expect(k.unit).toBe(unit);
    expect(k.excel).toMatch(/\/Production$/);
  });

  it("states electricity as 29,843.8 thousand kWh", () => {
    expect(kpi("A2.1.electricity.energy").value).toBeCloseTo(29843.8, 10);
    expect(kpi("A2.1.electricity.energy").unit).toBe("'000 kWh");
  });

  it("keeps every figure traceable to its cell", () => {
    const k = kpi("A2.1.electricity.intensity");
    const cells = k.inputs.flatMap((i) => i.sources.map((s) => s.location));
    expect(cells).toEqual(["Data!B6", "Data!B4"]);
  });
});

describe("seed report 2024: B1 workforce", () => {
  it.each([
    ["B1.1.total", 341],
    ["B1.1.gender.female", 71],
    ["B1.1.gender.male", 270],
    ["B1.1.age.under 30", 46],
    ["B1.1.age.30-50", 210],
    ["B1.1.age.over 50", 85],
    ["B1.1.region.mainland china", 338],
    ["B1.1.region.hong kong", 3],
  ])("%s = %s", (id, n) => expect(kpi(id).value).toBe(n));

  it("finds that every headcount breakdown adds up to 341", () => {
    expect(run().findings.filter((f) => f.rule === "breakdown.sum")).toEqual([]);
  });
});

describe("seed report 2024: B3 training inconsistencies", () => {
  it("judges the stated 超過89% as stated: 328 of 341 (96.2%) is more than 89%, an understatement, not a mismatch", () => {
    const found = run().findings.filter((x) => x.metric === "trained_share_stated");
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["ratio.qualified", "info"]]);
    const f = found[0];
    expect(f.kpi).toBe("B3.1");
    const name = seedRead().names.find((n) => n.name === "TrainedShare_Stated")!;
    expect(f.location).toBe(`Data!${name.address}`);
    expect(f.message.en).toContain('"more than 89%"');
    expect(f.message.en).toContain("96.19%");
    expect(f.message.en).toContain("understates");
    expect(f.message["zh-HK"]).toContain("「超過89%」");
  });

  it("flags that women at 17% of the 328 trained imply about 272 men trained, more than the 270 male employees", () => {
    const found = run().findings.filter((x) => x.rule === "ratio.implied-count");
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f.severity).toBe("error");
    expect(f.metric).toBe("trained_female_share_stated");
    const name = seedRead().names.find((n) => n.name === "TrainedFemaleShare_Stated")!;
    expect(f.location).toBe(`Data!${name.address}`);
    expect(f.message.en).toContain("272 men trained");
    expect(f.message.en).toContain("270 male employees");
  });

  it("keeps 約7% turnover as stated and says it cannot be verified without leavers", () => {
    const f = run().findings.filter((x) => x.metric === "turnover_rate_stated");
    expect(f.map((x) => [x.rule, x.severity])).toEqual([["stated.unverifiable", "info"]]);
    expect(f[0].message.en).toContain('"about 7%"');
    expect(f[0].message.en).toContain("cannot be verified from the workbook");
  });

  it("flags 7.8 average hours against both genders above 8 hours", () => {
    const f = run().findings.find((x) => x.rule === "ratio.average-outside" && x.metric === "avg_hours_gender_stated");
    expect(f).toBeDefined();
    expect(f!.kpi).toBe("B3.2");
    expect(f!.message.en).toContain("7.8");
  });

  it("accepts the category averages 6 and 8 hours, which the counts reproduce", () => {
    expect(run().findings.filter((x) => x.metric === "avg_hours_category_stated")).toEqual([]);
  });

  it("computes the share trained and average hours from the counts", () => {
    expect(kpi("B3.1.total").value).toBeCloseTo(328 / 341, 12);
    expect(kpi("B3.2.total.per-trained").value).toBeCloseTo(2560 / 328, 12);
    expect(kpi("B3.2.category.general staff").value).toBe(8);
  });
});

describe("seed report 2024: GHG the report did not publish, computed from its inputs", () => {
  it("computes Scope 2 with the factor public by 31 May 2025 (2022 national, 0.5366), never the carbon market's 0.5703", () => {
    const s2 = kpi("A1.2.scope2");
    expect(s2.value).toBeCloseTo((29843800 * 0.5366) / 1000, 6);
    expect(s2.excel).toBe("Electricity*0.0005366");
    expect(s2.factors).toEqual(["cn.grid.national.2022"]);
  });

  it("says the grid is not given (national average) and that a newer factor exists", () => {
    const f = run().findings;
    expect(f.find((x) => x.rule === "grid.blank")?.severity).toBe("warning");
    const newer = f.find((x) => x.rule === "factor.newer")!;
    expect(newer.severity).toBe("info");
    expect(newer.message.en).toContain("2023 (0.5306 kg CO2/kWh), published 2025-12-31");
    expect(newer.message.en).toContain("2025-05-31");
  });

  it("converts diesel litres through the stated density and NCV", () => {
    // 205 L × 0.84 kg/L × 43.33 GJ/t ÷ 3.6 MJ/kWh = 2,072.6 kWh
    expect(kpi("A2.1.diesel.energy").value).toBeCloseTo((205 * 0.84 * 43.33) / 3.6 / 1000, 9);
  });
});

describe("seed report 2024: a magnesium producer (Pidgeon process)", () => {
  const mg = () => analyse(seedRead(), { now: "2025-03-31T00:00:00.000Z", industry: "magnesium-pidgeon" });

  it("flags Scope 1's missing process emissions (dolomite calcination) as an error, and shows no Scope 1 total", () => {
    const r = mg();
    const f = r.findings.find((x) => x.rule === "process.missing")!;
    expect(f.severity).toBe("error");
    expect(f.kpi).toBe("D.scope1");
    expect(r.kpis.find((k) => k.id === "A1.2.scope1")!.value).toBeNull();
    expect(r.kpis.find((k) => k.id === "A1.2.total")!.value).toBeNull();
  });

  it("uses the magnesium guideline's coal NCV: 24,221 t × 19.570 GJ/t = 131,668 MWh (not 156,118 at 23.204)", () => {
    const coal = mg().kpis.find((k) => k.id === "A2.1.coal.energy")!;
    expect(coal.value).toBeCloseTo(131668, -1);
    expect(coal.label.en).toMatch(/taken as bituminous, all burned/);
  });
});

describe("seed report 2024: gaps to explain", () => {
  it("reports KPIs with no data so the content index can explain them", () => {
    const gaps = run().findings.filter((f) => f.rule === "kpi.no-data").map((f) => f.kpi);
    expect(gaps).toEqual(expect.arrayContaining(["A1.1", "B2.2", "B8.2"]));
    expect(gaps).not.toContain("A2.1");
  });

  it("raises one error on the published figures: the women's share of the trained, which the headcounts refute", () => {
    expect(run().findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["ratio.implied-count"]);
  });
});

describe("intensities against other denominators", () => {
  it("gives electricity per employee when the workbook has a headcount, with its formula over the names", () => {
    const k = kpi("A2.1.electricity.intensity.per-employee");
    expect(k.value).toBeCloseTo(29843800 / 341, 9);
    expect(k.unit).toBe("kWh/person");
    expect(k.excel).toBe("Electricity/Headcount");
  });

  it("gives no per-revenue intensity when revenue is not in the workbook", () => {
    expect(run().kpis.some((x) => x.id.endsWith(".per-revenue"))).toBe(false);
  });
});

describe("finding text", () => {
  it("names the metric in each language's own words", () => {
    for (const f of run().findings) {
      expect(f.message["zh-HK"]).not.toMatch(/Share of employees|Average training hours/);
    }
    const f = run().findings.find((x) => x.rule === "ratio.qualified")!;
    expect(f.message["zh-HK"]).toContain("所述受訓僱員百分比");
    expect(f.message.en).toContain("Share of employees trained");
  });
});
