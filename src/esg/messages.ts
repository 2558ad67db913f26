/**
 * Every finding's message and hint, in English and Traditional Chinese (Hong Kong), in one place:
 * rule id → severity and text. Checks call `finding(rule, where, params)`; nothing else writes prose.
 */
import type { Bilingual, Finding, Severity } from "./types";

/** A parameter may differ by language (a metric's label): each language's text gets its own. */
type Param = string | number | Bilingual;
type P = Record<string, string | number>;
interface RuleText {
  readonly severity: Severity;
  readonly message: (p: P) => Bilingual;
  readonly hint: (p: P) => Bilingual;
}
const B = (en: string, zh: string): Bilingual => ({ en, "zh-HK": zh });

export const RULES = {
  "name.missing": {
    severity: "error",
    message: (p) => B(`The name ${p.name} mapped to ${p.metric} is not in the workbook.`, `已對應至「${p.metric}」的名稱 ${p.name} 不在活頁簿中。`),
    hint: () => B("Define the name (Formulas › Name Manager) or change the mapping.", "請於「公式 › 名稱管理員」定義該名稱，或更改對應。"),
  },
  "name.broken": {
    severity: "error",
    message: (p) => B(`The name ${p.name} refers to #REF!: its cells were deleted.`, `名稱 ${p.name} 指向 #REF!：其儲存格已被刪除。`),
    hint: () => B("Point the name at the cells that hold the figure again.", "請將名稱重新指向存放數據的儲存格。"),
  },
  "name.past-grid": {
    severity: "error",
    message: (p) => B(`The name ${p.name} refers to ${p.refersTo}, past the last row (1,048,576) or column (XFD) of a sheet: Excel has no such cell.`, `名稱 ${p.name} 指向 ${p.refersTo}，超出工作表的最後一列（1,048,576）或最後一欄（XFD）：Excel 並無此儲存格。`),
    hint: () => B("Point the name at the cells that hold the figure.", "請將名稱指向存放數據的儲存格。"),
  },
  "name.unreadable": {
    severity: "error",
    message: (p) => B(`The name ${p.name} is ${p.status} (${p.refersTo}): it cannot be read as data.`, `名稱 ${p.name} 屬「${p.status}」（${p.refersTo}），無法作為數據讀取。`),
    hint: () => B("Make the name refer to one rectangular range in this workbook.", "請令名稱指向本活頁簿內單一矩形範圍。"),
  },
  "name.too-large": {
    severity: "error",
    message: (p) => B(`The name ${p.name} could not be read: ${p.note}.`, `無法讀取名稱 ${p.name}：${p.note}。`),
    hint: () => B("Point the name at the figure's cells only, not whole columns.", "請只將名稱指向數據所在的儲存格，而非整欄。"),
  },
  "value.blank": {
    severity: "warning",
    message: (p) => B(`${p.label}: the cell is blank.`, `${p.label}：儲存格空白。`),
    hint: () => B("Enter the figure, or 0 if it truly is zero: a blank is not read as zero.", "請輸入數值；如確為零請輸入 0：空白不會當作零。"),
  },
  "value.text-number": {
    severity: "warning",
    message: (p) => B(`${p.label}: "${p.text}" is text; read as ${p.value}.`, `${p.label}：「${p.text}」為文字，已讀作 ${p.value}。`),
    hint: () => B("Store the figure as a number so formulas and totals include it.", "請以數值儲存，令公式及合計得以計入。"),
  },
  "value.percent-points": {
    severity: "info",
    message: (p) => B(`${p.label}: ${p.text} read as ${p.value}.`, `${p.label}：${p.text} 已讀作 ${p.value}。`),
    hint: () => B("Enter ratios as percentages (e.g. 89%) to remove any doubt.", "請以百分比（如 89%）輸入比率以免誤解。"),
  },
  "value.text": {
    severity: "error",
    message: (p) => B(`${p.label}: text "${p.text}" where a number belongs.`, `${p.label}：應為數值，卻是文字「${p.text}」。`),
    hint: () => B("Replace the text with the figure.", "請以數值取代文字。"),
  },
  "value.error": {
    severity: "error",
    message: (p) => B(`${p.label}: the cell shows the error ${p.code}.`, `${p.label}：儲存格顯示錯誤 ${p.code}。`),
    hint: () => B("Fix the formula or the reference behind the cell.", "請修正該儲存格背後的公式或參照。"),
  },
  "value.boolean": {
    severity: "error",
    message: (p) => B(`${p.label}: ${p.value} where a number belongs.`, `${p.label}：應為數值，卻是邏輯值 ${p.value}。`),
    hint: () => B("Enter the figure as a number.", "請輸入數值。"),
  },
  "value.date": {
    severity: "error",
    message: (p) => B(`${p.label}: a date (${p.iso}) where a number belongs.`, `${p.label}：應為數值，卻是日期（${p.iso}）。`),
    hint: () => B("Set the cell's number format to Number and re-enter the figure.", "請將儲存格格式設為「數值」並重新輸入。"),
  },
  "value.uncached": {
    severity: "error",
    message: (p) => B(`${p.label}: the formula ${p.formula} has no calculated value in the file.`, `${p.label}：公式 ${p.formula} 在檔案中沒有計算結果。`),
    hint: () => B("Open and save the workbook in Excel so its formulas are calculated.", "請以 Excel 開啟並儲存活頁簿，令公式得以計算。"),
  },
  "value.not-finite": {
    severity: "error",
    message: (p) => B(`${p.label}: ${p.value} is not a finite number.`, `${p.label}：${p.value} 並非有限數值。`),
    hint: () => B("Enter the figure.", "請輸入數值。"),
  },
  "value.negative": {
    severity: "error",
    message: (p) => B(`${p.label}: ${p.value} is negative, which is impossible here.`, `${p.label}：${p.value} 為負數，此處不可能為負。`),
    hint: () => B("Check the sign: consumption, waste and headcounts cannot be negative.", "請檢查正負號：耗用量、廢棄物及人數不可能為負數。"),
  },
  "layout.shape": {
    severity: "error",
    message: (p) => B(`${p.name}: ${p.problem}.`, `${p.name}：${p.problemZh}。`),
    hint: (p) => B(`Layout: ${p.layout}. See docs/metrics.md.`, `格式：${p.layoutZh}。請參閱 docs/metrics.md。`),
  },
  "unit.not-accepted": {
    severity: "error",
    message: (p) => B(`${p.label}: unit "${p.unit}" is not accepted (accepted: ${p.accepted}).`, `${p.label}：不接受單位「${p.unit}」（可用：${p.accepted}）。`),
    hint: () => B("State one of the accepted units in the unit cell.", "請於單位儲存格填寫可用單位之一。"),
  },
  "breakdown.sum": {
    severity: "error",
    message: (p) =>
      B(`${p.label}: the rows add up to ${p.sum}, not the total ${p.total} (difference ${p.gap}).`, `${p.label}：各行合計 ${p.sum}，與總數 ${p.total} 不符（相差 ${p.gap}）。`),
    hint: () => B("Correct the breakdown or the total so they agree.", "請修正分項或總數，令兩者一致。"),
  },
  "breakdown.part-exceeds": {
    severity: "error",
    message: (p) => B(`${p.label}: ${p.part} is more than ${p.whole} ${p.wholeLabel}.`, `${p.label}：${p.part} 多於${p.wholeLabelZh} ${p.whole}。`),
    hint: () => B("A part cannot exceed its whole: check both figures.", "部分不可能多於整體：請核對兩個數字。"),
  },
  "sites.sum": {
    severity: "error",
    message: (p) => B(`${p.label}: the group figure ${p.total} differs from the sum of the sites ${p.sum}.`, `${p.label}：集團數字 ${p.total} 與各廠區合計 ${p.sum} 不符。`),
    hint: () => B("Make the group figure the sum of the site sheets, or correct a site.", "請令集團數字等於各廠區工作表之和，或修正有關廠區。"),
  },
  "ratio.mismatch": {
    severity: "warning",
    message: (p) =>
      B(`${p.label}: stated ${p.stated}, but the counts give ${p.computed} (${p.formula}).`, `${p.label}：所述為 ${p.stated}，但按數字計算為 ${p.computed}（${p.formulaZh}）。`),
    hint: () => B("Correct the statement or the counts before publishing.", "發佈前請修正陳述或數字。"),
  },
  "ratio.average-outside": {
    severity: "warning",
    message: (p) =>
      B(
        `${p.label}: stated averages by group range from ${p.min} to ${p.max} hours, but the overall average is ${p.overall} hours; an overall average must lie between its groups'.`,
        `${p.label}：所述各組平均介乎 ${p.min} 至 ${p.max} 小時，但整體平均為 ${p.overall} 小時；整體平均必定介乎各組平均之間。`,
      ),
    hint: () => B("Recompute the group averages from hours and trained employees.", "請按時數及受訓人數重新計算各組平均。"),
  },
  "yoy.change": {
    severity: "warning",
    message: (p) => B(`${p.label}: ${p.change} against the prior year (${p.prior} → ${p.value}).`, `${p.label}：較上年變動 ${p.change}（${p.prior} → ${p.value}）。`),
    hint: (p) => B(`Changes beyond ±${p.tolerance} deserve a look: a unit slip or a missing site?`, `變動超出 ±${p.tolerance} 值得查核：單位錯誤或遺漏廠區？`),
  },
  "turnover.over-100": {
    severity: "warning",
    message: (p) => B(`${p.label}: turnover ${p.rate} is above 100%.`, `${p.label}：流失比率 ${p.rate} 超過 100%。`),
    hint: () => B("Check the group's leavers and headcount.", "請核對該組別的流失人數及僱員人數。"),
  },
  "kpi.no-data": {
    severity: "info",
    message: (p) => B(`KPI ${p.kpi} has no data (${p.names}): the content index will ask for an explanation.`, `關鍵績效指標 ${p.kpi} 沒有數據（${p.names}）：內容索引將要求作出解釋。`),
    hint: () => B("Enter the data, or give the reason it is not disclosed (comply or explain).", "請輸入數據，或說明不披露的原因（不遵守就解釋）。"),
  },
  "disclosures.invalid": {
    severity: "warning",
    message: (p) => B(`ESG_Disclosures row ${p.row}: ${p.problem}; the row is not used.`, `ESG_Disclosures 第 ${p.row} 行：${p.problemZh}；此行不予採用。`),
    hint: () => B("Columns: KPI | status | reason (English) | reason (中文) | where in the report (English) | where (中文). Statuses: disclosed, partly, n/a, explain, narrative.", "欄位：關鍵績效指標 | 狀態 | 原因（英文）| 原因（中文）| 報告位置（英文）| 報告位置（中文）。狀態：disclosed、partly、n/a、explain、narrative。"),
  },
  "index.reason-missing": {
    severity: "info",
    message: (p) => B(`KPI ${p.kpi} shows "Explain" in the content index with no reason of the group's.`, `關鍵績效指標 ${p.kpi} 在內容索引中為「解釋」，但集團未提供原因。`),
    hint: () => B("Give the reason in ESG_Disclosures (task pane › Disclosures), or enter the data.", "請於 ESG_Disclosures（工作窗格 › 披露）填寫原因，或輸入數據。"),
  },
  "index.reference-missing": {
    severity: "info",
    message: (p) => B(`KPI ${p.kpi} is described in the report text, but the content index has no page or section for it.`, `關鍵績效指標 ${p.kpi} 於報告正文描述，但內容索引未有其頁碼或章節。`),
    hint: () => B("State where in the report in ESG_Disclosures (task pane › Disclosures).", "請於 ESG_Disclosures（工作窗格 › 披露）註明報告位置。"),
  },
  "index.partly": {
    severity: "info",
    message: (p) => B(`KPI ${p.kpi} is partly disclosed: ${p.missing} not in the workbook.`, `關鍵績效指標 ${p.kpi} 只屬部分披露：工作簿內沒有${p.missingZh}。`),
    hint: () => B("Enter the missing figures, or give the reason in ESG_Disclosures.", "請輸入缺少的數據，或於 ESG_Disclosures 說明原因。"),
  },
  "notes.provenance": {
    severity: "info",
    message: (p) => B(`Factor ${p.id}: ${p.note}.`, `因子 ${p.id}：${p.note}。`),
    hint: (p) => B(`The footnotes cite the source of ${p.label} without this remark: check the source before publishing, or give the group's own factor in ESG_Factors.`, `附註引用${p.label}的來源時不載此備註：發佈前請核對來源，或於 ESG_Factors 提供集團自己的因子。`),
  },
  "factor.invalid": {
    severity: "error",
    message: (p) => B(`Factor table row ${p.row}: ${p.problem}.`, `排放因子表第 ${p.row} 行：${p.problem}。`),
    hint: () => B("Columns: id, value, unit, gas, kind, key, source, published, data year, geography, series.", "欄位：id、value、unit、gas、kind、key、source、published、data year、geography、series。"),
  },
  "factor.missing": {
    severity: "warning",
    message: (p) => B(`${p.label}: no ${p.what} factor for "${p.key}"; it is left out of ${p.kpi}.`, `${p.label}：找不到「${p.key}」的${p.whatZh}因子，${p.kpi} 未計入此項。`),
    hint: () => B("Add the factor to the ESG_Factors table with its source.", "請於 ESG_Factors 表加入該因子及其來源。"),
  },
  "settings.invalid": {
    severity: "warning",
    message: (p) => B(`Setting ${p.key} = "${p.value}" is not valid; the default ${p.fallback} is used.`, `設定 ${p.key} =「${p.value}」無效，改用預設值 ${p.fallback}。`),
    hint: () => B("See the settings in docs/metrics.md.", "請參閱 docs/metrics.md 的設定說明。"),
  },
} satisfies Record<string, RuleText>;

export type RuleId = keyof typeof RULES;

export interface Where {
  readonly metric?: string | null;
  readonly kpi?: string | null;
  readonly location?: string | null;
}

function inLanguage(params: Readonly<Record<string, Param>>, lang: keyof Bilingual): P {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === "object" ? v[lang] : v;
  return out;
}

export function finding(rule: RuleId, where: Where, params: Readonly<Record<string, Param>> = {}, severity?: Severity): Finding {
  const r: RuleText = RULES[rule];
  const en = inLanguage(params, "en");
  const zh = inLanguage(params, "zh-HK");
  return {
    rule,
    severity: severity ?? r.severity,
    metric: where.metric ?? null,
    kpi: where.kpi ?? null,
    location: where.location ?? null,
    message: { en: r.message(en).en, "zh-HK": r.message(zh)["zh-HK"] },
    hint: { en: r.hint(en).en, "zh-HK": r.hint(zh)["zh-HK"] },
  };
}
