/**
 * Re-measure what an ExcelJS read-then-write loses from a LibreOffice-written workbook (why the xlsx host
 * no longer writes through ExcelJS), hold the verdicts of the ExcelJS-based host (tests/workbook/
 * xlsx-legacy/features.ts) to the measurement, and show that the package writer keeps it all.
 * Skipped without soffice.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { measure } from "../../scripts/measure-exceljs-loss";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { EXCELJS_VERDICT, scanFeatures, type Feature } from "./xlsx-legacy/features";
import { openPackage } from "./xlsx-legacy/package";
import { readWorkbookPart } from "./xlsx-legacy/workbookPart";
import { contractHistory, contractSheet } from "./contract";
import { sofficePath } from "./soffice";

const maybe = sofficePath() ? describe : describe.skip;
jest.setTimeout(120_000);

maybe("ExcelJS round trip of a LibreOffice-written workbook", () => {
  let report: Awaited<ReturnType<typeof measure>>;
  beforeAll(async () => {
    report = await measure();
  });

  test("LibreOffice wrote every feature of the fixture", () => {
    for (const f of [
      "chart",
      "pivot-table",
      "external-link",
      "image",
      "drawing",
      "conditional-format",
      "extended-conditional-format",
      "data-validation",
    ] as Feature[]) {
      expect([f, (report.before[f] ?? 0) > 0]).toEqual([f, true]);
    }
  });

  test("the verdicts match the measurement", () => {
    for (const f of Object.keys(report.before) as Feature[]) {
      const kept = (report.after[f] ?? 0) >= (report.before[f] ?? 0);
      expect([f, kept ? "kept" : "lost"]).toEqual([f, EXCELJS_VERDICT[f]]);
    }
  });

  test("VBA is lost", async () => {
    const zip = await JSZip.loadAsync(report.libreOffice);
    zip.file("xl/vbaProject.bin", Buffer.from("not really vba"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer);
    const out = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(out.file("xl/vbaProject.bin")).toBeNull();
    expect(EXCELJS_VERDICT.vba).toBe("lost");
  });

  test("the package writer keeps every feature ExcelJS loses", async () => {
    const host = await XlsxHost.fromBuffer(report.libreOffice, "features.xlsx");
    await host.write([contractSheet()], contractHistory("2025-01-01T00:00:00.000Z", []));
    const pkg = await openPackage(await host.toBuffer(), "out");
    const scan = await scanFeatures(pkg, await readWorkbookPart(pkg, "out"));
    const after: Partial<Record<Feature, number>> = {};
    for (const f of scan.found) after[f.feature] = (after[f.feature] ?? 0) + f.count;
    for (const f of Object.keys(report.before) as Feature[])
      expect([f, after[f] ?? 0]).toEqual([f, report.before[f]]);
  });
});
