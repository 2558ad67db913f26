/**
 * LibreOffice, forced to recalculate on load, over the tables generated for the second group
 * (tests/support/second-group.ts: site sums, MWh and 10⁴ Nm³ multipliers, a number typed as text in a
 * breakdown, prior years on some metrics): every formula gives the value the writer cached. The same
 * for `esg generate --sheets-only`, whose workbook holds none of the named ranges: no #NAME? anywhere.
 * Skipped when `soffice` is not installed.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generate } from "../../src/cli/commands/generate";
import { runEngine } from "../../src/esg/engine";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { buildSecondGroup } from "../support/second-group";
import { contractHistory } from "./contract";
import { convert, sofficePath } from "./soffice";

const maybe = sofficePath() ? describe : describe.skip;
jest.setTimeout(240_000);
const NOW = "2025-03-31T00:00:00.000Z";

interface Cell {
  readonly formula: string | null;
  readonly value: unknown;
}

/** Every cell of the workbook: formula cells by their cached result, others by their value. */
async function cells(buffer: Buffer): Promise<Map<string, Cell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const out = new Map<string, Cell>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as unknown;
        if (v !== null && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) {
          const f = v as { formula?: string; sharedFormula?: string; result?: unknown };
          out.set(`${ws.name}!${cell.address}`, {
            formula: f.formula ?? f.sharedFormula ?? "",
            value: f.result,
          });
        } else out.set(`${ws.name}!${cell.address}`, { formula: null, value: v });
      }),
    );
  return out;
}

const isError = (v: unknown): boolean => v !== null && typeof v === "object" && "error" in v;

/** Formula cells whose LibreOffice result differs from the cached one, and every error value LibreOffice shows. */
async function recalculationDiffs(
  generated: Buffer,
): Promise<{ formulas: number; mismatches: string[]; errors: string[] }> {
  const ours = await cells(generated);
  const theirs = await cells(await convert(generated, "generated.xlsx", "xlsx", { recalc: true }));
  const mismatches: string[] = [];
  let formulas = 0;
  for (const [at, c] of ours) {
    if (c.formula === null) continue;
    formulas++;
    const lo = theirs.get(at)?.value;
    const same =
      typeof c.value === "number" && typeof lo === "number"
        ? Math.abs(c.value - lo) <= 1e-9 * Math.max(1, Math.abs(c.value))
        : JSON.stringify(c.value) === JSON.stringify(lo);
    if (!same)
      mismatches.push(
        `${at} =${c.formula}: cached ${JSON.stringify(c.value)}, LibreOffice ${JSON.stringify(lo)}`,
      );
  }
  const errors = [...theirs]
    .filter(([, c]) => isError(c.value))
    .map(([at, c]) => `${at}: ${JSON.stringify(c.value)}`);
  return { formulas, mismatches, errors };
}

maybe("LibreOffice over the second group", () => {
  test("every formula of the generated tables recalculates to its cached value", async () => {
    const host = await XlsxHost.fromBuffer(await buildSecondGroup(), "second-group.xlsx");
    const result = runEngine(await host.read(), { now: NOW });
    await host.write(
      result.sheets,
      contractHistory(
        NOW,
        result.sheets.map((s) => s.name),
      ),
    );
    const { formulas, mismatches, errors } = await recalculationDiffs(await host.toBuffer());
    // Live formulas over site sums and unit multipliers are there (the text number's figures are values).
    expect(formulas).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("esg generate --sheets-only recalculates with no #NAME? (values, said in the notes)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sheets-only-"));
    try {
      const input = join(dir, "second-group.xlsx");
      const output = join(dir, "tables.xlsx");
      writeFileSync(input, await buildSecondGroup());
      await generate(input, { sheetsOnly: true, out: output, now: NOW, json: true });
      const generated = readFileSync(output);
      const { mismatches, errors } = await recalculationDiffs(generated);
      expect(mismatches).toEqual([]);
      expect(errors).toEqual([]);
      const text = [...(await cells(generated)).values()].map((c) => String(c.value)).join(" ");
      expect(text).toContain("this workbook holds only the generated sheets");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
