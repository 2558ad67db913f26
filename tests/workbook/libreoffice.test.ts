/**
 * LibreOffice as an independent reader and calculator (skipped when `soffice` is not installed):
 * workbooks LibreOffice writes read back exactly; the generated workbook opens in LibreOffice, and after
 * a forced recalculation every formula gives the value the writer cached.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import type { CellValue, NamedItem } from "../../src/esg/types";
import { runEngine } from "../../src/esg/engine";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { contractHistory, contractSheet } from "./contract";
import { buildXlsx, CONTRACT_FIXTURE } from "./fixtures";
import { convert, sofficePath } from "./soffice";

const maybe = sofficePath() ? describe : describe.skip;
jest.setTimeout(240_000);

const key = (n: NamedItem): string => `${n.scope ?? ""}!${n.name}`;

function close(a: CellValue, b: CellValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a));
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Formula cells with their cached results, per sheet. */
async function formulaResults(buffer: Buffer): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const out = new Map<string, unknown>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v))
          out.set(`${ws.name}!${cell.address}`, (v as { result?: unknown }).result);
      }),
    );
  }
  return out;
}

maybe("LibreOffice", () => {
  test("a workbook written by LibreOffice reads back exactly", async () => {
    const ours = await buildXlsx(CONTRACT_FIXTURE);
    const theirs = await convert(ours, "fixture.xlsx", "xlsx");
    const a = await (await XlsxHost.fromBuffer(ours, "ours")).read();
    const b = await (await XlsxHost.fromBuffer(theirs, "libreoffice")).read();
    expect(b.sheets).toEqual(a.sheets);
    const byKey = new Map(b.names.map((n) => [key(n), n]));
    expect([...byKey.keys()].sort()).toEqual(a.names.map(key).sort());
    for (const n of a.names) {
      const m = byKey.get(key(n))!;
      expect({
        name: m.name,
        scope: m.scope,
        status: m.status,
        refersTo: m.refersTo,
        sheet: m.sheet,
        address: m.address,
      }).toEqual({
        name: n.name,
        scope: n.scope,
        status: n.status,
        refersTo: n.refersTo,
        sheet: n.sheet,
        address: n.address,
      });
      if (n.name === "Uncached") {
        // LibreOffice calculates a formula that has no cached value when it loads it.
        expect(m.values).toEqual([[59687600]]);
        continue;
      }
      if (n.values === null) expect(m.values).toBeNull();
      else
        n.values.forEach((row, r) =>
          row.forEach((v, c) => {
            // A formula without a cached value is calculated by LibreOffice (checked above for the name Uncached).
            if (v !== null && typeof v === "object" && v.kind === "uncached") return;
            expect([n.name, r, c, close(v, m.values![r][c])]).toEqual([n.name, r, c, true]);
          }),
        );
    }
  });

  test("the recalculation is real: a wrong cached value is corrected", async () => {
    const host = XlsxHost.blank();
    const model = contractSheet();
    await host.write(
      [
        {
          ...model,
          cells: [
            { row: 0, col: 0, value: 2 },
            { row: 0, col: 1, value: 999, formula: "A1*3" },
          ],
        },
      ],
      contractHistory("2025-01-01T00:00:00.000Z", []),
    );
    const recalculated = await formulaResults(
      await convert(await host.toBuffer(), "wrong.xlsx", "xlsx", { recalc: true }),
    );
    expect(recalculated.get(`${model.name}!B1`)).toBe(6);
  });

  test("every formula of the generated sample gives, in LibreOffice, the value the writer cached", async () => {
    const host = await XlsxHost.fromBuffer(
      readFileSync(join(__dirname, "..", "..", "examples", "sample-esg-2024.xlsx")),
      "sample.xlsx",
    );
    const result = runEngine(await host.read(), { now: "2025-01-01T00:00:00.000Z" });
    await host.write(
      result.sheets,
      contractHistory(
        "2025-01-01T00:00:00.000Z",
        result.sheets.map((s) => s.name),
      ),
    );
    const generated = await host.toBuffer();
    const ours = await formulaResults(generated);
    expect(ours.size).toBeGreaterThan(20);
    const theirs = await formulaResults(await convert(generated, "generated.xlsx", "xlsx", { recalc: true }));
    const mismatches: string[] = [];
    for (const [cell, value] of ours) {
      const lo = theirs.get(cell);
      const same =
        typeof value === "number" && typeof lo === "number"
          ? Math.abs(value - lo) <= 1e-9 * Math.max(1, Math.abs(value))
          : JSON.stringify(value) === JSON.stringify(lo);
      if (!same)
        mismatches.push(`${cell}: cached ${JSON.stringify(value)}, LibreOffice ${JSON.stringify(lo)}`);
    }
    expect(mismatches).toEqual([]);
  });
});
