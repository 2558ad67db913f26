/**
 * The hostile and odd workbooks of issue 15, built on the fly (small builders, no binaries in the
 * repository), one file per case, each run through the command line as a child process under
 * /usr/bin/time: its exit code and one-line message, and a time and peak-memory bound read back.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { inflateRawSync } from "zlib";
import { join } from "path";
import { readZip, writeZip, type ZipItem } from "../../src/workbook/xlsx/zip";
import { expectWithin, ROOT, runMeasured, type Measured } from "../cli/run";
import { deflatedCdataSheet, deflatedLongSharedString, deflatedSheetBomb, withDeflatedPart } from "../support/zip-bomb";
import { buildXlsx } from "../workbook/fixtures";
import { pythonWithOpenpyxl, runPython } from "../workbook/xlsx-python";

const tmp = mkdtempSync(join(tmpdir(), "esg-hostile-"));
/** esg as a child under /usr/bin/time, killed at `limitS` (tests/cli/run.ts). */
const esg = (args: string[], limitS = 60): Measured => runMeasured(args, { limitS });

function refusedInOneLine(o: Measured, message: RegExp): void {
  expect(o.code).toBe(2);
  expect(o.stderr.split("\n")).toEqual([expect.stringMatching(message)]);
}

/** A package with one part replaced (or added). */
function withPart(base: Buffer, name: string, data: Buffer): Buffer {
  const zip = readZip(base, "base");
  const items: ZipItem[] = zip.entries.filter((e) => e.name !== name).map((entry) => ({ kind: "copy", entry }));
  items.push({ kind: "new", name, data });
  return writeZip(base, items);
}

function partText(file: Buffer, name: string): string {
  const zip = readZip(file, "f");
  const entry = zip.byName.get(name)!;
  return inflateRawSync(file.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize)).toString("utf8");
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

async function base(): Promise<Buffer> {
  return buildXlsx({ sheets: [{ name: "D", cells: { B2: 1 } }], names: [{ name: "Electricity", scope: null, refersTo: "D!$B$2" }] });
}

async function file(name: string, data: Buffer | Promise<Buffer>): Promise<string> {
  const path = join(tmp, name);
  writeFileSync(path, await data);
  return path;
}

describe("limits: refused in one line, exit 2, within seconds and a few hundred MB", () => {
  test("a sheet that inflates 200 times over its compressed size (a zip bomb) with a name into it", async () => {
    const b = await base();
    const bomb = Buffer.concat([Buffer.from(SHEET_HEAD + "<sheetData>"), Buffer.alloc(40_000_000, 32), Buffer.from("</sheetData></worksheet>")]);
    const path = await file("bomb.xlsx", withPart(b, "xl/worksheets/sheet1.xml", bomb));
    const o = esg(["names", path]);
    refusedInOneLine(o, /sheet1\.xml inflates more than 200 times .* \(a zip bomb\); refused/);
    expect(o.seconds).toBeLessThan(15);
    expect(o.peakMb).toBeLessThan(400);
  });

  test("a 5 GB sheet in a 5 MB file (declaring 1,000 bytes): refused at the part cap, streamed in flat memory", async () => {
    const path = await file("bomb-5g.xlsx", withDeflatedPart(await base(), "xl/worksheets/sheet1.xml", deflatedSheetBomb(5000), 1000));
    const o = esg(["names", path]);
    refusedInOneLine(o, /sheet1\.xml inflates to more than 256,000,000 bytes; refused/);
    expect(o.seconds).toBeLessThan(20);
    // Before streaming, the part was held whole up to the cap (about 330 MB peak); now about a chunk.
    expect(o.peakMb).toBeLessThan(200);
  }, 60_000);

  test("a 5 GB sheet and a damaged part no name points into are never inflated: the run goes on", async () => {
    let b = await buildXlsx({
      sheets: [{ name: "D", cells: { B2: 1 } }, { name: "Bomb", cells: { A1: 1 } }, { name: "Broken", cells: { A1: 1 } }],
      names: [{ name: "Electricity", scope: null, refersTo: "D!$B$2" }],
    });
    b = withDeflatedPart(b, "xl/worksheets/sheet2.xml", deflatedSheetBomb(5000), 1000);
    b = withDeflatedPart(b, "xl/worksheets/sheet3.xml", Buffer.from("not deflate at all \xff\xff", "latin1"), 100);
    const path = await file("bomb-unread.xlsx", b);
    const o = esg(["names", path]);
    expect(o.stderr).toBe("");
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/Electricity/);
    expect(o.seconds).toBeLessThan(10);
    expect(o.peakMb).toBeLessThan(200);
  }, 60_000);

  // About 1.8 MB files (170:1, under the ratio cap), so only the part cap would stop them: without the
  // stretch cap saxes gathered the text up to it (measured: about 2.9 s and 360 MB peak).
  test("a 300 MB CDATA section in a cell of a named sheet: refused while it is open, in flat memory", async () => {
    const path = await file("cdata-300m.xlsx", withDeflatedPart(await base(), "xl/worksheets/sheet1.xml", deflatedCdataSheet(300), 1000));
    const o = esg(["names", path]);
    refusedInOneLine(o, /sheet1\.xml has a text, CDATA section or tag of more than 1,048,576 characters \(cell B2\); refused/);
    expect(o.seconds).toBeLessThan(10);
    expect(o.peakMb).toBeLessThan(200);
  }, 60_000);

  test("one 300 MB <t> in the shared strings a cell uses: refused while it is open, in flat memory", async () => {
    const b = await buildXlsx({ sheets: [{ name: "D", cells: { B2: "text" } }], names: [{ name: "Label", scope: null, refersTo: "D!$B$2" }] });
    expect(partText(b, "xl/worksheets/sheet1.xml")).toMatch(/t="s"/);
    const path = await file("sst-300m.xlsx", withDeflatedPart(b, "xl/sharedStrings.xml", deflatedLongSharedString(300), 1000));
    const o = esg(["names", path]);
    refusedInOneLine(o, /sharedStrings\.xml has a text, CDATA section or tag of more than 1,048,576 characters \(string 1 of the table\); refused/);
    expect(o.seconds).toBeLessThan(10);
    expect(o.peakMb).toBeLessThan(200);
  }, 60_000);

  test("a million defined names: refused by policy (more than 200,000)", async () => {
    const b = await base();
    const wb = partText(b, "xl/workbook.xml");
    const many = Array.from({ length: 1_000_000 }, (_, i) => `<definedName name="N${i}">D!$A$1</definedName>`).join("");
    const edited = wb.replace("<definedNames>", `<definedNames>${many}`);
    expect(edited).not.toBe(wb);
    const path = await file("names.xlsx", withPart(b, "xl/workbook.xml", Buffer.from(edited)));
    const o = esg(["names", path]);
    refusedInOneLine(o, /defines more than 200,000 names; refused/);
    expect(o.seconds).toBeLessThan(20);
    expect(o.peakMb).toBeLessThan(1024);
  }, 60_000);

  test("twenty names of 4.9 million cells each in a 10 KB file: values for the smallest within the total, the rest listed with a note", async () => {
    // Each name is under the per-name limit (5,000,000 cells); together they filled the heap (4.3 GB,
    // then a heap crash after 100 s). Now the cells read in all are capped (5,000,000).
    const names = Array.from({ length: 20 }, (_, i) => ({ name: `Big${i}`, scope: null, refersTo: `D!$A$1:$E$${980_000 - i}` }));
    const path = await file("giant-names.xlsx", buildXlsx({ sheets: [{ name: "D", cells: { B2: 1 } }], names: [{ name: "Electricity", scope: null, refersTo: "D!$B$2" }, ...names] }));
    expect(readFileSync(path).length).toBeLessThan(20_000);
    const listed = esg(["names", path]);
    expect([listed.code, listed.stderr]).toEqual([0, ""]);
    expectWithin(listed, 15, 500);
    const lines = listed.stdout.split("\n");
    expect(lines.find((l) => l.startsWith("Electricity "))).toMatch(/ 1$/);
    // Each such row points at its note, printed whole under the table.
    expect(lines.filter((l) => /^Big\d+ .*\(note \d+\)$/.test(l))).toHaveLength(19);
    expect(lines.filter((l) => /^ {2}\d+\. Big\d+: not read: names over the 5000000-cell total$/.test(l))).toHaveLength(19);
    expect(lines.find((l) => l.startsWith("Big19 "))).not.toMatch(/not read/);
    const kpis = esg(["kpis", "--json", path]);
    expect([kpis.code, kpis.stderr]).toEqual([0, ""]);
    expectWithin(kpis, 15, 500);
  }, 60_000);

  test("the cells read in all are given to the smallest names first (ESG_MAX_CELLS_READ_TOTAL=100)", async () => {
    const path = await file(
      "budget.xlsx",
      buildXlsx({
        sheets: [{ name: "D", cells: { A1: 5, B2: 1 } }],
        names: [
          { name: "Sixty", scope: null, refersTo: "D!$A$1:$A$60" },
          { name: "Fifty", scope: null, refersTo: "D!$A$1:$A$50" },
          { name: "One", scope: null, refersTo: "D!$B$2" },
          { name: "Thirty", scope: null, refersTo: "D!$A$1:$C$10" },
        ],
      }),
    );
    const o = runMeasured(["names", "--json", path], { env: { ESG_MAX_CELLS_READ_TOTAL: "100" } });
    expect([o.code, o.stderr]).toEqual([0, ""]);
    const read = (JSON.parse(o.stdout) as { names: { name: string; values: unknown[][] | null; note?: string }[] }).names;
    // 1 + 30 + 50 = 81 cells fit in 100; the 60-cell name would make 141.
    expect(read.map((n) => [n.name, n.values === null ? n.note : n.values.flat().length])).toEqual([
      ["Sixty", "not read: names over the 100-cell total"],
      ["Fifty", 50],
      ["One", 1],
      ["Thirty", 30],
    ]);
  });

  test("100,000 one-cell names over a 100,000-row sheet (streamed): read in seconds, every value found", async () => {
    // Each cell was tested against every name's rectangle (rows × names): 80,000 of each took 15 s.
    const n = 100_000;
    const b = await base();
    const wb = partText(b, "xl/workbook.xml").replace(
      "<definedNames>",
      "<definedNames>" + Array.from({ length: n }, (_, i) => `<definedName name="N${i}">D!$A$${i + 1}</definedName>`).join(""),
    );
    const rows = Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="C${i + 1}"><v>1</v></c></row>`).join("");
    const sheet = `${SHEET_HEAD}<sheetData>${rows}</sheetData></worksheet>`;
    expect(sheet.length).toBeGreaterThan(1 << 20); // the streamed path
    const path = await file("many-names.xlsx", withPart(withPart(b, "xl/workbook.xml", Buffer.from(wb)), "xl/worksheets/sheet1.xml", Buffer.from(sheet)));
    const o = esg(["names", "--json", path]);
    expect([o.code, o.stderr]).toEqual([0, ""]);
    expectWithin(o, 15, 600);
    const read = (JSON.parse(o.stdout) as { names: { name: string; values: unknown[][] | null }[] }).names;
    expect(read.filter((x) => /^N\d+$/.test(x.name) && x.values?.[0]?.[0] === Number(x.name.slice(1)))).toHaveLength(n);
  }, 60_000);

  test("100,000 nested tags in a sheet a name points into: refused at depth 256", async () => {
    const deep = SHEET_HEAD + "<sheetData>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</sheetData></worksheet>";
    const path = await file("deep.xlsx", withPart(await base(), "xl/worksheets/sheet1.xml", Buffer.from(deep)));
    const o = esg(["names", path]);
    refusedInOneLine(o, /sheet1\.xml nests elements deeper than 256; refused/);
    expect(o.seconds).toBeLessThan(15);
  });

  test("100,000 nested tags in a large sheet (parsed as it is inflated): refused at depth 256", async () => {
    const filler = "<row><c><v>1</v></c></row>".repeat(60_000); // over 1 MB: the streamed path
    const deep = SHEET_HEAD + "<sheetData>" + filler + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</sheetData></worksheet>";
    const b = await buildXlsx({ sheets: [{ name: "D", cells: { B2: 1 } }], names: [{ name: "Column", scope: null, refersTo: "D!$A:$A" }] });
    const path = await file("deep-large.xlsx", withPart(b, "xl/worksheets/sheet1.xml", Buffer.from(deep)));
    const o = esg(["names", path]);
    refusedInOneLine(o, /sheet1\.xml nests elements deeper than 256; refused/);
    expect(o.seconds).toBeLessThan(15);
  });

  test("100,000 nested tags in the shared strings a cell uses: refused at depth 256", async () => {
    const b = await buildXlsx({ sheets: [{ name: "D", cells: { B2: "text" } }], names: [{ name: "Label", scope: null, refersTo: "D!$B$2" }] });
    expect(partText(b, "xl/worksheets/sheet1.xml")).toMatch(/t="s"/);
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>text</t></si><si>' + "<r>".repeat(100_000) + "</r>".repeat(100_000) + "</si></sst>";
    const path = await file("deep-sst.xlsx", withPart(b, "xl/sharedStrings.xml", Buffer.from(sst)));
    refusedInOneLine(esg(["names", path]), /sharedStrings\.xml nests elements deeper than 256; refused/);
  });

  test("100,000 nested tags in xl/workbook.xml: refused at depth 256", async () => {
    const b = await base();
    const wb = partText(b, "xl/workbook.xml");
    const edited = wb.replace("</workbook>", "<extLst>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "</extLst></workbook>");
    expect(edited).not.toBe(wb);
    const path = await file("deep-workbook.xlsx", withPart(b, "xl/workbook.xml", Buffer.from(edited)));
    refusedInOneLine(esg(["names", path]), /workbook\.xml nests elements deeper than 256; refused/);
  });

  test("100,000 nested tags in a drawing no name points into: never parsed, the run goes on", async () => {
    const deep = "<x>".repeat(100_000) + "</x>".repeat(100_000);
    const path = await file("deep-drawing.xlsx", withPart(await base(), "xl/drawings/drawing9.xml", Buffer.from(deep)));
    const o = esg(["names", path]);
    expect(o.code).toBe(0);
    expect(o.stdout).toMatch(/Electricity/);
  });

  test("/dev/zero and a folder are not workbooks", () => {
    refusedInOneLine(esg(["generate", "/dev/zero"]), /\/dev\/zero is not a regular file/);
    refusedInOneLine(esg(["names", tmp]), /is a folder, not a workbook/);
  });
});

/** The <definedName> elements of a package's workbook part as written, the add-in's own markers left out. */
function definedNameElements(file: Buffer): string[] {
  return (partText(file, "xl/workbook.xml").match(/<definedName\b[^>]*?(?:\/>|>[^<]*<\/definedName>)/g) ?? []).filter(
    (d) => !d.includes('name="ESG_Generated"'),
  );
}

describe("names exactly as written", () => {
  // A sheet literally named R&#38;D (its XML spells the ampersand &amp;), a constant holding the text
  // &#169;, a comment with CR LF and a lone CR, a hidden name and a name local to that sheet: decoded
  // once, each name means what Excel reads, and generate writes every element back byte for byte.
  const NAMES =
    `<definedName name="Electricity" comment="line one&#13;&#10;line two&#13;three">'R&amp;#38;D'!$B$1</definedName>` +
    `<definedName name="Copy">"&amp;#169; 2024"</definedName>` +
    `<definedName name="Marks" hidden="1">"&#169; &lt;&amp;&gt;"</definedName>` +
    `<definedName name="Local" localSheetId="0">'R&amp;#38;D'!$B$1:$B$2</definedName>`;

  test("a sheet named R&#38;D, &#169; in a constant, \\r in a comment: read once, written back byte for byte", async () => {
    const b = await buildXlsx({ sheets: [{ name: "R&#38;D", cells: { B1: 1000, B2: 2 } }], names: [] });
    const wb = partText(b, "xl/workbook.xml");
    expect(wb).toContain('name="R&amp;#38;D"');
    const edited = wb.includes("<definedNames>")
      ? wb.replace("<definedNames>", `<definedNames>${NAMES}`)
      : wb.replace("</sheets>", `</sheets><definedNames>${NAMES}</definedNames>`);
    const path = await file("names-exact.xlsx", withPart(b, "xl/workbook.xml", Buffer.from(edited)));
    const input = readFileSync(path);
    expect(definedNameElements(input)).toHaveLength(4);

    const listed = esg(["names", "--json", path]);
    expect([listed.code, listed.stderr]).toEqual([0, ""]);
    expectWithin(listed, 15, 300);
    const names = (JSON.parse(listed.stdout) as { names: { name: string; refersTo: string; status: string; sheet: string | null; values: unknown }[] }).names;
    const byName = new Map(names.map((n) => [n.name, n]));
    expect(byName.get("Electricity")).toMatchObject({ refersTo: "'R&#38;D'!$B$1", status: "ok", sheet: "R&#38;D", values: [[1000]] });
    expect(byName.get("Local")).toMatchObject({ status: "ok", sheet: "R&#38;D", values: [[1000], [2]] });
    expect(byName.get("Copy")).toMatchObject({ refersTo: '"&#169; 2024"', status: "constant", values: [["&#169; 2024"]] });
    expect(byName.get("Marks")).toMatchObject({ refersTo: '"© <&>"', values: [["© <&>"]] });

    const out = join(tmp, "names-exact-out.xlsx");
    const run = esg(["generate", path, "--out", out]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expectWithin(run, 30, 400);
    expect(definedNameElements(readFileSync(out))).toEqual(definedNameElements(input));
  }, 60_000);
});

describe("the terminal is not driven by workbook text", () => {
  test("_x001B_[31m in a shared string: escaped on a terminal (a pseudo-terminal through script(1)), kept in --json", async () => {
    const path = await file(
      "escape.xlsx",
      buildXlsx({ sheets: [{ name: "D", cells: { B2: "_x001B_[31mred_x0007_" } }], names: [{ name: "Label", scope: null, refersTo: "D!$B$2" }] }),
    );
    expect(partText(readFileSync(path), "xl/sharedStrings.xml")).toContain("<t>_x001B_[31mred_x0007_</t>");
    const timing = join(tmp, "escape.time");
    const command = `/usr/bin/time -f '%e %M' -o '${timing}' '${process.execPath}' '${join(ROOT, "bin", "esg.js")}' names '${path}'`;
    // script(1) runs the command on a pseudo-terminal, so esg's stdout isTTY; -e returns its exit code.
    const r = spawnSync("script", ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, ESG_FROM_SOURCE: "1", TERM: "dumb" },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("\\x1B[31mred\\x07");
    expect([...r.stdout].filter((c) => c === "\u0007" || c === "\u001B")).toEqual([]);
    const [seconds, kb] = readFileSync(timing, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    expect(seconds).toBeLessThan(15);
    expect(kb / 1024).toBeLessThan(300);
    // Machine output keeps the text itself, JSON-escaped (a program reads it, not a terminal).
    const json = esg(["names", "--json", path]);
    expect(json.stdout).toContain('"\\u001b[31mred\\u0007"');
  });
});

describe("work that is never done", () => {
  test("ten data validations of a million cells each (a 10,000,000-cell total area): never expanded, names and generate in seconds", async () => {
    const b = await base();
    const sheet = partText(b, "xl/worksheets/sheet1.xml");
    const rules = Array.from(
      { length: 10 },
      (_, i) => `<dataValidation type="whole" allowBlank="1" sqref="${String.fromCharCode(67 + i)}1:${String.fromCharCode(67 + i)}1000000"><formula1>0</formula1><formula2>9</formula2></dataValidation>`,
    ).join("");
    const at = sheet.indexOf("<pageMargins");
    expect(at).toBeGreaterThan(0);
    const edited = `${sheet.slice(0, at)}<dataValidations count="10">${rules}</dataValidations>${sheet.slice(at)}`;
    const path = await file("validations.xlsx", withPart(b, "xl/worksheets/sheet1.xml", Buffer.from(edited)));
    expect(readFileSync(path).length).toBeLessThan(20_000);
    const names = esg(["names", path], 30);
    expect([names.code, names.stderr]).toEqual([0, ""]);
    expect(names.stdout).toMatch(/Electricity/);
    expectWithin(names, 10, 300);
    const out = join(tmp, "validations-out.xlsx");
    const gen = esg(["generate", path, "--out", out], 30);
    expect([gen.code, gen.stderr]).toEqual([0, ""]);
    expectWithin(gen, 20, 400);
    // The user's sheet, its validations included, is copied as it was.
    expect(partText(readFileSync(out), "xl/worksheets/sheet1.xml")).toBe(edited);
  }, 60_000);
});

describe("what held when issue 15 was filed still holds", () => {
  const DOCTYPE_BOMB =
    '<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';

  test("an external entity (XXE) and an entity blow-up: refused in one line, nothing fetched or expanded", async () => {
    const b = await buildXlsx({ sheets: [{ name: "D", cells: { B2: "text" } }], names: [{ name: "Label", scope: null, refersTo: "D!$B$2" }] });
    const wb = partText(b, "xl/workbook.xml");
    const xxe = wb.replace("<workbook", '<!DOCTYPE workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook').replace("D!$B$2<", "D!$B$2&x;<");
    expect(xxe).toContain("&x;");
    const sst = partText(b, "xl/sharedStrings.xml").replace("<sst", DOCTYPE_BOMB + "<sst").replace("<t>", "<t>&c;&c;&c;");
    for (const [name, part, text] of [
      ["xxe.xlsx", "xl/workbook.xml", xxe],
      ["entities.xlsx", "xl/sharedStrings.xml", sst],
    ] as const) {
      const o = esg(["names", await file(name, withPart(b, part, Buffer.from(text)))]);
      refusedInOneLine(o, new RegExp(`is damaged: ${part.replace(".", "\\.")} is not valid XML \\(.*undefined entity`));
      expect(o.stderr).not.toMatch(/root:/);
      expectWithin(o, 15, 300);
    }
  });

  test("a path-traversal entry is never written out of the package; 32,767-character text and a 50,000-term formula read; the 1904 date system kept", async () => {
    const b = await buildXlsx({
      sheets: [{ name: "D", cells: { B2: 1, B3: "=cmd|' /C calc'!A0", B4: "x".repeat(32_767), B5: { formula: "1+".repeat(50_000) + "1", result: 50_001 } } }],
      names: [{ name: "Electricity", scope: null, refersTo: "D!$B$2:$B$5" }],
    });
    const escapee = join(tmp, "escaped.txt");
    const trav = withPart(b, `../../../../../../..${escapee}`, Buffer.from("out of the package"));
    const wb = partText(b, "xl/workbook.xml");
    const path = await file("held.xlsx", withPart(trav, "xl/workbook.xml", Buffer.from(wb.replace(/<workbookPr\b[^>]*?\/>/, '<workbookPr date1904="1"/>'))));
    const listed = esg(["names", "--json", path]);
    expect([listed.code, listed.stderr]).toEqual([0, ""]);
    expectWithin(listed, 15, 300);
    const [name] = (JSON.parse(listed.stdout) as { names: { values: unknown[][] }[] }).names;
    expect(name.values).toEqual([[1], ["=cmd|' /C calc'!A0"], ["x".repeat(32_767)], [50_001]]);
    const out = join(tmp, "held-out.xlsx");
    const gen = esg(["generate", path, "--out", out]);
    expect([gen.code, gen.stderr]).toEqual([0, ""]);
    expectWithin(gen, 30, 400);
    expect(existsSync(escapee)).toBe(false);
    expect(partText(readFileSync(out), "xl/workbook.xml")).toMatch(/<workbookPr date1904="1"\/>/);
    // Formula-looking text stays text in what is written (no <f> holding it).
    expect(partText(readFileSync(out), "xl/worksheets/sheet1.xml")).not.toMatch(/<f>[^<]*cmd\|/);
  }, 60_000);
});

const withPython = pythonWithOpenpyxl() ? describe : describe.skip;

withPython("read as Excel does (openpyxl-written workbooks)", () => {
  const build = (body: string): Buffer =>
    runPython(
      [
        "import os, openpyxl",
        "from openpyxl.comments import Comment",
        "from openpyxl.chart import BarChart, Reference",
        "from openpyxl.workbook.defined_name import DefinedName",
        "wb = openpyxl.Workbook()",
        "ws = wb.active",
        body,
        "wb.save(os.environ['OUT'])",
      ].join("\n"),
    );

  test('sheets named with edge spaces ("Site A ", " Site B") with print areas: generated, every name kept byte for byte', async () => {
    const path = await file(
      "edge.xlsx",
      build(
        [
          'ws.title = "Site A "',
          'ws["B1"] = 1000',
          'ws.print_area = "A1:B5"',
          'ws2 = wb.create_sheet(" Site B")',
          'ws2["B1"] = 5',
          'ws2.print_area = "A1:C3"',
          `wb.defined_names.append(DefinedName("Electricity", attr_text="'Site A '!$B$1"))`,
        ].join("\n"),
      ),
    );
    const out = join(tmp, "edge-out.xlsx");
    const o = esg(["generate", path, "--out", out]);
    expect([o.code, o.stderr]).toEqual([0, ""]);
    expectWithin(o, 30, 400);
    const before = definedNameElements(readFileSync(path));
    expect(before.filter((d) => d.includes("_xlnm.Print_Area"))).toHaveLength(2);
    expect(definedNameElements(readFileSync(out))).toEqual(before);
  }, 60_000);

  test("a comment and a chart: read, and kept by --in-place", async () => {
    const path = await file(
      "comment.xlsx",
      build(
        [
          'ws.title = "Data"',
          'ws["B1"] = 1000',
          'ws["B1"].comment = Comment("a note\\nline two", "me")',
          "for i in range(2, 6): ws.cell(row=i, column=2, value=i)",
          "ch = BarChart(); ch.add_data(Reference(ws, min_col=2, min_row=1, max_row=5)); ws.add_chart(ch, 'D2')",
          'wb.defined_names.append(DefinedName("Electricity", attr_text="Data!$B$1"))',
        ].join("\n"),
      ),
    );
    const listed = esg(["names", path]);
    expect([listed.code, listed.stderr]).toEqual([0, ""]);
    expect(listed.stdout).toMatch(/Electricity .* 1000/);
    expectWithin(listed, 15, 300);
    const o = esg(["generate", path, "--in-place"]);
    expect([o.code, o.stderr]).toEqual([0, ""]);
    expectWithin(o, 30, 400);
    const names = readZip(readFileSync(path), "out").entries.map((e) => e.name);
    expect(names.some((n) => /^xl\/charts\/chart\d*\.xml$/.test(n))).toBe(true);
    expect(names.some((n) => /comments/.test(n))).toBe(true);
  }, 60_000);

  test("a chart part with an odd name (xl/charts/wasteChart.xml) is kept by --in-place, run after run", async () => {
    const built = build(
      [
        'ws.title = "Data"',
        "for i in range(1, 6): ws.cell(row=i, column=2, value=i * 100)",
        "ch = BarChart(); ch.add_data(Reference(ws, min_col=2, min_row=1, max_row=5)); ws.add_chart(ch, 'D2')",
        'wb.defined_names.append(DefinedName("Electricity", attr_text="Data!$B$1"))',
      ].join("\n"),
    );
    // Rename the chart part, and every reference to it (its drawing's relationship, its content type).
    const zip = readZip(built, "built");
    const rename = (t: string): string => t.split("charts/chart1.xml").join("charts/wasteChart.xml");
    const items: ZipItem[] = zip.entries.map((e) => ({
      kind: "new",
      name: rename(e.name),
      data: /\.(xml|rels)$/.test(e.name) ? Buffer.from(rename(partText(built, e.name))) : inflateRawSync(built.subarray(e.dataOffset, e.dataOffset + e.compressedSize)),
    }));
    const path = await file("odd-chart.xlsx", writeZip(null, items));
    const chart = partText(readFileSync(path), "xl/charts/wasteChart.xml");
    expect(partText(readFileSync(path), "xl/drawings/_rels/drawing1.xml.rels")).toContain("wasteChart.xml");
    for (let run = 0; run < 2; run++) {
      const o = esg(["generate", path, "--in-place", "--sections", "A2"]);
      expect([o.code, o.stderr]).toEqual([0, ""]);
      expectWithin(o, 30, 400);
      expect(partText(readFileSync(path), "xl/charts/wasteChart.xml")).toBe(chart);
      expect(partText(readFileSync(path), "xl/drawings/_rels/drawing1.xml.rels")).toContain("wasteChart.xml");
    }
    // openpyxl still finds the chart on the user's sheet.
    const count = runPython(
      "import os, openpyxl\nwb = openpyxl.load_workbook(os.environ['IN'])\nopen(os.environ['OUT'], 'w').write(str(len(wb['Data']._charts)))",
      readFileSync(path),
    );
    expect(count.toString()).toBe("1");
  }, 60_000);

  test("date serials 59, 60 and 61: 1900-02-28, Excel's phantom 1900-02-29 and 1900-03-01 (the 1900 leap-year bug)", async () => {
    const path = await file(
      "serial59.xlsx",
      build(
        [
          'ws.title = "D"',
          'for r, v in enumerate([59, 60, 61], 1): ws.cell(row=r, column=2, value=v).number_format = "yyyy-mm-dd"',
          'wb.defined_names.append(DefinedName("When", attr_text="D!$B$1:$B$3"))',
        ].join("\n"),
      ),
    );
    const o = esg(["names", "--json", path]);
    expect([o.code, o.stderr]).toEqual([0, ""]);
    expectWithin(o, 15, 300);
    const [when] = (JSON.parse(o.stdout) as { names: { values: unknown[][] }[] }).names;
    expect(when.values).toEqual([
      [{ kind: "date", iso: "1900-02-28" }],
      [{ kind: "date", iso: "1900-02-29" }],
      [{ kind: "date", iso: "1900-03-01" }],
    ]);
  });

  test("built-in property names as settings keys, factor ids and sheet names: findings, no internal error", async () => {
    const path = await file(
      "proto.xlsx",
      build(
        [
          'ws.title = "__proto__"',
          'ws["B1"] = 1000',
          'wb.defined_names.append(DefinedName("Electricity", localSheetId=0, attr_text="__proto__!$B$1"))',
          'cfg = wb.create_sheet("ESG_Config")',
          'for r, (k, v) in enumerate([("__proto__", "x"), ("valueOf", "1"), ("hasOwnProperty", "y"), ("constructor", "z")], 1): cfg.cell(row=r, column=1, value=k); cfg.cell(row=r, column=2, value=v)',
          'wb.defined_names.append(DefinedName("ESG_Settings", attr_text="ESG_Config!$A$1:$B$4"))',
          'hdr = ["id", "value", "unit", "gas", "kind", "key", "source", "published", "data year", "geography", "series"]',
          'for c, h in enumerate(hdr, 1): cfg.cell(row=10, column=c, value=h)',
          'for c, v in enumerate(["constructor", 0.5, "kg CO2/kWh", "CO2", "grid", "__proto__", "t", "2024", 2024, "CN", "cn-mee-nbs"], 1): cfg.cell(row=11, column=c, value=v)',
          'wb.defined_names.append(DefinedName("ESG_Factors", attr_text="ESG_Config!$A$10:$K$11"))',
        ].join("\n"),
      ),
    );
    for (const cmd of ["check", "kpis", "names"]) {
      const o = esg([cmd, path]);
      expect(o.stderr).not.toMatch(/internal error/);
      expectWithin(o, 20, 400);
      expect([0, 1]).toContain(o.code);
    }
  });

  test("a mapping to names defined as HYPERLINK(…) or _xlfn.WEBSERVICE(…), or too long: never in a generated formula", async () => {
    const long = "L".repeat(300);
    const path = await file(
      "inject.xlsx",
      build(
        [
          'ws.title = "Data"',
          'ws["B1"] = 1000; ws["B2"] = 50; ws["B3"] = 500',
          'wb.defined_names.append(DefinedName("MyCoal", attr_text="Data!$B$3"))',
          `wb.defined_names.append(DefinedName("Lure", attr_text='HYPERLINK("http://x","y")'))`,
          `wb.defined_names.append(DefinedName("Fetch", attr_text='_xlfn.WEBSERVICE("http://127.0.0.1:8999/")'))`,
          `wb.defined_names.append(DefinedName("${long}", attr_text="Data!$B$2"))`,
          'wb.defined_names.append(DefinedName("Production", attr_text="Data!$B$1"))',
          'cfg = wb.create_sheet("ESG_Config")',
          `for r, (k, v) in enumerate([("electricity", "Lure"), ("diesel", "Fetch"), ("water", "${long}"), ("coal", "MyCoal")], 1): cfg.cell(row=r, column=1, value=k); cfg.cell(row=r, column=2, value=v)`,
          'wb.defined_names.append(DefinedName("ESG_Mapping", attr_text="ESG_Config!$A$1:$B$4"))',
        ].join("\n"),
      ),
    );
    const out = join(tmp, "inject-out.xlsx");
    const o = esg(["generate", path, "--out", out]);
    expect(o.code).toBe(0);
    expectWithin(o, 30, 400);
    const zip = readZip(readFileSync(out), "out");
    const sheets = zip.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).map((e) => partText(readFileSync(out), e.name));
    const formulas = sheets.flatMap((s) => [...s.matchAll(/<f[^>]*>([^<]*)<\/f>/g)].map((m) => m[1]));
    expect(formulas.some((f) => f.includes("MyCoal"))).toBe(true); // the valid mapped name is live
    for (const f of formulas) expect(f).not.toMatch(/HYPERLINK|WEBSERVICE|Lure|Fetch|LLLLLLLL/);
    const check = esg(["check", path]);
    expect(check.stdout).toMatch(/ESG_Config!B3/);
    expect(existsSync(out)).toBe(true);
  });
});
