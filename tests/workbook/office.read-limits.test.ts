/**
 * Office adapter read() within Excel's limits: only the names the engine uses are read, a range
 * whose response would pass the budget is read in row blocks, and a response Excel still refuses as
 * too large is read again in halves. Responses are measured in UTF-8 bytes by the fake (5 MB on the
 * web for requests and responses: docs/concepts/resource-limits-and-performance-optimization.md).
 */
import { createOfficeHost } from "../../src/workbook/office";
import { MAX_ROWS } from "../../src/sheet-ref";
import { NOT_READ } from "../../src/workbook/office/read";
import { BYTES_PER_CELL, RESPONSE_BYTES_PER_READ } from "../../src/workbook/office/range-reads";
import { createFakeExcel, FIVE_MB } from "../fakes/excel";

describe("Office adapter: which names are read", () => {
  it("reads no range at all when no name is one the engine uses: one sync", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "Data", rows: Array.from({ length: 1000 }, (_, r) => [r, `row ${r}`]) }],
      names: [
        { name: "Lookup", refersTo: "Data!$A$1:$B$1000" },
        { name: "Whole", refersTo: "Data!$A:$A" },
      ],
    });
    const read = await createOfficeHost(excel).read();
    expect(excel.runtime.syncs).toBe(1);
    expect(read.names.map((n) => [n.name, n.sheet, n.address, n.values, n.note])).toEqual([
      ["Lookup", "Data", "A1:B1000", null, NOT_READ],
      ["Whole", "Data", "A:A", null, NOT_READ],
    ]);
  });

  it("reads the names ESG_Mapping points at, with their units, in one more sync", async () => {
    const excel = createFakeExcel({
      sheets: [
        { name: "Data", cells: { A1: 1200, B1: "MWh", C1: 7 } },
        { name: "Config", rows: [["electricity", "Power"]] },
      ],
      names: [
        { name: "ESG_Mapping", refersTo: "Config!$A$1:$B$1" },
        { name: "Power", refersTo: "Data!$A$1" },
        { name: "Power_Unit", refersTo: "Data!$B$1" },
        { name: "Other", refersTo: "Data!$C$1" },
      ],
    });
    const read = await createOfficeHost(excel).read();
    // names; the engine's names (ESG_Mapping among them); the names it maps to
    expect(excel.runtime.syncs).toBe(3);
    const by = (name: string) => read.names.find((n) => n.name === name);
    expect(by("Power")?.values).toEqual([[1200]]);
    expect(by("Power_Unit")?.values).toEqual([["MWh"]]);
    expect(by("Other")).toMatchObject({ values: null, note: NOT_READ });
  });

  it("needs no third sync when the mapping points at names already read", async () => {
    const excel = createFakeExcel({
      sheets: [
        { name: "Config", rows: [["electricity", "Electricity"]] },
        { name: "Data", cells: { A1: 5 } },
      ],
      names: [
        { name: "ESG_Mapping", refersTo: "Config!$A$1:$B$1" },
        { name: "Electricity", refersTo: "Data!$A$1" },
      ],
    });
    await createOfficeHost(excel).read();
    expect(excel.runtime.syncs).toBe(2);
  });
});

describe("Office adapter: large ranges", () => {
  it("reads a name over a whole column (1,048,576 rows) in row blocks, each response under the budget", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "Data", cells: { A1: 10, A2: 20, A1048576: 30 } }],
      names: [{ name: "Electricity", refersTo: "Data!$A:$A" }],
    });
    const read = await createOfficeHost(excel).read();
    const budget = 4_000_000;
    const blocks = Math.ceil((MAX_ROWS * BYTES_PER_CELL) / (budget - RESPONSE_BYTES_PER_READ));
    expect(excel.runtime.syncs).toBe(1 + blocks);
    expect(Math.max(...excel.runtime.responseBytes)).toBeLessThanOrEqual(budget);
    const item = read.names[0];
    expect(item).toMatchObject({ status: "ok", sheet: "Data" });
    expect(item.values).toHaveLength(MAX_ROWS);
    expect(item.values?.[0]).toEqual([10]);
    expect(item.values?.[1]).toEqual([20]);
    expect(item.values?.[2]).toEqual([null]);
    expect(item.values?.[MAX_ROWS - 1]).toEqual([30]);
  });

  it("reads again in halves a response Excel refuses as too large (long texts the estimate cannot see)", async () => {
    // 2,000 cells of 3,000 Chinese characters: ~18 MB in UTF-8, estimated at 80 kB.
    const text = "電".repeat(3000);
    const excel = createFakeExcel({
      sheets: [{ name: "Data", rows: Array.from({ length: 2000 }, (_, r) => [`${r}${text}`]) }],
      names: [{ name: "ESG_Notes", refersTo: "Data!$A$1:$A$2000" }],
    });
    const read = await createOfficeHost(excel).read();
    const refused = excel.runtime.responseBytes.filter((b) => b > FIVE_MB);
    expect(refused.length).toBeGreaterThan(0);
    expect(read.names[0].values).toHaveLength(2000);
    expect(read.names[0].values?.[1999]).toEqual([`1999${text}`]);
  });

  it("still fails with Excel's error when one row alone is over the limit", async () => {
    const excel = createFakeExcel(
      {
        sheets: [{ name: "Data", cells: { A1: "x".repeat(200) } }],
        names: [{ name: "ESG_Note", refersTo: "Data!$A$1" }],
      },
      { limits: { responseBytes: 100 } },
    );
    await expect(createOfficeHost(excel).read()).rejects.toMatchObject({
      code: "ResponsePayloadSizeLimitExceeded",
    });
  });
});
