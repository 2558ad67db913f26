/**
 * Served in place of Office.js in the end-to-end test: defines the page's `Office` and `Excel` over the
 * strict fake Excel (tests/fakes/excel), seeded with the sample workbook (`window.esgSeed`: the test seeds it
 * from examples/sample-esg-2024.xlsx with tests/fakes/excel/from-xlsx.ts; without one, the seed report's
 * figures of tests/support/seed-read.ts), so the production bundle runs its
 * real Office path. `?lang=zh-HK` and `?theme=dark` set Office's display language and theme.
 * `window.esgFake` lets the test read the fake workbook back.
 */
// From the modules themselves, not the index: from-xlsx.ts would bring ExcelJS into the page.
import { createFakeExcel, fakeCell, type WorkbookSeed } from "../fakes/excel/seed";
import { seedRead } from "../support/seed-read";
import { seedFromRead } from "./seed-from-read";

const params = new URLSearchParams(window.location.search);
const w = window as any;
const seed: WorkbookSeed = w.esgSeed ?? seedFromRead(seedRead());
const fake = createFakeExcel(seed);
const selected: string[] = [];

w.Excel = {
  run(a: any, b?: any) {
    return typeof a === "function" ? fake.run({ delayForCellEdit: false }, a) : fake.run(a, b);
  },
};
w.Office = {
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: params.get("lang") ?? "en-US",
    officeTheme: { bodyBackgroundColor: params.get("theme") === "dark" ? "#1F1F1F" : "#FFFFFF" },
    requirements: { isSetSupported: (set: "ExcelApi", version: string) => fake.isSetSupported(set, version) },
  },
  actions: { associate() {} },
  addin: { showAsTaskpane: async () => undefined },
};
w.esgFake = {
  sheets: () =>
    fake.workbook.sheets.map((s) => ({
      name: s.name,
      names: s.names.map((n) => `${n.name}=${n.refersTo}`),
      cells: s.cells.size,
    })),
  cell: (sheet: string, address: string) => {
    const c = fakeCell(fake, sheet, address);
    return c ? { value: c.value, formula: c.formula } : null;
  },
  selected,
  /** Syncs the fake has answered so far. */
  syncs: () => fake.runtime.syncs,
};
