/**
 * Re-measure what an ExcelJS read-then-write loses from a LibreOffice-written workbook, and hold the
 * verdicts the writer relies on (EXCELJS_VERDICT) to the measurement. Skipped without soffice.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { measure } from "../../scripts/measure-exceljs-loss";
import { EXCELJS_VERDICT, type Feature } from "../../src/workbook/xlsx/features";
import { XlsxHost } from "../../src/workbook/xlsx/host";
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

  test("the host refuses to rewrite the LibreOffice workbook and names what would be lost", async () => {
    const host = await XlsxHost.fromBuffer(report.libreOffice, "features.xlsx");
    await expect(host.toBuffer()).rejects.toThrow(/charts.*pivot tables.*links to other workbooks.*drawings/);
  });
});
