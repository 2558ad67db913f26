/**
 * Every finding's message and hint, in English and Traditional Chinese (Hong Kong), in one place:
 * rule id → severity and text. Checks call `finding(rule, where, params)`; nothing else writes prose.
 */
import { bi } from "./bilingual";
import type { Bilingual, Finding, Severity } from "./types";

/** A parameter may differ by language (a metric's label): each language's text gets its own. */
type Param = string | number | Bilingual;
type P = Record<string, string | number>;
interface RuleText {
  readonly severity: Severity;
  readonly message: (p: P) => Bilingual;
  readonly hint: (p: P) => Bilingual;
}

export const RULES = {
  "name.missing": {
    severity: "error",
    message: (p) => bi(`The name ${p.name} mapped to ${p.metric} is not in the workbook.`, `已對應至「${p.metric}」的名稱 ${p.name} 不在活頁簿中。`),
    hint: () => bi("Define the name (Formulas › Name Manager) or change the mapping.", "請於「公式 › 名稱管理員」定義該名稱，或更改對應。"),
  },
  "name.not-a-name": {
    severity: "error",
    message: (p) => bi(`"${p.name}" is not a name Excel accepts (it ${p.problem}): it is not used in formulas; its figure, if any, is written as a value.`, `「${p.name}」不是 Excel 接受的名稱（${p.problem}）：不會用於公式；如有數據，只以數值寫入。`),
    hint: () => bi("Map the metric to a defined name that refers to the figure's cells (Formulas › Name Manager).", "請將指標對應至指向數據儲存格的已定義名稱（公式 › 名稱管理員）。"),
  },
  "name.broken": {
    severity: "error",
    message: (p) => bi(`The name ${p.name} refers to #REF!: its cells were deleted.`, `名稱 ${p.name} 指向 #REF!：其儲存格已被刪除。`),
    hint: () => bi("Point the name at the cells that hold the figure again.", "請將名稱重新指向存放數據的儲存格。"),
  },
  "name.past-grid": {
    severity: "error",
    message: (p) => bi(`The name ${p.name} refers to ${p.refersTo}, past the last row (1,048,576) or column (XFD) of a sheet: Excel has no such cell.`, `名稱 ${p.name} 指向 ${p.refersTo}，超出工作表的最後一列（1,048,576）或最後一欄（XFD）：Excel 並無此儲存格。`),
    hint: () => bi("Point the name at the cells that hold the figure.", "請將名稱指向存放數據的儲存格。"),
  },
  "name.unreadable": {
    severity: "error",
    message: (p) => bi(`The name ${p.name} is ${p.status} (${p.refersTo}): it cannot be read as data.`, `名稱 ${p.name} 屬「${p.status}」（${p.refersTo}），無法作為數據讀取。`),
    hint: () => bi("Make the name refer to one rectangular range in this workbook.", "請令名稱指向本活頁簿內單一矩形範圍。"),
  },
  "name.too-large": {
    severity: "error",
    message: (p) => bi(`The name ${p.name} could not be read: ${p.note}.`, `無法讀取名稱 ${p.name}：${p.note}。`),
    hint: () => bi("Point the name at the figure's cells only, not whole columns.", "請只將名稱指向數據所在的儲存格，而非整欄。"),
  },
  "value.blank": {
    severity: "warning",
    message: (p) => bi(`${p.label}: the cell is blank.`, `${p.label}：儲存格空白。`),
    hint: () => bi("Enter the figure, or 0 if it truly is zero: a blank is not read as zero.", "請輸入數值；如確為零請輸入 0：空白不會當作零。"),
  },
  "value.text-number": {
    severity: "warning",
    message: (p) => bi(`${p.label}: "${p.text}" is text; read as ${p.value}.`, `${p.label}：「${p.text}」為文字，已讀作 ${p.value}。`),
    hint: () => bi("Store the figure as a number so formulas and totals include it.", "請以數值儲存，令公式及合計得以計入。"),
  },
  "value.percent-points": {
    severity: "info",
    message: (p) => bi(`${p.label}: ${p.text} read as ${p.value}.`, `${p.label}：${p.text} 已讀作 ${p.value}。`),
    hint: () => bi("Enter ratios as percentages (e.g. 89%) to remove any doubt.", "請以百分比（如 89%）輸入比率以免誤解。"),
  },
  "value.text": {
    severity: "error",
    message: (p) => bi(`${p.label}: text "${p.text}" where a number belongs.`, `${p.label}：應為數值，卻是文字「${p.text}」。`),
    hint: () => bi("Replace the text with the figure.", "請以數值取代文字。"),
  },
  "value.error": {
    severity: "error",
    message: (p) => bi(`${p.label}: the cell shows the error ${p.code}.`, `${p.label}：儲存格顯示錯誤 ${p.code}。`),
    hint: () => bi("Fix the formula or the reference behind the cell.", "請修正該儲存格背後的公式或參照。"),
  },
  "value.boolean": {
    severity: "error",
    message: (p) => bi(`${p.label}: ${p.value} where a number belongs.`, `${p.label}：應為數值，卻是邏輯值 ${p.value}。`),
    hint: () => bi("Enter the figure as a number.", "請輸入數值。"),
  },
  "value.date": {
    severity: "error",
    message: (p) => bi(`${p.label}: a date (${p.iso}) where a number belongs.`, `${p.label}：應為數值，卻是日期（${p.iso}）。`),
    hint: () => bi("Set the cell's number format to Number and re-enter the figure.", "請將儲存格格式設為「數值」並重新輸入。"),
  },
  "value.uncached": {
    severity: "error",
    message: (p) => bi(`${p.label}: the formula ${p.formula} has no calculated value in the file.`, `${p.label}：公式 ${p.formula} 在檔案中沒有計算結果。`),
    hint: () => bi("Open and save the workbook in Excel so its formulas are calculated.", "請以 Excel 開啟並儲存活頁簿，令公式得以計算。"),
  },
  "value.not-finite": {
    severity: "error",
    message: (p) => bi(`${p.label}: ${p.value} is not a finite number.`, `${p.label}：${p.value} 並非有限數值。`),
    hint: () => bi("Enter the figure.", "請輸入數值。"),
  },
  "value.negative": {
    severity: "error",
    message: (p) => bi(`${p.label}: ${p.value} is negative, which is impossible here.`, `${p.label}：${p.value} 為負數，此處不可能為負。`),
    hint: () => bi("Check the sign: consumption, waste and headcounts cannot be negative.", "請檢查正負號：耗用量、廢棄物及人數不可能為負數。"),
  },
  "layout.shape": {
    severity: "error",
    message: (p) => bi(`${p.name}: ${p.problem}.`, `${p.name}：${p.problemZh}。`),
    hint: (p) => bi(`Layout: ${p.layout}. See docs/metrics.md.`, `格式：${p.layoutZh}。請參閱 docs/metrics.md。`),
  },
  "unit.not-accepted": {
    severity: "error",
    message: (p) => bi(`${p.label}: unit "${p.unit}" is not accepted (accepted: ${p.accepted}).`, `${p.label}：不接受單位「${p.unit}」（可用：${p.accepted}）。`),
    hint: () => bi("State one of the accepted units in the unit cell.", "請於單位儲存格填寫可用單位之一。"),
  },
  "breakdown.sum": {
    severity: "error",
    message: (p) =>
      bi(`${p.label}: the rows add up to ${p.sum}, not the total ${p.total} (difference ${p.gap}).`, `${p.label}：各行合計 ${p.sum}，與總數 ${p.total} 不符（相差 ${p.gap}）。`),
    hint: () => bi("Correct the breakdown or the total so they agree.", "請修正分項或總數，令兩者一致。"),
  },
  "breakdown.part-exceeds": {
    severity: "error",
    message: (p) => bi(`${p.label}: ${p.part} is more than ${p.whole} ${p.wholeLabel}.`, `${p.label}：${p.part} 多於${p.wholeLabelZh} ${p.whole}。`),
    hint: () => bi("A part cannot exceed its whole: check both figures.", "部分不可能多於整體：請核對兩個數字。"),
  },
  "sites.sum": {
    severity: "error",
    message: (p) => bi(`${p.label}: the group figure ${p.total} differs from the sum of the sites ${p.sum}.`, `${p.label}：集團數字 ${p.total} 與各廠區合計 ${p.sum} 不符。`),
    hint: () => bi("Make the group figure the sum of the site sheets, or correct a site.", "請令集團數字等於各廠區工作表之和，或修正有關廠區。"),
  },
  "ratio.mismatch": {
    severity: "warning",
    message: (p) =>
      bi(`${p.label}: stated "${p.stated}", but the counts give ${p.computed} (${p.formula}).`, `${p.label}：所述為「${p.stated}」，但按數字計算為 ${p.computed}（${p.formulaZh}）。`),
    hint: () => bi("Correct the statement or the counts before publishing.", "發佈前請修正陳述或數字。"),
  },
  "ratio.average-outside": {
    severity: "warning",
    message: (p) =>
      bi(
        `${p.label}: stated averages by group range from ${p.min} to ${p.max} hours, but the overall average is ${p.overall} hours; an overall average must lie between its groups'.`,
        `${p.label}：所述各組平均介乎 ${p.min} 至 ${p.max} 小時，但整體平均為 ${p.overall} 小時；整體平均必定介乎各組平均之間。`,
      ),
    hint: () => bi("Recompute the group averages from hours and trained employees.", "請按時數及受訓人數重新計算各組平均。"),
  },
  "yoy.change": {
    severity: "warning",
    message: (p) => bi(`${p.label}: ${p.change} against the prior year (${p.prior} → ${p.value}).`, `${p.label}：較上年變動 ${p.change}（${p.prior} → ${p.value}）。`),
    hint: (p) => bi(`Changes beyond ±${p.tolerance} deserve a look: a unit slip or a missing site?`, `變動超出 ±${p.tolerance} 值得查核：單位錯誤或遺漏廠區？`),
  },
  "turnover.over-100": {
    severity: "warning",
    message: (p) => bi(`${p.label}: turnover ${p.rate} is above 100%.`, `${p.label}：流失比率 ${p.rate} 超過 100%。`),
    hint: () => bi("Check the group's leavers and headcount.", "請核對該組別的流失人數及僱員人數。"),
  },
  "kpi.no-data": {
    severity: "info",
    message: (p) => bi(`KPI ${p.kpi} has no data (${p.names}): the content index will ask for an explanation.`, `關鍵績效指標 ${p.kpi} 沒有數據（${p.names}）：內容索引將要求作出解釋。`),
    hint: () => bi("Enter the data, or give the reason it is not disclosed (comply or explain).", "請輸入數據，或說明不披露的原因（不遵守就解釋）。"),
  },
  "disclosures.invalid": {
    severity: "warning",
    message: (p) => bi(`ESG_Disclosures row ${p.row}: ${p.problem}; the row is not used.`, `ESG_Disclosures 第 ${p.row} 行：${p.problemZh}；此行不予採用。`),
    hint: () => bi("Columns: KPI | status | reason (English) | reason (中文) | where in the report (English) | where (中文). Statuses: disclosed, partly, n/a, explain, narrative.", "欄位：關鍵績效指標 | 狀態 | 原因（英文）| 原因（中文）| 報告位置（英文）| 報告位置（中文）。狀態：disclosed、partly、n/a、explain、narrative。"),
  },
  "index.reason-missing": {
    severity: "info",
    message: (p) => bi(`KPI ${p.kpi} shows "Explain" in the content index with no reason of the group's.`, `關鍵績效指標 ${p.kpi} 在內容索引中為「解釋」，但集團未提供原因。`),
    hint: () => bi("Give the reason in ESG_Disclosures (task pane › Disclosures), or enter the data.", "請於 ESG_Disclosures（工作窗格 › 披露）填寫原因，或輸入數據。"),
  },
  "index.reference-missing": {
    severity: "info",
    message: (p) => bi(`KPI ${p.kpi} is described in the report text, but the content index has no page or section for it.`, `關鍵績效指標 ${p.kpi} 於報告正文描述，但內容索引未有其頁碼或章節。`),
    hint: () => bi("State where in the report in ESG_Disclosures (task pane › Disclosures).", "請於 ESG_Disclosures（工作窗格 › 披露）註明報告位置。"),
  },
  "index.partly": {
    severity: "info",
    message: (p) => bi(`KPI ${p.kpi} is partly disclosed: ${p.missing} not in the workbook.`, `關鍵績效指標 ${p.kpi} 只屬部分披露：工作簿內沒有${p.missingZh}。`),
    hint: () => bi("Enter the missing figures, or give the reason in ESG_Disclosures.", "請輸入缺少的數據，或於 ESG_Disclosures 說明原因。"),
  },
  "notes.provenance": {
    severity: "info",
    message: (p) => bi(`Factor ${p.id}: ${p.note}.`, `因子 ${p.id}：${p.note}。`),
    hint: (p) => bi(`The footnotes cite the source of ${p.label} without this remark: check the source before publishing, or give the group's own factor in ESG_Factors.`, `附註引用${p.label}的來源時不載此備註：發佈前請核對來源，或於 ESG_Factors 提供集團自己的因子。`),
  },
  "factor.invalid": {
    severity: "error",
    message: (p) => bi(`Factor table row ${p.row}: ${p.problem}.`, `排放因子表第 ${p.row} 行：${p.problem}。`),
    hint: () => bi("Columns: id, value, unit, gas, kind, key, source, published, data year, geography, series.", "欄位：id、value、unit、gas、kind、key、source、published、data year、geography、series。"),
  },
  "factor.missing": {
    severity: "warning",
    message: (p) => bi(`${p.label}: no ${p.what} factor for "${p.key}"; it is left out of ${p.kpi}.`, `${p.label}：找不到「${p.key}」的${p.whatZh}因子，${p.kpi} 未計入此項。`),
    hint: () => bi("Add the factor to the ESG_Factors table with its source.", "請於 ESG_Factors 表加入該因子及其來源。"),
  },
  "settings.invalid": {
    severity: "warning",
    message: (p) => bi(`Setting ${p.key} = "${p.value}" is not valid; the default ${p.fallback} is used.`, `設定 ${p.key} =「${p.value}」無效，改用預設值 ${p.fallback}。`),
    hint: () => bi("See the settings in docs/metrics.md.", "請參閱 docs/metrics.md 的設定說明。"),
  },
  "grid.unknown": {
    severity: "error",
    message: (p) => bi(`${p.label}: "${p.text}" is not a power grid or power company the engine knows; Scope 2 cannot be computed for it.`, `${p.label}：「${p.text}」不是系統認識的電網或電力公司；無法計算其範圍2排放。`),
    hint: (p) => bi(`Write one of: ${p.accepted} (or a mainland province, read as its grid; spellings in docs/metrics.md).`, `請填寫以下之一：${p.accepted}（或內地省份，按所屬電網計算；寫法見 docs/metrics.md）。`),
  },
  "grid.hong-kong": {
    severity: "error",
    message: (p) => bi(`${p.label}: "${p.text}" — Hong Kong has two power companies with different factors; Scope 2 cannot be computed until the site names its supplier.`, `${p.label}：「${p.text}」——香港有兩家電力公司，因子不同；須註明供電公司方可計算範圍2。`),
    hint: () => bi("Write CLP Power Hong Kong or HK Electric.", "請填寫「中華電力」或「港燈」。"),
  },
  "grid.province": {
    severity: "info",
    message: (p) => bi(`${p.label}: ${p.note}`, `${p.label}：${p.note}`),
    hint: () => bi("Write the regional grid itself to remove any doubt.", "可直接填寫區域電網以免存疑。"),
  },
  "grid.blank": {
    severity: "warning",
    message: (p) => bi(`${p.label}: no power grid is given (named range GridRegion); Scope 2 uses the national average factor.`, `${p.label}：未提供電網（命名範圍 GridRegion）；範圍2採用全國平均因子。`),
    hint: () => bi("State each site's regional grid or Hong Kong power company: the national average can differ from the site's grid by a third or more.", "請註明每個廠區的區域電網或香港電力公司：全國平均與所屬電網可相差三成以上。"),
  },
  "grid.no-factor": {
    severity: "error",
    message: (p) => bi(`${p.label}: no ${p.grid} emission factor for ${p.year} (${p.why}); Scope 2 cannot be computed for it.`, `${p.label}：沒有${p.gridZh}${p.year}年的排放因子（${p.whyZh}）；無法計算其範圍2排放。`),
    hint: (p) => bi(`Add the factor to ESG_Factors with its source: kind grid, key ${p.key}, data year ${p.year}, series ${p.series}, unit kg CO2/kWh (for a Hong Kong company, its sustainability report's figure per unit of electricity sold).`, `請於 ESG_Factors 加入該因子及其來源：類別 grid、鍵 ${p.key}、數據年份 ${p.year}、系列 ${p.series}、單位 kg CO2/kWh（香港電力公司請用其可持續發展報告所載每度售電排放）。`),
  },
  "factor.newer": {
    severity: "info",
    message: (p) => bi(`${p.grid}: the ${p.usedYear} factor (${p.usedValue}) is used, the latest published by ${p.asOf}; a newer one exists: ${p.newYear} (${p.newValue}), published ${p.newPublished}.`, `${p.gridZh}：採用${p.usedYear}年因子（${p.usedValue}），即${p.asOf}前已公布的最新因子；另有較新的${p.newYear}年因子（${p.newValue}），於${p.newPublished}公布。`),
    hint: () => bi("Keep the factor public when the report was due (setting factorsAsOf), or set factorsAsOf later to restate with the newer one.", "可沿用報告限期時已公布的因子（設定 factorsAsOf），或將 factorsAsOf 設為較後日期以較新因子重列。"),
  },
  "fuel.no-factor": {
    severity: "error",
    message: (p) => bi(`${p.label}: ${p.problem} Its energy and Scope 1 emissions cannot be computed, so total energy and Scope 1 are not shown.`, `${p.label}：${p.problemZh} 無法計算其能源及範圍1排放，故不顯示總能源耗量及範圍1。`),
    hint: () => bi("Add the fuel's NCV and carbon content (or CO2 per unit) to ESG_Factors with their source, or state the amount in an energy unit ('000 kWh, MWh, GJ).", "請於 ESG_Factors 加入該燃料的低位發熱量及含碳量（或單位排放因子）及其來源，或以能源單位（千千瓦時、兆瓦時、吉焦）填報。"),
  },
  "fuel.energy-stated": {
    severity: "info",
    message: (p) => bi(`${p.label}: stated in ${p.unit}; energy and emissions use the energy as stated, and its amount in ${p.canonical} (for the amount and intensity rows) is derived through the fuel's NCV.`, `${p.label}：以${p.unit}填報；能源及排放按所填能源計算，其以${p.canonical}列示的用量（用量及密度行）按該燃料的低位發熱量推算。`),
    hint: (p) => bi(`Enter the amount in ${p.canonical} too (on its own) if the report shows it.`, `如報告列示${p.canonical}用量，請另行填報。`),
  },
  "process.missing": {
    severity: "error",
    message: (p) => bi(`Scope 1 is incomplete: the industry ${p.industry} emits ${p.process}, but the workbook has neither ${p.names}.`, `範圍1不完整：行業「${p.industryZh}」會排放${p.processZh}，但活頁簿沒有 ${p.names} 任一項。`),
    hint: () => bi("Enter the tonnes of dolomite calcined (DolomiteCalcined) or the process CO2 computed by the group (ProcessCO2).", "請填寫煅燒白雲石噸數（DolomiteCalcined）或集團計算的工業過程二氧化碳（ProcessCO2）。"),
  },
  "process.both": {
    severity: "warning",
    message: () => bi("Both DolomiteCalcined and ProcessCO2 are given: ProcessCO2 is used and the dolomite is not counted again.", "同時填寫了 DolomiteCalcined 及 ProcessCO2：採用 ProcessCO2，白雲石不重複計算。"),
    hint: () => bi("Keep one of the two, so the process emissions are counted once.", "請只保留其中一項，使工業過程排放只計算一次。"),
  },
  "value.blank-critical": {
    severity: "error",
    message: (p) => bi(`${p.label}: the cell is blank, so ${p.needs} cannot be computed.`, `${p.label}：儲存格空白，因此無法計算${p.needs}。`),
    hint: () => bi("Enter the figure: without it these tables show only \"–\".", "請輸入數值：否則有關表格只會顯示「–」。"),
  },
  "total.incomplete": {
    severity: "error",
    message: (p) =>
      bi(
        `${p.total}${p.year}: not shown, because ${p.part} has no figure${p.why}${p.where}. A total is published complete or not at all.`,
        `${p.total}${p.year}：不予列示，因為${p.part}沒有數值${p.why}${p.where}。合計必須完整方可發佈。`,
      ),
    hint: () => bi("Enter the missing figure (0 if it truly is zero), or remove the part from the workbook.", "請輸入缺少的數值（如確為零請輸入 0），或從活頁簿中移除該項。"),
  },
  "turnover.closing-used": {
    severity: "warning",
    message: (p) =>
      bi(
        `${p.label}: no opening headcount, so the rate divides by the closing headcount (leavers ÷ headcount at year end), not by the average of opening and closing.`,
        `${p.label}：沒有年初僱員人數，因此比率以年末僱員人數計算（流失人數 ÷ 年末僱員人數），而非年初與年末的平均數。`,
      ),
    hint: (p) =>
      bi(
        `Enter the opening headcount in ${p.name} (or the prior-year column of Headcount) to use the average, or choose turnoverMethod = closing.`,
        `請於 ${p.name}（或 Headcount 的上年欄）輸入年初僱員人數以採用平均數，或將 turnoverMethod 設為 closing。`,
      ),
  },
  "ratio.qualified": {
    severity: "info",
    message: (p) =>
      bi(
        `${p.label}: the statement "${p.stated}" holds (the counts give ${p.computed}: ${p.formula}), but it ${p.how} the figure.`,
        `${p.label}：陳述「${p.stated}」成立（按數字計算為 ${p.computed}：${p.formulaZh}），但${p.howZh}了實際數字。`,
      ),
    hint: () => bi("Consider stating the figure itself.", "可考慮直接陳述實際數字。"),
  },
  "ratio.qualified-false": {
    severity: "warning",
    message: (p) =>
      bi(`${p.label}: the statement "${p.stated}" does not hold: the counts give ${p.computed} (${p.formula}).`, `${p.label}：陳述「${p.stated}」不成立：按數字計算為 ${p.computed}（${p.formulaZh}）。`),
    hint: () => bi("Correct the statement or the counts before publishing.", "發佈前請修正陳述或數字。"),
  },
  "ratio.implied-count": {
    severity: "error",
    message: (p) =>
      bi(
        `${p.label}: "${p.stated}" of ${p.base} trained means about ${p.implied} ${p.who}, more than the ${p.limit} ${p.limitWho} in the workbook (${p.limitWhere}).`,
        `${p.label}：受訓 ${p.base} 人中的「${p.stated}」即約 ${p.implied} 名${p.whoZh}，多於活頁簿中的 ${p.limit} 名${p.limitWhoZh}（${p.limitWhere}）。`,
      ),
    hint: () => bi("The statement and the headcounts cannot both be right: correct one of them.", "陳述與僱員人數不可能同時正確：請修正其中之一。"),
  },
  "stated.unverifiable": {
    severity: "info",
    message: (p) =>
      bi(`${p.label}: "${p.stated}" cannot be verified from the workbook (no ${p.needs}).`, `${p.label}：「${p.stated}」無法從活頁簿核實（缺少${p.needsZh}）。`),
    hint: (p) => bi(`Enter ${p.names} so the statement can be checked.`, `請輸入 ${p.names}，以便核對有關陳述。`),
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

/** How an error kind reads in Chinese after 未能計算 (the English comes with the calculation's own message). */
const CALC_ERROR_ZH: Readonly<Record<string, string>> = { div0: "分母為零", num: "數值無效", na: "缺少所需數據" };

/** A figure and its cell as a part list shows it: "Diesel (Site A!B3)" / "柴油（Site A!B3）". */
const partAt = (label: Bilingual, location: string | null): Bilingual =>
  bi(location ? `${label.en} (${location})` : label.en, location ? `${label["zh-HK"]}（${location}）` : label["zh-HK"]);

/**
 * Why a KPI result has no figure, or is written as a value (KpiResult.reason and valueOnly): shown in
 * the pane and the CLI and, for valueOnly, in the sheets' footnotes.
 */
export const REASON = {
  missing: bi("Not computed: an input is not in the workbook.", "未能計算：活頁簿中缺少輸入數據。"),
  totalIncomplete: (part: Bilingual, location: string | null): Bilingual =>
    bi(
      `Not shown: the total is incomplete (${part.en} has no figure${location ? ` at ${location}` : ""}).`,
      `不予列示：合計不完整（${part["zh-HK"]}沒有數值${location ? `，${location}` : ""}）。`,
    ),
  notComputed: (message: string, error: string): Bilingual =>
    bi(`Not computed: ${message}.`, `未能計算：${CALC_ERROR_ZH[error] ?? "輸入數據無效"}。`),
  overflow: bi("Not computed: the figure overflows.", `未能計算：${CALC_ERROR_ZH.num}。`),
  partsBroken: (parts: readonly { label: Bilingual; location: string | null }[]): Bilingual => {
    const list = parts.map((p) => partAt(p.label, p.location));
    return bi(
      `Not computed: incomplete — ${list.map((l) => l.en).join("; ")} cannot be computed (see the checks).`,
      `未能計算：數據不完整——${list.map((l) => l["zh-HK"]).join("；")}無法計算（見檢查結果）。`,
    );
  },
  valueOfStatement: (statements: readonly string[]): Bilingual =>
    bi(
      `written as a value: the statement ${statements.join(", ")} is text with a qualifier, and the figure shown is its number`,
      `以數值列示：陳述 ${statements.join("、")} 為附限定詞的文字，所示為其中的數字`,
    ),
  valueOfText: (names: readonly string[], cells: string): Bilingual =>
    bi(
      `written as a value: ${names.join(", ")} holds a number stored as text (${cells}), which a formula would skip`,
      `以數值列示：${names.join("、")} 含以文字儲存的數字（${cells}），公式會略過該數字`,
    ),
} as const;
