/** Every string the pane shows, in Traditional Chinese (Hong Kong) and English. */
import type { Lang } from "../esg/types";

export interface Strings {
  readonly title: string;
  readonly languageSwitch: string;
  readonly loading: string;
  readonly reload: string;
  readonly saving: string;
  readonly saveFailed: (message: string) => string;
  /** While a view loaded on demand (views/lazy-views.ts) is fetched, and if it fails. */
  readonly viewLoading: string;
  readonly viewFailed: (message: string) => string;
  readonly tryAgain: string;
  readonly views: {
    readonly data: string;
    readonly checks: string;
    readonly kpis: string;
    readonly generate: string;
    readonly settings: string;
  };
  readonly data: {
    readonly heading: string;
    readonly metric: string;
    readonly name: string;
    readonly value: string;
    readonly unit: string;
    readonly status: string;
    readonly defaultName: (name: string) => string;
    readonly suggested: string;
    readonly otherNames: string;
    readonly nameFor: (metric: string) => string;
    readonly save: string;
    readonly saved: string;
    readonly statusOk: string;
    readonly statusMissing: string;
    /** A metric no KPI needs (an intensity denominator other than production): absent is fine. */
    readonly statusOptional: string;
    readonly statusError: string;
    readonly statusWarning: string;
  };
  /** The Data view's grid picker: a site's GridRegion that is unknown or blank, fixed in its cell. */
  readonly gridFix: {
    readonly heading: string;
    readonly intro: string;
    /** The picker's label: the site (its sheet) and the cell it writes. */
    readonly pickerFor: (sheet: string, cell: string) => string;
    readonly current: (text: string) => string;
    readonly blank: string;
    readonly placeholder: string;
    readonly groups: { readonly grid: string; readonly "hong-kong": string; readonly province: string };
    readonly write: (cell: string) => string;
    readonly writing: string;
    readonly written: (value: string, location: string) => string;
    readonly failed: (message: string) => string;
  };
  readonly checks: {
    readonly heading: string;
    readonly none: string;
    readonly severity: { readonly error: string; readonly warning: string; readonly info: string };
    readonly general: string;
    readonly goTo: (location: string) => string;
    readonly summary: (errors: number, warnings: number, infos: number) => string;
  };
  readonly kpis: {
    readonly heading: string;
    readonly value: string;
    readonly prior: string;
    readonly change: string;
    readonly formula: string;
    readonly notAvailable: string;
  };
  readonly generate: {
    readonly heading: string;
    readonly sections: string;
    readonly language: string;
    readonly langZh: string;
    readonly langEn: string;
    readonly langBoth: string;
    readonly mode: string;
    readonly live: string;
    readonly valuesOnly: string;
    readonly charts: string;
    readonly button: string;
    readonly working: string;
    readonly progress: string;
    readonly blocked: (count: number) => string;
    readonly accept: string;
    readonly note: string;
    readonly noteHint: string;
    readonly done: (count: number) => string;
    readonly replaced: (count: number) => string;
    readonly failed: string;
    readonly noSections: string;
  };
  readonly settings: {
    readonly heading: string;
    readonly yoy: string;
    readonly yoyHint: string;
    readonly turnover: string;
    readonly turnoverAverage: string;
    readonly turnoverClosing: string;
    readonly training: string;
    readonly trainingShare: string;
    readonly trainingSplit: string;
    readonly gridSeries: string;
    readonly gridYear: string;
    readonly gridYearHint: string;
    readonly latest: string;
    readonly save: string;
    readonly saved: string;
  };
  readonly errorTitle: string;
}

const en: Strings = {
  title: "ESG disclosures",
  languageSwitch: "中文",
  loading: "Reading the workbook…",
  reload: "Read again",
  saving: "Saving…",
  saveFailed: (message) => `Saving failed; the workbook is unchanged. (${message})`,
  viewLoading: "Opening the view…",
  viewFailed: (message) => `This view could not be shown; the workbook is unchanged. (${message})`,
  tryAgain: "Try again",
  views: { data: "Data", checks: "Checks", kpis: "KPIs", generate: "Generate", settings: "Settings" },
  data: {
    heading: "Data: metrics and their named ranges",
    metric: "Metric",
    name: "Named range",
    value: "Value",
    unit: "Unit",
    status: "Status",
    defaultName: (name) => `${name} (default)`,
    suggested: "Suggested",
    otherNames: "Other names in this workbook",
    nameFor: (metric) => `Named range for ${metric}`,
    save: "Save mapping",
    saved: "Mapping saved in the workbook (ESG_Mapping, on the hidden sheet ESG_Config).",
    statusOk: "OK",
    statusMissing: "Missing",
    statusOptional: "Optional",
    statusError: "Error",
    statusWarning: "Warning",
  },
  gridFix: {
    heading: "Power grids to fix",
    intro:
      "Scope 2 needs the grid or power company each site buys electricity from. Choose one: it is written into the site's GridRegion cell and the checks run again.",
    pickerFor: (sheet, cell) => `Power grid for ${sheet} (cell ${cell})`,
    current: (text) => `Now: "${text}"`,
    blank: "Now: blank (the national average is used)",
    placeholder: "Choose a grid or power company",
    groups: {
      grid: "Regional grids and the national average",
      "hong-kong": "Hong Kong power companies",
      province: "Mainland provinces (read as their regional grid)",
    },
    write: (cell) => `Write to ${cell}`,
    writing: "Writing…",
    written: (value, location) => `"${value}" written to ${location}; the checks ran again.`,
    failed: (message) => `Writing failed; the cell is unchanged. (${message})`,
  },
  checks: {
    heading: "Checks",
    none: "No problems found.",
    severity: { error: "Errors", warning: "Warnings", info: "Notes" },
    general: "Workbook",
    goTo: (location) => `Go to ${location}`,
    summary: (e, w, i) => `${e} errors, ${w} warnings, ${i} notes`,
  },
  kpis: {
    heading: "Key performance indicators",
    value: "Value",
    prior: "Prior year",
    change: "Change",
    formula: "Formula",
    notAvailable: "n/a",
  },
  generate: {
    heading: "Generate disclosure sheets",
    sections: "Sections",
    language: "Language",
    langZh: "繁體中文",
    langEn: "English",
    langBoth: "Both",
    mode: "Tables hold",
    live: "Live formulas",
    valuesOnly: "Values only",
    charts: "Charts over the tables",
    button: "Generate disclosures",
    working: "Generating…",
    progress: "Progress",
    blocked: (n) => `${n} errors must be fixed, or accepted with a note, before generating.`,
    accept: "Generate anyway: I accept these errors",
    note: "Note for the history",
    noteHint: "Why the errors are accepted; saved in ESG_History.",
    done: (n) => `${n} sheets written:`,
    replaced: (n) => `${n} earlier generated sheets replaced.`,
    failed: "Generation failed; the workbook is unchanged.",
    noSections: "Choose at least one section.",
  },
  settings: {
    heading: "Settings",
    yoy: "Year-on-year tolerance (%)",
    yoyHint: "A change larger than this raises a warning.",
    turnover: "Turnover rate",
    turnoverAverage: "Leavers ÷ average headcount",
    turnoverClosing: "Leavers ÷ closing headcount",
    training: "Training percentage (B3.1)",
    trainingShare: "Share of each category trained",
    trainingSplit: "Split of the trained by category",
    gridSeries: "Grid factor series",
    gridYear: "Grid factor year",
    gridYearHint:
      "Latest: the latest factor published five months after the year end (or by the setting factorsAsOf).",
    latest: "Latest",
    save: "Save settings",
    saved: "Settings saved in the workbook (ESG_Settings, on the hidden sheet ESG_Config).",
  },
  errorTitle: "Problem",
};

const zh: Strings = {
  title: "環境、社會及管治披露",
  languageSwitch: "English",
  loading: "正在讀取工作簿…",
  reload: "重新讀取",
  saving: "正在儲存…",
  saveFailed: (message) => `儲存失敗；工作簿未有改動。（${message}）`,
  viewLoading: "正在開啟檢視…",
  viewFailed: (message) => `未能顯示此檢視；工作簿未有改動。（${message}）`,
  tryAgain: "再試一次",
  views: { data: "數據", checks: "檢查", kpis: "關鍵績效指標", generate: "生成", settings: "設定" },
  data: {
    heading: "數據：指標及其命名範圍",
    metric: "指標",
    name: "命名範圍",
    value: "數值",
    unit: "單位",
    status: "狀態",
    defaultName: (name) => `${name}（預設）`,
    suggested: "建議",
    otherNames: "本工作簿的其他名稱",
    nameFor: (metric) => `${metric}的命名範圍`,
    save: "儲存對應",
    saved: "對應已儲存於工作簿（隱藏工作表 ESG_Config 上的 ESG_Mapping）。",
    statusOk: "正常",
    statusMissing: "缺少",
    statusOptional: "可選",
    statusError: "錯誤",
    statusWarning: "警告",
  },
  gridFix: {
    heading: "需修正的電網",
    intro:
      "計算範圍2須知道每個廠區向哪個電網或電力公司購電。請選擇一項：系統會寫入該廠區的 GridRegion 儲存格，並重新檢查。",
    pickerFor: (sheet, cell) => `${sheet}的電網（儲存格 ${cell}）`,
    current: (text) => `現為：「${text}」`,
    blank: "現為：空白（採用全國平均）",
    placeholder: "選擇電網或電力公司",
    groups: {
      grid: "區域電網及全國平均",
      "hong-kong": "香港電力公司",
      province: "內地省份（按所屬區域電網）",
    },
    write: (cell) => `寫入 ${cell}`,
    writing: "正在寫入…",
    written: (value, location) => `已將「${value}」寫入 ${location}，並已重新檢查。`,
    failed: (message) => `寫入失敗；儲存格未有改動。（${message}）`,
  },
  checks: {
    heading: "檢查",
    none: "沒有發現問題。",
    severity: { error: "錯誤", warning: "警告", info: "備註" },
    general: "工作簿",
    goTo: (location) => `前往 ${location}`,
    summary: (e, w, i) => `${e} 項錯誤、${w} 項警告、${i} 項備註`,
  },
  kpis: {
    heading: "關鍵績效指標",
    value: "數值",
    prior: "上一年度",
    change: "變化",
    formula: "公式",
    notAvailable: "不適用",
  },
  generate: {
    heading: "生成披露工作表",
    sections: "範疇",
    language: "語言",
    langZh: "繁體中文",
    langEn: "English",
    langBoth: "兩者",
    mode: "表格內容",
    live: "即時公式",
    valuesOnly: "只有數值",
    charts: "表格附圖表",
    button: "生成披露",
    working: "正在生成…",
    progress: "進度",
    blocked: (n) => `生成前須先修正 ${n} 項錯誤，或註明原因後接受。`,
    accept: "仍然生成：我接受這些錯誤",
    note: "記錄於歷史的備註",
    noteHint: "接受錯誤的原因；儲存於 ESG_History。",
    done: (n) => `已寫入 ${n} 張工作表：`,
    replaced: (n) => `已取代 ${n} 張之前生成的工作表。`,
    failed: "生成失敗；工作簿未有改動。",
    noSections: "請選擇最少一個範疇。",
  },
  settings: {
    heading: "設定",
    yoy: "按年變化容許範圍（%）",
    yoyHint: "變化超過此幅度會發出警告。",
    turnover: "流失率",
    turnoverAverage: "離職人數 ÷ 平均僱員人數",
    turnoverClosing: "離職人數 ÷ 年末僱員人數",
    training: "受訓百分比（B3.1）",
    trainingShare: "各類別中受訓僱員的比例",
    trainingSplit: "受訓僱員按類別的分佈",
    gridSeries: "電網排放因子系列",
    gridYear: "電網排放因子年份",
    gridYearHint: "最新：採用年結後五個月（或設定 factorsAsOf 所訂日期）前已公佈的最新因子。",
    latest: "最新",
    save: "儲存設定",
    saved: "設定已儲存於工作簿（隱藏工作表 ESG_Config 上的 ESG_Settings）。",
  },
  errorTitle: "問題",
};

export const STRINGS: Readonly<Record<Lang, Strings>> = { en, "zh-HK": zh };

/** Office's display language to the pane's: Traditional Chinese for zh-TW and zh-HK (and zh-Hant, zh-MO), else English. */
export function paneLanguage(displayLanguage: string | undefined): Lang {
  const tag = (displayLanguage ?? "").toLowerCase();
  return /^zh-(tw|hk|mo|hant)/.test(tag) ? "zh-HK" : "en";
}

/** Number as the pane shows it: grouped, up to 2 decimals (4 under 1). */
export function formatNumber(value: number | null, lang: Lang): string {
  if (value === null) return "—";
  const digits = Math.abs(value) < 1 && value !== 0 ? 4 : 2;
  return new Intl.NumberFormat(lang === "zh-HK" ? "zh-HK" : "en-GB", {
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null) return "—";
  return new Intl.NumberFormat(lang === "zh-HK" ? "zh-HK" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(value);
}
