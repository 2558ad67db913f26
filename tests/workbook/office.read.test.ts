/** Office adapter read(): every name, both scopes, statuses, values (empty vs zero, errors, dates), in two syncs. */
import { createOfficeHost } from "../../src/workbook/office";
import { GENERATED_MARKER_NAME } from "../../src/esg/types";
import { NOT_READ } from "../../src/workbook/office/read";
import { createFakeExcel, type SeedSheet } from "../fakes/excel";

function seedWorkbook() {
  return createFakeExcel({
    sheets: [
      {
        name: "Group",
        cells: {
          A1: "Electricity",
          B1: 1200,
          B2: 0,
          B3: null,
          B4: { error: "#N/A" },
          B5: true,
          B6: { value: 45382, numberFormat: "yyyy-mm-dd" },
          B7: { value: 12, formula: "B1/100" },
        },
        names: [{ name: "Headcount", refersTo: "Group!$B$1" }],
      },
      { name: "Site A", cells: { B1: 10 }, names: [{ name: "Headcount", refersTo: "'Site A'!$B$1" }] },
      { name: "廠區 B", cells: { B1: 20 }, names: [{ name: "Headcount", refersTo: "'廠區 B'!$B$1" }] },
    ],
    names: [
      { name: "Electricity", refersTo: "Group!$B$1" },
      { name: "ESG_Block", refersTo: "Group!$B$1:$B$7" },
      { name: "Broken", refersTo: "#REF!$B$1" },
      { name: "Rate", refersTo: "0.07" },
      { name: "Label", refersTo: '"tonnes"' },
      { name: "Flag", refersTo: "TRUE" },
      { name: "Missing", refersTo: "#N/A" },
      { name: "Sum", refersTo: "SUM(Group!$B$1:$B$2)", value: 1200 },
      { name: "Two", refersTo: "Group!$B$1,Group!$B$2" },
      { name: "Linked", refersTo: "[1]Sheet1!$A$1" },
      { name: "Print_Area", refersTo: "Group!$A$1:$B$7", visible: false },
      { name: "ESG_Whole", refersTo: "Group!$A:$E" },
      { name: "电力.2024", refersTo: "Group!$B$1", comment: "kWh" },
    ],
  });
}

describe("Office adapter: read", () => {
  it("reads the same names when Excel refuses the nested names load path, with one more sync", async () => {
    const normal = await createOfficeHost(seedWorkbook()).read();
    const excel = seedWorkbook();
    excel.runtime.refuseNestedCollectionLoads = true;
    const read = await createOfficeHost(excel).read();
    expect(read).toEqual(normal);
    // the refused sync, then the sheets, then each sheet's names, then the ranges
    expect(excel.runtime.syncs).toBe(4);
  });

  it("reads every name with scope, status and values in two syncs", async () => {
    const excel = seedWorkbook();
    const read = await createOfficeHost(excel).read();
    expect(excel.runtime.syncs).toBe(2);
    expect(excel.runtime.runs).toEqual([{ delayForCellEdit: true }]);
    const by = (name: string, scope: string | null = null) => read.names.find((n) => n.name === name && n.scope === scope);

    expect(by("Electricity")).toMatchObject({ status: "ok", sheet: "Group", address: "B1", values: [[1200]], refersTo: "Group!$B$1" });
    expect(by("ESG_Block")?.values).toEqual([
      [1200],
      [0],
      [null],
      [{ kind: "error", code: "#N/A" }],
      [true],
      [{ kind: "date", iso: "2024-03-31" }],
      [12],
    ]);
    expect(by("Broken")).toMatchObject({ status: "broken", values: null, sheet: null });
    expect(by("Rate")).toMatchObject({ status: "constant", values: [[0.07]] });
    expect(by("Label")).toMatchObject({ status: "constant", values: [["tonnes"]] });
    expect(by("Flag")).toMatchObject({ status: "constant", values: [[true]] });
    expect(by("Missing")).toMatchObject({ status: "constant", values: [[{ kind: "error", code: "#N/A" }]] });
    expect(by("Sum")).toMatchObject({ status: "formula", values: null, refersTo: "SUM(Group!$B$1:$B$2)" });
    expect(by("Two")).toMatchObject({ status: "multi-area", values: null });
    expect(by("Linked")).toMatchObject({ status: "external", values: null });
    expect(by("_xlnm.Print_Area")).toMatchObject({ builtIn: true, hidden: true });
    expect(by("ESG_Whole")).toMatchObject({ status: "ok", sheet: "Group", address: "A:E", values: null });
    expect(by("ESG_Whole")?.note).toMatch(/5,000,000/);
    // A name the engine does not use: its metadata only, no range read.
    expect(by("电力.2024")).toMatchObject({ status: "ok", comment: "kWh", sheet: "Group", address: "B1", values: null, note: NOT_READ });

    // The same name on several sheets, each with its scope.
    expect(by("Headcount", "Group")?.values).toEqual([[1200]]);
    expect(by("Headcount", "Site A")).toMatchObject({ sheet: "Site A", values: [[10]] });
    expect(by("Headcount", "廠區 B")).toMatchObject({ sheet: "廠區 B", address: "B1", values: [[20]] });
    expect(read.sheets).toEqual([
      { name: "Group", visibility: "visible", generated: false },
      { name: "Site A", visibility: "visible", generated: false },
      { name: "廠區 B", visibility: "visible", generated: false },
    ]);
  });

  it("tells an empty cell from a zero", async () => {
    const read = await createOfficeHost(seedWorkbook()).read();
    const block = read.names.find((n) => n.name === "ESG_Block")?.values;
    expect(block?.[1]).toEqual([0]);
    expect(block?.[2]).toEqual([null]);
  });

  it("reports a range whose values come back null instead of crashing", async () => {
    const excel = createFakeExcel(
      { sheets: [{ name: "S", cells: { A1: 1, B2: 2 } }], names: [{ name: "ESG_Box", refersTo: "S!$A$1:$B$2" }] },
      { limits: { cellsPerRead: 3 } },
    );
    const read = await createOfficeHost(excel).read();
    expect(read.names[0]).toMatchObject({ status: "ok", values: null, sheet: "S", address: "A1:B2" });
    expect(read.names[0].note).toMatch(/no values/);
  });

  it("flags sheets carrying the marker as generated", async () => {
    const excel = createFakeExcel({
      sheets: [
        { name: "Data" },
        { name: "A1 Emissions", names: [{ name: GENERATED_MARKER_NAME, refersTo: '"esg:A1"', visible: false }] },
        { name: "Hidden", visibility: "VeryHidden" },
      ],
    });
    const read = await createOfficeHost(excel).read();
    expect(read.sheets).toEqual([
      { name: "Data", visibility: "visible", generated: false },
      { name: "A1 Emissions", visibility: "visible", generated: true },
      { name: "Hidden", visibility: "veryHidden", generated: false },
    ]);
  });

  it("keeps two syncs for 200 site sheets × 50 names", async () => {
    const sheets: SeedSheet[] = Array.from({ length: 200 }, (_, i) => ({
      name: `Site ${i + 1}`,
      rows: Array.from({ length: 50 }, (_r, r) => [r * i]),
      names: Array.from({ length: 50 }, (_n, r) => ({ name: `ESG_M${r}`, refersTo: `'Site ${i + 1}'!$A$${r + 1}` })),
    }));
    const excel = createFakeExcel({ sheets });
    const read = await createOfficeHost(excel).read();
    expect(read.names).toHaveLength(10000);
    expect(excel.runtime.syncs).toBe(2);
    expect(read.names.find((n) => n.name === "ESG_M7" && n.scope === "Site 3")?.values).toEqual([[14]]);
  });

  it("degrades below ExcelApi 1.7: no formula text, a formula name reads as a constant", async () => {
    const excel = seedWorkbook();
    excel.runtime.apiVersion = "1.6";
    const read = await createOfficeHost(excel).read();
    const by = (name: string) => read.names.find((n) => n.name === name && n.scope === null);
    expect(by("Electricity")).toMatchObject({ status: "ok", refersTo: "Group!$B$1", values: [[1200]] });
    expect(by("Sum")).toMatchObject({ status: "constant", values: [[1200]] });
    expect(by("Broken")?.status).toBe("broken");
    expect(excel.runtime.syncs).toBe(2);
  });

  it("refuses Excel below ExcelApi 1.4 with a clear error", async () => {
    const excel = seedWorkbook();
    excel.runtime.apiVersion = "1.3";
    await expect(createOfficeHost(excel).read()).rejects.toMatchObject({ code: "ApiNotSupported" });
  });
});
