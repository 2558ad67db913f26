/**
 * The input workbook's layout, from the metric dictionary (src/esg/metrics.ts, the contract): one data
 * sheet where each metric sits under its default name — "single": the figure, then prior years to its
 * right; "rows": label | figure | extra text columns — and a bilingual instructions sheet. `esg template`
 * writes it blank; scripts/build-sample.ts fills it with the seed report's figures.
 */
import { ruleFor } from "../../esg/catalog";
import { breakLines, displayWidth, MAX_ROW_HEIGHT, wrapTo } from "../../esg/disclosures/layout";
import { DISCLOSURE_COLUMNS } from "../../esg/disclosures/statements";
import { CONFIG_NAMES, METRICS, type MetricDef } from "../../esg/metrics";
import type { CellModel, CellStyle, MergeModel, SheetModel } from "../../esg/types";
import { cellAddress as cellAddr } from "../../sheet-ref";

/** A single figure and its prior years (most recent first). */
export interface SingleInput {
  readonly value: number | string | null;
  readonly prior?: readonly (number | null)[];
  readonly numberFormat?: string;
}
/** Rows of a breakdown: label, figure, extra text columns. */
export interface RowsInput {
  readonly rows: readonly {
    readonly label: string;
    readonly value: number | null;
    readonly extra?: readonly string[];
    /** Prior years, most recent first. */
    readonly prior?: readonly (number | null)[];
  }[];
}
export type MetricInput = SingleInput | RowsInput;

export interface LayoutOptions {
  /** Figures by metric id. */
  readonly values?: Readonly<Record<string, MetricInput>>;
  /** Lay out only the metrics that have values (the sample: unpublished figures are left out). */
  readonly onlyGiven?: boolean;
  readonly dataSheet?: string;
  readonly title?: string;
  /** Prior-year columns of a blank metric, single or breakdown (HKEX B2.1 asks for three years in all). */
  readonly priorYears?: number;
  readonly year?: number;
}

export const DATA_SHEET = "ESG Data 數據";
export const INSTRUCTIONS_SHEET = "Instructions 說明";
/** A Traditional Chinese-capable font shipped with Windows and Office for Mac. */
export const INPUT_FONT = { name: "Microsoft JhengHei", size: 10 } as const;

/**
 * Text that may be longer than its column wraps, top-aligned so a row's cells start on one line; the
 * row gets the height its lines need (fitRows). Input cells do not wrap: what the group types keeps
 * Excel's own row height.
 */
const WRAP = { wrap: true, vertical: "top" } as const;
const STYLES: Record<string, CellStyle> = {
  title: { font: { bold: true, size: 14 } },
  note: { font: { italic: true, color: "595959" }, align: WRAP },
  group: { font: { bold: true, color: "FFFFFF" }, fill: "1F4E79" },
  header: { font: { bold: true }, fill: "D9E1F2", border: { bottom: "thin" }, align: WRAP },
  label: { align: WRAP },
  input: { fill: "FFF2CC", border: { top: "thin", bottom: "thin", left: "thin", right: "thin" } },
  name: { font: { color: "7F7F7F" }, align: WRAP },
};

/**
 * Header text wider than its column, broken into lines where a reader would break it: the English and the
 * Chinese on lines of their own, then between words with CJK punctuation kept beside its word
 * (breakLines), so "原因（中文）" never prints its "）" alone.
 */
function breakHeaders(cells: readonly CellModel[], columns: readonly number[]): CellModel[] {
  return cells.map((c) => {
    const width = columns[c.col] ?? 10;
    if (c.style !== "header" || typeof c.value !== "string" || displayWidth(c.value) <= width - 1) return c;
    const bilingual = /^(.*?[^\s])\s+(\p{Script=Han}.*)$/u.exec(c.value);
    const parts = bilingual ? [bilingual[1], bilingual[2]] : [c.value];
    return { ...c, value: parts.flatMap((p) => breakLines(p, Math.max(4, width - 1))).join("\n") };
  });
}

/** Points per line of the template's 10 pt font (Microsoft JhengHei, or the CJK font a printer substitutes). */
const LINE_HEIGHT = 15;

/**
 * Row heights for the rows whose wrapped text needs more than one line, as the disclosure builder sets
 * them (src/esg/disclosures/layout.ts): hosts do not fit rows of wrapped text on their own, so without a
 * height a long instruction prints as one line cut at its column's edge. The lines are counted as
 * breakLines would break the text (CJK counted double, a margin for the printing font), over the cell's
 * column or merged span.
 */
function fitRows(cells: readonly CellModel[], columns: readonly number[], merges: readonly MergeModel[]) {
  const span = (row: number, col: number): number => {
    const m = merges.find((x) => x.top === row && x.left === col);
    let w = 0;
    for (let c = col; c <= (m ? m.right : col); c++) w += columns[c] ?? 10;
    return w;
  };
  const lines = new Map<number, number>();
  for (const cell of cells) {
    if (typeof cell.value !== "string" || !cell.style || !STYLES[cell.style]?.align?.wrap) continue;
    const n = wrapTo(cell.value, span(cell.row, cell.col)).split("\n").length;
    if (n > (lines.get(cell.row) ?? 1)) lines.set(cell.row, n);
  }
  const heights: Record<number, number> = {};
  for (const [row, n] of lines) heights[row] = Math.min(n * LINE_HEIGHT, MAX_ROW_HEIGHT);
  return heights;
}

const COL = { zh: 0, en: 1, figure: 2, unit: 6, name: 7 } as const;

const text = (row: number, col: number, value: string, style?: string): CellModel => ({
  row,
  col,
  value,
  text: true,
  ...(style ? { style } : {}),
});

function isRows(v: MetricInput | undefined): v is RowsInput {
  return v !== undefined && "rows" in v;
}

const GROUP_TITLES: Record<string, string> = {
  reporting: "Reporting 匯報",
  denominators: "Intensity denominators 密度分母",
  emissions: "A1 Emissions 排放物",
  waste: "A1 Waste 廢棄物",
  energy: "A2 Energy 能源",
  water: "A2 Water 水",
  packaging: "A2 Packaging 包裝材料",
  workforce: "B1 Workforce 僱員",
  turnover: "B1 Turnover 流失",
  "health-safety": "B2 Health and safety 健康與安全",
  training: "B3 Training 培訓",
  "supply-chain": "B5 Supply chain 供應鏈",
  product: "B6 Product responsibility 產品責任",
  "anti-corruption": "B7 Anti-corruption 反貪污",
  community: "B8 Community 社區投資",
};

/** The data sheet: every metric (or every given one) under its default name. */
export function dataSheet(options: LayoutOptions = {}): SheetModel {
  const values = options.values ?? {};
  const priorYears = options.priorYears ?? 2;
  const year = options.year ?? 2024;
  const cells: CellModel[] = [];
  const merges: MergeModel[] = [];
  const names: { name: string; address: string }[] = [];
  cells.push(text(0, 0, options.title ?? "ESG data 環境、社會及管治數據", "title"));
  cells.push(
    text(
      1,
      0,
      "Yellow cells are inputs under defined names (column H). 黃色儲存格為輸入欄，已定義名稱（H欄）。",
      "note",
    ),
  );
  merges.push({ top: 1, left: 0, bottom: 1, right: COL.name });
  const header = [
    "指標",
    "Metric / row",
    `${year}`,
    `${year - 1}`,
    `${year - 2}`,
    "",
    "Unit 單位",
    "Name 名稱",
  ];
  header.forEach((h, c) => cells.push(text(3, c, h, "header")));
  let row = 4;
  let group = "";
  const metrics = METRICS.filter((m) => !options.onlyGiven || values[m.id] !== undefined);
  for (const m of metrics) {
    if (m.group !== group) {
      group = m.group;
      row++;
      cells.push(text(row, 0, GROUP_TITLES[group] ?? group, "group"));
      merges.push({ top: row, left: 0, bottom: row, right: COL.name });
      row++;
    }
    row =
      m.layout === "single"
        ? single(m, values[m.id], row, priorYears, cells, names)
        : rows(m, values[m.id], row, priorYears, year, cells, names);
  }
  const columns = [30, 34, 14, 14, 14, 14, 10, 30];
  const laid = breakHeaders(cells, columns);
  return {
    name: options.dataSheet ?? DATA_SHEET,
    section: "DATA",
    language: "both",
    font: INPUT_FONT,
    columns,
    rowHeights: fitRows(laid, columns, merges),
    cells: laid,
    merges,
    styles: STYLES,
    freeze: { rows: 4, columns: 0 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true },
    definedNames: names,
  };
}

function figureCell(row: number, col: number, v: number | string | null, numberFormat?: string): CellModel {
  return {
    row,
    col,
    value: v,
    style: "input",
    ...(typeof v === "string" ? { text: true } : {}),
    ...(numberFormat ? { numberFormat } : {}),
  };
}

function single(
  m: MetricDef,
  input: MetricInput | undefined,
  row: number,
  priorYears: number,
  cells: CellModel[],
  names: { name: string; address: string }[],
): number {
  const given = input && !isRows(input) ? input : undefined;
  cells.push(text(row, COL.zh, m.label["zh-HK"], "label"), text(row, COL.en, m.label.en, "label"));
  const format = given?.numberFormat ?? (m.unit === "%" ? "0%" : undefined);
  cells.push(figureCell(row, COL.figure, given?.value ?? null, format));
  const prior = given?.prior ?? new Array<null>(priorYears).fill(null);
  prior.forEach((p, i) => cells.push(figureCell(row, COL.figure + 1 + i, p, format)));
  cells.push(text(row, COL.unit, m.unit, "name"), text(row, COL.name, m.defaultName, "name"));
  names.push({
    name: m.defaultName,
    address: `${cellAddr(row, COL.figure)}:${cellAddr(row, COL.figure + prior.length)}`,
  });
  return row + 1;
}

function rows(
  m: MetricDef,
  input: MetricInput | undefined,
  row: number,
  priorYears: number,
  year: number,
  cells: CellModel[],
  names: { name: string; address: string }[],
): number {
  const given = isRows(input) ? input.rows : undefined;
  const extras = m.extra ?? [];
  // label | figure | extra text columns | prior years (most recent first): the engine's "rows" layout.
  const priorCount = Math.max(priorYears, ...(given ?? []).map((r) => r.prior?.length ?? 0));
  const priorCol = COL.figure + 1 + extras.length;
  cells.push(
    text(row, COL.zh, m.label["zh-HK"], "header"),
    text(row, COL.en, m.label.en, "header"),
    text(row, COL.figure, priorCount > 0 ? `${year} 數值` : "Figure 數值", "header"),
  );
  extras.forEach((e, i) => cells.push(text(row, COL.figure + 1 + i, `${e.en} ${e["zh-HK"]}`, "header")));
  for (let y = 0; y < priorCount; y++) cells.push(text(row, priorCol + y, `${year - 1 - y}`, "header"));
  cells.push(text(row, COL.unit, m.unit, "name"), text(row, COL.name, m.defaultName, "name"));
  const labels =
    given ??
    (m.rowLabels ?? Array.from({ length: 4 }, () => ({ en: "", "zh-HK": "" }))).map((l) => ({
      label: l.en,
      zh: l["zh-HK"],
      value: null,
      extra: [] as string[],
      prior: [] as (number | null)[],
    }));
  const first = row + 1;
  labels.forEach((r, i) => {
    const at = first + i;
    const zh = "zh" in r ? String(r.zh) : (m.rowLabels?.find((l) => l.en === r.label)?.["zh-HK"] ?? "");
    if (zh) cells.push(text(at, COL.zh, zh, "label"));
    cells.push({ row: at, col: COL.en, value: r.label === "" ? null : r.label, text: true, style: "input" });
    cells.push(figureCell(at, COL.figure, r.value));
    extras.forEach((_, j) =>
      cells.push({
        row: at,
        col: COL.figure + 1 + j,
        value: r.extra?.[j] ?? null,
        text: true,
        style: "input",
      }),
    );
    for (let y = 0; y < priorCount; y++) cells.push(figureCell(at, priorCol + y, r.prior?.[y] ?? null));
  });
  const last = first + labels.length - 1;
  names.push({
    name: m.defaultName,
    address: `${cellAddr(first, COL.en)}:${cellAddr(last, priorCol + priorCount - 1)}`,
  });
  return last + 2;
}

/** The bilingual instructions sheet. */
export function instructionsSheet(): SheetModel {
  const lines: [string, string][] = [
    ["How to use this workbook", "如何使用本活頁簿"],
    [
      "Enter each figure in the yellow cell under its defined name (Formulas › Name Manager lists them).",
      "請在黃色儲存格輸入數值；各儲存格已定義名稱（公式 › 名稱管理員）。",
    ],
    [
      "Single figures: the reporting year first, prior years to its right.",
      "單一數值：先填匯報年度，往年數字填於右方。",
    ],
    [
      "Breakdowns: one row per group or item — label, figure, then any text columns, then the two prior years.",
      "分項：每個組別或項目一行——標籤、數值，其後為文字欄，再後為之前兩年的數字。",
    ],
    [
      "Three years: HKEX asks for work-related fatalities (B2.1) in each of the past three years; prior years elsewhere give the year-on-year comparison.",
      "三年數據：香港聯交所要求披露過去三年每年因工作亡故的人數（B2.1）；其他往年數字用作按年比較。",
    ],
    [
      "Type N/A (or 不適用) where a metric does not apply, such as a fuel the group does not use: the content index shows it as not applicable. Leave a figure blank only if it is not available: a blank is never read as zero.",
      "如指標不適用（例如集團不使用的燃料），請輸入 N/A（或「不適用」）：內容索引會列為不適用。只有數據未能提供時才留空：空白不會當作零。",
    ],
    [
      "Content index: the sheet ESG_Disclosures holds, per KPI, a status (disclosed, partly, n/a, explain, narrative), the reason to explain a gap, and where in the report a narrative KPI is described.",
      "內容索引：ESG_Disclosures 工作表按關鍵績效指標列出狀態（disclosed、partly、n/a、explain、narrative）、未披露的原因，以及描述性指標在報告中的位置。",
    ],
    [
      "Units: enter figures in the unit shown in column G, or state another accepted unit in a name <Name>_Unit.",
      "單位：請按G欄所示單位填寫，或以 <名稱>_Unit 名稱註明其他接受的單位。",
    ],
    [
      "Site sheets may each hold the same names scoped to the sheet; the engine adds them up.",
      "各廠區工作表可各自定義同名的工作表範圍名稱；引擎會加總。",
    ],
    [
      "Then run: esg check <file>, esg generate <file>, or use the Excel add-in.",
      "然後執行：esg check <檔案>、esg generate <檔案>，或使用 Excel 增益集。",
    ],
  ];
  const cells: CellModel[] = [];
  lines.forEach(([en, zh], i) => {
    cells.push(
      text(i * 2, 0, en, i === 0 ? "title" : "label"),
      text(i * 2 + 1, 0, zh, i === 0 ? "title" : "note"),
    );
  });
  // Narrower than an A4 portrait page between its margins at full size, in Excel and in LibreOffice
  // (which measures this font's width unit wider: 90 units came to 8.75 in, past the 6.9 in of the page).
  const columns = [68];
  return {
    name: INSTRUCTIONS_SHEET,
    section: "INSTRUCTIONS",
    language: "both",
    font: INPUT_FONT,
    columns,
    rowHeights: fitRows(cells, columns, []),
    cells,
    merges: [],
    styles: STYLES,
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
  };
}

export const DISCLOSURES_SHEET = "Disclosures 披露說明";

/**
 * The group's content-index statements (ESG_Disclosures, read by src/esg/disclosures/statements.ts):
 * one row per KPI of the rule in force for the year, status, reason and where in the report left for the
 * group; the KPI's wording beside the table, outside the name, as a reminder.
 */
export function disclosuresSheet(year = 2024): SheetModel {
  const kpis = ruleFor(year).kpis;
  const cells: CellModel[] = [
    text(0, 0, "Content index: the group's statements 內容索引：集團說明", "title"),
    text(
      1,
      0,
      "Status (optional): disclosed, partly, n/a, explain, narrative. Reason: why a KPI is not disclosed or not applicable. Where: the page or section of the report. 狀態（可選）、原因、報告位置。",
      "note",
    ),
  ];
  DISCLOSURE_COLUMNS.forEach((h, c) => cells.push(text(3, c, `${h.en} ${h["zh-HK"]}`, "header")));
  // The KPI's wording sits past a narrow gap column, outside the table the name covers.
  const wordingCol = DISCLOSURE_COLUMNS.length + 1;
  cells.push(text(3, wordingCol, "Disclosure 披露內容", "header"));
  // Narrow enough that an A4 landscape page holds every column at about 80 %, the KPI wording wrapped.
  const columns = [14, 12, 28, 22, 20, 18, 2, 60];
  kpis.forEach((k, i) => {
    cells.push(text(4 + i, 0, k.code, "label"));
    for (let c = 1; c < DISCLOSURE_COLUMNS.length; c++)
      cells.push({ row: 4 + i, col: c, value: null, text: true, style: "input" });
    // Chinese, then English, each broken where a reader would break it (no "。" starting a line).
    const wording = [k.wording["zh-HK"], k.wording.en].map((t) => wrapTo(t, columns[wordingCol])).join("\n");
    cells.push(text(4 + i, wordingCol, wording, "name"));
  });
  const merges = [{ top: 1, left: 0, bottom: 1, right: DISCLOSURE_COLUMNS.length - 1 }];
  const laid = breakHeaders(cells, columns);
  return {
    name: DISCLOSURES_SHEET,
    section: "DISCLOSURES",
    language: "both",
    font: INPUT_FONT,
    columns,
    rowHeights: fitRows(laid, columns, merges),
    cells: laid,
    merges,
    styles: STYLES,
    freeze: { rows: 4, columns: 1 },
    print: { paper: "A4", orientation: "landscape", fitToWidth: true },
    definedNames: [
      {
        name: CONFIG_NAMES.disclosures,
        address: `${cellAddr(4, 0)}:${cellAddr(4 + kpis.length - 1, DISCLOSURE_COLUMNS.length - 1)}`,
      },
    ],
  };
}

/** The blank template: instructions, every metric, then the content-index statements. */
export function templateModels(year = 2024): SheetModel[] {
  return [instructionsSheet(), dataSheet({ year }), disclosuresSheet(year)];
}
