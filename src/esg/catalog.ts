/**
 * The HKEX KPI catalog: Part C KPIs A1.1–B8.2 of Main Board Listing Rules Appendix C2 (ESG Reporting
 * Code, formerly Appendix 27) and the Part D greenhouse-gas metrics. Wording from
 * ../shared/reference/hkex-esg-kpis.md; its V/R column says how firmly each wording was confirmed
 * (V: seen verbatim in a source quoting the rule; R: recalled, confirm against the official text).
 * The Chinese wording is R throughout, checked against a full copy of Appendix C2 (reference, "Verified
 * after review": 32 of 37 matched; B2.1, B5.2, A2.4 and A2.1's ╱ corrected here; location-based is
 * 按地點計算 throughout).
 *
 * The rule in force depends on the financial year: the "ESG Reporting Guide" (Appendix 27, then C2) until
 * 31 December 2024, with A4 Climate Change in Part C; the "ESG Reporting Code" from 1 January 2025, with
 * Part D (climate-related disclosures) replacing A4. `inForce` and `ruleFor` select by year.
 */
import { bi } from "./bilingual";
import { LOCATION_BASED } from "./terms";
import type { Bilingual } from "./types";

export type AspectCode = "A1" | "A2" | "A3" | "A4" | "B1" | "B2" | "B3" | "B4" | "B5" | "B6" | "B7" | "B8" | "D";

export type KpiKind = "quantitative" | "narrative";

/**
 * comply-or-explain — Part C, and Part D apart from Scope 1 and 2 (governance, strategy, risk management,
 * metrics and targets, Scope 3) for Main Board issuers: report, or give a considered reason;
 * mandatory-from-FY2025 — Part D Scope 1 and 2, for financial years from 1 January 2025; optional —
 * reported if available, never an error when absent (no KPI of the rule is optional today).
 */
export type KpiStatus = "comply-or-explain" | "mandatory-from-FY2025" | "optional";

/** V: verbatim from a source quoting the rule; R: recalled, to confirm against the official text. */
export type Confirmation = "V" | "R";

export type BreakdownDim =
  | "gender"
  | "employment-type"
  | "age-group"
  | "region"
  | "employee-category"
  | "pollutant"
  | "emission-source"
  | "scope"
  | "energy-type"
  | "year"
  | "focus-area";

export interface KpiSource {
  readonly document: string;
  /** Confirmation of the English wording. */
  readonly en: Confirmation;
  /** Confirmation of the Chinese wording. */
  readonly zh: Confirmation;
  readonly note?: string;
}

export interface KpiDef {
  readonly code: string;
  readonly aspect: AspectCode;
  readonly wording: Bilingual;
  readonly kind: KpiKind;
  /** True when a quantitative KPI also asks for a description (e.g. B6.2 "and how they are dealt with"). */
  readonly withNarrative: boolean;
  /** Main unit of the figure (units.ts spelling); null for narrative KPIs or where the unit is the issuer's choice. */
  readonly unit: string | null;
  /** Intensity unit, where the KPI asks for one (denominator chosen by the issuer). */
  readonly intensityUnit?: string;
  readonly breakdowns: readonly BreakdownDim[];
  readonly status: KpiStatus;
  readonly source: KpiSource;
  /** First financial year the KPI applies to (Part D: 2025); absent when it always applied. */
  readonly from?: number;
  /** Last financial year it applies to (A4.1: 2024, superseded by Part D); absent when still in force. */
  readonly until?: number;
}

export interface AspectDef {
  readonly code: AspectCode;
  readonly title: Bilingual;
  readonly part: "C" | "D";
}


/** Aspect titles as Appendix C2 heads them (recalled: confirm against the official text). */
export const ASPECTS: readonly AspectDef[] = [
  { code: "A1", title: bi("Emissions", "排放物"), part: "C" },
  { code: "A2", title: bi("Use of Resources", "資源使用"), part: "C" },
  { code: "A3", title: bi("The Environment and Natural Resources", "環境及天然資源"), part: "C" },
  { code: "A4", title: bi("Climate Change", "氣候變化"), part: "C" },
  { code: "B1", title: bi("Employment", "僱傭"), part: "C" },
  { code: "B2", title: bi("Health and Safety", "健康與安全"), part: "C" },
  { code: "B3", title: bi("Development and Training", "發展及培訓"), part: "C" },
  { code: "B4", title: bi("Labour Standards", "勞工準則"), part: "C" },
  { code: "B5", title: bi("Supply Chain Management", "供應鏈管理"), part: "C" },
  { code: "B6", title: bi("Product Responsibility", "產品責任"), part: "C" },
  { code: "B7", title: bi("Anti-corruption", "反貪污"), part: "C" },
  { code: "B8", title: bi("Community Investment", "社區投資"), part: "C" },
  { code: "D", title: bi("Climate-related Disclosures", "氣候相關披露"), part: "D" },
];

const C2 = "HKEX Main Board Listing Rules Appendix C2, ESG Reporting Code, Part C";
const D2 = "HKEX Main Board Listing Rules Appendix C2, ESG Reporting Code, Part D (climate-related disclosures, financial years from 1 January 2025)";

interface Spec {
  readonly unit?: string;
  readonly intensityUnit?: string;
  readonly breakdowns?: readonly BreakdownDim[];
  readonly withNarrative?: boolean;
  readonly status?: KpiStatus;
  readonly note?: string;
  readonly until?: number;
}

function kpi(code: string, kind: KpiKind, en: string, zh: string, check: Confirmation, spec: Spec = {}): KpiDef {
  const aspect = code.slice(0, 2) as AspectCode;
  return {
    code,
    aspect,
    wording: bi(en, zh),
    kind,
    withNarrative: spec.withNarrative ?? false,
    unit: spec.unit ?? null,
    ...(spec.intensityUnit ? { intensityUnit: spec.intensityUnit } : {}),
    breakdowns: spec.breakdowns ?? [],
    status: spec.status ?? "comply-or-explain",
    source: { document: C2, en: check, zh: "R", ...(spec.note ? { note: spec.note } : {}) },
    ...(spec.until ? { until: spec.until } : {}),
  };
}

const N = "narrative" as const;
const Q = "quantitative" as const;
const INTENSITY = "t/t";

const PART_C: readonly KpiDef[] = [
  // A1 Emissions
  kpi("A1.1", Q, "The types of emissions and respective emissions data.", "排放物種類及相關排放數據。", "V", {
    unit: "kg",
    breakdowns: ["pollutant", "emission-source"],
    note: "NOx, SOx and particulate matter, by source (gaseous fuel, vehicles).",
  }),
  kpi(
    "A1.2",
    Q,
    "Direct (Scope 1) and energy indirect (Scope 2) greenhouse gas emissions (in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, per facility).",
    "直接（範圍1）及能源間接（範圍2）溫室氣體排放量（以噸計算）及（如適用）密度（如以每產量單位、每項設施計算）。",
    "V",
    { unit: "t CO2e", intensityUnit: "t CO2e/t", breakdowns: ["scope"] },
  ),
  kpi(
    "A1.3",
    Q,
    "Total hazardous waste produced (in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, per facility).",
    "所產生有害廢棄物總量（以噸計算）及（如適用）密度（如以每產量單位、每項設施計算）。",
    "V",
    { unit: "t", intensityUnit: INTENSITY },
  ),
  kpi(
    "A1.4",
    Q,
    "Total non-hazardous waste produced (in tonnes) and, where appropriate, intensity (e.g. per unit of production volume, per facility).",
    "所產生無害廢棄物總量（以噸計算）及（如適用）密度（如以每產量單位、每項設施計算）。",
    "V",
    {
      unit: "t",
      intensityUnit: INTENSITY,
      note: "The reference truncates the Chinese after 密度; completed on the pattern of A1.3 (confirm).",
    },
  ),
  kpi("A1.5", N, "Description of emissions target(s) set and steps taken to achieve them.", "描述所訂立的排放量目標及為達到這些目標所採取的步驟。", "V", {
    note: 'Wording as quoted on esg.hkubs.ai; some copies read "emission target(s)".',
  }),
  kpi(
    "A1.6",
    N,
    "Description of how hazardous and non-hazardous wastes are handled, and a description of reduction target(s) set and steps taken to achieve them.",
    "描述處理有害及無害廢棄物的方法，及描述所訂立的減廢目標及為達到這些目標所採取的步驟。",
    "V",
  ),
  // A2 Use of Resources
  kpi(
    "A2.1",
    Q,
    "Direct and/or indirect energy consumption by type (e.g. electricity, gas or oil) in total (kWh in '000s) and intensity (e.g. per unit of production volume, per facility).",
    "按類型劃分的直接及╱或間接能源（如電、氣或油）總耗量（以千個千瓦時計算）及密度（如以每產量單位、每項設施計算）。",
    "V",
    { unit: "'000 kWh", intensityUnit: "kWh/t", breakdowns: ["energy-type"], note: "Fuels are converted to kWh through their NCV (1 kWh = 3.6 MJ)." },
  ),
  kpi("A2.2", Q, "Water consumption in total and intensity (e.g. per unit of production volume, per facility).", "總耗水量及密度（如以每產量單位、每項設施計算）。", "V", {
    unit: "m³",
    intensityUnit: "m³/t",
  }),
  kpi("A2.3", N, "Description of energy use efficiency target(s) set and steps taken to achieve them.", "描述所訂立的能源使用效益目標及為達到這些目標所採取的步驟。", "R"),
  kpi(
    "A2.4",
    N,
    "Description of whether there is any issue in sourcing water that is fit for purpose, water efficiency target(s) set and steps taken to achieve them.",
    "描述求取適用水源上可有任何問題，以及所訂立的用水效益目標及為達到這些目標所採用的步驟。",
    "V",
  ),
  kpi(
    "A2.5",
    Q,
    "Total packaging material used for finished products (in tonnes) and, if applicable, with reference to per unit produced.",
    "製成品所用包裝材料的總量（以噸計算）及（如適用）每生產單位佔量。",
    "R",
    { unit: "t", intensityUnit: INTENSITY },
  ),
  // A3 The Environment and Natural Resources
  kpi(
    "A3.1",
    N,
    "Description of the significant impacts of activities on the environment and natural resources and the actions taken to manage them.",
    "描述業務活動對環境及天然資源的重大影響及已採取管理有關影響的行動。",
    "V",
  ),
  // A4 Climate Change
  kpi(
    "A4.1",
    N,
    "Description of the significant climate-related issues which have impacted, and those which may impact, the issuer, and the actions taken to manage them.",
    "描述已經及可能會對發行人產生影響的重大氣候相關事宜，及應對行動。",
    "R",
    { note: "Superseded by Part D (climate-related disclosures) for financial years from 1 January 2025.", until: 2024 },
  ),
  // B1 Employment
  kpi(
    "B1.1",
    Q,
    "Total workforce by gender, employment type (for example, full- or part-time), age group and geographical region.",
    "按性別、僱傭類型（如全職或兼職）、年齡組別及地區劃分的僱員總數。",
    "V",
    { unit: "person", breakdowns: ["gender", "employment-type", "age-group", "region"] },
  ),
  kpi("B1.2", Q, "Employee turnover rate by gender, age group and geographical region.", "按性別、年齡組別及地區劃分的僱員流失比率。", "V", {
    unit: "%",
    breakdowns: ["gender", "age-group", "region"],
    note: "HKEX prescribes no formula: the method (average or closing headcount) is stated in a footnote.",
  }),
  // B2 Health and Safety
  kpi(
    "B2.1",
    Q,
    "Number and rate of work-related fatalities occurred in each of the past three years including the reporting year.",
    "過去三年（包括匯報年度）每年因工作亡故的人數及比率。",
    "R",
    { unit: "person", breakdowns: ["year"], note: "Three years including the reporting year; the rate basis (per employee, per 200,000 or 1,000,000 hours) is stated." },
  ),
  kpi("B2.2", Q, "Lost days due to work injury.", "因工傷損失工作日數。", "R", { unit: "days" }),
  kpi(
    "B2.3",
    N,
    "Description of occupational health and safety measures adopted, and how they are implemented and monitored.",
    "描述所採納的職業健康與安全措施，以及相關執行及監察方法。",
    "R",
  ),
  // B3 Development and Training
  kpi(
    "B3.1",
    Q,
    "The percentage of employees trained by gender and employee category (e.g. senior management, middle management).",
    "按性別及僱員類別（如高級管理層、中級管理層等）劃分的受訓僱員百分比。",
    "R",
    {
      unit: "%",
      breakdowns: ["gender", "employee-category"],
      note: "Read as the share of each category trained (default) or the split of the trained by category: the reading is stated.",
    },
  ),
  kpi(
    "B3.2",
    Q,
    "The average training hours completed per employee by gender and employee category.",
    "按性別及僱員類別劃分，每名僱員完成受訓的平均時數。",
    "R",
    { unit: "hours", breakdowns: ["gender", "employee-category"] },
  ),
  // B4 Labour Standards
  kpi("B4.1", N, "Description of measures to review employment practices to avoid child and forced labour.", "描述檢討招聘慣例的措施以避免童工及強制勞工。", "R"),
  kpi("B4.2", N, "Description of steps taken to eliminate such practices when discovered.", "描述在發現違規情況時消除有關情況所採取的步驟。", "R"),
  // B5 Supply Chain Management
  kpi("B5.1", Q, "Number of suppliers by geographical region.", "按地區劃分的供應商數目。", "R", { unit: "count", breakdowns: ["region"] }),
  kpi(
    "B5.2",
    N,
    "Description of practices relating to engaging suppliers, number of suppliers where the practices are being implemented, and how they are implemented and monitored.",
    "描述有關聘用供應商的慣例，向其執行有關慣例的供應商數目、以及有關慣例的執行及監察方法。",
    "R",
    { unit: "count", note: "Narrative with a count of suppliers." },
  ),
  kpi(
    "B5.3",
    N,
    "Description of practices used to identify environmental and social risks along the supply chain, and how they are implemented and monitored.",
    "描述有關識別供應鏈每個環節的環境及社會風險的慣例，以及相關執行及監察方法。",
    "R",
  ),
  kpi(
    "B5.4",
    N,
    "Description of practices used to promote environmentally preferable products and services when selecting suppliers, and how they are implemented and monitored.",
    "描述在揀選供應商時促使多用環保產品及服務的慣例，以及相關執行及監察方法。",
    "R",
  ),
  // B6 Product Responsibility
  kpi(
    "B6.1",
    Q,
    "Percentage of total products sold or shipped subject to recalls for safety and health reasons.",
    "已售或已運送產品總數中因安全與健康理由而須回收的百分比。",
    "R",
    { unit: "%" },
  ),
  kpi("B6.2", Q, "Number of products and service related complaints received and how they are dealt with.", "接獲關於產品及服務的投訴數目以及應對方法。", "R", {
    unit: "count",
    withNarrative: true,
  }),
  kpi("B6.3", N, "Description of practices relating to observing and protecting intellectual property rights.", "描述與維護及保障知識產權有關的慣例。", "R"),
  kpi("B6.4", N, "Description of quality assurance process and recall procedures.", "描述質量檢定過程及產品回收程序。", "R"),
  kpi(
    "B6.5",
    N,
    "Description of consumer data protection and privacy policies, and how they are implemented and monitored.",
    "描述消費者資料保障及私隱政策，以及相關執行及監察方法。",
    "R",
  ),
  // B7 Anti-corruption
  kpi(
    "B7.1",
    Q,
    "Number of concluded legal cases regarding corrupt practices brought against the issuer or its employees during the reporting period and the outcomes of the cases.",
    "於匯報期內對發行人或其僱員提出並已審結的貪污訴訟案件的數目及訴訟結果。",
    "R",
    { unit: "count", withNarrative: true },
  ),
  kpi(
    "B7.2",
    N,
    "Description of preventive measures and whistle-blowing procedures, and how they are implemented and monitored.",
    "描述防範措施及舉報程序，以及相關執行及監察方法。",
    "R",
  ),
  kpi("B7.3", N, "Description of anti-corruption training provided to directors and staff.", "描述向董事及員工提供的反貪污培訓。", "R", {
    note: "Often reported with training hours.",
  }),
  // B8 Community Investment
  kpi(
    "B8.1",
    N,
    "Focus areas of contribution (e.g. education, environmental concerns, labour needs, health, culture, sport).",
    "專注貢獻範疇（如教育、環境事宜、勞工需求、健康、文化、體育）。",
    "R",
    { breakdowns: ["focus-area"], note: "A list of focus areas." },
  ),
  kpi("B8.2", Q, "Resources contributed (e.g. money or time) to the focus area.", "在專注範疇所動用資源（如金錢或時間）。", "R", {
    breakdowns: ["focus-area"],
    note: "Money (in the reporting currency) or time (hours): the unit is the issuer's.",
  }),
];

/**
 * Part D (financial years from 1 January 2025). The reference gives no wording for Part D: these are the
 * product's short descriptions of each requirement (R), not quotations. Scope 1 and 2 are mandatory for
 * every issuer; governance, strategy, risk management, metrics and targets and Scope 3 are
 * comply-or-explain for Main Board issuers (Scope 3 mandatory for LargeCap issuers from FY2026; reference,
 * "Verified after review", secondary citing HKEX).
 */
function partD(
  code: string,
  kind: KpiKind,
  en: string,
  zh: string,
  status: KpiStatus,
  note: string,
): KpiDef {
  return {
    code,
    aspect: "D",
    wording: bi(en, zh),
    kind,
    withNarrative: false,
    unit: kind === "quantitative" ? "t CO2e" : null,
    breakdowns: [],
    status,
    source: { document: D2, en: "R", zh: "R", note },
    from: 2025,
  };
}

const DESCRIBED = "Description of the requirement, not a quotation.";
const MANDATORY = "Mandatory for every issuer for financial years from 1 January 2025.";
const INTERIM = "Comply-or-explain for Main Board issuers in the interim period.";

const PART_D: readonly KpiDef[] = [
  partD(
    "D.governance",
    N,
    "Governance: the governance body or individual overseeing climate-related risks and opportunities, and management's role.",
    "管治：負責監督氣候相關風險及機遇的管治機構或個人，以及管理層的角色。",
    "comply-or-explain",
    `${INTERIM} ${DESCRIBED}`,
  ),
  partD(
    "D.strategy",
    N,
    "Strategy: climate-related risks and opportunities, their effects on the business model, strategy and financial position, and climate resilience.",
    "策略：氣候相關風險及機遇、其對業務模式、策略及財務狀況的影響，以及氣候韌性。",
    "comply-or-explain",
    `${INTERIM} ${DESCRIBED}`,
  ),
  partD(
    "D.risk",
    N,
    "Risk management: the processes to identify, assess, prioritise and monitor climate-related risks and opportunities.",
    "風險管理：識別、評估、排序及監察氣候相關風險及機遇的程序。",
    "comply-or-explain",
    `${INTERIM} ${DESCRIBED}`,
  ),
  partD(
    "D.metrics",
    N,
    "Metrics and targets: the climate-related metrics used (including the greenhouse gas emissions below) and the targets set, with progress against them.",
    "指標及目標：所用的氣候相關指標（包括下列溫室氣體排放）及所訂立的目標，以及達標進度。",
    "comply-or-explain",
    `${INTERIM} ${DESCRIBED}`,
  ),
  partD(
    "D.scope1",
    Q,
    "Scope 1 greenhouse gas emissions: absolute gross direct emissions in the reporting period (tonnes of CO2 equivalent), per the GHG Protocol Corporate Standard.",
    "範圍1溫室氣體排放：匯報期內直接溫室氣體排放總量（以噸二氧化碳當量計算），按《溫室氣體盤查議定書》企業標準計算。",
    "mandatory-from-FY2025",
    `${MANDATORY} ${DESCRIBED}`,
  ),
  partD(
    "D.scope2",
    Q,
    `Scope 2 greenhouse gas emissions, ${LOCATION_BASED.en}: absolute gross energy indirect emissions in the reporting period (tonnes of CO2 equivalent), with market-based information where contractual instruments exist.`,
    `範圍2溫室氣體排放（${LOCATION_BASED["zh-HK"]}）：匯報期內能源間接溫室氣體排放總量（以噸二氧化碳當量計算）；如有合約工具，另提供按市場計算的資料。`,
    "mandatory-from-FY2025",
    `${MANDATORY} ${DESCRIBED}`,
  ),
  partD(
    "D.scope3",
    Q,
    "Scope 3 greenhouse gas emissions: other indirect emissions in the reporting period (tonnes of CO2 equivalent), by category.",
    "範圍3溫室氣體排放：匯報期內其他間接溫室氣體排放量（以噸二氧化碳當量計算），按類別劃分。",
    "comply-or-explain",
    `Comply-or-explain for Main Board issuers from FY2025; mandatory for LargeCap issuers from FY2026. ${DESCRIBED}`,
  ),
];

export const KPI_CATALOG: readonly KpiDef[] = [...PART_C, ...PART_D];

const BY_CODE = new Map(KPI_CATALOG.map((k) => [k.code.toLowerCase(), k]));

/** The KPI of a code ("A2.1", "a2.1", "D.scope1"), or undefined. */
export function getKpi(code: string): KpiDef | undefined {
  return typeof code === "string" ? BY_CODE.get(code.trim().toLowerCase()) : undefined;
}

export function getAspect(code: AspectCode): AspectDef | undefined {
  return ASPECTS.find((a) => a.code === code);
}

/** KPIs of one aspect, in catalog order. */
export function kpisOfAspect(code: AspectCode): readonly KpiDef[] {
  return KPI_CATALOG.filter((k) => k.aspect === code);
}

/** True when the KPI applies to a financial year (null: the current rule). */
export function inForce(k: KpiDef, year: number | null): boolean {
  const y = year ?? Number.POSITIVE_INFINITY;
  return (k.from === undefined || y >= k.from) && (year === null ? k.until === undefined : k.until === undefined || y <= k.until);
}

export type RuleCode = "guide" | "code";

export interface RuleInForce {
  readonly code: RuleCode;
  /** The rule's name as the index is titled: "ESG Reporting Guide" (to FY2024) or "ESG Reporting Code". */
  readonly name: Bilingual;
  /** The KPIs of the rule, in catalog order. */
  readonly kpis: readonly KpiDef[];
}

/**
 * The rule for a financial year: the ESG Reporting Guide until 31 December 2024, the ESG Reporting Code
 * (with Part D) from 1 January 2025 (reference, "Verified after review"). No year: the current rule.
 */
export function ruleFor(year: number | null): RuleInForce {
  const code: RuleCode = year !== null && year < 2025 ? "guide" : "code";
  return {
    code,
    name:
      code === "guide"
        ? bi("ESG Reporting Guide", "《環境、社會及管治報告指引》")
        : bi("ESG Reporting Code", "《環境、社會及管治報告守則》"),
    kpis: KPI_CATALOG.filter((k) => inForce(k, year)),
  };
}
