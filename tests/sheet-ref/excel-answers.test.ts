/**
 * Every input on which the five former copies of the reference code disagreed (src/esg/address.ts,
 * src/workbook/contract/{a1,refersTo}.ts, src/workbook/office/{a1,refers-to}.ts, the quoteSheet of
 * src/esg/disclosures/sheet-names.ts, the name checks of the Office host, the fake Excel and the xlsx
 * host), what each said, and Excel's answer with where Excel's behaviour is documented. The one module
 * must give Excel's answer.
 */
import {
  definedNameProblem,
  parseArea,
  parseRefersTo,
  quoteSheet,
  scanArea,
  type RefersToStatus,
} from "../../src/sheet-ref";

const SOURCES = {
  grid: "Excel specifications and limits: 1,048,576 rows by 16,384 columns (XFD)",
  text: "ECMA-376 Part 1 §18.17.2: a string constant is text in double quotes; what is inside is text",
  errors:
    "Excel.ErrorCellValueType (ExcelApi 1.16, @types/office-js): Blocked, Busy, Calc, Connect, Field, GettingData, Spill …; Microsoft Support, 'How to correct a #BUSY! error'",
  unknown: "Microsoft Support, 'How to correct an #UNKNOWN! error'",
  threeD:
    "Microsoft Support, 'Create a 3-D reference to the same cell range on multiple worksheets': one area on each of several sheets",
  intersection: "ECMA-376 Part 1 §18.17.2.2: the space is the intersection operator, an expression",
  array: "ECMA-376 Part 1 §18.17.2.5 array constants: every row has the same number of columns",
  quoting:
    "ECMA-376 Part 1 §18.17.2 sheet-name vs sheet-name-special (quoted); a quoted name is always accepted",
  names:
    "[MS-XLSB] 2.5.166 XLNameWideString (learn.microsoft.com/openspecs/office_file_formats/ms-xlsb/9456f961)",
  reserved:
    "Microsoft KB Q111393 'Some Names Are Reserved, Can't Be Used as Defined Names': C, R, RC, R1C1, A1, AB2",
} as const;

interface Row<T> {
  readonly input: string;
  /** What the former copies said. */
  readonly before: string;
  readonly excel: T;
  readonly source: keyof typeof SOURCES;
}

const REFERS_TO: readonly Row<RefersToStatus>[] = [
  { input: '"a,#REF!"', before: "contract: constant; office: broken", excel: "constant", source: "text" },
  {
    input: '"#REF!"&Sheet1!A1',
    before: "contract: formula; office: broken",
    excel: "formula",
    source: "text",
  },
  { input: "#BUSY!", before: "contract: formula; office: constant", excel: "constant", source: "errors" },
  { input: "#BLOCKED!", before: "contract: formula; office: constant", excel: "constant", source: "errors" },
  { input: "#FIELD!", before: "contract: formula; office: constant", excel: "constant", source: "errors" },
  { input: "#CONNECT!", before: "contract: formula; office: constant", excel: "constant", source: "errors" },
  { input: "#UNKNOWN!", before: "contract: formula; office: constant", excel: "constant", source: "unknown" },
  { input: "Sheet1!$XFE$1", before: "contract: formula; office: ok", excel: "past-grid", source: "grid" },
  { input: "Sheet1!$A$1048577", before: "contract: formula; office: ok", excel: "past-grid", source: "grid" },
  {
    input: "Sheet1!$A$0",
    before: "contract: formula; office: ok (row -1)",
    excel: "past-grid",
    source: "grid",
  },
  {
    input: "Sheet1:Sheet3!$A$1",
    before: "contract: formula; office: ok",
    excel: "formula",
    source: "threeD",
  },
  {
    input: "Sheet1!A1 Sheet1!B1",
    before: "contract: formula; office: ok",
    excel: "formula",
    source: "intersection",
  },
  { input: "{1,2;3}", before: "contract: formula; office: constant", excel: "formula", source: "array" },
];

const QUOTE_SHEET: readonly Row<string>[] = [
  {
    input: "環境數據",
    before: "engine, disclosures: quoted; contract: bare",
    excel: "環境數據",
    source: "quoting",
  },
  {
    input: "Ünïcode",
    before: "engine, disclosures: quoted; contract: bare",
    excel: "Ünïcode",
    source: "quoting",
  },
  { input: "A1", before: "engine, contract: quoted; disclosures: bare", excel: "'A1'", source: "quoting" },
  {
    input: "XFE1",
    before: "engine, contract: quoted; disclosures: bare",
    excel: "'XFE1'",
    source: "quoting",
  },
  {
    input: "R1C1",
    before: "engine, disclosures: bare; contract: quoted",
    excel: "'R1C1'",
    source: "quoting",
  },
  { input: "RC", before: "engine, disclosures: bare; contract: quoted", excel: "'RC'", source: "quoting" },
  {
    input: "TRUE",
    before: "engine, disclosures: bare; contract: quoted",
    excel: "'TRUE'",
    source: "quoting",
  },
];

/** null: not one area on the grid. */
const AREAS: readonly Row<string | null>[] = [
  {
    input: "A0",
    before: "contract: null; office: row -1; engine topLeft: row -1",
    excel: null,
    source: "grid",
  },
  { input: "XFE1", before: "contract: null; office: column 16384", excel: null, source: "grid" },
  { input: "A1048577", before: "contract: null; office: row 1048576", excel: null, source: "grid" },
];

/** Whether Excel accepts the text as a defined name. */
const NAMES: readonly Row<"valid" | "refused">[] = [
  { input: "A1", before: "office, fake: refused; xlsx host: saved", excel: "refused", source: "reserved" },
  {
    input: "XFD1048576",
    before: "office, fake: refused; xlsx host: saved",
    excel: "refused",
    source: "names",
  },
  { input: "R1C1", before: "office, fake: valid; xlsx host: saved", excel: "refused", source: "reserved" },
  { input: "RC", before: "office, fake: valid; xlsx host: saved", excel: "refused", source: "reserved" },
  {
    input: "R",
    before: "office: refused; fake: valid; xlsx host: saved",
    excel: "refused",
    source: "reserved",
  },
  {
    input: "c",
    before: "office: refused; fake: valid; xlsx host: saved",
    excel: "refused",
    source: "reserved",
  },
  { input: "R2D2", before: "office, fake: valid; xlsx host: saved", excel: "refused", source: "names" },
  { input: "C1_Total", before: "office, fake: valid; xlsx host: saved", excel: "refused", source: "names" },
  { input: "TRUE", before: "office, fake: valid; xlsx host: saved", excel: "refused", source: "names" },
  { input: "false", before: "office, fake: valid; xlsx host: saved", excel: "refused", source: "names" },
  {
    input: "N".repeat(256),
    before: "office: refused; fake: valid; xlsx host: saved",
    excel: "refused",
    source: "names",
  },
  { input: "XFE1", before: "office, fake: refused", excel: "valid", source: "names" },
  { input: "R0", before: "office, fake: refused", excel: "valid", source: "names" },
  { input: "Ready?", before: "office, fake: refused", excel: "valid", source: "names" },
  { input: "Rate", before: "all: valid", excel: "valid", source: "names" },
  { input: "環境_Scope1", before: "all: valid", excel: "valid", source: "names" },
];

describe("the reference module gives Excel's answer where the former copies disagreed", () => {
  test.each(REFERS_TO.map((r) => [r.input, r.excel, r.before, SOURCES[r.source]]))(
    "refers-to %s is %s (before: %s; %s)",
    (input, excel) => {
      expect(parseRefersTo(input).status).toBe(excel);
    },
  );

  test.each(QUOTE_SHEET.map((r) => [r.input, r.excel, r.before, SOURCES[r.source]]))(
    "sheet %s is written %s (before: %s; %s)",
    (input, excel) => {
      expect(quoteSheet(input)).toBe(excel);
    },
  );

  test.each(AREAS.map((r) => [r.input, r.before, SOURCES[r.source]]))(
    "area %s is past the grid (before: %s; %s)",
    (input) => {
      expect(parseArea(input)).toBeNull();
      expect(scanArea(input)).toBe("past-grid");
    },
  );

  test.each(
    NAMES.map((r) => [
      r.input.length > 20 ? `${r.input.slice(0, 4)}… (256)` : r.input,
      r.excel,
      r.before,
      r.input,
    ]),
  )("defined name %s is %s (before: %s)", (_label, excel, _before, input) => {
    expect(definedNameProblem(input) === null ? "valid" : "refused").toBe(excel);
  });
});
