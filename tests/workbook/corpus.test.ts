/**
 * Real-world workbooks (../shared/corpus/xlsx-real-world, from ExcelJS's test data): every file is read
 * or refused with a WorkbookError, never a crash or a hang; each reads exactly as the ExcelJS-based
 * reader this project used before (tests/workbook/xlsx-legacy) read it; #REF! names are broken; names of
 * the same name at several scopes are all listed; generate writes into each readable one keeping every
 * part it does not own byte for byte. Skipped when the folder is absent; the files are never copied.
 */
import { existsSync, readFileSync, readdirSync } from "fs";
import { join, resolve } from "path";
import { WorkbookError } from "../../src/workbook/xlsx/errors";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import * as legacy from "./xlsx-legacy/reader";
import { generateInto, untouchedEntriesIdentical } from "./xlsx-helpers";

const CORPUS = resolve(__dirname, "..", "..", "..", "shared", "corpus", "xlsx-real-world");
const present = existsSync(CORPUS);
const files = present
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
  : [];
const maybe = present ? describe : describe.skip;

/** Files this reader refuses, and why. */
const REFUSED: Record<string, RegExp> = {
  "missing-bits.xlsx": /no \[Content_Types\]\.xml/,
};

/**
 * Files the reader before this one refused and this one reads: invalid-xml.xlsx is damaged in a sheet no
 * name points into (that sheet is never parsed, and generate copies it unchanged); test-issue-1842.xlsx
 * has a data validation over the whole grid, which Excel opens and this reader never expands.
 */
const NOW_READ = new Set(["invalid-xml.xlsx", "test-issue-1842.xlsx"]);

maybe("real-world corpus", () => {
  test.each(files)("%s is read or refused cleanly", async (file) => {
    const started = Date.now();
    try {
      const host = await XlsxHost.open(join(CORPUS, file));
      const read = await host.read();
      expect(REFUSED[file]).toBeUndefined();
      expect(read.sheets.length).toBeGreaterThan(0);
      for (const n of read.names) if (n.refersTo.includes("#REF!")) expect(n.status).toBe("broken");
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookError);
      expect((e as Error).message).toMatch(REFUSED[file] ?? /^$/);
      expect((e as Error).message).not.toMatch(/\n/);
    }
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test("test-issue-877: #REF! names at workbook and sheet scope with the same name are both listed", async () => {
    const read = await (await XlsxHost.open(join(CORPUS, "test-issue-877.xlsx"))).read();
    const leiter = read.names.filter((n) => n.name === "Leiter");
    expect(leiter.map((n) => n.scope).sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      "Feststellanlagen",
      null,
    ]);
    expect(leiter.every((n) => n.status === "broken")).toBe(true);
    expect(read.names.some((n) => n.name === "vaPrüfzeit")).toBe(true);
    expect(read.names.some((n) => n.name === "Steckd.")).toBe(true);
    expect(read.names).toHaveLength(15);
  });

  test("KRISHNAPATNAM: a #REF! name and a sheet-scoped built-in", async () => {
    const read = await (await XlsxHost.open(join(CORPUS, "1519293514-KRISHNAPATNAM_LINE_UP.xlsx"))).read();
    expect(read.names.find((n) => n.name === "a")?.status).toBe("broken");
    const titles = read.names.find((n) => n.name === "_xlnm.Print_Titles");
    expect(titles).toMatchObject({ scope: "KRISHNAPATNAM", builtIn: true, status: "ok", address: "1:5" });
  });

  test("bogus-defined-name: a quoted formula string is a text constant", async () => {
    const read = await (await XlsxHost.open(join(CORPUS, "bogus-defined-name.xlsx"))).read();
    expect(read.names[0]).toMatchObject({
      name: "foo",
      status: "constant",
      values: [["OFFSET($A$10;0;0;0;1)"]],
    });
  });

  test("hidden sheets and a chart sheet are listed", async () => {
    const google = await (await XlsxHost.open(join(CORPUS, "hidden-test_google-sheets.xlsx"))).read();
    expect(google.sheets.length).toBeGreaterThan(0);
    const chart = await XlsxHost.open(join(CORPUS, "chart-sheet.xlsx"));
    expect((await chart.read()).sheets.map((s) => s.name)).toEqual(["Chart1", "Sheet1"]);
  });

  test.each(files.filter((f) => !REFUSED[f]))("%s reads exactly as before", async (file) => {
    const buffer = readFileSync(join(CORPUS, file));
    const now = await (await XlsxHost.fromBuffer(buffer, file)).read();
    if (NOW_READ.has(file)) {
      await expect(legacy.loadWorkbook(buffer, file)).rejects.toThrow();
      expect(now.names).toEqual([]);
      return;
    }
    expect(now).toEqual(legacy.readNames(await legacy.loadWorkbook(buffer, file)));
  });

  test.each(files.filter((f) => !REFUSED[f]))("generate writes into %s keeping the rest", async (file) => {
    const buffer = readFileSync(join(CORPUS, file));
    const out = await generateInto(buffer, file);
    expect(await untouchedEntriesIdentical(buffer, out)).toEqual([]);
    // The output reads again, with the generated sheets marked.
    const read = await (await XlsxHost.fromBuffer(out, file)).read();
    expect(read.sheets.filter((s) => s.generated).length).toBeGreaterThan(1);
  });
});
