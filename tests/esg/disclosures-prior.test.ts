import { runEngine } from "../../src/esg/engine";
import { cellAddress } from "../../src/sheet-ref";
import type { SheetModel, WorkbookRead } from "../../src/esg/types";
import { SheetBuilder } from "../support/seed-read";

const read = (withPrior: boolean): WorkbookRead => {
  const b = new SheetBuilder("Data")
    .add("ReportingYear", [[2024]])
    .add("Production", [withPrior ? [12613, 12000] : [12613]])
    .add("Electricity", [withPrior ? [29843800, 25000000] : [29843800]])
    .add("Water", [[144825]]);
  return { names: b.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
};
const a2 = (withPrior: boolean, valuesOnly = false): SheetModel =>
  runEngine(read(withPrior), { sections: ["A2"], language: "en", valuesOnly, now: "2025-01-01T00:00:00.000Z" }).sheets.find((s) => s.section === "A2")!;
const at = (s: SheetModel, row: number, col: number) => s.cells.find((c) => c.row === row && c.col === col);

describe("A2 prior-year columns", () => {
  it("adds the prior year and a live change beside each amount when the workbook has prior-year figures", () => {
    const s = a2(true);
    const amount = s.cells.find((c) => c.formula === "Electricity" || c.formula === "INDEX(Electricity,1,1)")!;
    const prior = at(s, amount.row, amount.col + 1)!;
    const change = at(s, amount.row, amount.col + 2)!;
    expect(prior.value).toBe(25000000);
    expect(change.value).toBeCloseTo((29843800 - 25000000) / 25000000, 12);
    const here = cellAddress(amount.row, amount.col);
    const there = cellAddress(amount.row, amount.col + 1);
    expect(change.formula).toBe(`(${here}-${there})/ABS(${there})`);
    expect(s.cells.some((c) => c.value === "Prior year")).toBe(true);
    // Water has no prior-year figure: its prior and change show the missing marker.
    const water = s.cells.find((c) => c.formula === "Water")!;
    expect(at(s, water.row, water.col + 1)?.value).toBe("–");
  });

  it("keeps the table as published when there is no prior year, and writes no formula with values only", () => {
    expect(a2(false).cells.some((c) => c.value === "Prior year")).toBe(false);
    expect(a2(true, true).cells.some((c) => c.formula !== undefined)).toBe(false);
  });
});

describe("B1 prior-year column", () => {
  const b1 = (withPrior: boolean): SheetModel => {
    const b = new SheetBuilder("Data")
      .add("Headcount", [withPrior ? [341, 320] : [341]])
      .add("Headcount_Gender", [
        ["Female", 71, ...(withPrior ? [66] : [])],
        ["Male", 270, ...(withPrior ? [254] : [])],
      ]);
    const read: WorkbookRead = { names: b.names, sheets: [{ name: "Data", visibility: "visible", generated: false }] };
    return runEngine(read, { sections: ["B1"], language: "en", now: "2025-01-01T00:00:00.000Z" }).sheets.find((s) => s.section === "B1")!;
  };

  it("shows last year's headcount beside this year's, group by group", () => {
    const s = b1(true);
    expect(s.cells.some((c) => c.value === "Prior year")).toBe(true);
    const female = s.cells.find((c) => c.formula === "INDEX(Headcount_Gender,1,2)")!;
    expect(at(s, female.row, female.col + 1)?.value).toBe(66);
    const total = s.cells.find((c) => c.formula === "INDEX(Headcount,1,1)")!;
    expect(at(s, total.row, total.col + 1)?.value).toBe(320);
  });

  it("has no prior-year column when the workbook has no prior year", () => {
    expect(b1(false).cells.some((c) => c.value === "Prior year")).toBe(false);
  });
});

describe("B1 with two prior years over site sheets", () => {
  // Two sites; Site B has no figure two years before: that year's totals are "–", never Site A's alone.
  const read = (): WorkbookRead => {
    const a = new SheetBuilder("Site A", "Site A")
      .add("Headcount", [[100, 90, 80]])
      .add("Headcount_Gender", [
        ["Female", 40, 36, 30],
        ["Male", 60, 54, 50],
      ]);
    const b = new SheetBuilder("Site B", "Site B")
      .add("Headcount", [[50, 45]])
      .add("Headcount_Gender", [
        ["Female", 20, 18],
        ["Male", 30, 27],
      ]);
    const y = new SheetBuilder("Data").add("ReportingYear", [[2024]]);
    return {
      names: [...y.names, ...a.names, ...b.names],
      sheets: ["Data", "Site A", "Site B"].map((name) => ({ name, visibility: "visible" as const, generated: false })),
    };
  };
  const run = () => runEngine(read(), { sections: ["B1"], language: "en", now: "2025-01-01T00:00:00.000Z" });
  const row = (s: SheetModel, label: string) => {
    const at = s.cells.find((c) => c.value === label)!;
    return s.cells.filter((c) => c.row === at.row && c.col > at.col).map((c) => c.value);
  };

  it("shows each prior year as complete over the sites, or absent", () => {
    const s = run().sheets.find((x) => x.section === "B1")!;
    expect(row(s, "Group")).toEqual(["Employees", "2023", "2022"]);
    expect(row(s, "Total employees")).toEqual([150, 135, "–"]);
    expect(row(s, "Female")).toEqual([60, 54, "–"]);
  });

  it("holds every prior year in the result, and names the missing site's cell for the incomplete year", () => {
    const { kpis, findings } = run();
    expect(kpis.find((k) => k.id === "B1.1.total")?.priors).toEqual([135, null]);
    expect(kpis.find((k) => k.id === "B1.1.gender.female")?.priors).toEqual([54, null]);
    const incomplete = findings.filter((f) => f.rule === "total.incomplete" && f.location?.startsWith("'Site B'!"));
    expect(incomplete.length).toBeGreaterThan(0);
  });
});
