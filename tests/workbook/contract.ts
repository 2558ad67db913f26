/**
 * The contract every workbook host must pass (xlsx over ExcelJS, office over the Excel JavaScript API):
 * the same snapshot of the same workbook, the same cells written, only marked sheets replaced, and a
 * refused write that changes nothing. An adapter supplies how to build the fixture and how to look at
 * the cells it wrote.
 */
import type { AreaModel, CellValue, ChartModel, HistoryEntry, SheetModel } from "../../src/esg/types";
import { formatArea } from "../../src/sheet-ref";
import type { WorkbookHost } from "../../src/workbook/types";
import { analyse } from "../../src/esg/engine";
import { XlsxHost } from "../../src/workbook/xlsx/host";
import { engineReads, mappedEngineNames } from "../../src/workbook/office/engine-names";
import { NOT_READ } from "../../src/workbook/office/read";
import { buildXlsx, CONTRACT_FIXTURE, type Fixture } from "./fixtures";

/** One written cell as the adapter sees it: its value (cached result for a formula) and formula text. */
export interface WrittenCell {
  readonly value: string | number | boolean | null;
  readonly formula?: string;
}

export interface ContractAdapter {
  /** Cells of a sheet, keyed "A1", empty cells left out. */
  readCells(host: WorkbookHost, sheet: string): Promise<Record<string, WrittenCell>>;
  /** The host as a later session would see it (xlsx: serialised and reopened). Default: the same host. */
  reopen?(host: WorkbookHost): Promise<WorkbookHost>;
  /**
   * True when the host calculates, on opening, a formula the file holds without a cached value.
   * Excel does (it has no "uncached" state: Range.values always gives a result), so the Office
   * adapter reads the fixture's uncached B4 (=B1*2) as its result; ExcelJS never calculates, so the
   * xlsx host reports it "uncached" for the engine to flag. Default false.
   */
  calculatesOnOpen?: boolean;
  /**
   * True when the host reads the values of the names the engine uses only (the Office host: Excel on
   * the web limits each response to 5 MB); the others come with their metadata, values null and a
   * note. Default false.
   */
  readsEngineNamesOnly?: boolean;
  /**
   * The charts of a sheet as the host wrote them (issue 14), in the order written. A host without a
   * chart reader leaves it out, and the chart tests are not run for it.
   */
  readCharts?(host: WorkbookHost, sheet: string): Promise<ContractChart[]>;
}

/** What the contract compares of a chart on both hosts: type, title, category and series ranges. */
export interface ContractChart {
  readonly id: string;
  readonly kind: ChartModel["kind"];
  readonly title: string;
  /** A1 address on the chart's sheet, e.g. "A2:A3". */
  readonly categories: string;
  readonly series: readonly string[];
}

/** The record a host must give back for a chart model it wrote. */
export function contractChartOf(m: ChartModel): ContractChart {
  const at = (a: AreaModel) => formatArea(a);
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    categories: at(m.categories),
    series: m.series.map((s) => at(s.values)),
  };
}

/** The names as a host reading only the engine's names gives them (see readsEngineNamesOnly). */
export function engineNamesOnly<T extends { name: string; status: string; values: CellValue[][] | null }>(
  names: readonly T[],
  withNote: boolean,
): T[] {
  const mapping = names.find((n) => n.name.toUpperCase() === "ESG_MAPPING") as unknown as
    Parameters<typeof mappedEngineNames>[0] | undefined;
  const mapped = mappedEngineNames(mapping);
  return names.map((n) =>
    n.status !== "ok" || engineReads(n.name, mapped)
      ? n
      : { ...n, values: null, ...(withNote ? { note: NOT_READ } : {}) },
  );
}

/** What Excel shows for the fixture's uncached formula Data!B4 (=B1*2) once it has calculated it. */
export const UNCACHED_RESULT = 29843800 * 2;

/** The snapshot a host must read from CONTRACT_FIXTURE, with or without calculation on open. */
export function expectedNames(calculatesOnOpen: boolean): typeof EXPECTED_NAMES {
  if (!calculatesOnOpen) return EXPECTED_NAMES;
  return EXPECTED_NAMES.map((n) => (n.name === "Uncached" ? { ...n, values: [[UNCACHED_RESULT]] } : n));
}

/** The snapshot every host must read from CONTRACT_FIXTURE. */
export const EXPECTED_NAMES: readonly {
  name: string;
  scope: string | null;
  status: string;
  sheet: string | null;
  address: string | null;
  values: CellValue[][] | null;
}[] = [
  { name: "Electricity", scope: null, status: "ok", sheet: "Data", address: "B1", values: [[29843800]] },
  {
    name: "Production",
    scope: null,
    status: "ok",
    sheet: "Data",
    address: "B2:C2",
    values: [[12613, 12000]],
  },
  {
    name: "Intensity",
    scope: null,
    status: "ok",
    sheet: "Data",
    address: "B3",
    values: [[29843800 / 12613]],
  },
  {
    name: "Uncached",
    scope: null,
    status: "ok",
    sheet: "Data",
    address: "B4",
    values: [[{ kind: "uncached", formula: "B1*2" }]],
  },
  {
    name: "Mixed",
    scope: null,
    status: "ok",
    sheet: "Data",
    address: "B5:B9",
    values: [
      [{ kind: "error", code: "#N/A" }],
      [true],
      [{ kind: "date", iso: "2024-12-31" }],
      ["Rich text"],
      ["=not a formula"],
    ],
  },
  { name: "Headcount", scope: "Site A", status: "ok", sheet: "Site A", address: "B2", values: [[200]] },
  { name: "Headcount", scope: "Site B", status: "ok", sheet: "Site B", address: "B2", values: [[141]] },
  { name: "Headcount", scope: null, status: "broken", sheet: null, address: null, values: null },
  { name: "Quoted", scope: null, status: "ok", sheet: "It's", address: "A1", values: [["quoted"]] },
  { name: "水.用量", scope: null, status: "ok", sheet: "環境 數據", address: "B1", values: [[144825]] },
  { name: "Factor", scope: null, status: "constant", sheet: null, address: null, values: [[0.5703]] },
  { name: "Label", scope: null, status: "constant", sheet: null, address: null, values: [["tonnes"]] },
  { name: "Union", scope: null, status: "multi-area", sheet: null, address: null, values: null },
  { name: "Dynamic", scope: null, status: "formula", sheet: null, address: null, values: null },
  { name: "Secret", scope: null, status: "ok", sheet: "Hidden", address: "A1", values: [[1]] },
  { name: "_xlnm.Print_Area", scope: "Data", status: "ok", sheet: "Data", address: "A1:C9", values: null },
];

/** A small generated sheet exercising every kind of cell. */
export function contractSheet(section = "A2", name = "ESG A2 Test"): SheetModel {
  return {
    name,
    section,
    language: "both",
    font: { name: "Microsoft JhengHei", size: 10 },
    columns: [30, 14],
    cells: [
      { row: 0, col: 0, value: "電力強度 Electricity intensity", text: true, style: "title" },
      { row: 1, col: 0, value: "=SUM(A1) looks like a formula", text: true },
      {
        row: 1,
        col: 1,
        value: 29843800 / 12613,
        formula: "Electricity/INDEX(Production,1,1)",
        numberFormat: "#,##0.0",
      },
      { row: 2, col: 0, value: "-12", text: true },
      { row: 2, col: 1, value: 42, numberFormat: "0" },
      { row: 3, col: 0, value: "merged", text: true },
    ],
    merges: [{ top: 3, left: 0, bottom: 3, right: 1 }],
    styles: { title: { font: { bold: true, size: 14 }, fill: "D9E1F2", border: { bottom: "thin" } } },
    freeze: { rows: 1, columns: 0 },
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    tabColor: "1F4E79",
  };
}

/** The contract sheet with two charts over its two figures (B2:B3, labels A2:A3) below the table. */
export function contractChartSheet(
  kinds: readonly ChartModel["kind"][] = ["column", "doughnut"],
): SheetModel {
  const base = contractSheet();
  const charts: ChartModel[] = kinds.map((kind, i) => ({
    id: `A2.contract-${i + 1}`,
    kind,
    title: `圖表 ${i + 1}\nChart ${i + 1}`,
    categories: { top: 1, left: 0, bottom: 2, right: 0 },
    series: [
      {
        name: { row: 0, col: 0 },
        values: { top: 1, left: 1, bottom: 2, right: 1 },
        color: "0B3C5D",
        ...(kind === "doughnut" ? { pointColors: ["0B3C5D", "D9730D"] } : {}),
      },
    ],
    anchor: { from: { row: 5 + i * 16, col: 0 }, to: { row: 20 + i * 16, col: 2 } },
    numberFormat: "#,##0.0",
    ...(kind === "doughnut" ? {} : { valueAxisTitle: "kWh/t" }),
    legend: kind === "doughnut" ? "bottom" : "none",
    dataLabels: true,
  }));
  return { ...base, charts };
}

export function contractHistory(at: string, sheets: readonly string[]): HistoryEntry {
  return {
    at,
    host: "xlsx",
    sections: ["A2"],
    language: "both",
    valuesOnly: false,
    sheets,
    sourceNames: ["Electricity", "Production"],
  };
}

/**
 * Names in a canonical order (workbook scope first, then by sheet, then by name). The order is not part
 * of the contract: an .xlsx lists names as its <definedNames> element does, the Excel API as
 * workbook.names then each worksheet's names (workbook.names holds only workbook-scoped names since
 * ExcelApi 1.4), and NamedItemCollection documents no order of its own. (scope, name) is unique in a
 * workbook, so nothing else is lost by sorting.
 */
export function byScopeAndName<T extends { readonly name: string; readonly scope: string | null }>(
  names: readonly T[],
): T[] {
  const k = (n: T): string => `${n.scope === null ? "0" : `1${n.scope}`}\u0000${n.name.toUpperCase()}`;
  return [...names].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}

export function runHostContract(
  name: string,
  makeHost: (fixture: Fixture) => Promise<WorkbookHost>,
  adapter: ContractAdapter,
): void {
  const reopen = (h: WorkbookHost): Promise<WorkbookHost> =>
    adapter.reopen ? adapter.reopen(h) : Promise.resolve(h);

  describe(`workbook host contract: ${name}`, () => {
    test("reads every name with its scope, status, address and values", async () => {
      const host = await makeHost(CONTRACT_FIXTURE);
      const read = await host.read();
      const got = read.names.map((n) => ({
        name: n.name,
        scope: n.scope,
        status: n.status,
        sheet: n.sheet,
        address: n.address,
        values: n.name.startsWith("_xlnm.") ? null : n.values,
      }));
      const expected = expectedNames(adapter.calculatesOnOpen === true);
      expect(byScopeAndName(got)).toEqual(
        byScopeAndName(adapter.readsEngineNamesOnly ? engineNamesOnly(expected, false) : expected),
      );
      expect(read.names.find((n) => n.name === "_xlnm.Print_Area")?.builtIn).toBe(true);
      expect(read.names.find((n) => n.name === "Secret")?.hidden).toBe(true);
      expect(read.names.find((n) => n.name === "水.用量")?.comment).toBe("water");
      expect(read.names.find((n) => n.name === "Quoted")?.refersTo).toBe("'It''s'!$A$1");
    });

    test("gives the engine the same findings, KPIs and snapshot as the xlsx host on the same file", async () => {
      // The reference is the xlsx host on the same .xlsx. The fixture's uncached formula is given the
      // result Excel would have saved, so that a host calculating on open (see calculatesOnOpen) and
      // one that does not see the same figures; the uncached case itself is checked above.
      const fixture: Fixture = {
        ...CONTRACT_FIXTURE,
        sheets: CONTRACT_FIXTURE.sheets.map((s) =>
          s.name === "Data"
            ? { ...s, cells: { ...s.cells, B4: { formula: "B1*2", result: UNCACHED_RESULT } } }
            : s,
        ),
      };
      const reference = analyse(
        await (await XlsxHost.fromBuffer(await buildXlsx(fixture), "fixture.xlsx")).read(),
      );
      const got = analyse(await (await makeHost(fixture)).read());
      expect(reference.findings.length).toBeGreaterThan(0);
      expect(got.findings).toEqual(reference.findings);
      expect(got.kpis).toEqual(reference.kpis);
      const canonical = (r: typeof got) => ({
        ...r.snapshot,
        read: {
          ...r.snapshot.read,
          names: byScopeAndName(
            adapter.readsEngineNamesOnly
              ? engineNamesOnly(r.snapshot.read.names, true)
              : r.snapshot.read.names,
          ),
        },
      });
      expect(canonical(got)).toEqual(canonical(reference));
    });

    test("lists the sheets with their visibility, none generated", async () => {
      const read = await (await makeHost(CONTRACT_FIXTURE)).read();
      expect(read.sheets).toEqual(
        CONTRACT_FIXTURE.sheets.map((s) => ({
          name: s.name,
          visibility: s.visibility ?? "visible",
          generated: false,
        })),
      );
    });

    test("writes the model's cells: text stays text, formulas carry their cached value; sheets are marked", async () => {
      const host = await makeHost(CONTRACT_FIXTURE);
      const model = contractSheet();
      const result = await host.write([model], contractHistory("2025-01-01T00:00:00.000Z", [model.name]));
      expect(result).toEqual({ written: [model.name], replaced: [] });
      const after = await reopen(host);
      const cells = await adapter.readCells(after, model.name);
      expect(cells.A1).toEqual({ value: "電力強度 Electricity intensity" });
      expect(cells.A2).toEqual({ value: "=SUM(A1) looks like a formula" });
      expect(cells.A3).toEqual({ value: "-12" });
      expect(cells.B2.formula).toBe("Electricity/INDEX(Production,1,1)");
      expect(cells.B2.value).toBeCloseTo(29843800 / 12613, 9);
      expect(cells.B3).toEqual({ value: 42 });
      const read = await after.read();
      const sheets = Object.fromEntries(read.sheets.map((s) => [s.name, s.generated]));
      expect(sheets[model.name]).toBe(true);
      expect(sheets.Data).toBe(false);
      // The user's names are all still there, unchanged.
      const names = byScopeAndName(read.names)
        .filter((n) => n.name !== "ESG_Generated")
        .map((n) => ({ name: n.name, scope: n.scope, status: n.status, refersTo: n.refersTo }));
      const before = byScopeAndName((await (await makeHost(CONTRACT_FIXTURE)).read()).names).map((n) => ({
        name: n.name,
        scope: n.scope,
        status: n.status,
        refersTo: n.refersTo,
      }));
      expect(names).toEqual(before);
    });

    test("a second write replaces only the generated sheet and appends to the history", async () => {
      const host = await makeHost(CONTRACT_FIXTURE);
      const first = contractSheet();
      await host.write([first], contractHistory("2025-01-01T00:00:00.000Z", [first.name]));
      const again = await reopen(host);
      const second = { ...contractSheet(), cells: [{ row: 0, col: 0, value: "second run", text: true }] };
      const result = await again.write([second], contractHistory("2025-01-02T00:00:00.000Z", [second.name]));
      expect(result.replaced).toEqual([first.name]);
      const last = await reopen(again);
      expect((await adapter.readCells(last, second.name)).A1).toEqual({ value: "second run" });
      const history = await adapter.readCells(last, "ESG_History");
      expect(history.A2?.value).toBe("2025-01-01T00:00:00.000Z");
      expect(history.A3?.value).toBe("2025-01-02T00:00:00.000Z");
      expect(history.A4).toBeUndefined();
      const read = await last.read();
      // Both hosts put a new history sheet after the report sheets; the user's sheets keep their order, exactly.
      expect(read.sheets.filter((s) => s.generated).map((s) => s.name)).toEqual([second.name, "ESG_History"]);
      expect(read.sheets.filter((s) => !s.generated).map((s) => s.name)).toEqual(
        CONTRACT_FIXTURE.sheets.map((s) => s.name),
      );
      const data = await adapter.readCells(last, "Data");
      expect(data.B1).toEqual({ value: 29843800 });
    });

    const readCharts = adapter.readCharts;
    if (readCharts) {
      test("writes the model's charts (type, title, category and series ranges); a second write replaces them", async () => {
        const host = await makeHost(CONTRACT_FIXTURE);
        const model = contractChartSheet();
        await host.write([model], contractHistory("2025-01-01T00:00:00.000Z", [model.name]));
        const after = await reopen(host);
        expect(await readCharts(after, model.name)).toEqual(model.charts!.map(contractChartOf));
        const second = contractChartSheet(["bar"]);
        await after.write([second], contractHistory("2025-01-02T00:00:00.000Z", [second.name]));
        expect(await readCharts(await reopen(after), second.name)).toEqual(
          second.charts!.map(contractChartOf),
        );
      });
    }

    test("refuses to replace a user's sheet of the same name, and changes nothing", async () => {
      const host = await makeHost(CONTRACT_FIXTURE);
      const before = await host.read();
      await expect(
        host.write([contractSheet("A2", "Data")], contractHistory("2025-01-01T00:00:00.000Z", ["Data"])),
      ).rejects.toThrow(/Data/);
      const after = await reopen(host);
      expect((await after.read()).sheets).toEqual(before.sheets);
      expect((await adapter.readCells(after, "Data")).A1).toEqual({ value: "Electricity" });
    });
  });
}
