/**
 * All or nothing: the N-th write operation of a generate fails, for every N. Excel does not roll back
 * a failed batch (the fake neither), so this proves the adapter's build-aside-then-swap order and its
 * recovery: every sheet is then exactly as before — or, when the failure comes after the first
 * replaced sheet was deleted (the commit point), exactly as after a successful generate.
 */
import type { SheetModel } from "../../src/esg/types";
import { createOfficeHost } from "../../src/workbook/office";
import { createFakeExcel, type FakeExcel } from "../fakes/excel";
import { historyEntry, sheetModel } from "../fakes/excel/models";

const models = (): SheetModel[] => [sheetModel("A1 Emissions", "A1"), sheetModel("B1 Employment", "B1"), sheetModel("Index", "INDEX")];

function userWorkbook(): FakeExcel {
  return createFakeExcel({
    sheets: [
      { name: "Data", cells: { A1: "Electricity", B1: 1200 }, names: [{ name: "Local", refersTo: "Data!$B$1" }] },
      { name: "Notes", cells: { A1: "mine" } },
    ],
    names: [{ name: "Electricity", refersTo: "Data!$B$1" }],
  });
}

const options = { write: { payloadBudget: 4_500_000, token: () => "fault" } };

async function generate(excel: FakeExcel): Promise<void> {
  const host = createOfficeHost(excel, options);
  await host.read();
  await host.write(models(), historyEntry(models()));
}

/** A workbook in the state a scenario starts from. */
type Scenario = () => Promise<FakeExcel>;

const scenarios: [string, Scenario][] = [
  ["first generate (no generated sheets, no history yet)", async () => userWorkbook()],
  [
    "re-generate (replaces three generated sheets, appends to the history)",
    async () => {
      const excel = userWorkbook();
      await generate(excel);
      // the user moved a generated sheet between their own
      const sheets = excel.workbook.sheets;
      sheets.splice(1, 0, ...sheets.splice(sheets.findIndex((s) => s.name === "B1 Employment"), 1));
      // and pointed a name of their own at a generated cell (Excel makes it #REF! when that sheet is replaced;
      // a rolled-back write must give it back unchanged)
      excel.workbook.names.push({ name: "OnReport", refersTo: "'A1 Emissions'!$B$3", visible: true, comment: "" });
      return excel;
    },
  ],
  [
    "re-generate over a generated sheet the user made VeryHidden (Excel deletes no VeryHidden sheet)",
    async () => {
      const excel = userWorkbook();
      await generate(excel);
      excel.workbook.sheets.find((s) => s.name === "B1 Employment")!.visibility = "VeryHidden";
      return excel;
    },
  ],
];

describe.each(scenarios)("Office adapter: fault at every write operation — %s", (_label, start) => {
  it("leaves every sheet exactly as before, or completes the generate, for every N", async () => {
    // The successful run: how many write operations, and the state it leaves.
    const clean = await start();
    const opsBefore = clean.runtime.ops;
    await generate(clean);
    const total = clean.runtime.ops - opsBefore;
    const after = clean.snapshot();
    expect(total).toBeGreaterThan(40);

    const outcomes = { before: 0, after: 0 };
    for (let n = 1; n <= total; n++) {
      const excel = await start();
      const before = excel.snapshot();
      const host = createOfficeHost(excel, options);
      await host.read();
      excel.runtime.failAt(n);
      let failed = false;
      try {
        await host.write(models(), historyEntry(models()));
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
    // Everything up to the commit point is undone; only failures while deleting the replaced sheets
    // or appending the history row after them are completed instead.
    expect(outcomes.before).toBeGreaterThan(total - 6);
  });
});
