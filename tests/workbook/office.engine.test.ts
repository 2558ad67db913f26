/**
 * A whole run inside Excel — read, check, compute, build, write — with the real engine on the fake:
 * at most three syncs on the sample and on a synthetic 200-site workbook.
 */
import { runEngine } from "../../src/esg/engine";
import type { HistoryEntry, WorkbookRead } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import { fakeExcelFromRead, type FakeExcel } from "../fakes/excel";
import { seedRead } from "../support/seed-read";
import { syntheticRead } from "../support/synthetic";

async function fullRun(excel: FakeExcel) {
  const host = createOfficeHost(excel);
  const read = await host.read();
  const result = runEngine(read);
  const history: HistoryEntry = {
    at: "2025-03-31T09:00:00.000Z",
    host: "office",
    sections: result.sheets.map((s) => s.section),
    language: result.options.language,
    valuesOnly: false,
    sheets: result.sheets.map((s) => s.name),
    sourceNames: result.sourceNames,
  };
  const written = await host.write(result.sheets, history);
  return { read, result, written };
}

describe("Office adapter: a whole run with the real engine", () => {
  it.each<[string, () => WorkbookRead]>([
    ["the sample", seedRead],
    ["a synthetic 200-site workbook", () => syntheticRead(200)],
  ])("takes at most three syncs on %s", async (_label, make) => {
    const excel = fakeExcelFromRead(make());
    const { result, written } = await fullRun(excel);
    expect(result.sheets.length).toBeGreaterThan(0);
    expect(written.written).toEqual(result.sheets.map((s) => s.name));
    expect(excel.runtime.syncs).toBeLessThanOrEqual(3);
    expect(Math.max(...excel.runtime.requestBytes)).toBeLessThan(5 * 1024 * 1024);
  });

  it("reads back what it was seeded with: the engine sees the same workbook", async () => {
    const seed = seedRead();
    const read = await createOfficeHost(fakeExcelFromRead(seed)).read();
    const pick = (r: WorkbookRead) =>
      r.names.map((n) => ({ name: n.name, scope: n.scope, status: n.status, sheet: n.sheet, address: n.address, values: n.values }));
    expect(pick(read)).toEqual(pick(seed));
  });

  it("writes every generated sheet with its marker, its cells as the model says, and text as text", async () => {
    const excel = fakeExcelFromRead(seedRead());
    const { result } = await fullRun(excel);
    for (const model of result.sheets) {
      const sheet = excel.workbook.sheets.find((s) => s.name === model.name);
      expect(sheet?.names.map((n) => [n.name, n.refersTo])).toEqual([["ESG_Generated", `"esg:${model.section}"`]]);
      for (const cell of model.cells) {
        const got = sheet?.cells.get(`${cell.row},${cell.col}`);
        if (cell.formula) expect(got?.formula).toBe(`=${cell.formula}`);
        // Excel holds no empty-string constant: "" leaves the cell empty
        else if (cell.value === "") expect(got?.value ?? null).toBeNull();
        else if (typeof cell.value === "string") expect(got).toMatchObject({ value: cell.value, formula: null, numberFormat: "@" });
        else if (cell.value !== null) expect(got?.value).toBe(cell.value);
      }
    }
  });

  it("gives identical generated sheets when run twice", async () => {
    const excel = fakeExcelFromRead(seedRead());
    await fullRun(excel);
    const pick = () =>
      excel.workbook.sheets
        .filter((s) => s.name !== "ESG_History")
        .map((s) => JSON.stringify({ ...s, id: undefined, cells: [...s.cells.entries()], columnWidths: [...s.columnWidths.entries()] }));
    const first = pick();
    await fullRun(excel);
    expect(pick()).toEqual(first);
  });
});
