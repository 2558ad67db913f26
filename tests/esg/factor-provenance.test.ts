/**
 * Issue 10's factors whose provenance was open: the biomass CH4 and N2O defaults (entered from memory of
 * IPCC 2006) and the magnesium guideline's year. What was checked is in the library; what could not be
 * checked reaches the preparer as a notes.provenance finding that says exactly what, and never the report.
 */
import { runEngine } from "../../src/esg/engine";
import { SEED_FACTORS } from "../../src/esg/factor-data";
import type { WorkbookRead } from "../../src/esg/types";
import { SheetBuilder, item } from "../support/seed-read";

const factor = (id: string) => {
  const f = SEED_FACTORS.find((x) => x.id === id);
  if (!f) throw new Error(`no factor ${id}`);
  return f;
};

function run(d: SheetBuilder, industry?: string) {
  const read: WorkbookRead = {
    names: [
      ...d.names,
      ...(industry ? [item("ESG_Settings", "Config", 0, 0, [["industry", industry]])] : []),
    ],
    sheets: [{ name: d.sheet, visibility: "visible", generated: false }],
  };
  return runEngine(read, { language: "both", now: "2025-03-31T08:00:00.000Z" });
}

const notes = (out: ReturnType<typeof run>): string[] =>
  out.sheets.flatMap((s) => s.cells.map((c) => c.value)).filter((v): v is string => typeof v === "string");

describe("biomass (wood / wood pellets): IPCC 2006 defaults", () => {
  it("are the values of IPCC 2006 Tables 1.2 and 2.3 for wood/wood waste, as transcriptions of the tables give them", () => {
    expect([factor("ipcc2006.ncv.wood").value, factor("ipcc2006.ncv.wood").unit]).toEqual([15.6, "GJ/t"]);
    expect(factor("ipcc2006.wood.co2").value).toBe(112_000);
    // Manufacturing industries and construction (Table 2.3), as energy industries (Table 2.2); not the
    // commercial or residential 300 kg CH4/TJ.
    expect([factor("ipcc2006.wood.ch4").value, factor("ipcc2006.wood.ch4").unit]).toEqual([30, "kg CH4/TJ"]);
    expect([factor("ipcc2006.wood.n2o").value, factor("ipcc2006.wood.n2o").unit]).toEqual([4, "kg N2O/TJ"]);
  });

  it("tell the preparer they were checked against transcriptions, not the IPCC volume; the report cites IPCC 2006 only", () => {
    const out = run(new SheetBuilder("Data").add("ReportingYear", [[2024]]).add("Biomass", [[500]]));
    const provenance = out.findings.filter(
      (f) => f.rule === "notes.provenance" && /ipcc2006\.wood|ipcc2006\.ncv\.wood/.test(f.message.en),
    );
    expect(provenance.map((f) => /^Factor (\S+):/.exec(f.message.en)?.[1]).sort()).toEqual([
      "ipcc2006.ncv.wood",
      "ipcc2006.wood.ch4",
      "ipcc2006.wood.co2",
      "ipcc2006.wood.n2o",
    ]);
    for (const f of provenance) {
      expect(f.severity).toBe("info");
      expect(f.message.en).toMatch(
        /transcriptions of the IPCC tables.*not checked against the IPCC volume itself/,
      );
    }
    const printed = notes(out).join("\n");
    expect(printed).toMatch(/2006 IPCC Guidelines/);
    expect(printed).not.toMatch(/transcription|secondary|not checked/i);
  });
});

describe("the magnesium smelting guideline (industry magnesium-pidgeon)", () => {
  const out = run(
    new SheetBuilder("Data")
      .add("ReportingYear", [[2024]])
      .add("Coal", [[24221]])
      .add("DolomiteCalcined", [[1000]]),
    "magnesium-pidgeon",
  );

  it("is cited with its year, 2013, in the report's references", () => {
    const refs = notes(out).filter((t) => /magnesium smelting enterprises|鎂冶煉企業/.test(t));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(r).toMatch(/2013/);
  });

  it("tells the preparer exactly what is not verified: values from a copy, the year from the batch's notice, its place in the batch inferred", () => {
    const f = out.findings.find(
      (x) => x.rule === "notes.provenance" && x.message.en.startsWith("Factor cn-mg.ncv.bituminous:"),
    );
    expect(f?.message.en).toMatch(/values as reproduced by a secondary source/);
    expect(f?.message.en).toMatch(/发改办气候〔2013〕2526号/);
    expect(f?.message.en).toMatch(/inferred from its place \(sixth\) in copies of the batch/);
    expect(
      out.findings.some(
        (x) => x.rule === "notes.provenance" && /cn-mg\..*year of publication not known/.test(x.message.en),
      ),
    ).toBe(false);
  });
});
