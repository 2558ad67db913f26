import { columnIndex, columnLetters, formatArea, parseRefersTo, quoteSheet } from "../../src/sheet-ref";

describe("parseRefersTo", () => {
  const ok = (text: string, sheet: string, address: string) => {
    const p = parseRefersTo(text);
    expect(p.status).toBe("ok");
    if (p.status !== "ok") return;
    expect(p.area.sheet).toBe(sheet);
    expect(formatArea(p.area)).toBe(address);
  };
  test("plain, absolute and relative references", () => {
    ok("Sheet1!$A$1", "Sheet1", "A1");
    ok("=Sheet1!$B$2:$C$4", "Sheet1", "B2:C4");
    ok("Data!C4:B2", "Data", "B2:C4");
    ok("Data!$A:$A", "Data", "A:A");
    ok("Data!$3:$5", "Data", "3:5");
    ok("Data!$XFD$1048576", "Data", "XFD1048576");
  });
  test("quoted sheet names with spaces, quotes and Chinese", () => {
    ok("'Site A'!$B$2", "Site A", "B2");
    ok("'It''s'!$A$1", "It's", "A1");
    ok("'環境 數據'!$B$2:$B$9", "環境 數據", "B2:B9");
    ok("環境數據!$B$2", "環境數據", "B2");
    ok("'a,b'!$A$1", "a,b", "A1");
    ok("'x!y'!$A$1", "x!y", "A1");
  });
  test("broken", () => {
    for (const t of ["#REF!", "Sheet1!#REF!", "'My sheet'!#REF!:$B$2", "#REF!$A$1", "SUM(#REF!)"])
      expect(parseRefersTo(t).status).toBe("broken");
    expect(parseRefersTo('"#REF!"').status).toBe("constant");
  });
  test("external", () => {
    for (const t of [
      "[1]Sheet1!$A$1",
      "'[1]My sheet'!$A$1",
      "[1]!Total",
      "'C:\\dir\\[Book.xlsx]Sheet1'!$A$1",
    ])
      expect(parseRefersTo(t).status).toBe("external");
    expect(parseRefersTo("Table1[Column]").status).toBe("formula");
  });
  test("constants", () => {
    const c = (t: string) => {
      const p = parseRefersTo(t);
      expect(p.status).toBe("constant");
      return p.status === "constant" ? p.value : null;
    };
    expect(c("42")).toEqual([[42]]);
    expect(c("-1.5E3")).toEqual([[-1500]]);
    expect(c('"esg:A1"')).toEqual([["esg:A1"]]);
    expect(c('"say ""hi"""')).toEqual([['say "hi"']]);
    expect(c("TRUE")).toEqual([[true]]);
    expect(c("#N/A")).toEqual([[{ kind: "error", code: "#N/A" }]]);
    expect(c('{1,2;"a",FALSE}')).toEqual([
      [1, 2],
      ["a", false],
    ]);
  });
  test("multi-area and formulas", () => {
    const m = parseRefersTo("Sheet1!$A$1,'Site B'!$B$2:$B$3");
    expect(m.status).toBe("multi-area");
    if (m.status === "multi-area")
      expect(m.areas.map((a) => `${a.sheet}|${formatArea(a)}`)).toEqual(["Sheet1|A1", "Site B|B2:B3"]);
    expect(parseRefersTo("(Sheet1!$A$1,Sheet1!$C$1)").status).toBe("multi-area");
    for (const t of [
      "OFFSET(Sheet1!$A$1,0,0,COUNTA(Sheet1!$A:$A),1)",
      "Sheet1!$A$1*2",
      "OtherName",
      "$A$1",
      "Sheet1:Sheet3!$A$1",
      "'a'",
      "SUM(Sheet1!A1,Sheet1!A2)",
    ])
      expect([t, parseRefersTo(t).status]).toEqual([t, "formula"]);
  });
});

describe("a1 helpers", () => {
  test("columns (0-based indexes)", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(27)).toBe("AB");
    expect(columnLetters(16383)).toBe("XFD");
    expect(columnIndex("xfd")).toBe(16383);
  });
  test("quoteSheet", () => {
    expect(quoteSheet("Sheet1")).toBe("Sheet1");
    expect(quoteSheet("Site A")).toBe("'Site A'");
    expect(quoteSheet("It's")).toBe("'It''s'");
    expect(quoteSheet("環境數據")).toBe("環境數據");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("2024")).toBe("'2024'");
  });
});
