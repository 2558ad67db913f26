/**
 * Bilingual wording of the disclosure sheets: section titles (the aspect names of HKEX Appendix C2,
 * Part C and Part D), column headings, units and the recurring footnotes. Kept apart from layout so
 * the wording can be reviewed in one place.
 */
import { getAspect } from "../catalog";
import type { Bilingual, Lang, ReportLang } from "../types";

import { bi } from "../bilingual";

export { bi };

/** Sections a caller can choose (EngineOptions.sections) plus the content index, always written. */
export type SectionCode = "A1" | "A2" | "B1" | "B2" | "B3" | "B5" | "B6" | "B7" | "B8" | "D" | "INDEX";

export interface SectionLabel {
  readonly code: SectionCode;
  /** Aspect title as in Appendix C2 (Part C aspects; Part D climate-related disclosures). */
  readonly title: Bilingual;
  /** Short form for the sheet name (sheet names hold at most 31 characters). */
  readonly short: Bilingual;
}

const SHORT: Readonly<Record<SectionCode, Bilingual>> = {
  A1: bi("Emissions", "排放物"),
  A2: bi("Resources", "資源使用"),
  B1: bi("Employment", "僱傭"),
  B2: bi("Health & Safety", "健康與安全"),
  B3: bi("Training", "發展及培訓"),
  B5: bi("Supply Chain", "供應鏈管理"),
  B6: bi("Products", "產品責任"),
  B7: bi("Anti-corruption", "反貪污"),
  B8: bi("Community", "社區投資"),
  D: bi("GHG Scope 1-2", "溫室氣體"),
  INDEX: bi("Content Index", "內容索引"),
};

/** A section's title from the catalog's aspect wording: "Aspect A1: Emissions" / "層面A1：排放物". */
function sectionTitle(code: SectionCode): Bilingual {
  if (code === "INDEX")
    return bi("HKEX ESG Reporting Code: content index", "香港聯交所《環境、社會及管治報告守則》內容索引");
  const aspect = getAspect(code);
  const t = aspect?.title ?? SHORT[code];
  return code === "D"
    ? bi(`Part D: ${t.en}`, `D部分：${t["zh-HK"]}`)
    : bi(`Aspect ${code}: ${t.en}`, `層面${code}：${t["zh-HK"]}`);
}

/** Section titles (with the aspect wording of the catalog) and the short forms used in sheet names. */
export const SECTION_LABELS: Readonly<Record<SectionCode, SectionLabel>> = Object.fromEntries(
  (Object.keys(SHORT) as SectionCode[]).map((code) => [
    code,
    { code, title: sectionTitle(code), short: SHORT[code] },
  ]),
) as Record<SectionCode, SectionLabel>;

/** The languages whose label columns a sheet carries, Chinese first when both. */
export function languagesOf(lang: ReportLang): readonly Lang[] {
  return lang === "both" ? ["zh-HK", "en"] : [lang];
}

/** One text in the sheet's language; both languages on two lines (for headings of value columns). */
export function say(b: Bilingual, lang: ReportLang, sep = "\n"): string {
  return lang === "both" ? `${b["zh-HK"]}${sep}${b.en}` : b[lang];
}

export const HEAD = {
  item: bi("Item", "項目"),
  group: bi("Group", "類別"),
  unit: bi("Unit", "單位"),
  amount: bi("Amount", "數量"),
  tonnes: bi("Tonnes", "噸"),
  treatment: bi("Treatment", "處理方法"),
  intensity: bi("Intensity (per tonne of product)", "密度（每噸產品）"),
  energy: bi("Energy ('000 kWh)", "能源（千個千瓦時）"),
  value: bi("Figure", "數據"),
  prior: bi("Prior year", "上年度"),
  change: bi("Change", "變動"),
  employees: bi("Employees", "僱員人數"),
  turnover: bi("Turnover rate", "流失比率"),
  newHires: bi("New hires", "新入職人數"),
  newHireRate: bi("New-hire rate", "新入職比率"),
  shareOfOverall: bi("Share of overall rate", "佔整體比率"),
  trainedShare: bi("Employees trained", "受訓僱員百分比"),
  avgHours: bi("Average training hours", "平均受訓時數"),
  suppliers: bi("Suppliers", "供應商數目"),
  code: bi("KPI", "關鍵績效指標"),
  wording: bi("Disclosure", "披露內容"),
  requirement: bi("Requirement", "披露規定"),
  status: bi("Status", "狀態"),
  where: bi("Where", "位置"),
  reason: bi("Reason / remark", "原因／備註"),
  findings: bi("Check findings", "檢查結果"),
  factor: bi("Factor", "因子"),
  source: bi("Source", "來源"),
  dataYear: bi("Data year", "數據年份"),
  series: bi("Series", "系列"),
} as const;

/**
 * Chart titles (issue 14), kept here with the rest of the wording. Where a chart narrows an HKEX KPI to
 * one breakdown, its title keeps the KPI's own words in both languages (Appendix C2, as in catalog.ts):
 * B1.1 "Total workforce by …" / "按…劃分的僱員總數", B1.2 "Employee turnover rate by …" /
 * "按…劃分的僱員流失比率", B3.1 "The percentage of employees trained by … employee category" /
 * "按…僱員類別…劃分的受訓僱員百分比", A2.1 "energy consumption by type … (kWh in '000s)" /
 * "按類型劃分的…能源…總耗量（以千個千瓦時計算）". The others are this tool's own wording.
 */
export const CHART_TITLE = {
  ghgByScope: bi("Scope 1 and Scope 2 greenhouse gas emissions", "範圍1及範圍2溫室氣體排放量"),
  ghgByScopeAndYear: bi(
    "Scope 1 and Scope 2 greenhouse gas emissions by year",
    "按年度劃分的範圍1及範圍2溫室氣體排放量",
  ),
  hazardousWaste: bi("Hazardous waste by item", "按項目劃分的有害廢棄物"),
  nonHazardousWaste: bi("Non-hazardous waste by item", "按項目劃分的無害廢棄物"),
  energyByType: bi("Energy consumption by type (kWh in '000s)", "按類型劃分的能源總耗量（以千個千瓦時計算）"),
  workforceByGender: bi("Total workforce by gender", "按性別劃分的僱員總數"),
  workforceByAge: bi("Total workforce by age group", "按年齡組別劃分的僱員總數"),
  workforceByRegion: bi("Total workforce by geographical region", "按地區劃分的僱員總數"),
  turnoverByGender: bi("Employee turnover rate by gender", "按性別劃分的僱員流失比率"),
  turnoverByAge: bi("Employee turnover rate by age group", "按年齡組別劃分的僱員流失比率"),
  turnoverByRegion: bi("Employee turnover rate by geographical region", "按地區劃分的僱員流失比率"),
  trainedByCategory: bi(
    "The percentage of employees trained by employee category",
    "按僱員類別劃分的受訓僱員百分比",
  ),
  /** The other reading of B3.1 (options.trainingReading "split-of-trained"): own wording. */
  trainedSplitByCategory: bi(
    "Split of the employees trained by employee category",
    "按僱員類別劃分的受訓僱員分佈",
  ),
  /** Per employee or per employee trained, as the table's column says: the title names neither. */
  hoursByCategory: bi("Average training hours by employee category", "按僱員類別劃分的平均受訓時數"),
} as const;

/** Unit symbols as the tables show them; Chinese names for zh-HK, both for side-by-side sheets. */
const UNIT_ZH: Readonly<Record<string, string>> = {
  kWh: "千瓦時",
  "'000 kWh": "千個千瓦時",
  MWh: "兆瓦時",
  L: "升",
  t: "噸",
  kg: "千克",
  "m³": "立方米",
  "Nm³": "標準立方米",
  "10⁴ Nm³": "萬標準立方米",
  person: "人",
  count: "個",
  hours: "小時",
  days: "日",
  "t CO2e": "噸二氧化碳當量",
  "t CO2e/t": "噸二氧化碳當量／噸",
  "t/t": "噸／噸",
  "kWh/t": "千瓦時／噸",
  "m³/t": "立方米／噸",
  "L/t": "升／噸",
  HKD: "港元",
  RMB: "人民幣",
  CNY: "人民幣",
  USD: "美元",
};

/**
 * The group's own text in the sheet's language: a bilingual entry such as "售予持牌回收商 Sold to
 * licensed recyclers" gives its Chinese part on a zh-HK sheet and its English part on an English one;
 * text in one language, or a sheet in both, keeps it whole.
 */
export function ownText(text: string, lang: ReportLang): string {
  if (lang === "both") return text;
  const m = /^([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*?)\s+([A-Za-z][^\u3400-\u9fff]*)$/.exec(text.trim());
  const r = /^([A-Za-z][^\u3400-\u9fff]*?)\s+([^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*)$/.exec(text.trim());
  if (m) return lang === "zh-HK" ? m[1] : m[2];
  if (r) return lang === "zh-HK" ? r[2] : r[1];
  return text;
}

export function unitText(unit: string, lang: ReportLang): string {
  const zh = Object.hasOwn(UNIT_ZH, unit) ? UNIT_ZH[unit] : undefined;
  if (lang === "en" || !zh) return unit === "person" ? "persons" : unit;
  return lang === "zh-HK" ? zh : `${zh} (${unit})`;
}

export const NOTE = {
  missing: bi("–: not disclosed (see the content index).", "–：未有披露（見內容索引）。"),
  rounding: bi(
    "Figures are rounded for presentation; totals may differ from the sum of the rounded parts.",
    "數字經四捨五入列示，總數或與各項進位後之和略有差異。",
  ),
  trace: bi(
    "Each figure is a live formula over the group's source data (the workbook's named ranges), traceable to its cell.",
    "每項數字均為連結集團源數據（工作簿命名範圍）的公式，可追溯至來源儲存格。",
  ),
  traceSheetsOnly: bi(
    "Figures are written as values: this workbook holds only the generated sheets, not the named ranges the figures come from (a formula over them would show #NAME?). Each figure traces to the source workbook's named ranges listed in the content index.",
    "數字以數值寫入：本工作簿只載有生成的工作表，並無數字所來自的命名範圍（引用該等範圍的公式會顯示 #NAME?）。每項數字的來源工作簿命名範圍見內容索引。",
  ),
  traceValues: bi(
    "Figures are written as values, each taken from the group's source data (the workbook's named ranges).",
    "數字以數值列示，均取自集團源數據（工作簿命名範圍）。",
  ),
} as const;

/** Intensities divide by production (tonnes of product); the table states the figure in its own row. */
export function intensityNote(): Bilingual {
  return bi("Intensities are per tonne of product.", "密度以每噸產品計算。");
}

export function generatedAt(now: string): Bilingual {
  return bi(`Generated ${now} by the ESG disclosure add-in.`, `由ESG披露增益集於 ${now} 生成。`);
}
