/**
 * Issue 10 on a second group (tests/support/second-group.ts, SYNTHETIC): each case computes the right
 * figure or yields its finding at the right cell, and no total is ever partial.
 */
import { analyse, runEngine } from "../../src/esg/engine";
import type { CellValue, Finding, KpiResult, WorkbookRead } from "../../src/esg/types";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { buildSecondGroup, HAMI, HONG_KONG, SHENZHEN, UNKNOWN_GRID } from "../support/second-group";

let read: WorkbookRead;
beforeAll(async () => {
  read = await (await XlsxHost.fromBuffer(await buildSecondGroup(), "second-group.xlsx")).read();
});

const run = (r: WorkbookRead = read) => analyse(r, { now: "2025-03-31T00:00:00.000Z" });
const kpi = (id: string, r?: WorkbookRead): KpiResult => {
  const k = run(r).kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id}`);
  return k;
};
const at = (findings: readonly Finding[], rule: string, location: string) =>
  findings.filter((f) => f.rule === rule && f.location === location);

/** The read with one name's values replaced (scope null = workbook scope). */
function withValues(name: string, scope: string | null, values: CellValue[][]): WorkbookRead {
  return {
    ...read,
    names: read.names.map((n) => (n.name === name && n.scope === scope ? { ...n, values } : n)),
  };
}

describe("second group: units and site sums", () => {
  it("adds electricity over three sites, two of them in MWh", () => {
    expect(kpi("A2.1.electricity.amount").value).toBe(12000 * 1000 + 350000 + 20000 * 1000);
    expect(kpi("A2.1.electricity.energy").value).toBe(32350);
  });

  it("reads natural gas in 10⁴ Nm³ into Nm³, and its formula carries the multiplier", () => {
    const k = kpi("A2.1.natural_gas.amount");
    expect(k.value).toBe(125000);
    expect(k.excel).toBe(`'${HAMI}'!NaturalGas*10000`);
  });
});

describe("second group: a number typed as text inside a breakdown", () => {
  it("computes 17,100 ÷ 320 and writes it as a value, never a formula that would skip the text", () => {
    const k = kpi("B3.2.gender.male");
    expect(k.value).toBeCloseTo(17100 / 320, 12);
    expect(k.excel).toBeNull();
    expect(k.valueOnly?.en).toContain("'Group 集團'!B20");
    // The figures whose formula would not read the text cell keep theirs.
    expect(kpi("B3.2.gender.female").excel).toBe(
      "INDEX(TrainingHours_Gender,1,2)/INDEX(Headcount_Gender,1,2)",
    );
    expect(kpi("B3.2.total").excel).toBeNull();
  });

  it("says so in the B3 sheet's notes", () => {
    const b3 = runEngine(read, { now: "2025-03-31T00:00:00.000Z" }).sheets.find((s) => s.section === "B3")!;
    // Footnotes are broken into lines at spaces: joined back with one.
    const text = b3.cells.map((c) => String(c.value)).join(" ");
    expect(text).toMatch(
      /written as a value: TrainingHours_Gender holds a number stored as text \('Group 集團'!B20\)/,
    );
  });
});

describe("second group: prior years on some metrics and not others", () => {
  it("gives a prior year where every part has one (water over three sites)", () => {
    expect(kpi("A2.2.water.amount").prior).toBe(48000 + 1100 + 82000);
  });

  it("shows no prior-year total energy when the Hong Kong site has no prior electricity, and names that cell", () => {
    const r = run();
    expect(r.kpis.find((k) => k.id === "A2.1.total.energy")!.prior).toBeNull();
    expect(r.kpis.find((k) => k.id === "A2.1.electricity.amount")!.prior).toBeNull();
    const f = at(r.findings, "total.incomplete", `'${HONG_KONG}'!C3`);
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe("warning");
    expect(f[0].message.en).toContain("Total energy consumption");
    expect(f[0].message.en).toContain("(1 year before)");
  });

  it("shows no prior-year Scope 1 when natural gas has no prior year, though diesel has", () => {
    expect(kpi("A1.2.scope1.diesel").prior).not.toBeNull();
    expect(kpi("A1.2.scope1").prior).toBeNull();
    expect(at(run().findings, "total.incomplete", `'${HAMI}'!C5`)[0].message.en).toContain("Scope 1");
  });

  it("shows no prior-year waste total when one item's prior cell is blank", () => {
    expect(kpi("A1.3.item.waste oil").prior).toBe(1);
    expect(kpi("A1.3.total").prior).toBeNull();
    expect(kpi("A1.3.total").value).toBe(2);
    expect(at(run().findings, "total.incomplete", "'Group 集團'!D32")).toHaveLength(1);
  });

  it("never presents a total with a part missing, in any year", () => {
    for (const k of run().kpis)
      for (const i of k.incomplete ?? []) {
        if (i.year === -1) expect([k.id, k.value]).toEqual([k.id, null]);
        if (i.year === 0) expect([k.id, k.prior]).toEqual([k.id, null]);
      }
  });
});

describe("second group: a grid nobody can resolve", () => {
  it("leaves Scope 2, Scope 1 and 2 and the GHG intensity absent, with an error at the site's cell", () => {
    const r = run();
    for (const id of ["A1.2.scope2", "A1.2.total", "A1.2.intensity"])
      expect([id, r.kpis.find((k) => k.id === id)!.value]).toEqual([id, null]);
    // The part that cannot be computed is named at the grid's own cell, with the accepted spellings.
    const f = at(r.findings, "grid.unknown", `'${HAMI}'!B4`).filter((x) => x.severity === "error");
    expect(f).toHaveLength(1);
    expect(f[0].message.en).toContain(UNKNOWN_GRID);
    expect(f[0].hint.en).toContain("North China");
    // Each total over it says why it is absent, naming the site's part and its cell.
    for (const id of ["A1.2.scope2", "A1.2.total"])
      expect(r.kpis.find((k) => k.id === id)!.reason?.en).toContain(`'${HAMI}'!B3`);
  });

  it("computes Scope 2 when every site's grid is known (no silent drop)", () => {
    const known = withValues("GridRegion", HAMI, [["Northwest"]]);
    const fixed = {
      ...known,
      names: known.names.map((n) =>
        n.name === "GridRegion" && n.scope === HONG_KONG ? { ...n, values: [["South"]] } : n,
      ),
    };
    const s2 = kpi("A1.2.scope2", fixed);
    expect(s2.value).not.toBeNull();
    expect(s2.incomplete ?? []).toEqual(s2.incomplete?.filter((i) => i.year !== -1) ?? []);
  });
});

describe("second group: a blank site figure", () => {
  it("blanks the site sum and the totals over it, with an error naming the site's cell", () => {
    const r = run(withValues("Electricity", SHENZHEN, [[null, 11000]]));
    expect(r.kpis.find((k) => k.id === "A2.1.electricity.amount")!.value).toBeNull();
    expect(r.kpis.find((k) => k.id === "A2.1.total.energy")!.value).toBeNull();
    expect(r.kpis.find((k) => k.id === "A2.1.total.intensity")!.value).toBeNull();
    const f = at(r.findings, "total.incomplete", `'${SHENZHEN}'!B3`).filter((x) => x.severity === "error");
    expect(f).toHaveLength(1);
    expect(f[0].message.en).toContain("Total energy consumption");
  });
});

describe("second group: methods stated truly", () => {
  it("divides turnover by the closing headcount when there is no opening one, says so, and suggests the opening", () => {
    const r = run();
    const t = r.kpis.find((k) => k.id === "B1.2.total")!;
    expect(t.value).toBe(52 / 520);
    expect(t.formula.en).toBe("leavers ÷ headcount at year end");
    expect(t.excel).toBe("Leavers/Headcount");
    const f = r.findings.filter((x) => x.rule === "turnover.closing-used");
    expect(f).toHaveLength(1);
    expect(f[0].location).toBe("'Group 集團'!B6");
    expect(f[0].hint.en).toContain("Headcount_Opening");
    const b1 = runEngine(read, { now: "2025-03-31T00:00:00.000Z" }).sheets.find((s) => s.section === "B1")!;
    const text = b1.cells.map((c) => String(c.value)).join("\n");
    // The method used is stated in words (no setting id in the report): closing, as no opening is given.
    expect(text).toContain("leavers ÷ headcount at year end");
    expect(text).toContain("The opening headcount is not available");
    expect(text).not.toContain("(opening + closing) ÷ 2");
  });

  it("does not claim the groups' shares add up to the overall rate when they do not", () => {
    // Shares of total headcount: 20/520 + 32/520 = 10% = the overall closing rate here, so the claim is true.
    const b1 = runEngine(read, { now: "2025-03-31T00:00:00.000Z" }).sheets.find((s) => s.section === "B1")!;
    expect(b1.cells.map((c) => String(c.value)).join("\n")).toContain("add up to the overall rate");
    const opening = withValues("Headcount", null, [[520, 480]]);
    const b1avg = runEngine(opening, { now: "2025-03-31T00:00:00.000Z" }).sheets.find(
      (s) => s.section === "B1",
    )!;
    // Footnotes are broken into print rows at word boundaries: read them back as one text.
    const text = b1avg.cells.map((c) => String(c.value)).join(" ");
    expect(text).toContain("leavers ÷ average headcount");
    expect(text).not.toContain("add up to the overall rate (");
    expect(text).toContain("do not add up to the overall rate");
  });

  it("makes a blank headcount an error at its cell", () => {
    const f = run(withValues("Headcount", null, [[null]])).findings.filter(
      (x) => x.location === "'Group 集團'!B6" && x.severity === "error",
    );
    expect(f.map((x) => x.rule)).toEqual(["value.blank-critical"]);
  });

  it("makes a blank production an error when intensities need it", () => {
    const f = run(withValues("Production", null, [[null, 7500]])).findings.filter(
      (x) => x.rule === "value.blank-critical",
    );
    expect(f.map((x) => x.location)).toEqual(["'Group 集團'!B4"]);
  });

  it("keeps one basis in the B3.2 column: per trained employee for every row when a group's headcount is missing", () => {
    const noMale = withValues("Headcount_Gender", null, [["Female", 200]]);
    const b3 = runEngine(noMale, { now: "2025-03-31T00:00:00.000Z" }).sheets.find((s) => s.section === "B3")!;
    const text = b3.cells.map((c) => String(c.value)).join("\n");
    expect(text).toContain("Average training hours per employee trained");
    expect(kpi("B3.2.gender.female", noMale).value).toBe(3000 / 180);
  });
});

describe("second group: stated figures as stated", () => {
  it("judges 'at least 90%' against 480 of 520 trained (92.3%) as holding and understated", () => {
    const f = run().findings.filter((x) => x.metric === "trained_share_stated");
    expect(f.map((x) => [x.rule, x.severity, x.location])).toEqual([
      ["ratio.qualified", "info", "'Group 集團'!B22"],
    ]);
    expect(f[0].message.en).toContain('"at least 90%"');
  });

  it("accepts stated group turnover rates and a stated intensity within the rounding of the print", () => {
    const r = run();
    expect(r.findings.filter((x) => x.metric === "turnover_rate_gender_stated")).toEqual([]);
    expect(r.findings.filter((x) => x.metric === "electricity_intensity_stated")).toEqual([]);
  });

  it("flags a stated group rate the counts refute, at its row", () => {
    const wrong = withValues("TurnoverRate_Gender_Stated", null, [
      ["Female", "10%"],
      ["Male", "15%"],
    ]);
    const f = run(wrong).findings.filter((x) => x.metric === "turnover_rate_gender_stated");
    expect(f.map((x) => [x.rule, x.location])).toEqual([["ratio.mismatch", "'Group 集團'!B26"]]);
  });

  it("flags a stated 'more than' that does not hold, and an 'about' that is too far", () => {
    const r = run(withValues("TrainedShare_Stated", null, [["超過95%"]]));
    expect(r.findings.filter((x) => x.metric === "trained_share_stated").map((x) => x.rule)).toEqual([
      "ratio.qualified-false",
    ]);
    const t = run(withValues("TurnoverRate_Stated", null, [["約20%"]]));
    expect(t.findings.filter((x) => x.metric === "turnover_rate_stated").map((x) => x.rule)).toEqual([
      "ratio.qualified-false",
    ]);
  });

  it("checks the counts a stated share implies against the headcounts", () => {
    // 45% of 480 trained = 216 women trained, more than the 200 female employees.
    const f = run(withValues("TrainedFemaleShare_Stated", null, [[0.45]])).findings.filter(
      (x) => x.rule === "ratio.implied-count",
    );
    expect(f).toHaveLength(1);
    expect(f[0].message.en).toContain("216 women trained");
    expect(f[0].message.en).toContain("200 female employees");
  });
});
