/**
 * Writing one cell through the Office adapter (the pane's grid picker): one batch, one sync, only that
 * cell changes; a location that is not one cell, or text Excel would take for a formula, is refused
 * before anything is sent.
 */
import { createOfficeHost, writeCellValue } from "../../src/workbook/office";
import { createFakeExcel, fakeCell, type WorkbookSeed } from "../fakes/excel";

const seed = (): WorkbookSeed => ({
  sheets: [
    { name: "Group", cells: { A1: "Reporting year", B1: 2024 } },
    {
      name: "Hami 哈密",
      cells: { A4: "Grid", B4: "Local utility", B5: 7 },
      names: [{ name: "GridRegion", refersTo: "'Hami 哈密'!$B$4" }],
    },
  ],
});

describe("writeCellValue", () => {
  it("writes one text value into a quoted sheet's cell in one sync, leaving its neighbours alone", async () => {
    const excel = createFakeExcel(seed());
    const before = excel.runtime.syncs;
    await writeCellValue(excel, "'Hami 哈密'!B4", "Northwest");
    expect(excel.runtime.syncs - before).toBe(1);
    expect(excel.runtime.runs.at(-1)).toEqual({ delayForCellEdit: true });
    expect(fakeCell(excel, "Hami 哈密", "B4")?.value).toBe("Northwest");
    expect(fakeCell(excel, "Hami 哈密", "B5")?.value).toBe(7);
    expect(fakeCell(excel, "Hami 哈密", "A4")?.value).toBe("Grid");
  });

  it("is the Office host's writeCell, and the next read sees the new value through the name", async () => {
    const excel = createFakeExcel(seed());
    const host = createOfficeHost(excel);
    await host.read();
    await host.writeCell?.("'Hami 哈密'!B4", "CLP Power Hong Kong");
    const read = await host.read();
    expect(read.names.find((n) => n.name === "GridRegion")?.values).toEqual([["CLP Power Hong Kong"]]);
  });

  it.each([
    ["a range", "'Hami 哈密'!B4:B5", "South China", /not one cell/],
    ["no sheet", "B4", "South China", /not one cell on a named sheet/],
    ["a formula-like text", "'Hami 哈密'!B4", "=1+1", /read as a formula/],
    ["a minus sign", "'Hami 哈密'!B4", "-North", /read as a formula/],
    ["a non-finite number", "'Hami 哈密'!B4", Number.NaN, /not a finite number/],
  ])("refuses %s before any sync, naming the cell", async (_what, location, value, why) => {
    const excel = createFakeExcel(seed());
    const before = excel.runtime.syncs;
    await expect(writeCellValue(excel, location, value)).rejects.toMatchObject({
      code: "InvalidCell",
      message: expect.stringMatching(why),
    });
    await expect(writeCellValue(excel, location, value)).rejects.toThrow(location);
    expect(excel.runtime.syncs).toBe(before);
    expect(fakeCell(excel, "Hami 哈密", "B4")?.value).toBe("Local utility");
  });

  it("fails with Excel's code when the sheet is gone, changing nothing", async () => {
    const excel = createFakeExcel(seed());
    await expect(writeCellValue(excel, "Gone!B4", "North China")).rejects.toMatchObject({
      code: "ItemNotFound",
    });
    expect(fakeCell(excel, "Hami 哈密", "B4")?.value).toBe("Local utility");
  });
});
