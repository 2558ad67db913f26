/** The 5 MB request limit of Excel on the web: a write that would pass it is split; one refused leaves the workbook as it was. */
import type { CellModel, SheetModel } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import { createFakeExcel, FIVE_MB, type FakeExcel } from "../fakes/excel";
import { historyEntry, sheetModel } from "../fakes/excel/models";

function bigModel(rows: number): SheetModel {
  const cells: CellModel[] = [];
  for (let r = 0; r < rows; r++) {
    cells.push({ row: r, col: 0, value: `Site ${r} — electricity purchased from the grid`, text: true });
    cells.push({ row: r, col: 1, value: r * 1.5, numberFormat: "#,##0.00" });
    cells.push({ row: r, col: 2, value: r, formula: `B${r + 1}*2` });
  }
  return sheetModel("Big", "A2", { cells, merges: [], styles: {} });
}

const workbook = (): FakeExcel =>
  createFakeExcel({ sheets: [{ name: "Data", cells: { A1: 1 } }], names: [{ name: "Electricity", refersTo: "Data!$A$1" }] });

describe("Office adapter: request payload", () => {
  it("splits a write whose request would pass 5 MB into several syncs, each under the limit", async () => {
    const excel = workbook();
    const host = createOfficeHost(excel);
    await host.read();
    const models = [bigModel(60000), sheetModel("Index", "INDEX")];
    await host.write(models, historyEntry(models));
    const writeRequests = excel.runtime.requestBytes.slice(2);
    expect(writeRequests.length).toBeGreaterThan(1);
    expect(Math.max(...writeRequests)).toBeLessThan(FIVE_MB);
    expect(writeRequests.reduce((a, b) => a + b, 0)).toBeGreaterThan(FIVE_MB);
    const big = excel.workbook.sheets.find((s) => s.name === "Big");
    expect(big?.cells.get("59999,2")).toMatchObject({ formula: "=B60000*2" });
    expect(big?.cells.get("59999,0")).toMatchObject({ value: "Site 59999 — electricity purchased from the grid", numberFormat: "@" });
    expect(excel.workbook.sheets.some((s) => s.name.startsWith("ESG~"))).toBe(false);
  });

  it("keeps a small write in one request", async () => {
    const excel = workbook();
    const host = createOfficeHost(excel);
    await host.read();
    await host.write([sheetModel("A1", "A1")], historyEntry([]));
    expect(excel.runtime.requestBytes.slice(2)).toHaveLength(1);
  });

  it("leaves the workbook as it was when Excel refuses a request as too large", async () => {
    const excel = workbook();
    // An adapter whose estimate is off: it does not split, Excel refuses the request.
    const host = createOfficeHost(excel, { write: { payloadBudget: 100 * FIVE_MB, token: () => "big" } });
    await host.read();
    const before = excel.snapshot();
    const models = [bigModel(60000)];
    await expect(host.write(models, historyEntry(models))).rejects.toMatchObject({
      code: "WriteFailed",
      officeCode: "RequestPayloadSizeLimitExceeded",
    });
    expect(excel.snapshot()).toEqual(before);
  });

  it("splits the range reads when their response would pass 5 MB", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "S", rows: Array.from({ length: 150000 }, (_, r) => [r]) }],
      names: [
        { name: "ESG_First", refersTo: "S!$A$1:$A$75000" },
        { name: "ESG_Second", refersTo: "S!$A$75001:$A$150000" },
      ],
    });
    const read = await createOfficeHost(excel).read();
    expect(excel.runtime.syncs).toBe(3);
    expect(Math.max(...excel.runtime.responseBytes)).toBeLessThan(FIVE_MB);
    expect(read.names[1].values?.[74999]).toEqual([149999]);
  });
});
