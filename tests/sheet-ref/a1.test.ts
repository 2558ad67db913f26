import {
  absoluteArea,
  absoluteLocation,
  areaCells,
  cellAddress,
  definedNameProblem,
  formatArea,
  locate,
  MAX_COLUMNS,
  MAX_ROWS,
  parseArea,
  sheetNameProblem,
  splitSheetRef,
  topLeft,
  unquoteSheet,
} from "../../src/sheet-ref";

describe("A1 areas (0-based, inclusive)", () => {
  test("cells, ranges, whole columns and rows parse and print back", () => {
    expect(parseArea("$B$2:$C$4")).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    expect(parseArea("c4:b2")).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    expect(parseArea("$A:$C")).toEqual({ top: 0, left: 0, bottom: MAX_ROWS - 1, right: 2 });
    expect(parseArea("3:5")).toEqual({ top: 2, left: 0, bottom: 4, right: MAX_COLUMNS - 1 });
    for (const text of ["B2", "B2:C4", "A:C", "3:5", "XFD1048576"])
      expect(formatArea(parseArea(text)!)).toBe(text);
    expect(absoluteArea(parseArea("B2:C4")!)).toBe("$B$2:$C$4");
    expect(absoluteArea(parseArea("A:A")!)).toBe("$A:$A");
    expect(areaCells(parseArea("B2:C4")!)).toBe(6);
  });
  test("what is not one area", () => {
    for (const text of ["A", "3", "A1:B", "A:1", "A1:B2:C3", "AAAA1", "2$", "Name", ""])
      expect([text, parseArea(text)]).toEqual([text, null]);
  });
  test("cell addresses and corners", () => {
    expect(cellAddress(0, 27)).toBe("AB1");
    expect(topLeft("$B$2:$C$4")).toEqual({ row: 1, col: 1 });
    expect(topLeft("A:A")).toBeNull();
    expect(locate("Site A", "$B$2:$C$4", 1, 1)).toBe("'Site A'!C3");
    expect(locate(null, "B2")).toBeNull();
    expect(absoluteLocation("ESG_Config", parseArea("A1:B3")!)).toBe("ESG_Config!$A$1:$B$3");
  });
});

describe("sheet names", () => {
  test("sheet prefixes split and unquote", () => {
    expect(splitSheetRef("'It''s'!A1")).toEqual({ sheet: "It's", area: "A1" });
    expect(splitSheetRef("Sheet1!$A$1:$B$2")).toEqual({ sheet: "Sheet1", area: "$A$1:$B$2" });
    expect(splitSheetRef("'x!y'!A1")).toEqual({ sheet: "x!y", area: "A1" });
    expect(splitSheetRef("A1")).toBeNull();
    expect(splitSheetRef("SUM(Sheet1!A1)")).toBeNull();
    expect(unquoteSheet("'a''b'")).toBe("a'b");
  });
  test("Excel's sheet-name rules", () => {
    expect(sheetNameProblem("ESG A1 排放物 Emissions")).toBeNull();
    for (const bad of ["", "x".repeat(32), "a/b", "a[1]", "'quoted", "history"])
      expect(sheetNameProblem(bad)).not.toBeNull();
  });
  test("a refused defined name says why", () => {
    expect(definedNameProblem("A1")).toBe("must not look like a cell reference");
    expect(definedNameProblem("two words")).toMatch(/^must begin with a letter/);
    expect(definedNameProblem("ESG_Mapping")).toBeNull();
  });
});
