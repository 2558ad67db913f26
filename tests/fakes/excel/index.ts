/** A strict fake of the part of the Excel JavaScript API the Office adapter uses (tests only). */
export { FakeExcel, FIVE_MB, type FakeExcelOptions } from "./excel";
export { FakeOfficeError } from "./errors";
export { FakeRuntime } from "./runtime";
export { buildWorkbook, createFakeExcel, fakeCell, type SeedCell, type SeedName, type SeedSheet, type WorkbookSeed } from "./seed";
export { snapshot, snapshotSheet, type FakeCell, type FakeSheet, type FakeWorkbook } from "./state";
export { fakeExcelFromRead, workbookFromRead } from "./from-read";
// from-xlsx is imported directly (./from-xlsx): it loads ExcelJS, which browser-environment tests must not.
export { recalculate } from "./calc";
