/**
 * Office adapter read(): the names of a sheet are read together as the areas that hold them
 * (range-reads.ts), requests are budgeted as well as responses, and no range stays tracked after a run
 * (office.js would send one more request to release it). Checked on the strict fake, which counts
 * office.js's keep-reference bytes and its release request (tests/fakes/excel/proxy.ts).
 */
import { createOfficeHost } from "../../src/workbook/office";
import { DEFAULT_READ_LIMITS } from "../../src/workbook/office/read";
import { createFakeExcel, type FakeExcel } from "../fakes/excel";
import type { Command } from "../fakes/excel/runtime";

/** Labels of the range loads each sync carried. */
function rangeLoads(excel: FakeExcel): string[][] {
  const seen: string[][] = [];
  const execute = excel.runtime.execute.bind(excel.runtime);
  excel.runtime.execute = (queue: readonly Command[], tracked?: number): void => {
    seen.push(queue.map((c) => c.label).filter((l) => /\.load\(address,values/.test(l)));
    execute(queue, tracked);
  };
  return seen;
}

describe("Office adapter: names read by area", () => {
  it("reads the names of one sheet as one range and cuts each name's values out of it", async () => {
    const excel = createFakeExcel({
      sheets: [
        {
          name: "ESG Data 數據",
          cells: { C5: 1200, C6: 35, B8: "Tar", C8: 490.8, D8: "sold", B9: "Oil", C9: 3.6, D9: "kept" },
        },
      ],
      names: [
        { name: "Electricity", refersTo: "'ESG Data 數據'!$C$5" },
        { name: "Diesel", refersTo: "'ESG Data 數據'!$C$6" },
        { name: "HazardousWaste", refersTo: "'ESG Data 數據'!$B$8:$D$9" },
      ],
    });
    const loads = rangeLoads(excel);
    const read = await createOfficeHost(excel).read();
    expect(excel.runtime.syncs).toBe(2);
    expect(loads[1]).toHaveLength(1);
    const by = (name: string) => read.names.find((n) => n.name === name);
    expect(by("Electricity")).toMatchObject({ sheet: "ESG Data 數據", address: "C5", values: [[1200]] });
    expect(by("Diesel")).toMatchObject({ address: "C6", values: [[35]] });
    expect(by("HazardousWaste")).toMatchObject({
      address: "B8:D9",
      values: [
        ["Tar", 490.8, "sold"],
        ["Oil", 3.6, "kept"],
      ],
    });
  });

  it("reads names far apart on a sheet as separate ranges (no large empty area in the response)", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "Data", cells: { A1: 1, Z5000: 2 } }],
      names: [
        { name: "Electricity", refersTo: "Data!$A$1" },
        { name: "Diesel", refersTo: "Data!$Z$5000" },
      ],
    });
    const loads = rangeLoads(excel);
    const read = await createOfficeHost(excel).read();
    expect(loads[1]).toHaveLength(2);
    expect(Math.max(...excel.runtime.responseBytes)).toBeLessThan(2_000);
    expect(read.names.map((n) => n.values)).toEqual([[[1]], [[2]]]);
  });

  it("splits the range reads when their request would pass the budget, each request under it", async () => {
    const sheets = Array.from({ length: 300 }, (_, i) => ({
      name: `Site ${i + 1}`,
      cells: { B2: i },
      names: [{ name: "Electricity", refersTo: `'Site ${i + 1}'!$B$2` }],
    }));
    const excel = createFakeExcel({ sheets, names: [] });
    const budget = 60_000;
    const read = await createOfficeHost(excel, { read: { ...DEFAULT_READ_LIMITS, requestBudget: budget } }).read();
    expect(excel.runtime.syncs).toBeGreaterThan(2);
    expect(Math.max(...excel.runtime.requestBytes.slice(1))).toBeLessThanOrEqual(budget);
    expect(read.names.map((n) => n.values?.[0][0])).toEqual(sheets.map((_, i) => i));
  });

  it("reads again in halves a request Excel refuses as too large", async () => {
    const sheets = Array.from({ length: 100 }, (_, i) => ({
      name: `Site ${i + 1}`,
      cells: { B2: i },
      names: [{ name: "Electricity", refersTo: `'Site ${i + 1}'!$B$2` }],
    }));
    // Excel's limit far below the adapter's budget: the estimate does not see it coming.
    const excel = createFakeExcel({ sheets, names: [] }, { limits: { requestBytes: 20_000 } });
    const read = await createOfficeHost(excel).read();
    expect(excel.runtime.requestBytes.filter((b) => b > 20_000).length).toBeGreaterThan(0);
    expect(read.names.map((n) => n.values?.[0][0])).toEqual(sheets.map((_, i) => i));
  });
});

describe("Office adapter: no range left tracked", () => {
  it("a read leaves nothing for office.js to release", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "Data", cells: { A1: 5 } }],
      names: [{ name: "Electricity", refersTo: "Data!$A$1" }],
    });
    await createOfficeHost(excel).read();
    expect(excel.runtime.releases).toBe(0);
    expect(excel.runtime.syncs).toBe(2);
  });

  it("the fake counts the release request office.js sends for a range still tracked at the end of Excel.run", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "Data", cells: { A1: 5 } }], names: [] });
    await excel.run({ delayForCellEdit: false }, async (context) => {
      const kept = context.workbook.worksheets.getItem("Data").getRange("A1");
      kept.load("values");
      const untracked = context.workbook.worksheets.getItem("Data").getRange("A1").untrack();
      untracked.load("values");
      await context.sync();
    });
    expect(excel.runtime.syncs).toBe(2);
    expect(excel.runtime.releases).toBe(1);
  });
});
