import {
  ASPECTS,
  getAspect,
  getKpi,
  inForce,
  KPI_CATALOG,
  kpisOfAspect,
  ruleFor,
} from "../../src/esg/catalog";
import { parseUnit } from "../../src/esg/units";

const range = (aspect: string, n: number) => Array.from({ length: n }, (_, i) => `${aspect}.${i + 1}`);
const EXPECTED_CODES = [
  ...range("A1", 6),
  ...range("A2", 5),
  "A3.1",
  "A4.1",
  ...range("B1", 2),
  ...range("B2", 3),
  ...range("B3", 2),
  ...range("B4", 2),
  ...range("B5", 4),
  ...range("B6", 5),
  ...range("B7", 3),
  ...range("B8", 2),
  "D.governance",
  "D.strategy",
  "D.risk",
  "D.metrics",
  "D.scope1",
  "D.scope2",
  "D.scope3",
];

describe("KPI catalog", () => {
  it("has every Part C KPI and the Part D GHG metrics exactly once", () => {
    const codes = KPI_CATALOG.map((k) => k.code);
    expect([...codes].sort()).toEqual([...EXPECTED_CODES].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("every KPI has bilingual wording, an aspect with a title, and a source", () => {
    for (const k of KPI_CATALOG) {
      expect(k.wording.en.trim()).not.toBe("");
      expect(k.wording["zh-HK"].trim()).not.toBe("");
      expect(k.wording["zh-HK"]).toMatch(/[\u4e00-\u9fff]/);
      expect(k.wording["zh-HK"]).not.toMatch(/…/);
      expect(getAspect(k.aspect)).toBeDefined();
      expect(k.code.startsWith(k.aspect)).toBe(true);
      expect(k.source.document).toMatch(/Appendix C2/);
      expect(["V", "R"]).toContain(k.source.en);
      expect(k.source.zh).toBe("R");
    }
  });

  it("quotes the reference wording (spot checks) with its confirmation flag", () => {
    expect(getKpi("A2.1")?.wording.en).toContain("(kWh in '000s)");
    expect(getKpi("A2.1")?.wording["zh-HK"]).toContain("以千個千瓦時計算");
    expect(getKpi("A2.1")?.source.en).toBe("V");
    expect(getKpi("B3.1")?.source.en).toBe("R");
    expect(getKpi("A1.5")?.wording.en).toBe(
      "Description of emissions target(s) set and steps taken to achieve them.",
    );
    expect(getKpi("B1.2")?.wording["zh-HK"]).toBe("按性別、年齡組別及地區劃分的僱員流失比率。");
  });

  it("uses Traditional characters in the Chinese wording", () => {
    const simplifiedOnly =
      /[们这发对应数类员产总过报护质检门业资环气电时间计区东华务处动劳险织级统监购单额实现问题设项组别龄职训练维权贡为与经营风选择确认响证态标准节约废弃输运试换仅将种]/;
    for (const k of KPI_CATALOG) expect(k.wording["zh-HK"]).not.toMatch(simplifiedOnly);
    for (const a of ASPECTS) expect(a.title["zh-HK"]).not.toMatch(simplifiedOnly);
  });

  it("states kind, unit and breakdowns; quantitative units are known units", () => {
    expect(getKpi("A1.6")?.kind).toBe("narrative");
    expect(getKpi("A1.6")?.unit).toBeNull();
    expect(getKpi("A2.1")?.unit).toBe("'000 kWh");
    expect(getKpi("A2.2")?.unit).toBe("m³");
    expect(getKpi("B1.1")?.breakdowns).toEqual(["gender", "employment-type", "age-group", "region"]);
    expect(getKpi("B1.2")?.breakdowns).toEqual(["gender", "age-group", "region"]);
    expect(getKpi("B3.1")?.breakdowns).toEqual(["gender", "employee-category"]);
    expect(getKpi("B2.1")?.breakdowns).toEqual(["year"]);
    expect(getKpi("B6.2")?.withNarrative).toBe(true);
    for (const k of KPI_CATALOG) {
      if (k.kind === "narrative" && k.code !== "B5.2") expect(k.unit).toBeNull();
      if (k.unit !== null) expect(parseUnit(k.unit)).not.toBeNull();
    }
  });

  it("has the statuses: Part C comply-or-explain, Scope 1 and 2 mandatory from FY2025, the rest of Part D (Scope 3 included) comply-or-explain", () => {
    for (const k of KPI_CATALOG.filter((k) => k.aspect !== "D")) expect(k.status).toBe("comply-or-explain");
    expect(getKpi("D.scope1")?.status).toBe("mandatory-from-FY2025");
    expect(getKpi("D.scope2")?.status).toBe("mandatory-from-FY2025");
    for (const code of ["D.scope3", "D.governance", "D.strategy", "D.risk", "D.metrics"])
      expect(getKpi(code)?.status).toBe("comply-or-explain");
    expect(getKpi("D.scope2")?.wording.en).toMatch(/location-based/);
  });

  it("looks codes up case-insensitively and returns undefined for unknown ones", () => {
    expect(getKpi("a2.1")?.code).toBe("A2.1");
    expect(getKpi(" B8.2 ")?.code).toBe("B8.2");
    expect(getKpi("d.SCOPE1")?.code).toBe("D.scope1");
    expect(getKpi("C1.1")).toBeUndefined();
    expect(getKpi("")).toBeUndefined();
  });

  it("has bilingual aspect titles, e.g. A1 Emissions 排放物", () => {
    expect(getAspect("A1")?.title).toEqual({ en: "Emissions", "zh-HK": "排放物" });
    expect(ASPECTS.map((a) => a.code)).toEqual([
      "A1",
      "A2",
      "A3",
      "A4",
      "B1",
      "B2",
      "B3",
      "B4",
      "B5",
      "B6",
      "B7",
      "B8",
      "D",
    ]);
    expect(kpisOfAspect("B5").map((k) => k.code)).toEqual(["B5.1", "B5.2", "B5.3", "B5.4"]);
    expect(kpisOfAspect("D").map((k) => k.code)).toEqual([
      "D.governance",
      "D.strategy",
      "D.risk",
      "D.metrics",
      "D.scope1",
      "D.scope2",
      "D.scope3",
    ]);
  });

  it("follows the rule in force: the Guide with A4 until FY2024, the Code with Part D from FY2025", () => {
    const guide = ruleFor(2024);
    expect(guide.code).toBe("guide");
    expect(guide.name.en).toBe("ESG Reporting Guide");
    expect(guide.kpis.map((k) => k.code)).toContain("A4.1");
    expect(guide.kpis.some((k) => k.aspect === "D")).toBe(false);
    const code = ruleFor(2025);
    expect(code.name.en).toBe("ESG Reporting Code");
    expect(code.kpis.map((k) => k.code)).not.toContain("A4.1");
    expect(code.kpis.filter((k) => k.aspect === "D")).toHaveLength(7);
    expect(ruleFor(null).code).toBe("code");
    expect(inForce(getKpi("A4.1")!, 2024)).toBe(true);
    expect(inForce(getKpi("A4.1")!, 2025)).toBe(false);
  });

  it("carries the zh-HK wording corrected against a full copy of Appendix C2", () => {
    expect(getKpi("B2.1")?.wording["zh-HK"]).toContain("因工作亡故");
    expect(getKpi("B5.2")?.wording["zh-HK"]).toContain("、以及有關慣例的執行及監察方法");
    expect(getKpi("A2.4")?.wording["zh-HK"]).toContain("所採用的步驟");
    expect(getKpi("A2.1")?.wording["zh-HK"]).toContain("直接及╱或間接");
    for (const k of KPI_CATALOG) expect(k.wording["zh-HK"]).not.toContain("按所在地計算");
  });
});
