/**
 * Each small module of the xlsx host on its own: the zip container, the XML scanner, and the editors of
 * the styles, relationships, content types, calculation chain, extended properties, workbook and
 * history parts, the cell locator and the cell values.
 */
import { deflateRawSync } from "zlib";
import { dropSheetTitles } from "../../src/workbook/xlsx/appProps";
import { dropCalcChainSheets } from "../../src/workbook/xlsx/calcChain";
import { cellValue, isoOfSerial, type CellContext } from "../../src/workbook/xlsx/cellValue";
import { editContentTypes, WORKSHEET_TYPE } from "../../src/workbook/xlsx/contentTypes";
import { WorkbookError } from "../../src/workbook/xlsx/errors";
import { appendHistoryXml } from "../../src/workbook/xlsx/history";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { dateStyles, isDateFormat } from "../../src/workbook/xlsx/numberFormats";
import { editRels, freeIds } from "../../src/workbook/xlsx/relsPart";
import { parseSharedStrings } from "../../src/workbook/xlsx/sharedStrings";
import { parseCellRef, readSheetCellsStream, readSheetCellsText, cellKey } from "../../src/workbook/xlsx/sheetCells";
import { applySplices, setAttribute, startTagEnd } from "../../src/workbook/xlsx/splice";
import { StyleBook } from "../../src/workbook/xlsx/stylesPart";
import { escapeXstring, MAX_XML_DEPTH, scanXml, wholeText } from "../../src/workbook/xlsx/xml";
import { entryText, inflateEntry, readZip, streamEntryText, writeZip } from "../../src/workbook/xlsx/zip";
import { contractHistory, contractSheet } from "./contract";
import { buildXlsx, CONTRACT_FIXTURE } from "./fixtures";

describe("zip", () => {
  test("copied entries keep every byte of their records; new ones read back", () => {
    const first = writeZip(null, [
      { kind: "new", name: "a.xml", data: Buffer.from("<a>" + "x".repeat(1000) + "</a>") },
      { kind: "new", name: "b.bin", data: Buffer.from([1, 2, 3]) },
    ]);
    const zip = readZip(first, "first");
    expect(zip.entries.map((e) => [e.name, e.method])).toEqual([
      ["a.xml", 8],
      ["b.bin", 0], // too small to gain from deflate: stored
    ]);
    const second = writeZip(first, [
      { kind: "new", name: "c.xml", data: Buffer.from("<c/>") },
      { kind: "copy", entry: zip.byName.get("a.xml")! },
    ]);
    const again = readZip(second, "second");
    const a0 = zip.byName.get("a.xml")!;
    const a1 = again.byName.get("a.xml")!;
    expect(second.subarray(a1.localOffset, a1.localOffset + a1.localLength)).toEqual(
      first.subarray(a0.localOffset, a0.localOffset + a0.localLength),
    );
    expect(entryText(again, "a.xml", "x")).toMatch(/^<a>x{1000}<\/a>$/);
    expect(entryText(again, "c.xml", "x")).toBe("<c/>");
  });

  test("a damaged directory and an entry inflating past the cap are one-line refusals", () => {
    expect(() => readZip(Buffer.from("PK\x03\x04 not really a zip", "latin1"), "bad.xlsx")).toThrow(
      WorkbookError,
    );
    const bomb = Buffer.alloc(3_000_000);
    const zip = readZip(writeZip(null, [{ kind: "new", name: "big.xml", data: bomb }]), "bomb.xlsx");
    const entry = zip.byName.get("big.xml")!;
    expect(deflateRawSync(bomb).length).toBeLessThan(10_000);
    expect(inflateEntry(zip, entry, "bomb.xlsx").length).toBe(3_000_000);
    const prev = process.env.ESG_MAX_PART_BYTES;
    process.env.ESG_MAX_PART_BYTES = "1000000";
    try {
      expect(() => inflateEntry(zip, entry, "bomb.xlsx")).toThrow(
        /^bomb\.xlsx: part big\.xml inflates to more than 1,000,000 bytes; refused$/,
      );
    } finally {
      if (prev === undefined) delete process.env.ESG_MAX_PART_BYTES;
      else process.env.ESG_MAX_PART_BYTES = prev;
    }
  });
});

describe("zip: parts inflated as streams", () => {
  const withEnv = async (name: string, value: string, f: () => Promise<void>): Promise<void> => {
    const prev = process.env[name];
    process.env[name] = value;
    try {
      await f();
    } finally {
      if (prev === undefined) delete process.env[name];
      else process.env[name] = prev;
    }
  };

  test("text arrives whole in pieces (multi-byte characters across pieces, a byte order mark dropped)", async () => {
    const text = "<a>" + "溫室氣體 GHG ".repeat(20_000) + "</a>";
    const zip = readZip(
      writeZip(null, [
        { kind: "new", name: "a.xml", data: Buffer.from("\ufeff" + text) },
        { kind: "new", name: "b.xml", data: Buffer.from("<b/>") }, // stored: too small to deflate
      ]),
      "x",
    );
    expect(zip.byName.get("b.xml")!.method).toBe(0);
    for (const name of ["a.xml", "b.xml"]) {
      const pieces: string[] = [];
      await streamEntryText(zip, zip.byName.get(name)!, "x", (t) => void pieces.push(t));
      expect(pieces.join("")).toBe(name === "a.xml" ? text : "<b/>");
      if (name === "a.xml") expect(pieces.length).toBeGreaterThan(3);
    }
  });

  test("a reader that has what it needs stops the inflating", async () => {
    const zip = readZip(writeZip(null, [{ kind: "new", name: "big.xml", data: Buffer.alloc(10_000_000, 32) }]), "x");
    let bytes = 0;
    await streamEntryText(zip, zip.byName.get("big.xml")!, "x", (t) => {
      bytes += t.length;
      return false;
    });
    expect(bytes).toBeLessThanOrEqual(64 * 1024);
  });

  test("a bomb is refused at its cap, having inflated no more than the cap", async () => {
    const bomb = Buffer.alloc(30_000_000);
    const zip = readZip(writeZip(null, [{ kind: "new", name: "big.xml", data: bomb }]), "bomb.xlsx");
    const entry = zip.byName.get("big.xml")!;
    // A crafted bomb declares a small size; the cap is counted on what actually comes out.
    const lying = { ...entry, size: 100 };
    await withEnv("ESG_MAX_PART_BYTES", "1000000", async () => {
      let bytes = 0;
      await expect(streamEntryText(zip, lying, "bomb.xlsx", (t) => void (bytes += t.length))).rejects.toThrow(
        /^bomb\.xlsx: part big\.xml inflates to more than 1,000,000 bytes; refused$/,
      );
      expect(bytes).toBeLessThanOrEqual(1_000_000);
      // The writer's own claim is refused before anything is inflated.
      bytes = 0;
      await expect(streamEntryText(zip, entry, "bomb.xlsx", (t) => void (bytes += t.length))).rejects.toThrow(/refused$/);
      expect(bytes).toBe(0);
    });
    // With the default caps, the ratio refuses it (30 MB from about 30 KB is ~1,000:1).
    await expect(streamEntryText(zip, lying, "bomb.xlsx", () => undefined)).rejects.toThrow(
      /part big\.xml inflates more than 200 times its [\d,]+ compressed bytes \(a zip bomb\); refused$/,
    );
  });

  test("a damaged deflate stream is a one-line refusal naming the part", async () => {
    const file = writeZip(null, [{ kind: "new", name: "a.xml", data: Buffer.from("<a>" + "y".repeat(5000) + "</a>") }]);
    const zip = readZip(file, "x");
    const e = zip.byName.get("a.xml")!;
    file.fill(0xff, e.dataOffset, e.dataOffset + 8);
    await expect(streamEntryText(zip, e, "bad.xlsx", () => undefined)).rejects.toThrow(/^bad\.xlsx is damaged: .*a\.xml/);
  });
});

describe("xml", () => {
  test("spans point at the elements as written; text is decoded once", () => {
    const xml = '<?xml version="1.0"?>\r\n<a xmlns:r="u"><b x="1&amp;2">R&amp;#38;D&#10;</b><c/></a>';
    const seen: string[] = [];
    let text = "";
    scanXml(
      xml,
      {
        close: (el, end) => seen.push(xml.slice(el.start, end)),
        text: (t) => (text += t),
      },
      "x",
      "p",
    );
    expect(seen).toEqual(['<b x="1&amp;2">R&amp;#38;D&#10;</b>', "<c/>", xml.slice(xml.indexOf("<a"))]);
    expect(text).toContain("R&#38;D\n");
  });

  test("too deep, or not XML: one line", () => {
    const deep = "<a>".repeat(MAX_XML_DEPTH + 1) + "</a>".repeat(MAX_XML_DEPTH + 1);
    expect(() => scanXml(deep, {}, "d.xlsx", "xl/drawings/drawing1.xml")).toThrow(/deeper than/);
    expect(() => scanXml("<a><b></a>", {}, "d.xlsx", "xl/workbook.xml")).toThrow(/not valid XML/);
    expect(() => scanXml('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', {}, "d.xlsx", "p")).toThrow(
      WorkbookError,
    );
  });

  test("control characters become _xHHHH_ escapes, and a literal _x0041_ stays itself", () => {
    expect(escapeXstring("a\u0001b_x0041_")).toBe("a_x0001_b_x005F_x0041_");
  });
});

describe("xml: one stretch between tags is capped (limits.ts xmlTextChars, 1 Mi characters)", () => {
  const CAP = 1 << 20;
  const PIECE = 64 * 1024;
  const one = [{ top: 2, left: 2, bottom: 2, right: 2 }];

  /** `head`, then pieces of "x" that never end (the part cap is not what stops them), counting what is handed. */
  const endless = (head: string) => {
    const seen = { chars: 0 };
    const source = async (onText: (text: string) => boolean | void): Promise<void> => {
      const piece = "x".repeat(PIECE);
      seen.chars += head.length;
      onText(head);
      for (let i = 0; i < 1000; i++) {
        seen.chars += piece.length;
        if (onText(piece) === false) return;
      }
    };
    return { seen, source };
  };

  test("a CDATA section, text, attribute value or comment still open is refused within one piece of the cap", async () => {
    const sheet = '<worksheet xmlns="m"><sheetData><row r="2">';
    for (const [open, where] of [
      ['<c r="B2" t="str"><v><![CDATA[', " \\(cell B2\\)"],
      ['<c r="B2" t="str"><v>', " \\(cell B2\\)"],
      ['<c r="B2" s="', ""],
      ["<!--", ""],
    ] as const) {
      const { seen, source } = endless(sheet + open);
      await expect(readSheetCellsStream(source, one, false, "b.xlsx", "xl/worksheets/sheet1.xml")).rejects.toThrow(
        new RegExp(`^b\\.xlsx: xl/worksheets/sheet1\\.xml has a text, CDATA section or tag of more than 1,048,576 characters${where}; refused$`),
      );
      // Refused while the stretch is open: no more than one piece past the cap was handed to the parser.
      expect(seen.chars).toBeLessThanOrEqual(sheet.length + open.length + CAP + PIECE);
    }
    const sst = endless('<sst xmlns="m"><si><t>a</t></si><si><t>');
    await expect(parseSharedStrings(sst.source, "b.xlsx", "xl/sharedStrings.xml")).rejects.toThrow(
      /^b\.xlsx: xl\/sharedStrings\.xml has a text, CDATA section or tag of more than 1,048,576 characters \(string 2 of the table\); refused$/,
    );
    expect(sst.seen.chars).toBeLessThanOrEqual(CAP + 2 * PIECE);
  });

  test("a stretch over the cap that closes within one piece is refused too, on every path", async () => {
    const over = "y".repeat(CAP + 100);
    const sheet = `<worksheet xmlns="m"><sheetData><row r="2"><c r="B2" t="str"><v><![CDATA[${over}]]></v></c></row></sheetData></worksheet>`;
    const refusal = /^b\.xlsx: p has a text, CDATA section or tag of more than 1,048,576 characters \(cell B2\); refused$/;
    await expect(readSheetCellsStream(wholeText(sheet), one, false, "b.xlsx", "p")).rejects.toThrow(refusal);
    // The small-part path: the cell locator hands the cells it finds to the same parser.
    expect(() => readSheetCellsText(sheet, one, false, "b.xlsx", "p")).toThrow(refusal);
    expect(() => readSheetCellsText(sheet, one, true, "b.xlsx", "p")).toThrow(refusal);
    // Parts parsed whole (workbook, styles, relationships …) keep the same rule.
    expect(() => scanXml(`<workbook><definedNames><definedName name="N">${over}</definedName></definedNames></workbook>`, {}, "b.xlsx", "xl/workbook.xml")).toThrow(
      /^b\.xlsx: xl\/workbook\.xml has a text, CDATA section or tag of more than 1,048,576 characters; refused$/,
    );
    expect(() => scanXml(`<a><!--${over}--></a>`, {}, "b.xlsx", "p", { positions: false })).toThrow(/more than 1,048,576 characters; refused/);
  });

  test("Excel's longest cell text (32,767 characters) reads exactly, escaped or in CDATA, in pieces of any size", async () => {
    // 11 UTF-16 units a round (the emoji is two), cut after 9 of the last: no surrogate pair split.
    const text = "\u{1F600}&<>]]\"'中x".repeat(2979).slice(0, 32_767);
    expect(text.length).toBe(32_767);
    const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[中]/g, "&#x4E2D;");
    // A CDATA section cannot hold "]]>": split it there, as writers do.
    const cdata = `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
    // Every character as a numeric reference: the longest way a cell's text is written (about 240,000 characters).
    const referenced = [...text].map((c) => `&#x${c.codePointAt(0)!.toString(16).padStart(4, "0")};`).join("");
    expect(referenced.length).toBeGreaterThan(240_000);
    for (const body of [escaped, cdata, referenced]) {
      const sheet = `<worksheet xmlns="m"><sheetData><row r="2"><c r="B2" t="str"><v>${body}</v></c></row></sheetData></worksheet>`;
      expect(readSheetCellsText(sheet, one, false, "b.xlsx", "p").cells.get(cellKey(2, 2))?.value).toBe(text);
      for (const size of [PIECE, 4099]) {
        const got = await readSheetCellsStream(
          async (onText) => {
            for (let at = 0; at < sheet.length; at += size) onText(sheet.slice(at, at + size));
          },
          one,
          false,
          "b.xlsx",
          "p",
        );
        expect(got.cells.get(cellKey(2, 2))?.value).toBe(text);
      }
      expect(await parseSharedStrings(wholeText(`<sst xmlns="m"><si><t>${body}</t></si></sst>`), "b.xlsx", "p")).toEqual([text]);
    }
    // Just under the cap is not refused (the cap is for what no workbook holds, not for long texts).
    const under = "z".repeat(CAP - 64);
    expect(await parseSharedStrings(wholeText(`<sst xmlns="m"><si><t>${under}</t></si></sst>`), "b.xlsx", "p")).toEqual([under]);
  });

  test("a workbook written by ExcelJS with a 32,767-character shared string reads it exactly", async () => {
    const text = "Scope 3 — ".repeat(3277).slice(0, 32_767);
    const input = await buildXlsx({ sheets: [{ name: "D", cells: { B2: text } }], names: [{ name: "Note", scope: null, refersTo: "D!$B$2" }] });
    const read = await (await XlsxHost.fromBuffer(input, "long.xlsx")).read();
    expect(read.names[0].values).toEqual([[text]]);
  });
});

describe("splice", () => {
  test("edits only the spans; attributes are set in the start tag as written", () => {
    expect(
      applySplices("abcdef", [
        { start: 1, end: 2, text: "X" },
        { start: 4, end: 4, text: "Y" },
      ]),
    ).toBe("aXcdYef");
    expect(startTagEnd('<a b="x>y">z</a>', 0)).toBe(11);
    expect(setAttribute('<definedName name="A" localSheetId="3">', "localSheetId", "1")).toBe(
      '<definedName name="A" localSheetId="1">',
    );
    expect(setAttribute("<c r='A1'/>", "i", "2")).toBe("<c r='A1' i=\"2\"/>");
  });
});

describe("styles", () => {
  const STYLES =
    '<styleSheet xmlns="m"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill/><fill/></fills>' +
    '<borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';
  const spec = {
    font: '<font><b/><sz val="10"/></font>',
    numberFormat: '#,##0.0 "t"',
    fill: '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/></patternFill></fill>',
  };

  test("appended once, counts updated, and a second book over the result adds nothing", () => {
    const book = new StyleBook(STYLES, "x", "xl/styles.xml");
    const xf = book.xf(spec);
    expect(book.xf(spec)).toBe(xf);
    const once = book.toXml();
    expect(once).toMatch(
      /<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0 &quot;t&quot;"\/><\/numFmts><fonts count="2">/,
    );
    expect(once).toMatch(/<cellXfs count="2">/);
    const again = new StyleBook(once, "x", "xl/styles.xml");
    expect(again.xf(spec)).toBe(xf);
    expect(again.changed).toBe(false);
    expect(again.toXml()).toBe(once);
  });

  test("built-in formats keep their ids; a prefixed part gets prefixed additions", () => {
    const book = new StyleBook(
      STYLES.replace(/<(\/?)/g, "<$1x:").replace('x:styleSheet xmlns="m"', 'x:styleSheet xmlns:x="m"'),
      "x",
      "p",
    );
    expect(book.numFmtId("0.00")).toBe(2);
    book.xf({ font: "<font><i/></font>" });
    expect(book.toXml()).toContain("<x:font><x:i/></x:font>");
  });
});

describe("relationships, content types, calculation chain, extended properties", () => {
  test("relationships: removed by id, added with free ids", () => {
    const rels =
      '<Relationships xmlns="p"><Relationship Id="rId1" Type="t" Target="a"/><Relationship Id="rId3" Type="t" Target="b"/></Relationships>';
    expect(freeIds(["rId1", "rId3"], 2)).toEqual(["rId4", "rId5"]);
    expect(
      editRels(
        rels,
        new Set(["rId1"]),
        [{ id: "rId4", type: "w", target: "worksheets/sheet9.xml" }],
        "x",
        "r",
      ),
    ).toBe(
      '<Relationships xmlns="p"><Relationship Id="rId3" Type="t" Target="b"/><Relationship Id="rId4" Type="w" Target="worksheets/sheet9.xml"/></Relationships>',
    );
  });

  test("content types: overrides of removed parts go, new ones come once", () => {
    const types =
      '<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="w"/></Types>';
    const out = editContentTypes(
      types,
      new Set(["xl/worksheets/sheet2.xml"]),
      new Map([["xl/worksheets/sheet7.xml", WORKSHEET_TYPE]]),
      "x",
    );
    expect(out).toBe(
      `<Types xmlns="t"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet7.xml" ContentType="${WORKSHEET_TYPE}"/></Types>`,
    );
  });

  test("calculation chain: the replaced sheet's entries go; an entry that inherited its sheet id gets it", () => {
    const chain =
      '<calcChain xmlns="m"><c r="A1" i="1"/><c r="A2"/><c r="B1" i="2"/><c r="B2"/><c r="C1" i="1"/></calcChain>';
    const out = dropCalcChainSheets(chain, new Set(["2"]), "x", "xl/calcChain.xml");
    expect(out).toEqual({
      xml: '<calcChain xmlns="m"><c r="A1" i="1"/><c r="A2"/><c r="C1" i="1"/></calcChain>',
      remaining: 3,
    });
    const first = dropCalcChainSheets(chain, new Set(["1"]), "x", "p");
    expect(first.xml).toBe('<calcChain xmlns="m"><c r="B1" i="2"/><c r="B2"/></calcChain>');
  });

  test("extended properties: the sheet titles go, the rest stays", () => {
    const app =
      '<Properties xmlns="e" xmlns:vt="v"><Application>Microsoft Excel</Application><HeadingPairs><vt:vector/></HeadingPairs><TitlesOfParts><vt:vector/></TitlesOfParts><Company>ACME</Company></Properties>';
    expect(dropSheetTitles(app, "x", "docProps/app.xml")).toBe(
      '<Properties xmlns="e" xmlns:vt="v"><Application>Microsoft Excel</Application><Company>ACME</Company></Properties>',
    );
  });
});

describe("history", () => {
  test("a row is appended after the last one, in the part's own prefix", () => {
    const sheet =
      '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"/></x:row><x:row r="7"/></x:sheetData></x:worksheet>';
    const out = appendHistoryXml(sheet, contractHistory("2025-01-01T00:00:00.000Z", ["S"]), "x", "p");
    expect(out).toMatch(
      /<x:row r="7"\/><x:row r="8"><x:c r="A8" t="inlineStr"><x:is><x:t>2025-01-01T00:00:00.000Z<\/x:t><\/x:is><\/x:c>/,
    );
  });
});

describe("reading cells", () => {
  test("cell references", () => {
    expect(parseCellRef("A1")).toEqual([1, 1]);
    expect(parseCellRef("$XFD$1048576")).toEqual([1_048_576, 16_384]);
    expect(parseCellRef("AAAA1")).toBeNull();
    expect(parseCellRef("A")).toBeNull();
  });

  test("only the cells in the rectangles are kept; merges come from after sheetData", async () => {
    const xml =
      '<worksheet xmlns="m"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>' +
      '<row r="5"><c r="B5"><f>B1*2</f><v>4</v></c><c r="C5" t="inlineStr"><is><t>hi</t></is></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="B5:C5"/></mergeCells></worksheet>';
    const cells = await readSheetCellsStream(wholeText(xml), [{ top: 5, left: 2, bottom: 5, right: 3 }], false, "x", "p");
    expect([...cells.cells.keys()]).toEqual([cellKey(5, 2), cellKey(5, 3)]);
    expect(cells.cells.get(cellKey(5, 2))).toMatchObject({ formula: "B1*2", value: "4" });
    expect(cells.merges).toEqual([{ top: 5, left: 2, bottom: 5, right: 3 }]);
    const whole = await readSheetCellsStream(wholeText(xml), [{ top: 1, left: 1, bottom: 1_048_576, right: 1 }], true, "x", "p");
    expect([whole.rowCount, whole.columnCount]).toEqual([5, 3]);
  });

  test("inline strings decode _xHHHH_ escapes as shared strings do (ST_Xstring, §22.9.2.19), in plain and rich runs", async () => {
    // C1: a control character, a literal "_x0041_" written escaped (_x005F_ is "_"); D1: rich runs, each decoded.
    const xml =
      '<worksheet xmlns="m"><sheetData><row r="1">' +
      '<c r="C1" t="inlineStr"><is><t>a_x000D_b_x005F_x0041_</t></is></c>' +
      '<c r="D1" t="inlineStr"><is><r><t>R_x0026_</t></r><r><t>D_x001B_</t></r><rPh><t>_x0041_</t></rPh></is></c>' +
      "</row></sheetData></worksheet>";
    const rect = [{ top: 1, left: 3, bottom: 1, right: 4 }];
    const expected = { C1: "a\rb_x0041_", D1: "R&D\u001b" };
    const streamed = await readSheetCellsStream(wholeText(xml), rect, false, "x", "p");
    const located = readSheetCellsText(xml, rect, false, "x", "p");
    const parsed = readSheetCellsText(xml, rect, true, "x", "p");
    for (const cells of [streamed, located, parsed])
      expect({ C1: cells.cells.get(cellKey(1, 3))?.value, D1: cells.cells.get(cellKey(1, 4))?.value }).toEqual(expected);
  });

  test("a sheet 200,000 names point into: the cell locator bounds their rows without overflowing the stack", () => {
    // Math.min(...rects) threw "Maximum call stack size exceeded" here (generate on 199,990 names).
    const xml = '<worksheet xmlns="m"><sheetData><row r="2"><c r="B2"><v>7</v></c></row></sheetData></worksheet>';
    const rects = Array.from({ length: 200_000 }, (_, i) => ({ top: (i % 1000) + 2, left: 2, bottom: (i % 1000) + 2, right: 2 }));
    const cells = readSheetCellsText(xml, rects, false, "x", "p");
    expect(cells.cells.get(cellKey(2, 2))).toMatchObject({ value: "7" });
  });

  test("a part read in pieces of any size reads the same; the scan stops after the last row asked for", async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><f t="shared" ref="A${i + 1}:B${i + 1}" si="${i}">ROW()</f><v>${i + 1}</v></c><c r="B${i + 1}"><f t="shared" si="${i}"/></c></row>`,
    );
    const xml =
      `<x:worksheet xmlns:x="m"><x:sheetData>${rows.join("").replace(/<(\/?)(row|c|f|v)\b/g, "<$1x:$2")}</x:sheetData>` +
      '<x:mergeCells count="2"><x:mergeCell ref="A1:A2"/><x:mergeCell ref="C3:D4"/></x:mergeCells></x:worksheet>';
    const rect = [{ top: 3, left: 1, bottom: 4, right: 2 }];
    const expected = await readSheetCellsStream(wholeText(xml), rect, false, "x", "p");
    expect(expected.cells.get(cellKey(4, 2))).toMatchObject({ formula: "", sharedIndex: "3" });
    expect(expected.sharedFormulas.get("3")).toBe("ROW()");
    expect(expected.merges).toHaveLength(2);
    // A small part held whole goes through the cell locator: the same cells, formulas and merges.
    const located = readSheetCellsText(xml, rect, false, "x", "p");
    expect(located.cells).toEqual(expected.cells);
    expect(located.merges).toEqual(expected.merges);
    expect(located.sharedFormulas.get("3")).toBe("ROW()");
    for (const size of [1, 3, 7, 64, 1000]) {
      const pieces: string[] = [];
      for (let at = 0; at < xml.length; at += size) pieces.push(xml.slice(at, at + size));
      let handed = 0;
      const got = await readSheetCellsStream(
        async (onText) => {
          for (const p of pieces) {
            handed++;
            onText(p);
          }
        },
        rect,
        false,
        "x",
        "p",
      );
      expect(got).toEqual(expected);
      expect(handed).toBe(pieces.length);
    }
  });

  test("nesting deeper than the cap inside a sheet is refused in one line", async () => {
    const deep = `<worksheet xmlns="m"><sheetData>${"<x>".repeat(300)}${"</x>".repeat(300)}</sheetData></worksheet>`;
    await expect(readSheetCellsStream(wholeText(deep), [{ top: 1, left: 1, bottom: 1, right: 1 }], false, "b.xlsx", "p")).rejects.toThrow(
      /^b\.xlsx: p nests elements deeper than 256; refused$/,
    );
    // The cell locator counts the depth of what it passes over (between the cells, before sheetData).
    const rect = [{ top: 2, left: 1, bottom: 2, right: 1 }];
    const between = `<worksheet xmlns="m"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>${"<x>".repeat(300)}${"</x>".repeat(300)}<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    expect(() => readSheetCellsText(between, rect, false, "b.xlsx", "p")).toThrow(/^b\.xlsx: p nests elements deeper than 256; refused$/);
    expect(() => readSheetCellsText(deep, rect, false, "b.xlsx", "p")).toThrow(/nests elements deeper than 256/);
    expect(() => readSheetCellsText(deep, rect, true, "b.xlsx", "p")).toThrow(/nests elements deeper than 256/);
    // 250 levels (within the cap) and self-closing tags, comments and declarations do not count.
    const fine = `<?xml version="1.0"?><worksheet xmlns="m"><!-- n --><sheetData>${"<x>".repeat(250)}${"<y/>".repeat(500)}${"</x>".repeat(250)}<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`;
    expect(readSheetCellsText(fine, rect, false, "b.xlsx", "p").cells.get(cellKey(2, 1))).toMatchObject({ value: "2" });
    const sst = `<sst xmlns="m"><si>${"<r>".repeat(300)}${"</r>".repeat(300)}</si></sst>`;
    await expect(parseSharedStrings(wholeText(sst), "b.xlsx", "s")).rejects.toThrow(/s nests elements deeper than 256; refused/);
  });

  test("values as ExcelJS 4.4.0 read them", () => {
    const ctx: CellContext = {
      sharedString: (i) => ["zero", "one"][i] ?? "",
      isDateStyle: (s) => s === 3,
      date1904: false,
      sharedFormula: () => "A1+1",
    };
    const raw = (t: string | undefined, value: string | undefined, extra = {}) => ({
      t,
      style: 0,
      value,
      formula: undefined,
      sharedIndex: undefined,
      ...extra,
    });
    expect(cellValue(raw("s", "1"), ctx)).toBe("one");
    expect(cellValue(raw("b", "1"), ctx)).toBe(true);
    expect(cellValue(raw("e", "#N/A"), ctx)).toEqual({ kind: "error", code: "#N/A" });
    expect(cellValue(raw(undefined, "45657", { style: 3 }), ctx)).toEqual({
      kind: "date",
      iso: "2024-12-31",
    });
    expect(cellValue(raw(undefined, undefined, { formula: "", sharedIndex: "0" }), ctx)).toEqual({
      kind: "uncached",
      formula: "A1+1",
    });
    expect(cellValue(raw("str", "x", { formula: 'A1&""' }), ctx)).toBe("x");
    expect(isoOfSerial(45657.5, false)).toBe("2024-12-31T12:00:00");
    // The 1900 leap-year bug, as Excel shows these serials.
    expect(isoOfSerial(1, false)).toBe("1900-01-01");
    expect(isoOfSerial(59, false)).toBe("1900-02-28");
    expect(isoOfSerial(60, false)).toBe("1900-02-29");
    expect(isoOfSerial(60.5, false)).toBe("1900-02-29T12:00:00");
    expect(isoOfSerial(61, false)).toBe("1900-03-01");
    expect(isoOfSerial(59, true)).toBe("1904-02-29");
  });

  test("shared strings: runs joined, phonetic runs left out, escapes decoded", async () => {
    const sst =
      '<sst xmlns="m"><si><t>plain</t></si><si><r><t>Ri</t></r><r><t>ch</t></r><rPh><t>ふり</t></rPh></si><si><t>a_x000D_b</t></si></sst>';
    expect(await parseSharedStrings(wholeText(sst), "x", "p")).toEqual(["plain", "Rich", "a\rb"]);
  });

  test("date formats as ExcelJS judges them", () => {
    expect(isDateFormat("yyyy-mm-dd")).toBe(true);
    expect(isDateFormat('#,##0 "days"')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    const styles =
      '<styleSheet xmlns="m"><numFmts><numFmt numFmtId="164" formatCode="d/m/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>';
    expect(dateStyles(styles, "x", "p")).toEqual([false, true, true, false]);
  });

  test("a sheet no name points into is never inflated: its damaged bytes do not matter", async () => {
    const input = await buildXlsx({
      sheets: [
        { name: "Data", cells: { A1: 5 } },
        { name: "Junk", cells: { A1: 1 } },
      ],
      names: [{ name: "Five", scope: null, refersTo: "Data!$A$1" }],
    });
    const zip = readZip(input, "x");
    const junk = zip.byName.get("xl/worksheets/sheet2.xml")!;
    const damaged = Buffer.from(input);
    damaged.fill(0xff, junk.dataOffset, junk.dataOffset + junk.compressedSize);
    const read = await (await XlsxHost.fromBuffer(damaged, "damaged.xlsx")).read();
    expect(read.names[0].values).toEqual([[5]]);
  });

  test("a sheet over 1 MB is read as it is inflated, with the values the locator gives a small one", async () => {
    const rows = 40_000;
    const cells: Record<string, number | string> = {};
    for (let r = 1; r <= rows; r++) {
      cells[`A${r}`] = `Site ${r % 7}`;
      cells[`B${r}`] = r * 1.5;
    }
    const names = [
      { name: "Last", scope: null, refersTo: `Big!$A$${rows - 1}:$B$${rows}` },
      { name: "Column", scope: null, refersTo: "Big!$B:$B" },
    ];
    const large = await buildXlsx({ sheets: [{ name: "Big", cells }], names });
    const zip = readZip(large, "x");
    expect(zip.byName.get("xl/worksheets/sheet1.xml")!.size).toBeGreaterThan(1 << 20);
    const read = await (await XlsxHost.fromBuffer(large, "large.xlsx")).read();
    expect(read.names[0].values).toEqual([
      [`Site ${(rows - 1) % 7}`, (rows - 1) * 1.5],
      [`Site ${rows % 7}`, rows * 1.5],
    ]);
    expect(read.names[1].values).toHaveLength(rows);
    expect(read.names[1].values?.[rows - 1]).toEqual([rows * 1.5]);
    // The same rows in a small sheet, read whole by the locator.
    const small = await buildXlsx({
      sheets: [{ name: "Big", cells: Object.fromEntries(Object.entries(cells).filter(([k]) => Number(k.slice(1)) >= rows - 1)) }],
      names: [names[0]],
    });
    expect((await (await XlsxHost.fromBuffer(small, "small.xlsx")).read()).names[0].values).toEqual(read.names[0].values);
  });
});

describe("refusals of the writer", () => {
  test("a Strict Open XML workbook is read but not rewritten, in one line", async () => {
    const zip = readZip(await buildXlsx(CONTRACT_FIXTURE), "x");
    const items = zip.entries.map((e) =>
      e.name === "xl/workbook.xml"
        ? {
            kind: "new" as const,
            name: e.name,
            data: Buffer.from(
              entryText(zip, e.name, "x")!.replace(
                "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                "http://purl.oclc.org/ooxml/spreadsheetml/main",
              ),
            ),
          }
        : { kind: "copy" as const, entry: e },
    );
    const host = await XlsxHost.fromBuffer(writeZip(zip.buffer, items), "strict.xlsx");
    expect((await host.read()).names.length).toBeGreaterThan(5);
    await expect(host.write([contractSheet()], contractHistory("x", []))).rejects.toThrow(
      /^strict\.xlsx is a Strict Open XML workbook[^\n]*$/,
    );
  });
});

describe("names kept as written", () => {
  test("character references, comments with line breaks and scopes come out byte for byte", async () => {
    const zip = readZip(await buildXlsx(CONTRACT_FIXTURE), "x");
    const odd =
      `<definedName name="Odd" comment="line one&#10;line two&#13;">"&#169; 2024 R&amp;#38;D"</definedName>` +
      `<definedName name="Scoped" localSheetId="5">Hidden!$A$1</definedName>`;
    const items = zip.entries.map((e) =>
      e.name === "xl/workbook.xml"
        ? {
            kind: "new" as const,
            name: e.name,
            data: Buffer.from(
              entryText(zip, e.name, "x")!.replace("</definedNames>", `${odd}</definedNames>`),
            ),
          }
        : { kind: "copy" as const, entry: e },
    );
    const host = await XlsxHost.fromBuffer(writeZip(zip.buffer, items), "odd.xlsx");
    const before = (await host.read()).names.find((n) => n.name === "Odd");
    expect(before).toMatchObject({ comment: "line one\nline two\r", refersTo: '"© 2024 R&#38;D"' });
    await host.write([contractSheet()], contractHistory("2025-01-01T00:00:00.000Z", []));
    const written = entryText(readZip(await host.toBuffer(), "out"), "xl/workbook.xml", "out")!;
    expect(written).toContain(odd.split('<definedName name="Scoped"')[0]);
    // The sheet it is scoped to kept its position, so the element is unchanged too.
    expect(written).toContain('<definedName name="Scoped" localSheetId="5">Hidden!$A$1</definedName>');
  });
});
