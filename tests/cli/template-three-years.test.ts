/**
 * The sample template round trip: write the blank template, fill the reporting year and the two prior
 * years (single cells and breakdowns) as a preparer would, generate, and read B1 / B2: the three years
 * of fatalities (HKEX B2.1); headcount, turnover and new hires with their rate in each of the three
 * years (B1.1, B1.2); a fuel typed "N/A" raises nothing; the group's ESG_Disclosures rows reach the index.
 */
import ExcelJS from "exceljs";
import { templateModels } from "../../src/cli/template/layout";
import { runEngine } from "../../src/esg/engine";
import type { SheetModel } from "../../src/esg/types";
import { XlsxHost } from "../../src/workbook/xlsx/host";

type Fill = Record<string, (string | number | null)[][]>;

/** Writes values into the cells of each named range, row by row from its top-left cell. */
async function fillTemplate(fill: Fill, disclosures: (string | null)[][]): Promise<Buffer> {
  const host = XlsxHost.blank("template.xlsx");
  await host.writeInput(templateModels());
  const blank = await host.toBuffer();
  const read = await (await XlsxHost.fromBuffer(blank, "template")).read();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank as unknown as ExcelJS.Buffer);
  const put = (name: string, values: (string | number | null)[][]) => {
    const item = read.names.find((n) => n.name === name && n.scope === null);
    if (!item?.sheet || !item.address) throw new Error(`template has no name ${name}`);
    const ws = wb.getWorksheet(item.sheet)!;
    // Top-left cell of the range, "C10:E10" → row 10, column 3.
    const [, letters, digits] = /^([A-Z]+)(\d+)/.exec(item.address)!;
    const col0 = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        ws.getCell(Number(digits) + r, col0 + c).value = v;
      }),
    );
  };
  for (const [name, values] of Object.entries(fill)) put(name, values);
  put("ESG_Disclosures", disclosures);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Cell values, the index's own line breaks taken out (it breaks long texts to print cleanly). */
const texts = (s: SheetModel) =>
  s.cells.map((c) => (typeof c.value === "string" ? c.value.replace(/\n/g, " ") : c.value));
const rowOf = (s: SheetModel, label: string) => {
  const at = s.cells.find((c) => c.value === label);
  if (!at) throw new Error(`${s.name}: no row "${label}"`);
  return s.cells.filter((c) => c.row === at.row && c.col > at.col);
};

describe("the template holds three years, and B1 / B2 show them", () => {
  let sheets: SheetModel[] = [];
  let findings: ReturnType<typeof runEngine>["findings"] = [];
  let closing: SheetModel | undefined;

  beforeAll(async () => {
    const buffer = await fillTemplate(
      {
        ReportingYear: [[2024]],
        Production: [[12613, 11800, 11200]],
        Electricity: [[29843800, 28100000, 27000000]],
        Petrol: [["N/A"]],
        Headcount: [[341, 330, 318]],
        // label | figure | prior years (most recent first)
        Headcount_Gender: [
          ["Female", 71, 68, 65],
          ["Male", 270, 262, 253],
        ],
        Fatalities: [[1, 0, 2]],
        Leavers: [[34, 33, 0]],
        Leavers_Gender: [
          ["Female", 6, 5, 4],
          ["Male", 28, 28, null],
        ],
        NewHires: [[40, 35, 30]],
        NewHires_Gender: [
          ["Female", 10, 9, 8],
          ["Male", 30, 26, 22],
        ],
      },
      [
        ["B2.2", "explain", "Not recorded in 2024.", "2024年未有記錄。", null, null],
        ["B2.3", null, null, null, "Health and safety, p. 21", "健康與安全，第21頁"],
      ],
    );
    const read = await (await XlsxHost.fromBuffer(buffer, "filled")).read();
    const run = runEngine(read, { language: "en", now: "2025-03-31T08:00:00.000Z" });
    sheets = [...run.sheets];
    findings = [...run.findings];
    closing = runEngine(read, { language: "en", now: "2025-03-31T08:00:00.000Z", turnoverMethod: "closing" }).sheets.find(
      (s) => s.section === "B1",
    );
  });

  test("B2 shows the fatalities of each of the past three years", () => {
    const b2 = sheets.find((s) => s.section === "B2")!;
    const figures = rowOf(b2, "Work-related fatalities").filter((c) => typeof c.value === "number");
    expect(figures.map((c) => c.value).slice(0, 3)).toEqual([1, 0, 2]);
    expect(texts(b2)).toEqual(
      expect.arrayContaining(["2024", "2023", "2022"].map((y) => expect.stringContaining(y))),
    );
  });

  test("B1 shows the headcount of each of the three years, group by group, under each year", () => {
    const b1 = sheets.find((s) => s.section === "B1")!;
    expect(
      rowOf(b1, "Female")
        .slice(0, 3)
        .map((c) => c.value),
    ).toEqual([71, 68, 65]);
    expect(
      rowOf(b1, "Total employees")
        .slice(0, 3)
        .map((c) => c.value),
    ).toEqual([341, 330, 318]);
    const header = rowOf(b1, "Group").map((c) => c.value);
    expect(header.slice(0, 3)).toEqual(["Employees", "2023", "2022"]);
  });

  test("B1 shows turnover in each year it can be computed: the average method has no opening headcount for 2022", () => {
    const b1 = sheets.find((s) => s.section === "B1")!;
    const at = b1.cells.filter((c) => c.value === "Turnover rate")[0];
    const heads = b1.cells.filter((c) => c.row === at.row && c.col > at.col).map((c) => c.value);
    expect(heads).toEqual(["2023", "Share of overall rate"]);
    const overall = rowOf(b1, "Overall");
    expect(overall[0].value).toBeCloseTo(34 / ((330 + 341) / 2), 12);
    expect(overall[1].value).toBeCloseTo(33 / ((318 + 330) / 2), 12);
  });

  test("B1 shows turnover in each of the three years by the closing method, a blank group cell as absent", () => {
    const b1 = closing!;
    const at = b1.cells.filter((c) => c.value === "Turnover rate")[0];
    const heads = b1.cells.filter((c) => c.row === at.row && c.col > at.col).map((c) => c.value);
    expect(heads).toEqual(["2023", "2022", "Share of overall rate"]);
    const overall = rowOf(b1, "Overall");
    expect(overall.slice(0, 3).map((c) => c.value)).toEqual([34 / 341, 33 / 330, 0]);
    const cells = (row: number) => b1.cells.filter((c) => c.row === row && c.col > 0).map((c) => c.value);
    const female = b1.cells.find((c) => c.value === "Female" && c.row > at.row)!;
    expect(cells(female.row).slice(0, 3)).toEqual([6 / 71, 5 / 68, 4 / 65]);
    // Male leavers two years before are blank: that cell is "–", the women's figure stays.
    const male = b1.cells.find((c) => c.value === "Male" && c.row > at.row)!;
    expect(cells(male.row).slice(0, 3)).toEqual([28 / 270, 28 / 262, "–"]);
  });

  test("B1 shows new hires and their rate in each of the three years", () => {
    const b1 = sheets.find((s) => s.section === "B1")!;
    const hires = rowOf(b1, "Total new hires");
    expect(hires[0].value).toBe(40);
    expect(hires[1].value).toBeCloseTo(40 / 341, 12);
    expect(hires[1].formula).toBe("(INDEX(NewHires,1,1))/(INDEX(Headcount,1,1))");
    expect(hires.slice(2).map((c) => c.value)).toEqual([35, 35 / 330, 30, 30 / 318]);
    const female = b1.cells.filter((c) => c.value === "Female").map((c) => c.row);
    const femaleHires = b1.cells.filter((c) => c.row === Math.max(...female) && typeof c.value === "number");
    expect(femaleHires.map((c) => c.value)).toEqual([10, 10 / 71, 9, 9 / 68, 8, 8 / 65]);
    expect(texts(b1)).toEqual(expect.arrayContaining(["New hires 2023", "New-hire rate 2022"]));
  });

  test("N/A raises nothing; the group's reasons and references reach the index", () => {
    expect(findings.filter((f) => f.metric === "petrol")).toEqual([]);
    const index = sheets.find((s) => s.section === "INDEX")!;
    expect(texts(index)).toContain("Not recorded in 2024.");
    expect(texts(index)).toContain("Health and safety, p. 21");
    expect(rowOf(index, "A2.1").map((c) => String(c.value).replace(/\n/g, " "))).toContain(
      "Not applicable: Petrol (gasoline).",
    );
  });
});
