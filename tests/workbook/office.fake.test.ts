/** The fake Excel is strict where Excel is: unloaded reads throw, null objects, queued commands, limits. */
import { charsToPoints } from "../../src/workbook/office/sheet-plan";
import { createFakeExcel, FakeOfficeError, fakeCell } from "../fakes/excel";
import { utf8Length } from "../fakes/excel/runtime";

const seed = {
  sheets: [{ name: "Data", cells: { A1: 1, B1: "x" }, names: [{ name: "Local", refersTo: "Data!$A$1" }] }],
  names: [{ name: "Total", refersTo: "Data!$A$1:$B$1" }, { name: "Rate", refersTo: "0.5" }],
};

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : "not an Office error";
  }
  return undefined;
}

describe("fake Excel: strictness", () => {
  it("throws PropertyNotLoaded for a property read before load() and sync()", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    const sheet = context.workbook.worksheets.getItem("Data");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- reading too early on purpose: the fake must throw
    expect(codeOf(() => sheet.name)).toBe("PropertyNotLoaded");
    sheet.load("name");
    // loaded but not yet synced
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading too early on purpose: the fake must throw
    expect(codeOf(() => sheet.name)).toBe("PropertyNotLoaded");
    await context.sync();
    expect(sheet.name).toBe("Data");
    // eslint-disable-next-line office-addins/load-object-before-read -- reading too early on purpose: the fake must throw
    expect(codeOf(() => sheet.visibility)).toBe("PropertyNotLoaded");
  });

  it("throws PropertyNotLoaded for collection items before load + sync", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    const names = context.workbook.names;
    expect(codeOf(() => names.items)).toBe("PropertyNotLoaded");
    names.load("name,type,value");
    await context.sync();
    expect(names.items.map((n) => [n.name, n.type, n.value])).toEqual([
      ["Total", "Range", "Data!$A$1:$B$1"],
      ["Rate", "Double", 0.5],
    ]);
    expect(codeOf(() => names.items[0].comment)).toBe("PropertyNotLoaded");
  });

  it("refuses a parameterless load", () => {
    const context = createFakeExcel(seed).context();
    expect(() => context.workbook.worksheets.getItem("Data").load("")).toThrow(/parameterless/);
  });

  it("gives null objects from *OrNullObject, known only after sync, and fails getItem on a missing item at sync", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
    const present = context.workbook.worksheets.getItemOrNullObject("Data");
    // eslint-disable-next-line office-addins/call-sync-before-read -- reading too early on purpose: the fake must throw
    expect(codeOf(() => missing.isNullObject)).toBe("PropertyNotLoaded");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    const strict = context.workbook.worksheets.getItem("Nope");
    strict.load("name");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("returns a null range for a name that is not a range", async () => {
    const context = createFakeExcel(seed).context();
    const rate = context.workbook.names.getItem("Rate").getRangeOrNullObject();
    const total = context.workbook.names.getItem("Total").getRangeOrNullObject();
    total.load("address,values,valueTypes");
    await context.sync();
    expect(rate.isNullObject).toBe(true);
    expect(total.address).toBe("Data!A1:B1");
    expect(total.values).toEqual([[1, "x"]]);
    expect(total.valueTypes).toEqual([["Double", "String"]]);
  });

  it("queues commands until sync and counts syncs", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    context.workbook.worksheets.add("New");
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
    await context.sync();
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "New"]);
    expect(excel.runtime.syncs).toBe(1);
  });

  it("does not roll back a failed batch: commands before the failing one stay applied", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    context.workbook.worksheets.add("One");
    context.workbook.worksheets.add("Data"); // ItemAlreadyExists
    context.workbook.worksheets.add("Two");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "One"]);
  });

  it("fails the N-th write operation when the fault switch is set", async () => {
    const excel = createFakeExcel(seed);
    excel.runtime.failAt(2, "InvalidOperation");
    const context = excel.context();
    context.workbook.worksheets.add("One");
    context.workbook.worksheets.add("Two");
    context.workbook.worksheets.add("Three");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "One"]);
  });

  it("refuses a request over 5 MB before running any of it", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    const sheet = context.workbook.worksheets.add("Big");
    const rows = Array.from({ length: 60000 }, (_, i) => [`row ${i} ${"x".repeat(80)}`]);
    sheet.getRange(`A1:A${rows.length}`).values = rows;
    await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  it("takes text beginning with =, + or - for a formula unless the cell is formatted as Text", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A3:C3").values = [["=SUM(A1)", "- of which", "+5"]];
    const asText = sheet.getRange("A4:C4");
    asText.numberFormat = [["@", "@", "@"]];
    asText.values = [["=SUM(A1)", "- of which", "+5"]];
    await context.sync();
    const cells = excel.workbook.sheets[0].cells;
    expect(cells.get("2,0")).toMatchObject({ formula: "=SUM(A1)" });
    expect(cells.get("2,1")).toMatchObject({ formula: "=- of which" });
    expect(cells.get("2,2")).toMatchObject({ value: 5, formula: null });
    expect([0, 1, 2].map((c) => cells.get(`3,${c}`)?.value)).toEqual(["=SUM(A1)", "- of which", "+5"]);
  });

  it("answers isSetSupported from the API version and fails unsupported calls with ApiNotFound", async () => {
    const excel = createFakeExcel(seed, { apiVersion: "1.5" });
    expect(excel.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(excel.isSetSupported("ExcelApi", "1.10")).toBe(false);
    const context = excel.context();
    context.application.suspendApiCalculationUntilNextSync();
    await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("returns null values for a read over the cell limit", async () => {
    const excel = createFakeExcel(seed, { limits: { cellsPerRead: 1 } });
    const context = excel.context();
    const r = context.workbook.names.getItem("Total").getRangeOrNullObject();
    r.load("values");
    await context.sync();
    expect(r.values).toBeNull();
  });

  it("adds a workbook-scoped name for a range (stored absolute, the sheet quoted) or a formula, and refuses a duplicate", async () => {
    const excel = createFakeExcel({ sheets: [...seed.sheets, { name: "My Sheet" }], names: seed.names });
    const context = excel.context();
    context.workbook.names.add("Block", context.workbook.worksheets.getItem("My Sheet").getRange("A4:B12"));
    context.workbook.names.add("Half", "=0.5", "a note");
    await context.sync();
    expect(excel.workbook.names.slice(2)).toEqual([
      { name: "Block", refersTo: "'My Sheet'!$A$4:$B$12", visible: true, comment: "" },
      { name: "Half", refersTo: "0.5", visible: true, comment: "a note" },
    ]);
    context.workbook.names.add("total", "=1");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("finds a workbook-scoped name with getItemOrNullObject (a null object after sync when absent) and deletes it", async () => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    const present = context.workbook.names.getItemOrNullObject("TOTAL");
    const missing = context.workbook.names.getItemOrNullObject("Nope");
    // the sheet-scoped name is not in workbook.names
    const local = context.workbook.names.getItemOrNullObject("Local");
    await context.sync();
    expect([present.isNullObject, missing.isNullObject, local.isNullObject]).toEqual([false, true, true]);
    present.delete();
    await context.sync();
    expect(excel.workbook.names.map((n) => n.name)).toEqual(["Rate"]);
    // a method on a null object fails the batch: the fake is strict where the docs describe no other outcome
    missing.delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("hides a sheet (Worksheet.visibility is writable from ExcelApi 1.2), never the last visible one", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "Data" }, { name: "Other" }] });
    const context = excel.context();
    context.workbook.worksheets.getItem("Other").visibility = "Hidden";
    await context.sync();
    expect(excel.workbook.sheets.map((s) => s.visibility)).toEqual(["Visible", "Hidden"]);
    context.workbook.worksheets.getItem("Data").visibility = "Hidden";
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    const old = createFakeExcel({ sheets: [{ name: "Data" }, { name: "Other" }] }, { apiVersion: "1.1" }).context();
    old.workbook.worksheets.getItem("Other").visibility = "Hidden";
    await expect(old.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

/**
 * Where the fake once differed from Excel's documented behaviour (issue 12): each case fails on the
 * fake as it was. Sources in the comments of tests/fakes/excel.
 */
describe("fake Excel: as documented", () => {
  it("refuses to delete a VeryHidden sheet (Worksheet.delete: InvalidOperation), not a Hidden one", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "Data" }, { name: "Secret", visibility: "VeryHidden" }],
    });
    const context = excel.context();
    context.workbook.worksheets.getItem("Secret").delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    context.workbook.worksheets.getItem("Secret").visibility = "Hidden";
    context.workbook.worksheets.getItem("Secret").delete();
    await context.sync();
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  it.each(["R2C3", "rc", "R", "c", "R12", "C7", "RC4", "A1", "xfd1048576"])(
    "refuses the name %s, a cell reference",
    async (name) => {
      const context = createFakeExcel(seed).context();
      context.workbook.names.add(name, "=1");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    },
  );

  it.each(["Rates", "RCX", "C_1", "Revenue2024", "XFE1"])("accepts the name %s", async (name) => {
    const excel = createFakeExcel(seed);
    const context = excel.context();
    context.workbook.names.add(name, "=1");
    await context.sync();
    expect(excel.workbook.names.some((n) => n.name === name)).toBe(true);
  });

  it("reads a property of a null object as undefined, without an error (office.js throwIfNotLoaded)", async () => {
    const context = createFakeExcel(seed).context();
    const missing = context.workbook.names.getItemOrNullObject("Nope");
    missing.load("name,value");
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(missing.name).toBeUndefined();
    expect(missing.value).toBeUndefined();
  });

  it("resumes calculation after the sync that suspended it: the next batch reads results", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "Data", cells: { A1: 2 } }] });
    const context = excel.context();
    context.application.suspendApiCalculationUntilNextSync();
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("B1").formulas = [["=A1*2"]];
    await context.sync();
    const b1 = sheet.getRange("B1");
    b1.load("values");
    await context.sync();
    expect(b1.values).toEqual([[4]]);
  });

  it("measures responses in UTF-8 bytes: a Chinese character is three", async () => {
    const text = "電".repeat(1000);
    const excel = createFakeExcel(
      { sheets: [{ name: "Data", cells: { A1: text } }] },
      { limits: { responseBytes: 2500 } },
    );
    const context = excel.context();
    const a1 = context.workbook.worksheets.getItem("Data").getRange("A1");
    a1.load("values");
    // 1,000 characters as UTF-16 would pass; 3,000 bytes of UTF-8 do not
    await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(excel.runtime.responseBytes[0]).toBeGreaterThan(3000);
  });

  it("refuses a row height over 409 pt and a column width over 255 characters", async () => {
    const excel = createFakeExcel({ sheets: [{ name: "Data" }] });
    const context = excel.context();
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A1").format.rowHeight = 409;
    sheet.getRange("A1").format.columnWidth = charsToPoints(255);
    await context.sync();
    sheet.getRange("A2").format.rowHeight = 410;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet.getRange("B1").format.columnWidth = charsToPoints(256);
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("takes a date string written to a General cell for a date, as typed input; text cells keep it", async () => {
    const excel = createFakeExcel({
      sheets: [{ name: "Data", cells: { B1: { value: null, numberFormat: "@" } } }],
    });
    const context = excel.context();
    const sheet = context.workbook.worksheets.getItem("Data");
    sheet.getRange("A1:A3").values = [["2024-03-31"], ["2024-03-31 09:30"], ["2025-03-31T00:00:00.000Z"]];
    sheet.getRange("B1").values = [["2024-03-31"]];
    await context.sync();
    expect(fakeCell(excel, "Data", "A1")).toMatchObject({ value: 45382, numberFormat: "yyyy-mm-dd" });
    expect(fakeCell(excel, "Data", "A2")).toMatchObject({
      value: 45382 + 9.5 / 24,
      numberFormat: "yyyy-mm-dd hh:mm",
    });
    expect(fakeCell(excel, "Data", "A3")).toMatchObject({ value: "2025-03-31T00:00:00.000Z" });
    expect(fakeCell(excel, "Data", "B1")).toMatchObject({ value: "2024-03-31", numberFormat: "@" });
  });
});

describe("fake Excel: UTF-8 byte counts", () => {
  it("counts as Node's Buffer does, without it (the fake runs in browsers and jsdom too)", () => {
    for (const s of ["", "abc", "é", "電力", "😀 emoji", "a\u0800b\uffff", "lone \ud800 surrogate", "\ud800\ud800x"])
      expect([s, utf8Length(s)]).toEqual([s, Buffer.byteLength(s, "utf8")]);
  });
});
