/**
 * The input workbook's layout, from the metric dictionary (src/esg/metrics.ts, the contract): one data
 * sheet where each metric sits under its default name — "single": the figure, then prior years to its
 * right; "rows": label | figure | extra text columns — and a bilingual instructions sheet. `esg template`
 * writes it blank; scripts/build-sample.ts fills it with the seed report's figures.
 */
import { METRICS, type MetricDef } from "../../esg/metrics";
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
  /** Prior-year columns of a blank single metric. */
  readonly priorYears?: number;
  readonly year?: number;
}

export const DATA_SHEET = "ESG Data 數據";
export const INSTRUCTIONS_SHEET = "Instructions 說明";
/** A Traditional Chinese-capable font shipped with Windows and Office for Mac. */
export const INPUT_FONT = { name: "Microsoft JhengHei", size: 10 } as const;

const STYLES: Record<string, CellStyle> = {
  title: { font: { bold: true, size: 14 } },
  note: { font: { italic: true, color: "595959" }, align: { wrap: true, vertical: "top" } },
  group: { font: { bold: true, color: "FFFFFF" }, fill: "1F4E79" },
  header: { font: { bold: true }, fill: "D9E1F2", border: { bottom: "thin" } },
  label: {},
  input: { fill: "FFF2CC", border: { top: "thin", bottom: "thin", left: "thin", right: "thin" } },
  name: { font: { color: "7F7F7F" } },
};

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
  const priorYears = options.priorYears ?? 1;
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
        : rows(m, values[m.id], row, cells, names);
  }
  return {
    name: options.dataSheet ?? DATA_SHEET,
    section: "DATA",
    language: "both",
    font: INPUT_FONT,
    columns: [30, 34, 14, 14, 14, 4, 10, 30],
    cells,
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
  cells: CellModel[],
  names: { name: string; address: string }[],
): number {
  const given = isRows(input) ? input.rows : undefined;
  const extras = m.extra ?? [];
  cells.push(
    text(row, COL.zh, m.label["zh-HK"], "header"),
    text(row, COL.en, m.label.en, "header"),
    text(row, COL.figure, "Figure 數值", "header"),
  );
  extras.forEach((e, i) => cells.push(text(row, COL.figure + 1 + i, `${e.en} ${e["zh-HK"]}`, "header")));
  cells.push(text(row, COL.unit, m.unit, "name"), text(row, COL.name, m.defaultName, "name"));
  const labels =
    given ??
    (m.rowLabels ?? Array.from({ length: 4 }, () => ({ en: "", "zh-HK": "" }))).map((l) => ({
      label: l.en,
      zh: l["zh-HK"],
      value: null,
      extra: [] as string[],
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
  });
  const last = first + labels.length - 1;
  names.push({
    name: m.defaultName,
    address: `${cellAddr(first, COL.en)}:${cellAddr(last, COL.figure + extras.length)}`,
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
      "Breakdowns: one row per group or item — label, figure, then any text columns.",
      "分項：每個組別或項目一行——標籤、數值，其後為文字欄。",
    ],
    [
      "Leave a figure blank if it is not available: a blank is never read as zero, and the content index explains the gap.",
      "如無數據請留空：空白不會當作零，內容索引會說明原因。",
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
  return {
    name: INSTRUCTIONS_SHEET,
    section: "INSTRUCTIONS",
    language: "both",
    font: INPUT_FONT,
    columns: [110],
    cells,
    merges: [],
    styles: { ...STYLES, label: { align: { wrap: true } } },
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
  };
}

/** The blank template: instructions, then every metric. */
export function templateModels(): SheetModel[] {
  return [instructionsSheet(), dataSheet()];
}
