/**
 * GHG figures through the whole engine: each site on its own grid (a Hong Kong site, an unknown grid
 * text), fuels in energy units and in 10⁴ Nm³, biomass, a magnesium producer's process emissions and
 * its sector guideline. Every part is computed or names its cell; no total is shown short.
 */
import { analyse, runEngine } from "../../src/esg/engine";
import type { Finding, WorkbookRead } from "../../src/esg/types";
import { METRICS } from "../../src/esg/metrics";
import { SheetBuilder, item } from "../support/seed-read";

const wb = (...builders: SheetBuilder[]): WorkbookRead => ({
  names: builders.flatMap((b) => b.names),
  sheets: builders.map((b) => ({ name: b.sheet, visibility: "visible" as const, generated: false })),
});
const settings = (rows: string[][]) => item("ESG_Settings", "Config", 0, 0, rows);
const withNames = (read: WorkbookRead, ...extra: ReturnType<typeof item>[]): WorkbookRead => ({
  ...read,
  names: [...read.names, ...extra],
});
const kpi = (r: ReturnType<typeof analyse>, id: string) => r.kpis.find((k) => k.id === id);
const ruleAt = (fs: readonly Finding[], rule: string) =>
  fs.filter((f) => f.rule === rule).map((f) => `${f.severity}@${f.location}`);

describe("Scope 2 by site and grid", () => {
  const group = new SheetBuilder("Group").add("ReportingYear", [[2024]]);
  const hami = new SheetBuilder("Hami", "Hami").add("Electricity", [[1000]]).add("GridRegion", [["新疆"]]);
  const shenzhen = new SheetBuilder("Shenzhen", "Shenzhen")
    .add("Electricity", [[400]])
    .add("GridRegion", [["South China 南方電網"]]);

  it("reads provinces and mixed-language long forms, each site at its own grid's factor public by 31 May 2025", () => {
    const r = analyse(wb(group, hami, shenzhen));
    // 2022 factors: Northwest 0.5857, South 0.3869 kg CO2/kWh
    expect(kpi(r, "A1.2.scope2")!.value).toBeCloseTo((1000 * 0.5857 + 400 * 0.3869) / 1000, 9);
    expect(r.findings.filter((f) => f.rule.startsWith("grid.") && f.severity !== "info")).toEqual([]);
    const province = r.findings.find((f) => f.rule === "grid.province")!;
    expect(province.location).toBe("Hami!B4");
    expect(province.message.en).toMatch(/Xinjiang is in the Northwest China grid/);
  });

  it("an unknown grid text is an error at its cell listing the accepted values, and Scope 2 is not shown short", () => {
    const atlantis = new SheetBuilder("Atlantis", "Atlantis")
      .add("Electricity", [[300]])
      .add("GridRegion", [["Atlantis Power"]]);
    const r = analyse(wb(group, hami, atlantis));
    const f = r.findings.find((x) => x.rule === "grid.unknown")!;
    expect(f.severity).toBe("error");
    expect(f.location).toBe("Atlantis!B4");
    expect(f.hint.en).toMatch(/North China.*South China.*CLP Power Hong Kong, HK Electric/);
    for (const id of ["A1.2.scope2", "A1.2.total", "A1.2.intensity"]) {
      expect(kpi(r, id)!.value).toBeNull();
      expect(kpi(r, id)!.reason!.en).toMatch(/Purchased electricity — Atlantis \(Atlantis!B2\)/);
    }
  });

  it("a Hong Kong site with no seeded factor for the year is an error asking for its company's figure, never a mainland one", () => {
    const hk = new SheetBuilder("HK Office", "HK Office")
      .add("Electricity", [[50]])
      .add("GridRegion", [["CLP Power"]]);
    const r = analyse(wb(group, hami, hk));
    expect(ruleAt(r.findings, "grid.no-factor")).toEqual(["error@'HK Office'!B4"]);
    const f = r.findings.find((x) => x.rule === "grid.no-factor")!;
    expect(f.message.en).toMatch(/CLP Power Hong Kong emission factor for 2024/);
    expect(f.hint.en).toMatch(/key clp, data year 2024, series hk-power-company/);
    expect(kpi(r, "A1.2.scope2")!.value).toBeNull();
  });

  it("uses the company's figure once ESG_Factors gives it", () => {
    const hk = new SheetBuilder("HK Office", "HK Office")
      .add("Electricity", [[50]])
      .add("GridRegion", [["CLP Power"]]);
    const factors = item("ESG_Factors", "Config", 10, 0, [
      [
        "id",
        "value",
        "unit",
        "gas",
        "kind",
        "key",
        "source",
        "published",
        "data year",
        "geography",
        "series",
      ],
      [
        "my.clp.2024",
        0.37,
        "kg CO2/kWh",
        "CO2",
        "grid",
        "clp",
        "CLP Sustainability Report 2024",
        "2025-03-20",
        2024,
        "HK",
        "hk-power-company",
      ],
    ]);
    const r = analyse(withNames(wb(group, hami, hk), factors));
    expect(r.findings.filter((x) => x.rule.startsWith("grid.") && x.severity !== "info")).toEqual([]);
    expect(kpi(r, "A1.2.scope2")!.value).toBeCloseTo((1000 * 0.5857 + 50 * 0.37) / 1000, 9);
  });

  it("'Hong Kong' alone asks which company", () => {
    const hk = new SheetBuilder("HK", "HK").add("Electricity", [[50]]).add("GridRegion", [["香港"]]);
    expect(ruleAt(analyse(wb(group, hk)).findings, "grid.hong-kong")).toEqual(["error@HK!B4"]);
  });

  it("no grid at all: the national average, with a warning", () => {
    const plain = new SheetBuilder("Data").add("ReportingYear", [[2024]]).add("Electricity", [[1000]]);
    const r = analyse(wb(plain));
    expect(ruleAt(r.findings, "grid.blank")).toEqual(["warning@null"]);
    expect(kpi(r, "A1.2.scope2")!.value).toBeCloseTo(0.5366, 12);
  });

  it("a prior year uses the factor that applied to it, not the reporting year's", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Electricity", [[1000, 900]])
      .add("GridRegion", [["North China"]]);
    const r = analyse(wb(d));
    const s2 = kpi(r, "A1.2.scope2")!;
    expect(s2.value).toBeCloseTo(0.6776, 12); // 2022 factor, public by 31 May 2025
    expect(s2.prior).toBeCloseTo(0.9 * 0.712, 12); // FY2023 as of 31 May 2024: the 2021 factor
    expect(s2.factors).toEqual(["cn.grid.north.2022", "cn.grid.north.2021"]); // both cited in the notes
  });
});

describe("fuels: every fuel has a factor, in any unit A2.1 uses", () => {
  it("counts petrol stated in '000 kWh as that energy, and its emissions through carbon content per GJ", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Petrol", [[562]])
      .add("Petrol_Unit", [["'000 kWh"]]);
    const r = analyse(wb(d));
    expect(kpi(r, "A2.1.petrol.energy")!.value).toBeCloseTo(562, 9);
    // 562,000 kWh = 2,023.2 GJ × 0.0189 t C/GJ × 0.98 × 44/12
    expect(kpi(r, "A1.2.scope1.petrol")!.value).toBeCloseTo(2023.2 * 0.0189 * 0.98 * (44 / 12), 9);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The litres shown in the amount and intensity rows are derived: an info says so at the figure's cell.
    expect(ruleAt(r.findings, "fuel.energy-stated")).toEqual(["info@Data!B4"]);
  });

  it("semi-coke gas in 10⁴ Nm³ takes the magnesium guideline's factors (81.000 GJ/10⁴ Nm³, 11.96 t C/TJ, 0.99)", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("SemiCokeGas", [[5000]])
      .add("SemiCokeGas_Unit", [["10⁴ Nm³"]]);
    const r = analyse(wb(d));
    const gj = 5000 * 81;
    expect(kpi(r, "A2.1.semi_coke_gas.energy")!.value).toBeCloseTo(gj / 3.6, 6);
    expect(kpi(r, "A1.2.scope1.semi_coke_gas")!.value).toBeCloseTo((gj / 1000) * 11.96 * 0.99 * (44 / 12), 6);
    expect(kpi(r, "A1.2.scope1.semi_coke_gas")!.factors).toEqual(
      expect.arrayContaining(["cn-mg.ncv.semi-coke-gas", "cn-mg.carbon.semi-coke-gas"]),
    );
  });

  it("a fuel with no factor is an error at its cell, and total energy and Scope 1 are not shown short", () => {
    const factors = item("ESG_Factors", "Config", 10, 0, [
      [
        "id",
        "value",
        "unit",
        "gas",
        "kind",
        "key",
        "source",
        "published",
        "data year",
        "geography",
        "series",
      ],
      ["cn.ncv.lpg", 0, "GJ/t", "energy", "ncv", "no-such-fuel", "test", "2024", "", "CN", "cn-guideline"],
    ]);
    // The override moves LPG's NCV to another key: LPG has no NCV left.
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Electricity", [[1000]])
      .add("LPG", [[3]]);
    const r = analyse(withNames(wb(d), factors));
    expect(ruleAt(r.findings, "fuel.no-factor")).toEqual(["error@Data!B6"]);
    expect(kpi(r, "A2.1.total.energy")!.value).toBeNull();
    expect(kpi(r, "A2.1.total.energy")!.reason!.en).toMatch(/Liquefied petroleum gas \(Data!B6\)/);
    expect(kpi(r, "A1.2.scope1")!.value).toBeNull();
  });

  it("biomass: energy counted, biogenic CO2 apart, CH4 and N2O in Scope 1", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Biomass", [[100]])
      .add("Biomass_Unit", [["GJ"]]);
    const r = analyse(wb(d));
    expect(kpi(r, "A2.1.biomass.energy")!.value).toBeCloseTo(100 / 3.6, 9);
    const tj = 0.1;
    expect(kpi(r, "A1.2.scope1.biomass")!.value).toBeCloseTo((tj * 30 * 27 + tj * 4 * 273) / 1000, 12);
    expect(kpi(r, "A1.2.biogenic.biomass")!.value).toBeCloseTo((tj * 112000) / 1000, 12);
    expect(kpi(r, "A1.2.scope1")!.value).toBeCloseTo((tj * 30 * 27 + tj * 4 * 273) / 1000, 12);
  });
});

describe("industry: magnesium by the Pidgeon process", () => {
  const mg = settings([["industry", "magnesium-pidgeon"]]);

  it("without process emissions, Scope 1 is incomplete: an error, and the D table says so", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Coal", [[24221]])
      .add("Electricity", [[1000]]);
    const r = runEngine(withNames(wb(d), mg), { now: "2025-03-31T00:00:00.000Z" });
    const f = r.findings.find((x) => x.rule === "process.missing")!;
    expect(f.severity).toBe("error");
    expect(f.kpi).toBe("D.scope1");
    expect(f.location).toBe("Config!B1"); // where the industry is set
    expect(f.message.en).toMatch(/CO2 from calcining dolomite.*DolomiteCalcined \/ ProcessCO2/);
    expect(r.kpis.find((k) => k.id === "A1.2.scope1")!.value).toBeNull();
    const dSheet = r.sheets.find((s) => s.section === "D")!;
    const texts = dSheet.cells.map((c) => String(c.value));
    expect(
      texts.some((t) => /Process emissions \(CO2 from calcining dolomite\): not in the workbook/.test(t)),
    ).toBe(true);
  });

  it("dolomite calcined at 0.477 t CO2/t (stoichiometry), coal at the sector guideline's NCV 19.570 GJ/t", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Coal", [[24221]])
      .add("DolomiteCalcined", [[1000]]);
    const r = analyse(withNames(wb(d), mg));
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(kpi(r, "A1.2.scope1.dolomite_calcined")!.value).toBeCloseTo(477, 9);
    expect(kpi(r, "A1.2.scope1.dolomite_calcined")!.factors).toEqual(["stoich.process.dolomite"]);
    // 24,221 t × 19.570 GJ/t = 131,668 MWh (the reference's figure)
    expect(kpi(r, "A2.1.coal.energy")!.value).toBeCloseTo((24221 * 19.57) / 3.6, 6);
    expect(kpi(r, "A2.1.coal.energy")!.value).toBeCloseTo(131668, -1);
    expect(kpi(r, "A2.1.coal.energy")!.factors).toContain("cn-mg.ncv.bituminous");
  });

  it("a general industry keeps the general guideline's coal NCV (23.204 GJ/t) and expects no process emissions", () => {
    const d = new SheetBuilder("Data").add("ReportingYear", [[2024]]).add("Coal", [[24221]]);
    const r = analyse(wb(d));
    expect(kpi(r, "A2.1.coal.energy")!.value).toBeCloseTo((24221 * 23.204) / 3.6, 6);
    expect(r.findings.some((f) => f.rule === "process.missing")).toBe(false);
  });

  it("ProcessCO2 with DolomiteCalcined: counted once, with a warning", () => {
    const d = new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("ProcessCO2", [[500]])
      .add("DolomiteCalcined", [[1000]]);
    const r = analyse(withNames(wb(d), mg));
    expect(ruleAt(r.findings, "process.both")).toEqual(["warning@Data!B4"]);
    expect(kpi(r, "A1.2.scope1")!.value).toBe(500);
  });
});

describe("every fuel metric has its factors", () => {
  it.each(["general", "magnesium-pidgeon"])(
    "in the %s industry: energy and Scope 1 for one unit of each fuel, in its own unit and in GJ",
    (industry) => {
      const fuels = METRICS.filter((m) => m.fuel);
      const d = new SheetBuilder("Data").add("ReportingYear", [[2024]]);
      for (const m of fuels) d.add(m.defaultName, [[1]]);
      const r = analyse(withNames(wb(d), settings([["industry", industry]])));
      expect(r.findings.filter((f) => f.rule === "fuel.no-factor")).toEqual([]);
      for (const m of fuels) {
        expect([m.id, kpi(r, `A2.1.${m.id}.energy`)?.value]).toEqual([m.id, expect.any(Number)]);
        expect([m.id, kpi(r, `A1.2.scope1.${m.id}`)?.value]).toEqual([m.id, expect.any(Number)]);
      }
      const gj = new SheetBuilder("Data").add("ReportingYear", [[2024]]);
      for (const m of fuels) gj.add(m.defaultName, [[1]]).add(`${m.defaultName}_Unit`, [["GJ"]]);
      const g = analyse(wb(gj));
      expect(g.findings.filter((f) => f.severity === "error")).toEqual([]);
      for (const m of fuels)
        expect([m.id, kpi(g, `A2.1.${m.id}.energy`)?.value]).toEqual([m.id, expect.closeTo(1 / 3.6, 12)]);
    },
  );
});
