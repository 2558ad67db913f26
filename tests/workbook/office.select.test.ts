/** Selecting a finding's cell goes through the Office adapter: one batch that activates the sheet and selects the range. */
import { selectLocation } from "../../src/workbook/office";
import { createFakeExcel, type WorkbookSeed } from "../fakes/excel";

const seed: WorkbookSeed = {
  sheets: [
    { name: "Data", cells: { A1: 1 } },
    { name: "Site A", cells: { B2: 2 } },
  ],
};

describe("selectLocation", () => {
  it("activates the sheet and selects the range of a quoted location", async () => {
    const excel = createFakeExcel(seed);
    await selectLocation(excel, "'Site A'!B2:C4");
    const wb = excel.workbook;
    expect(wb.sheets.find((s) => s.id === wb.activeSheetId)?.name).toBe("Site A");
    expect(wb.selection).toEqual({ sheet: "Site A", address: "B2:C4" });
  });

  it("selects a bare address on the active sheet", async () => {
    const excel = createFakeExcel(seed);
    await selectLocation(excel, "Data!A1");
    await selectLocation(excel, "A3");
    expect(excel.workbook.selection).toEqual({ sheet: "Data", address: "A3" });
  });

  it("fails, changing nothing, when the sheet does not exist", async () => {
    const excel = createFakeExcel(seed);
    await expect(selectLocation(excel, "Gone!A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(excel.workbook.selection).toBeUndefined();
  });
});
