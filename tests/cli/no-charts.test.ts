/**
 * `--no-charts` on generate and demo (issue 14): the sheets handed to the host carry no charts and are the
 * engine's sheets built with the charts option off; without the flag the same sections carry charts.
 */
import { copyFileSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runEngine } from "../../src/esg/engine";
import type { SheetModel } from "../../src/esg/types";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { ROOT, runInProcess } from "./run";

const SAMPLE = join(ROOT, "examples", "sample-esg-2024.xlsx");
const tmp = mkdtempSync(join(tmpdir(), "esg-no-charts-"));

/** Runs the CLI and returns the sheets it handed to the xlsx host's write. */
async function sheetsWritten(args: string[]): Promise<SheetModel[]> {
  const write = jest.spyOn(XlsxHost.prototype, "write");
  try {
    const r = await runInProcess(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(write).toHaveBeenCalledTimes(1);
    return write.mock.calls[0][0] as SheetModel[];
  } finally {
    write.mockRestore();
  }
}

/** The sheets without the generation time, which differs between two runs. */
const timeless = (sheets: readonly SheetModel[]) =>
  sheets.map((s) => ({
    ...s,
    cells: s.cells.filter((c) => c.style !== "stamp" && !/T\d\d:\d\d/.test(String(c.value))),
  }));

describe("--no-charts", () => {
  test("generate --no-charts hands the host the sheets without charts; generate alone with them", async () => {
    const input = join(tmp, "book.xlsx");
    copyFileSync(SAMPLE, input);
    const without = await sheetsWritten(["generate", input, "--no-charts", "--out", join(tmp, "a.xlsx")]);
    expect(without.some((s) => "charts" in s)).toBe(false);
    const read = await (await XlsxHost.open(input)).read();
    const expected = runEngine(read, { now: "2025-01-01T00:00:00.000Z", charts: false }).sheets;
    expect(timeless(without)).toEqual(timeless(expected));
    const withCharts = await sheetsWritten(["generate", input, "--out", join(tmp, "b.xlsx")]);
    for (const code of ["A1", "A2", "B1", "B3"])
      expect(withCharts.find((s) => s.section === code)?.charts?.length).toBeGreaterThan(0);
    // The sample lacks its process emissions: Scope 1 shows "–", so no GHG chart (complete or absent).
    const d = withCharts.find((s) => s.section === "D")!;
    expect(d.cells.some((c) => c.value === "–")).toBe(true);
    expect(d.charts).toBeUndefined();
  });

  test("demo --no-charts too", async () => {
    const sheets = await sheetsWritten(["demo", "--no-charts", "--out", join(tmp, "demo.xlsx")]);
    expect(sheets.length).toBeGreaterThan(1);
    expect(sheets.some((s) => "charts" in s)).toBe(false);
  });
});
