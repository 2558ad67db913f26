import { analyse } from "../../src/esg/engine";
import { buildSnapshot } from "../../src/esg/snapshot";
import type { NamedItem, WorkbookRead } from "../../src/esg/types";
import { SheetBuilder, item } from "../support/seed-read";
import { syntheticRead } from "../support/synthetic";
import { MAX_FORMULA_LENGTH } from "../../src/esg/kpis";

const wb = (...builders: SheetBuilder[]): WorkbookRead => ({
  names: builders.flatMap((b) => b.names),
  sheets: builders.map((b) => ({ name: b.sheet, visibility: "visible" as const, generated: false })),
});
const rules = (read: WorkbookRead) => analyse(read).findings.map((f) => `${f.rule}@${f.location}`);

describe("sites: sheet-scoped names on several site sheets", () => {
  const hami = new SheetBuilder("Hami 哈密", "Hami 哈密")
    .add("Electricity", [[1000]])
    .add("GridRegion", [["Northwest"]]);
  const baishan = new SheetBuilder("Baishan", "Baishan")
    .add("Electricity", [[500]])
    .add("GridRegion", [["Jilin"]]);

  it("sums additive metrics across sites and keeps each site's cell", () => {
    const { snapshot } = buildSnapshot(wb(hami, baishan));
    const e = snapshot.metrics.get("electricity")!;
    expect(e.value).toBe(1500);
    expect(e.consolidated).toBe("sites");
    expect(e.sources.map((s) => s.location)).toEqual(["'Hami 哈密'!B2", "Baishan!B2"]);
    expect(snapshot.sites).toEqual(["Hami 哈密", "Baishan"]);
  });

  it("computes Scope 2 with each site's own grid and a formula over the sheet-qualified names", () => {
    const r = analyse({
      ...wb(hami, baishan),
      names: [...wb(hami, baishan).names, item("ReportingYear", "Group", 0, 0, [[2023]])],
    });
    const s2 = r.kpis.find((k) => k.id === "A1.2.scope2")!;
    // FY2023, due by 31 May 2024: the 2021 factors (announced 12 Apr 2024) were the latest published.
    // Northwest 2021 0.5951, Northeast (Jilin) 2021 0.6012 kg CO2/kWh
    expect(s2.value).toBeCloseTo((1000 * 0.5951 + 500 * 0.6012) / 1000, 9);
    expect(s2.excel).toBe("'Hami 哈密'!Electricity*0.0005951+Baishan!Electricity*0.0006012");
  });

  it("checks a group figure against the sum of its sites", () => {
    const group = new SheetBuilder("Group").add("Electricity", [[1600]]);
    expect(rules(wb(group, hami, baishan))).toContain("sites.sum@Group!B2");
    const right = new SheetBuilder("Group").add("Electricity", [[1500]]);
    expect(rules(wb(right, hami, baishan)).filter((r) => r.startsWith("sites.sum"))).toEqual([]);
  });
});

describe("mapping and units", () => {
  it("reads a metric under the group's own name from ESG_Mapping, and says when that name is missing", () => {
    const b = new SheetBuilder("Data").add("Power_kWh", [[42]]).add("ESG_Mapping", [
      ["electricity", "Power_kWh"],
      ["water", "Water_m3"],
    ]);
    const r = analyse(wb(b));
    expect(r.snapshot.metrics.get("electricity")!.value).toBe(42);
    expect(r.findings.find((f) => f.rule === "name.missing")!.message.en).toContain("Water_m3");
  });

  it("converts a stated unit to the canonical one, and refuses a unit the metric does not accept", () => {
    const b = new SheetBuilder("Data")
      .add("Electricity", [[29843.8]])
      .add("Electricity_Unit", [["MWh"]])
      .add("Water", [[5]])
      .add("Water_Unit", [["kWh"]]);
    const r = analyse(wb(b));
    expect(r.snapshot.metrics.get("electricity")!.value).toBeCloseTo(29843800, 6);
    expect(r.kpis.find((k) => k.id === "A2.1.electricity.amount")!.excel).toBe("Electricity*1000");
    expect(r.findings.find((f) => f.rule === "unit.not-accepted")!.location).toBe("Data!B8");
  });
});

describe("cells that are not numbers", () => {
  const cases: Array<[string, NamedItem["values"], string]> = [
    ["text number", [["29,843,800"]], "value.text-number"],
    ["text", [["about 30 million"]], "value.text"],
    ["error", [[{ kind: "error", code: "#N/A" }]], "value.error"],
    ["blank", [[null]], "value.blank"],
    ["negative", [[-5]], "value.negative"],
    ["date", [[{ kind: "date", iso: "2024-12-31T00:00:00.000Z" }]], "value.date"],
    ["formula without a cached value", [[{ kind: "uncached", formula: "SUM(A1:A2)" }]], "value.uncached"],
    ["boolean", [[true]], "value.boolean"],
  ];
  it.each([["N/A"], ["n/a"], ["不適用"], [" Not applicable "]])("%s is no figure and no finding: the metric does not apply", (text) => {
    const b = new SheetBuilder("Site A", null).add("Electricity", [[text]]);
    const r = buildSnapshot(wb(b));
    expect(r.findings).toEqual([]);
    expect(r.snapshot.metrics.get("electricity")!.value).toBeNull();
    expect(r.snapshot.metrics.get("electricity")!.notApplicable).toBe(true);
  });

  it.each(cases)("%s gives a finding at the cell", (_, values, rule) => {
    const b = new SheetBuilder("Site A", null).add("Electricity", values!);
    expect(rules(wb(b))).toContain(`${rule}@'Site A'!B2`);
  });

  it("reads the text number as its value", () => {
    const b = new SheetBuilder("Data").add("Electricity", [["29,843,800"]]);
    expect(buildSnapshot(wb(b)).snapshot.metrics.get("electricity")!.value).toBe(29843800);
  });
});

describe("names that cannot be read", () => {
  const broken: NamedItem = {
    name: "Water",
    scope: null,
    refersTo: "#REF!",
    status: "broken",
    builtIn: false,
    hidden: false,
    sheet: null,
    address: null,
    values: null,
  };
  const external: NamedItem = {
    ...broken,
    name: "Electricity",
    refersTo: "[1]Sheet1!$A$1",
    status: "external",
  };
  const builtIn: NamedItem = {
    ...broken,
    name: "_xlnm.Print_Area",
    refersTo: "Data!$A$1:$D$9",
    status: "ok",
    builtIn: true,
    sheet: "Data",
    address: "A1:D9",
    values: [[1]],
  };

  it("reports a #REF! name as broken and an external name as unreadable; built-ins are never data", () => {
    const r = analyse({ names: [broken, external, builtIn], sheets: [] });
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["name.broken", "name.unreadable"]));
    expect(r.snapshot.metrics.get("water")?.value ?? null).toBeNull();
  });

  it("flags a breakdown whose range has a single column", () => {
    const b = new SheetBuilder("Data").add("Headcount_Gender", [[71], [270]]);
    expect(rules(wb(b))).toContain("layout.shape@Data!B2");
  });
});

describe("year on year", () => {
  it("flags a figure that moved beyond the tolerance, with both years", () => {
    const b = new SheetBuilder("Data").add("Water", [[144825, 100000]]);
    const f = analyse(wb(b)).findings.find((x) => x.rule === "yoy.change")!;
    expect(f.message.en).toContain("+44.8");
    expect(analyse(wb(b), { yoyTolerance: 0.5 }).findings.some((x) => x.rule === "yoy.change")).toBe(false);
  });
});

describe("turnover by group", () => {
  it("divides a group's leavers by its average headcount, with the prior-year column as the opening figure", () => {
    const b = new SheetBuilder("Data")
      .add("Headcount", [[341, 300]])
      .add("Headcount_Gender", [
        ["Female", 71, 60],
        ["Male", 270, 240],
      ])
      .add("Leavers_Gender", [
        ["Female", 13],
        ["Male", 10],
      ]);
    const r = analyse(wb(b));
    const female = r.kpis.find((k) => k.id === "B1.2.gender.female")!;
    expect(female.value).toBeCloseTo(13 / ((60 + 71) / 2), 12);
    expect(female.excel).toBe(
      "INDEX(Leavers_Gender,1,2)/((INDEX(Headcount_Gender,1,3)+INDEX(Headcount_Gender,1,2))/2)",
    );
    expect(r.kpis.find((k) => k.id === "B1.2.total")!.value).toBeCloseTo(23 / ((300 + 341) / 2), 12);
    expect(r.kpis.find((k) => k.id === "B1.2.gender.female.share-of-total")!.value).toBeCloseTo(13 / 341, 12);
    expect(
      analyse(wb(b), { turnoverMethod: "closing" }).kpis.find((k) => k.id === "B1.2.gender.female")!.value,
    ).toBeCloseTo(13 / 71, 12);
  });
});

describe("many site sheets", () => {
  it("never gives a formula longer than Excel accepts; such figures are written as values", () => {
    const r = analyse(syntheticRead(300));
    expect(r.kpis.some((k) => k.value !== null && k.excel === null)).toBe(true);
    for (const k of r.kpis) if (k.excel) expect(k.excel.length + 1).toBeLessThanOrEqual(MAX_FORMULA_LENGTH);
    expect(r.kpis.find((k) => k.id === "A2.1.electricity.amount")!.value).toBe(
      r.snapshot.metrics.get("electricity")!.value,
    );
  });
});

describe("fatality rate per hours worked", () => {
  it("is per 200,000 hours worked, with a live formula", () => {
    const b = new SheetBuilder("Data").add("Fatalities", [[1, 0, 0]]).add("HoursWorked", [[400000]]);
    const rate = analyse(wb(b)).kpis.find((k) => k.id === "B2.1.rate")!;
    expect(rate.value).toBe(0.5);
    expect(rate.excel).toBe("INDEX(Fatalities,1,1)/HoursWorked*200000");
  });
});
