/** The xlsx host beyond the contract: refusals, names kept exactly, user sheets identical, limits. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "fs";
import { join } from "path";
import { runEngine } from "../../src/esg/engine";
import { WorkbookError } from "../../src/workbook/xlsx/errors";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { contractHistory, contractSheet } from "./contract";
import { buildXlsx, CONTRACT_FIXTURE } from "./fixtures";

const SAMPLE = join(__dirname, "..", "..", "examples", "sample-esg-2024.xlsx");

async function refusal(buffer: Buffer): Promise<WorkbookError> {
  try {
    await XlsxHost.fromBuffer(buffer, "book.xlsx");
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookError);
    return e as WorkbookError;
  }
  throw new Error("was not refused");
}

async function rezip(buffer: Buffer, change: (zip: JSZip) => void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  change(zip);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("refusing what is not a readable workbook", () => {
  test("not a zip, empty, legacy .xls, encrypted, truncated, no content types", async () => {
    expect((await refusal(Buffer.from("name,value\n"))).code).toBe("not-zip");
    expect((await refusal(Buffer.alloc(0))).code).toBe("not-zip");
    const cfb = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ]);
    expect((await refusal(cfb)).code).toBe("legacy-xls");
    const encrypted = Buffer.concat([cfb, Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(100)]);
    const e = await refusal(encrypted);
    expect(e.code).toBe("encrypted");
    expect(e.message).toMatch(/password/);
    const good = await buildXlsx(CONTRACT_FIXTURE);
    expect((await refusal(good.subarray(0, good.length / 2))).code).toBe("damaged");
    expect((await refusal(await rezip(good, (z) => z.remove("[Content_Types].xml")))).message).toMatch(
      /\[Content_Types\]\.xml/,
    );
    expect(
      (await refusal(await rezip(good, (z) => z.file("xl/workbook.xml", "<workbook><sheets>")))).code,
    ).toBe("damaged");
  });

  test("a missing file", async () => {
    await expect(XlsxHost.open("/nonexistent/book.xlsx")).rejects.toMatchObject({ code: "missing" });
  });
});

describe("writing keeps the user's work", () => {
  async function definedNamesXml(buffer: Buffer): Promise<string[]> {
    const zip = await JSZip.loadAsync(buffer);
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const start = xml.indexOf("<definedNames>");
    return xml
      .slice(start, xml.indexOf("</definedNames>"))
      .split("<definedName ")
      .slice(1)
      .filter((d) => !d.includes("ESG_Generated"));
  }

  test("every user name comes out exactly (scope by sheet, #REF!, constants, comments, hidden)", async () => {
    const input = await buildXlsx(CONTRACT_FIXTURE);
    const host = await XlsxHost.fromBuffer(input, "book.xlsx");
    await host.write([contractSheet()], contractHistory("2025-01-01T00:00:00.000Z", []));
    const out = await host.toBuffer();
    expect(await definedNamesXml(out)).toEqual(await definedNamesXml(input));
  });

  async function sheetsCells(buffer: Buffer): Promise<Map<string, unknown>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const out = new Map<string, unknown>();
    for (const ws of wb.worksheets) {
      const cells: unknown[] = [];
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) =>
          cells.push({ a: c.address, v: c.value, f: c.formula, s: c.style, t: c.type }),
        ),
      );
      out.set(ws.name, {
        cells,
        merges: ws.model.merges,
        cols: ws.columns?.map((c) => c.width),
        state: ws.state,
      });
    }
    return out;
  }

  test("generate, then generate on its own output: every other sheet identical cell by cell", async () => {
    const input = readFileSync(SAMPLE);
    const first = await XlsxHost.fromBuffer(input, "sample.xlsx");
    const r1 = runEngine(await first.read(), { now: "2025-01-01T00:00:00.000Z" });
    await first.write(
      r1.sheets,
      contractHistory(
        "2025-01-01T00:00:00.000Z",
        r1.sheets.map((s) => s.name),
      ),
    );
    const out1 = await first.toBuffer();
    const second = await XlsxHost.fromBuffer(out1, "sample-disclosures.xlsx");
    const r2 = runEngine(await second.read(), { now: "2025-01-02T00:00:00.000Z", sections: ["A2"] });
    const w2 = await second.write(
      r2.sheets,
      contractHistory(
        "2025-01-02T00:00:00.000Z",
        r2.sheets.map((s) => s.name),
      ),
    );
    expect([...w2.replaced].sort()).toEqual(r2.sheets.map((s) => s.name).sort());
    const out2 = await second.toBuffer();
    const [c0, c1, c2] = await Promise.all([sheetsCells(input), sheetsCells(out1), sheetsCells(out2)]);
    for (const [name, cells] of c0) {
      expect(c1.get(name)).toEqual(cells);
      expect(c2.get(name)).toEqual(cells);
    }
    // Sheets generated in the first run and not regenerated in the second are kept as they were.
    for (const s of r1.sheets.filter((s) => s.section !== "A2" && s.section !== "INDEX"))
      expect(c2.get(s.name)).toEqual(c1.get(s.name));
    const read2 = await (await XlsxHost.fromBuffer(out2, "x")).read();
    // The generated sheets, ESG_History and the sample's own configuration sheet (marked as the add-in's).
    expect(read2.sheets.filter((s) => s.generated).length).toBe(r1.sheets.length + 2);
  });

  test("text that looks like a formula is written as a string, never as <f>", async () => {
    const host = XlsxHost.blank();
    await host.write([contractSheet()], contractHistory("2025-01-01T00:00:00.000Z", []));
    const zip = await JSZip.loadAsync(await host.toBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet.match(/<f>/g)).toHaveLength(1);
    // Text is an inline string (worksheetXml.ts): t="inlineStr", never a formula.
    expect(sheet).toContain('t="inlineStr"><is><t>=SUM(A1) looks like a formula</t></is>');
  });

  test("rendering: A4 fit to width, frozen header, merges, widths, font, tab colour, cached result", async () => {
    const host = XlsxHost.blank();
    await host.write([contractSheet()], contractHistory("2025-01-01T00:00:00.000Z", []));
    const zip = await JSZip.loadAsync(await host.toBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheet).toMatch(
      /<pageSetup[^>]*fitToWidth="1"[^>]*fitToHeight="0"|<pageSetup[^>]*fitToHeight="0"[^>]*fitToWidth="1"/,
    );
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="1"/);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toContain('<mergeCell ref="A4:B4"/>');
    expect(sheet).toMatch(/<tabColor rgb="FF1F4E79"/);
    expect(sheet).toMatch(/<f>Electricity\/INDEX\(Production,1,1\)<\/f><v>2366\.11/);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toContain("Microsoft JhengHei");
  });

  test("a user sheet named like the history sheet is refused", async () => {
    const host = await XlsxHost.fromBuffer(
      await buildXlsx({ sheets: [{ name: "ESG_History", cells: { A1: 1 } }], names: [] }),
      "b.xlsx",
    );
    await expect(host.write([contractSheet()], contractHistory("x", []))).rejects.toMatchObject({
      code: "name-clash",
    });
  });

  test("a workbook holding VBA is written with its VBA project kept byte for byte", async () => {
    const input = await rezip(await buildXlsx(CONTRACT_FIXTURE), (z) =>
      z.file("xl/vbaProject.bin", Buffer.from("vba")),
    );
    const host = await XlsxHost.fromBuffer(input, "macro.xlsm");
    expect(host.macroEnabled).toBe(true);
    await host.write([contractSheet()], contractHistory("x", []));
    const out = await JSZip.loadAsync(await host.toBuffer());
    expect(await out.file("xl/vbaProject.bin")!.async("string")).toBe("vba");
  });
});

describe("limits", () => {
  test("a name over more than 5,000,000 cells is listed without values, with a note", async () => {
    const host = await XlsxHost.fromBuffer(
      await buildXlsx({
        sheets: [{ name: "Big", cells: { A1: 1 } }],
        names: [
          { name: "Huge", scope: null, refersTo: "Big!$A$1:$F$1000000" },
          { name: "Col", scope: null, refersTo: "Big!$A:$A" },
        ],
      }),
      "big.xlsx",
    );
    const read = await host.read();
    expect(read.names[0]).toMatchObject({ status: "ok", address: "A1:F1000000", values: null });
    expect(read.names[0].note).toMatch(/5000000/);
    // Whole columns are read over the used range only.
    expect(read.names[1]).toMatchObject({ address: "A:A", values: [[1]] });
  });
});

describe("sheet models that are hidden and define names (the configuration sheet)", () => {
  test("names are defined with the sheet, replaced with it, and never take over a user's name", async () => {
    const config = {
      ...contractSheet("CONFIG", "ESG_Config"),
      hidden: true,
      definedNames: [{ name: "ESG_Mapping", address: "A4:B12" }],
    };
    const host = await XlsxHost.fromBuffer(await buildXlsx(CONTRACT_FIXTURE), "b.xlsx");
    await host.write([config], contractHistory("1", []));
    const again = await XlsxHost.fromBuffer(await host.toBuffer(), "b.xlsx");
    let read = await again.read();
    expect(read.sheets.find((s) => s.name === "ESG_Config")).toMatchObject({
      visibility: "hidden",
      generated: true,
    });
    expect(read.names.filter((n) => n.name === "ESG_Mapping").map((n) => n.refersTo)).toEqual([
      "ESG_Config!$A$4:$B$12",
    ]);
    await again.write([config], contractHistory("2", []));
    read = await (await XlsxHost.fromBuffer(await again.toBuffer(), "b.xlsx")).read();
    expect(read.names.filter((n) => n.name === "ESG_Mapping")).toHaveLength(1);
    const clash = await XlsxHost.fromBuffer(
      await buildXlsx({
        sheets: [{ name: "D", cells: {} }],
        names: [{ name: "esg_mapping", scope: null, refersTo: "D!$A$1" }],
      }),
      "c.xlsx",
    );
    await expect(clash.write([config], contractHistory("3", []))).rejects.toMatchObject({
      code: "name-clash",
    });
  });
});
