/**
 * The configuration sheet through the Office adapter: a hidden, marked sheet whose workbook-scoped
 * names (ESG_Mapping, ESG_Settings) the engine reads back. Saving again replaces the sheet and the
 * names; user sheets and the user's own names are untouched; a failed save leaves everything as before.
 */
import { configSheet, CONFIG_SHEET } from "../../src/esg/config-sheet";
import { analyse } from "../../src/esg/engine";
import type { HistoryEntry, SheetModel } from "../../src/esg/types";
import { createOfficeHost, HISTORY_SHEET_NAME } from "../../src/workbook/office";
import { createFakeExcel, snapshotSheet, type FakeExcel } from "../fakes/excel";
import { historyEntry, sheetModel } from "../fakes/excel/models";

function userWorkbook(): FakeExcel {
  return createFakeExcel({
    sheets: [
      {
        name: "Data",
        cells: { A1: "Power", B1: 42, A2: "Staff", B2: 120 },
        names: [{ name: "Local", refersTo: "Data!$B$2" }],
      },
      { name: "Notes", cells: { A1: "mine" } },
    ],
    // The group's own name for electricity, not the default "Electricity".
    names: [{ name: "Power_kWh", refersTo: "Data!$B$1", comment: "group's own" }],
  });
}

const options = { write: { payloadBudget: 4_500_000, token: () => "cfg" } };

const configEntry = (sheets: readonly SheetModel[]): HistoryEntry =>
  historyEntry(sheets, { sections: ["CONFIG"], language: "both", sourceNames: [] });

async function save(excel: FakeExcel, mapping: Record<string, string>, settings: Record<string, string>, extra: SheetModel[] = []) {
  const host = createOfficeHost(excel, options);
  await host.read();
  const sheets = [configSheet({ mapping, settings }), ...extra];
  return host.write(sheets, configEntry(sheets));
}

const sheet = (excel: FakeExcel, name: string) => excel.workbook.sheets.find((s) => s.name === name);
const workbookName = (excel: FakeExcel, name: string) => excel.workbook.names.find((n) => n.name === name);

describe("Office adapter: the configuration sheet", () => {
  it("writes a hidden, marked sheet and workbook-scoped names the engine reads back: read 1 + write 1 syncs", async () => {
    const excel = userWorkbook();
    await save(excel, { electricity: "Power_kWh" }, { turnoverMethod: "closing" });
    // The read has no range to read: no name in the workbook is one the engine uses yet.
    expect(excel.runtime.syncs).toBe(2);
    const config = sheet(excel, CONFIG_SHEET);
    expect(config?.visibility).toBe("Hidden");
    expect(config?.names.map((n) => [n.name, n.refersTo])).toEqual([["ESG_Generated", '"esg:CONFIG"']]);
    expect(workbookName(excel, "ESG_Mapping")).toEqual({ name: "ESG_Mapping", refersTo: "ESG_Config!$A$4:$B$4", visible: true, comment: "" });
    expect(workbookName(excel, "ESG_Settings")?.refersTo).toBe("ESG_Config!$A$7:$B$7");

    const read = await createOfficeHost(excel).read();
    expect(read.sheets.find((s) => s.name === CONFIG_SHEET)).toEqual({ name: CONFIG_SHEET, visibility: "hidden", generated: true });
    const r = analyse(read);
    expect(r.snapshot.names.get("electricity")).toBe("Power_kWh");
    expect(r.snapshot.metrics.get("electricity")?.value).toBe(42);
    expect(r.options.turnoverMethod).toBe("closing");
  });

  it("re-saving replaces the sheet and the names, and leaves user sheets and names untouched", async () => {
    const excel = userWorkbook();
    const userSheets = excel.workbook.sheets.map((s) => snapshotSheet(s));
    await save(excel, { electricity: "Power_kWh" }, { turnoverMethod: "closing" });
    const firstId = sheet(excel, CONFIG_SHEET)?.id;
    const result = await save(excel, { electricity: "Power_kWh", water: "Water_m3" }, { turnoverMethod: "average", gridYear: "2023" });
    expect(result).toEqual({ written: [CONFIG_SHEET], replaced: [CONFIG_SHEET] });
    expect(excel.workbook.sheets.map((s) => s.name)).toEqual(["Data", "Notes", CONFIG_SHEET, HISTORY_SHEET_NAME]);
    expect(sheet(excel, CONFIG_SHEET)?.id).not.toBe(firstId);
    expect(sheet(excel, CONFIG_SHEET)?.visibility).toBe("Hidden");
    // One of each name, pointing at the new sheet (none left as #REF! by the old sheet's deletion).
    expect(excel.workbook.names.map((n) => [n.name, n.refersTo])).toEqual([
      ["Power_kWh", "Data!$B$1"],
      ["ESG_Mapping", "ESG_Config!$A$4:$B$5"],
      ["ESG_Settings", "ESG_Config!$A$8:$B$9"],
      ["ESG_Disclosures", "ESG_Config!$A$12:$F$12"],
    ]);
    expect(workbookName(excel, "Power_kWh")?.comment).toBe("group's own");
    expect(excel.workbook.sheets.slice(0, 2).map((s) => snapshotSheet(s))).toEqual(userSheets);

    const r = analyse(await createOfficeHost(excel).read());
    expect(r.snapshot.names.get("water")).toBe("Water_m3");
    expect(r.options.turnoverMethod).toBe("average");
    expect(r.options.gridYear).toBe(2023);
    // The history says when the mapping was saved.
    const history = sheet(excel, HISTORY_SHEET_NAME);
    expect([1, 2].map((row) => history?.cells.get(`${row},2`)?.value)).toEqual(['["CONFIG"]', '["CONFIG"]']);
  });

  it("replaces a workbook-scoped name of the same name the user defined, and keeps sheet-scoped ones", async () => {
    const excel = userWorkbook();
    excel.workbook.names.push({ name: "esg_mapping", refersTo: "Notes!$A$1:$B$3", visible: false, comment: "old" });
    excel.workbook.sheets[1].names.push({ name: "ESG_Settings", refersTo: "Notes!$A$1", visible: true, comment: "" });
    await save(excel, {}, {});
    expect(excel.workbook.names.filter((n) => n.name.toUpperCase() === "ESG_MAPPING")).toEqual([
      { name: "ESG_Mapping", refersTo: "ESG_Config!$A$4:$B$4", visible: true, comment: "" },
    ]);
    expect(excel.workbook.sheets[1].names).toEqual([{ name: "ESG_Settings", refersTo: "Notes!$A$1", visible: true, comment: "" }]);
  });

  it("writes the configuration beside report sheets in the same batch", async () => {
    const excel = userWorkbook();
    await save(excel, { electricity: "Power_kWh" }, {}, [sheetModel("A1 Emissions", "A1")]);
    expect(excel.runtime.syncs).toBe(2);
    expect(sheet(excel, "A1 Emissions")?.visibility).toBe("Visible");
    expect(sheet(excel, CONFIG_SHEET)?.visibility).toBe("Hidden");
  });

  it("refuses a defined name Excel would not accept, or defined twice, before changing anything", async () => {
    const excel = userWorkbook();
    const before = excel.snapshot();
    const host = createOfficeHost(excel, options);
    await host.read();
    const bad = (definedNames: { name: string; address: string }[]) => [sheetModel("X", "A1", { definedNames })];
    await expect(host.write(bad([{ name: "A1", address: "A1" }]), historyEntry([]))).rejects.toMatchObject({ code: "InvalidName" });
    await expect(host.write(bad([{ name: "Ok", address: "nowhere" }]), historyEntry([]))).rejects.toMatchObject({ code: "InvalidName" });
    await expect(
      host.write(
        [sheetModel("X", "A1", { definedNames: [{ name: "Twice", address: "A1" }] }), sheetModel("Y", "A2", { definedNames: [{ name: "twice", address: "A1" }] })],
        historyEntry([]),
      ),
    ).rejects.toMatchObject({ code: "InvalidName" });
    expect(excel.snapshot()).toEqual(before);
  });

  it("fails the batch (and rolls back) when a name read as absent was added since", async () => {
    const excel = userWorkbook();
    const host = createOfficeHost(excel, options);
    await host.read();
    // Someone defines ESG_Mapping between the read and the write.
    excel.workbook.names.push({ name: "ESG_Mapping", refersTo: "Notes!$A$1", visible: true, comment: "" });
    const before = excel.snapshot();
    const sheets = [configSheet({ mapping: {}, settings: {} })];
    await expect(host.write(sheets, configEntry(sheets))).rejects.toMatchObject({ code: "WriteFailed", officeCode: "ItemAlreadyExists" });
    expect(excel.snapshot()).toEqual(before);
  });
});

/** All or nothing, names included: the N-th write operation of a save fails, for every N. */
type Scenario = () => Promise<FakeExcel>;

const scenarios: [string, Scenario, () => SheetModel[]][] = [
  [
    "first save over a user's own ESG_Mapping (hidden, with a comment)",
    async () => {
      const excel = userWorkbook();
      excel.workbook.names.push({ name: "ESG_Mapping", refersTo: "Notes!$A$1:$B$3", visible: false, comment: "old" });
      return excel;
    },
    () => [configSheet({ mapping: { electricity: "Power_kWh" }, settings: { turnoverMethod: "closing" } })],
  ],
  [
    "re-save with report sheets (replaces the configuration sheet and its names)",
    async () => {
      const excel = userWorkbook();
      await save(excel, { electricity: "Power_kWh" }, { turnoverMethod: "closing" }, [sheetModel("A1 Emissions", "A1")]);
      return excel;
    },
    () => [configSheet({ mapping: { water: "Water_m3" }, settings: { gridYear: "2023" } }), sheetModel("A1 Emissions", "A1")],
  ],
];

describe.each(scenarios)("Office adapter: fault at every operation of a configuration save — %s", (_label, start, models) => {
  it("leaves the workbook, names included, exactly as before, or completes the save, for every N", async () => {
    const clean = await start();
    const opsBefore = clean.runtime.ops;
    const run = async (excel: FakeExcel) => {
      const host = createOfficeHost(excel, options);
      await host.read();
      return host.write(models(), configEntry(models()));
    };
    await run(clean);
    const total = clean.runtime.ops - opsBefore;
    const after = clean.snapshot();
    expect(total).toBeGreaterThan(20);

    const outcomes = { before: 0, after: 0 };
    for (let n = 1; n <= total; n++) {
      const excel = await start();
      const before = excel.snapshot();
      // read() has no write operations: the count starts with the write's first.
      excel.runtime.failAt(n);
      let failed = false;
      try {
        await run(excel);
      } catch (e) {
        failed = true;
        expect(e).toMatchObject({ code: "WriteFailed", officeCode: "GeneralException" });
      }
      const now = excel.snapshot();
      if (failed) {
        expect({ n, state: now }).toEqual({ n, state: before });
        outcomes.before++;
      } else {
        expect({ n, state: now }).toEqual({ n, state: after });
        outcomes.after++;
      }
    }
    expect(outcomes.before).toBeGreaterThan(total - 6);
  });
});
