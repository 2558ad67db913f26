/**
 * Charts on the Office host (issue 14): written in the same batch as their sheet, with the model's type,
 * name, title, series over the table's cells, palette colours, legend, labels and axes; within three
 * syncs; replaced with their sheet; degraded where a requirement set is missing. Then the fake's own
 * chart rules (requirement sets, a point past the series, data on another sheet).
 */
import { runEngine } from "../../src/esg/engine";
import type { ChartModel, HistoryEntry, SheetModel, WorkbookRead } from "../../src/esg/types";
import { formatArea } from "../../src/sheet-ref";
import { createOfficeHost } from "../../src/workbook/office";
import {
  createFakeExcel,
  FakeOfficeError,
  fakeExcelFromRead,
  type FakeExcel,
  type WorkbookSeed,
} from "../fakes/excel";
import type { FakeChart } from "../fakes/excel/state";
import { seedRead } from "../support/seed-read";

function history(sheets: readonly SheetModel[]): HistoryEntry {
  return {
    at: "2025-03-31T09:00:00.000Z",
    host: "office",
    sections: sheets.map((s) => s.section),
    language: "both",
    valuesOnly: false,
    sheets: sheets.map((s) => s.name),
    sourceNames: [],
  };
}

async function run(excel: FakeExcel, options: { charts?: boolean } = {}) {
  const host = createOfficeHost(excel);
  const read: WorkbookRead = await host.read();
  const syncsBefore = excel.runtime.syncs;
  const result = runEngine(read, { now: "2025-03-31T09:00:00.000Z", ...options });
  await host.write(result.sheets, history(result.sheets));
  return { sheets: result.sheets, writeSyncs: excel.runtime.syncs - syncsBefore };
}

const chartsOn = (excel: FakeExcel, sheet: string): FakeChart[] =>
  excel.workbook.sheets.find((s) => s.name === sheet)?.charts ?? [];

const TYPE: Record<ChartModel["kind"], string> = {
  column: "ColumnClustered",
  stackedColumn: "ColumnStacked",
  bar: "BarClustered",
  line: "LineMarkers",
  doughnut: "Doughnut",
};

describe("Office host: charts", () => {
  it("writes every planned chart as the model says, in the sheets' batch: the run stays within three syncs", async () => {
    const excel = fakeExcelFromRead(seedRead());
    const { sheets } = await run(excel);
    expect(excel.runtime.syncs).toBeLessThanOrEqual(3);
    const withCharts = sheets.filter((s) => (s.charts?.length ?? 0) > 0);
    expect(withCharts.map((s) => s.section)).toEqual(["A1", "A2", "B1", "B3", "D"]);
    for (const model of withCharts) {
      const got = chartsOn(excel, model.name);
      expect(got.map((c) => c.name)).toEqual(model.charts!.map((c) => c.id));
      model.charts!.forEach((m, i) => {
        const c = got[i];
        const text = (row: number, col: number) =>
          model.cells.find((x) => x.row === row && x.col === col)?.value;
        expect(c.type).toBe(TYPE[m.kind]);
        expect(c.title).toBe(m.title);
        expect(c.position).toEqual({
          start: {
            top: m.anchor.from.row,
            left: m.anchor.from.col,
            bottom: m.anchor.from.row,
            right: m.anchor.from.col,
          },
          end: {
            top: m.anchor.to.row - 1,
            left: m.anchor.to.col - 1,
            bottom: m.anchor.to.row - 1,
            right: m.anchor.to.col - 1,
          },
        });
        expect(
          c.series.map((s) => [s.name, formatArea(s.values!.rect), formatArea(s.xValues!.rect), s.fill]),
        ).toEqual(
          m.series.map((s) => [
            text(s.name.row, s.name.col),
            formatArea(s.values),
            formatArea(m.categories),
            `#${s.color}`,
          ]),
        );
        if (m.kind === "doughnut")
          expect(c.series[0].pointFills).toEqual(m.series[0].pointColors!.map((x) => `#${x}`));
        expect(c.legend.visible).toBe(m.legend !== "none");
        expect(c.dataLabels).toEqual({ showValue: true, numberFormat: m.numberFormat });
        if (m.kind !== "doughnut") {
          expect(c.valueAxis.title).toBe(m.valueAxisTitle ?? "");
          expect(c.valueAxis.numberFormat).toBe(m.numberFormat);
        }
        expect(c.categoryAxis.reversePlotOrder).toBe(m.kind === "bar");
        expect(c.categoryAxis.position).toBe(m.kind === "bar" ? "Maximum" : "Automatic");
      });
    }
  });

  it("takes the same number of syncs with and without charts", async () => {
    const on = await run(fakeExcelFromRead(seedRead()));
    const off = await run(fakeExcelFromRead(seedRead()), { charts: false });
    expect(on.writeSyncs).toBe(off.writeSyncs);
  });

  it("replaces the charts with their sheet on a second run", async () => {
    const excel = fakeExcelFromRead(seedRead());
    const { sheets } = await run(excel);
    await run(excel);
    for (const model of sheets) expect(chartsOn(excel, model.name)).toHaveLength(model.charts?.length ?? 0);
    const total = excel.workbook.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(total).toBe(sheets.reduce((n, s) => n + (s.charts?.length ?? 0), 0));
  });

  it("without ExcelApi 1.8 draws the charts with the cells' own number format and Excel's axis crossing", async () => {
    const excel = fakeExcelFromRead(seedRead(), { apiVersion: "1.7" });
    const { sheets } = await run(excel);
    const b1 = sheets.find((s) => s.section === "B1")!;
    const got = chartsOn(excel, b1.name);
    expect(got).toHaveLength(b1.charts!.length);
    for (const c of got) {
      expect(c.dataLabels.numberFormat).toBeNull();
      expect(c.valueAxis.numberFormat).toBeNull();
      expect(c.categoryAxis.position).toBe("Automatic");
    }
    expect(got.find((c) => c.type === "BarClustered")?.categoryAxis.reversePlotOrder).toBe(true);
  });

  it("without ExcelApi 1.7 writes the sheets and leaves the charts out", async () => {
    const excel = fakeExcelFromRead(seedRead(), { apiVersion: "1.6" });
    const { sheets } = await run(excel);
    for (const model of sheets) expect(excel.workbook.sheets.some((s) => s.name === model.name)).toBe(true);
    expect(excel.workbook.sheets.every((s) => s.charts.length === 0)).toBe(true);
  });
});

describe("fake Excel: charts", () => {
  const seed: WorkbookSeed = {
    sheets: [
      { name: "Data", cells: { A1: "Item", B1: "Tonnes", A2: "Oil", B2: 3.6, A3: "Tar", B3: 490.8 } },
      { name: "Other", cells: { B2: 1, B3: 2 } },
    ],
    names: [],
  };

  it("records a chart with its series over the sheet's cells", async () => {
    const excel = createFakeExcel(seed);
    await excel.run({ delayForCellEdit: false }, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("B2:B3"), "Columns");
      chart.name = "X.test";
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A2:A3"));
      chart.series.getItemAt(0).points.getItemAt(1).format.fill.setSolidColor("#0b3c5d");
      await context.sync();
    });
    const [c] = excel.workbook.sheets[0].charts;
    expect(c).toMatchObject({ name: "X.test", type: "BarClustered" });
    expect(c.series).toHaveLength(1);
    expect(formatArea(c.series[0].values!.rect)).toBe("B2:B3");
    expect(formatArea(c.series[0].xValues!.rect)).toBe("A2:A3");
    expect(c.series[0].pointFills).toEqual([null, "#0B3C5D"]);
  });

  it("refuses a chart's data on another sheet (this project's rule), a point past the series, and members above the API version", async () => {
    const attempt = async (apiVersion: string, body: (excel: FakeExcel) => Promise<void>) => {
      const excel = createFakeExcel(seed, { apiVersion });
      try {
        await body(excel);
      } catch (e) {
        return e instanceof FakeOfficeError ? e.code : String(e);
      }
      return null;
    };
    const add = (excel: FakeExcel, sourceSheet: string) =>
      excel.run({ delayForCellEdit: false }, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        sheet.charts.add(
          "ColumnClustered",
          context.workbook.worksheets.getItem(sourceSheet).getRange("B2:B3"),
          "Columns",
        );
        await context.sync();
      });
    expect(await attempt("1.17", (excel) => add(excel, "Other"))).toBe("InvalidArgument");
    expect(await attempt("1.17", (excel) => add(excel, "Data"))).toBeNull();
    expect(
      await attempt("1.17", (excel) =>
        excel.run({ delayForCellEdit: false }, async (context) => {
          const sheet = context.workbook.worksheets.getItem("Data");
          const chart = sheet.charts.add("ColumnClustered", sheet.getRange("B2:B3"), "Columns");
          chart.series.getItemAt(0).setValues(context.workbook.worksheets.getItem("Other").getRange("B2:B3"));
          await context.sync();
        }),
      ),
    ).toBe("InvalidArgument");
    expect(
      await attempt("1.17", (excel) =>
        excel.run({ delayForCellEdit: false }, async (context) => {
          const sheet = context.workbook.worksheets.getItem("Data");
          const chart = sheet.charts.add("Doughnut", sheet.getRange("B2:B3"), "Columns");
          chart.series.getItemAt(0).points.getItemAt(2).format.fill.setSolidColor("#000000");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    expect(
      await attempt("1.6", (excel) =>
        excel.run({ delayForCellEdit: false }, async (context) => {
          const sheet = context.workbook.worksheets.getItem("Data");
          sheet.charts.add("ColumnClustered", sheet.getRange("B2:B3"), "Columns").series.add("Prior");
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
    expect(
      await attempt("1.7", (excel) =>
        excel.run({ delayForCellEdit: false }, async (context) => {
          const sheet = context.workbook.worksheets.getItem("Data");
          sheet.charts.add("ColumnClustered", sheet.getRange("B2:B3"), "Columns").dataLabels.numberFormat =
            "0";
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
  });
});
