/**
 * The metric dictionary: the input data a group keeps for its ESG report, each with the named range a
 * workbook holds it in. This is the contract a user builds a workbook against (docs/metrics.md is
 * generated from it by `npm run docs:metrics`).
 *
 * Layouts:
 * - "single": one cell with the reporting year's figure; optional cells to its right hold prior years
 *   (most recent first).
 * - "rows": one row per group or item: a label, the figure, then the metric's `extra` text columns
 *   (e.g. treatment of a waste item), then optional prior-year figures (most recent first).
 * A metric's unit is its canonical unit unless the workbook states another accepted one in a
 * companion single-cell name `<name>_Unit` (e.g. `Electricity_Unit` holding "MWh").
 */
import { bi } from "./bilingual";
import type { Bilingual } from "./types";

export type Dimension =
  | "mass"
  | "energy"
  | "volume"
  | "gas-volume"
  | "fuel"
  | "area"
  | "count"
  | "hours"
  | "days"
  | "ratio"
  | "currency"
  | "emissions"
  | "year"
  | "intensity"
  | "text";

/** What a breakdown's rows are: a group of people, a kind of item, a treatment route. */
export type Breakdown =
  "gender" | "age" | "region" | "employment-type" | "category" | "item" | "material" | "pollutant";

export type MetricGroup =
  | "reporting"
  | "denominators"
  | "emissions"
  | "waste"
  | "energy"
  | "water"
  | "packaging"
  | "workforce"
  | "turnover"
  | "health-safety"
  | "training"
  | "supply-chain"
  | "product"
  | "anti-corruption"
  | "community";

export interface MetricDef {
  readonly id: string;
  /** The named range a workbook holds the metric in, unless the workbook's ESG_Mapping says otherwise. */
  readonly defaultName: string;
  readonly label: Bilingual;
  readonly group: MetricGroup;
  readonly dimension: Dimension;
  /** Canonical unit: the unit the engine computes in. */
  readonly unit: string;
  /** Units a workbook may state in `<name>_Unit` (converted to `unit` through units.ts / factors). */
  readonly acceptedUnits: readonly string[];
  readonly layout: "single" | "rows";
  readonly breakdown?: Breakdown;
  /** Usual row labels, for the template (a workbook may use its own). */
  readonly rowLabels?: readonly Bilingual[];
  /** Text columns between the figure and the prior years (layout "rows"). */
  readonly extra?: readonly Bilingual[];
  /** The breakdown must add up to this metric (same dimension and unit). */
  readonly totalOf?: string;
  /** The figure (or each row's) cannot exceed this metric's (leavers, trained ≤ headcount). */
  readonly partOf?: string;
  /** HKEX KPI codes it feeds. */
  readonly kpis: readonly string[];
  /** True for a ratio the report states (e.g. "89% of employees trained"): checked against its counts. */
  readonly stated?: boolean;
  /** Summed across site sheets when only sheet-scoped names exist. */
  readonly additive: boolean;
  /** Negative figures are impossible. */
  readonly nonNegative: boolean;
  /** Fuel key in the factor library (energy via NCV, Scope 1). */
  readonly fuel?: string;
  /** Biomass: energy counted, CO2 biogenic (reported apart), CH4 and N2O in Scope 1. */
  readonly biogenic?: boolean;
  /** Process-emission factor key in the factor library (t CO2 per unit of the metric). */
  readonly process?: string;
  readonly note?: Bilingual;
}


const GENDER = [bi("Female", "女性"), bi("Male", "男性")];
const AGE = [bi("Under 30", "30歲以下"), bi("30–50", "30至50歲"), bi("Over 50", "50歲以上")];
const REGION = [bi("Mainland China", "中國內地"), bi("Hong Kong", "香港")];
const EMPLOYMENT_TYPE = [bi("Full-time", "全職"), bi("Part-time", "兼職")];
const CATEGORY = [bi("Managers and senior management", "管理層及高級管理層"), bi("General staff", "一般員工")];
const PEOPLE_ROWS: Record<
  "gender" | "age" | "region" | "employment-type" | "category",
  readonly Bilingual[]
> = {
  gender: GENDER,
  age: AGE,
  region: REGION,
  "employment-type": EMPLOYMENT_TYPE,
  category: CATEGORY,
};
const BREAKDOWN_NAME: Record<keyof typeof PEOPLE_ROWS, { suffix: string; label: Bilingual }> = {
  gender: { suffix: "Gender", label: bi("by gender", "按性別") },
  age: { suffix: "Age", label: bi("by age group", "按年齡組別") },
  region: { suffix: "Region", label: bi("by region", "按地區") },
  "employment-type": { suffix: "Type", label: bi("by employment type", "按僱傭類型") },
  category: { suffix: "Category", label: bi("by employee category", "按僱員類別") },
};

const MASS = ["t", "kg"];
const COUNT = ["person", "count"];

function single(
  id: string,
  defaultName: string,
  label: Bilingual,
  group: MetricGroup,
  dimension: Dimension,
  unit: string,
  kpis: readonly string[],
  more: Partial<MetricDef> = {},
): MetricDef {
  return {
    id,
    defaultName,
    label,
    group,
    dimension,
    unit,
    acceptedUnits: [unit],
    layout: "single",
    kpis,
    additive: true,
    nonNegative: true,
    ...more,
  };
}

/** A headcount-like metric with its total and one "rows" metric per breakdown. */
function people(
  base: string,
  baseName: string,
  label: Bilingual,
  group: MetricGroup,
  kpis: readonly string[],
  breakdowns: readonly (keyof typeof PEOPLE_ROWS)[],
  more: Partial<MetricDef> = {},
): MetricDef[] {
  const total = single(base, baseName, label, group, "count", "person", kpis, {
    acceptedUnits: COUNT,
    ...more,
  });
  const rows = breakdowns.map((b): MetricDef => ({
    ...total,
    id: `${base}_${b.replace("-", "_")}`,
    defaultName: `${baseName}_${BREAKDOWN_NAME[b].suffix}`,
    label: bi(
      `${label.en} ${BREAKDOWN_NAME[b].label.en}`,
      `${label["zh-HK"]}（${BREAKDOWN_NAME[b].label["zh-HK"]}）`,
    ),
    layout: "rows",
    breakdown: b,
    rowLabels: PEOPLE_ROWS[b],
    totalOf: base,
    partOf: more.partOf ? `${more.partOf}_${b.replace("-", "_")}` : undefined,
  }));
  return [total, ...rows];
}

/** Training hours kept as rows by gender or by employee category (B3.2). */
function hoursRows(
  id: string,
  defaultName: string,
  label: Bilingual,
  b: "gender" | "category",
  more: Partial<MetricDef> = {},
  enSuffix = "",
): MetricDef {
  const by = BREAKDOWN_NAME[b].label;
  return {
    id,
    defaultName,
    label: bi(`${label.en} ${by.en}${enSuffix}`, `${label["zh-HK"]}（${by["zh-HK"]}）`),
    group: "training",
    dimension: "hours",
    unit: "hours",
    acceptedUnits: ["hours"],
    layout: "rows",
    breakdown: b,
    rowLabels: PEOPLE_ROWS[b],
    kpis: ["B3.2"],
    additive: true,
    nonNegative: true,
    ...more,
  };
}

/** Units of energy a fuel may be stated in, as A2.1 asks ('000 kWh) and reports print them. */
const FUEL_ENERGY = ["'000 kWh", "MWh", "kWh", "GJ"];
/** A stated rate by group (B1.2, B3.1): rows of label | percentage as printed. */
function statedRates(id: string, defaultName: string, label: Bilingual, group: MetricGroup, kpi: string, b: keyof typeof PEOPLE_ROWS): MetricDef {
  const by = BREAKDOWN_NAME[b].label;
  return {
    ...single(id, defaultName, bi(`${label.en} ${by.en}, as stated`, `所述${label["zh-HK"]}（${by["zh-HK"]}）`), group, "ratio", "%", [kpi], {
      acceptedUnits: ["%"],
      stated: true,
      additive: false,
    }),
    layout: "rows",
    breakdown: b,
    rowLabels: PEOPLE_ROWS[b],
  };
}

/** Intensities a report states, each checked against the KPI result it corresponds to. */
export const STATED_INTENSITIES = [
  { id: "electricity_intensity_stated", name: "ElectricityIntensity_Stated", label: bi("Electricity intensity", "電力密度"), group: "energy", unit: "kWh/t", kpi: "A2.1", result: "A2.1.electricity.intensity" },
  { id: "energy_intensity_stated", name: "EnergyIntensity_Stated", label: bi("Energy intensity", "能源密度"), group: "energy", unit: "kWh/t", kpi: "A2.1", result: "A2.1.total.intensity" },
  { id: "water_intensity_stated", name: "WaterIntensity_Stated", label: bi("Water intensity", "耗水密度"), group: "water", unit: "m³/t", kpi: "A2.2", result: "A2.2.water.intensity" },
  { id: "ghg_intensity_stated", name: "GhgIntensity_Stated", label: bi("GHG intensity", "溫室氣體排放密度"), group: "emissions", unit: "t CO2e/t", kpi: "A1.2", result: "A1.2.intensity" },
] as const satisfies readonly { id: string; name: string; label: Bilingual; group: MetricGroup; unit: string; kpi: string; result: string }[];

function fuel(
  id: string,
  defaultName: string,
  label: Bilingual,
  unit: string,
  accepted: readonly string[],
  fuelKey: string,
  more: Partial<MetricDef> = {},
): MetricDef {
  return single(id, defaultName, label, "energy", "fuel", unit, ["A2.1", "A1.2", "D.scope1"], {
    acceptedUnits: [...accepted, ...FUEL_ENERGY],
    fuel: fuelKey,
    ...more,
  });
}

export const METRICS: readonly MetricDef[] = [
  // Reporting frame and intensity denominators ------------------------------------------------
  single(
    "reporting_year",
    "ReportingYear",
    bi("Reporting year", "匯報年度"),
    "reporting",
    "year",
    "year",
    [],
    {
      acceptedUnits: ["year"],
      additive: false,
    },
  ),
  single("production", "Production", bi("Production output", "產量"), "denominators", "mass", "t", [], {
    acceptedUnits: MASS,
    note: bi("Tonnes of product: the denominator of the intensities.", "產品噸數：密度的分母。"),
  }),
  single("revenue", "Revenue", bi("Revenue", "收益"), "denominators", "currency", "HKD", [], {
    acceptedUnits: ["HKD", "RMB", "CNY", "USD"],
  }),
  single("floor_area", "FloorArea", bi("Floor area", "樓面面積"), "denominators", "area", "m²", [], {
    acceptedUnits: ["m²", "m2"],
  }),
  single(
    "facilities",
    "Facilities",
    bi("Number of facilities", "設施數目"),
    "denominators",
    "count",
    "count",
    [],
    {
      acceptedUnits: ["count"],
    },
  ),

  // A1 Emissions ------------------------------------------------------------------------------
  {
    ...single(
      "air_emissions",
      "AirEmissions",
      bi("Air emissions by pollutant", "廢氣排放（按污染物）"),
      "emissions",
      "mass",
      "kg",
      ["A1.1"],
      {
        acceptedUnits: ["kg", "t"],
      },
    ),
    layout: "rows",
    breakdown: "pollutant",
    rowLabels: [
      bi("Nitrogen oxides (NOx)", "氮氧化物"),
      bi("Sulphur oxides (SOx)", "硫氧化物"),
      bi("Particulate matter (PM)", "顆粒物"),
    ],
  },
  single(
    "process_co2",
    "ProcessCO2",
    bi("Process CO2 (e.g. dolomite calcination)", "工業過程二氧化碳排放（如白雲石煅燒）"),
    "emissions",
    "emissions",
    "t CO2e",
    ["A1.2", "D.scope1"],
    {
      acceptedUnits: ["t CO2e", "t CO2", "kg CO2e"],
      note: bi(
        "Process CO2 as the group computes it (e.g. dolomite calcination in the Pidgeon process), or enter DolomiteCalcined and the engine computes it.",
        "集團自行計算的工業過程二氧化碳（如皮江法煅燒白雲石）；或填寫 DolomiteCalcined 由系統計算。",
      ),
    },
  ),
  single(
    "dolomite_calcined",
    "DolomiteCalcined",
    bi("Dolomite calcined", "煅燒白雲石量"),
    "emissions",
    "mass",
    "t",
    ["A1.2", "D.scope1"],
    {
      acceptedUnits: MASS,
      process: "dolomite",
      note: bi(
        "Magnesium (Pidgeon process): tonnes of dolomite calcined; CO2 at 0.477 t per t of pure dolomite (stoichiometry) unless ESG_Factors gives the group's own factor. Enter ProcessCO2 instead if the group computes it.",
        "鎂冶煉（皮江法）：煅燒白雲石噸數；按每噸純白雲石0.477噸二氧化碳（化學計量）計算，除非 ESG_Factors 提供集團自有因子。如集團自行計算，請改填 ProcessCO2。",
      ),
    },
  ),
  single(
    "grid_region",
    "GridRegion",
    bi("Power grid (for Scope 2)", "電網區域（範圍2）"),
    "energy",
    "text",
    "",
    ["A1.2", "D.scope2"],
    {
      acceptedUnits: [""],
      additive: false,
      nonNegative: false,
      note: bi(
        "A regional grid (North China, Northeast, East, Central, Northwest, South China, Southwest), National, a mainland province (read as its grid), or a Hong Kong power company (CLP Power Hong Kong, HK Electric); blank means the national average, with a warning. Accepted spellings: docs/metrics.md.",
        "區域電網（華北、東北、華東、華中、西北、南方、西南）、全國、內地省份（按所屬電網）或香港電力公司（中華電力、港燈）；留空即採用全國平均並發出警告。可接受的寫法見 docs/metrics.md。",
      ),
    },
  ),
  {
    ...single(
      "hazardous_waste",
      "HazardousWaste",
      bi("Hazardous waste by item", "有害廢棄物（按種類）"),
      "waste",
      "mass",
      "t",
      ["A1.3", "A1.6"],
      {
        acceptedUnits: MASS,
      },
    ),
    layout: "rows",
    breakdown: "item",
    rowLabels: [bi("Waste engine oil", "廢機油"), bi("Tar", "焦油")],
    extra: [bi("Treatment", "處理方法")],
  },
  {
    ...single(
      "non_hazardous_waste",
      "NonHazardousWaste",
      bi("Non-hazardous waste by item", "無害廢棄物（按種類）"),
      "waste",
      "mass",
      "t",
      ["A1.4", "A1.6"],
      {
        acceptedUnits: MASS,
      },
    ),
    layout: "rows",
    breakdown: "item",
    rowLabels: [
      bi("Solid waste", "固廢物"),
      bi("Recovered dust", "回收粉塵"),
      bi("Domestic waste", "生活垃圾"),
      bi("Sludge", "污泥"),
    ],
    extra: [bi("Treatment", "處理方法")],
  },

  // A2 Use of resources ------------------------------------------------------------------------
  single(
    "electricity",
    "Electricity",
    bi("Purchased electricity", "外購電力"),
    "energy",
    "energy",
    "kWh",
    ["A2.1", "A1.2", "D.scope2"],
    {
      acceptedUnits: ["kWh", "MWh", "'000 kWh", "GJ", "MJ"],
    },
  ),
  fuel("diesel", "Diesel", bi("Diesel", "柴油"), "L", ["L", "m³", "t", "kg"], "diesel"),
  fuel("petrol", "Petrol", bi("Petrol (gasoline)", "汽油"), "L", ["L", "m³", "t", "kg"], "gasoline"),
  fuel(
    "coal",
    "Coal",
    // The assumption is part of the label so every row that shows the figure states it.
    bi("Coal (type not stated: taken as bituminous, all burned)", "煤（未註明種類：按煙煤計，全部視作燃燒）"),
    "t",
    MASS,
    "coal",
  ),
  fuel("coal_anthracite", "Coal_Anthracite", bi("Anthracite", "無煙煤"), "t", MASS, "anthracite"),
  fuel("coal_bituminous", "Coal_Bituminous", bi("Bituminous coal", "煙煤"), "t", MASS, "bituminous"),
  fuel("coke", "Coke", bi("Coke", "焦炭"), "t", MASS, "coke"),
  fuel("natural_gas", "NaturalGas", bi("Natural gas", "天然氣"), "Nm³", ["Nm³", "10⁴ Nm³"], "natural-gas"),
  fuel(
    "coke_oven_gas",
    "CokeOvenGas",
    bi("Coke-oven gas", "焦爐煤氣"),
    "Nm³",
    ["Nm³", "10⁴ Nm³"],
    "coke-oven-gas",
  ),
  fuel(
    "semi_coke_gas",
    "SemiCokeGas",
    bi("Semi-coke (blue-coke) gas", "蘭炭尾氣"),
    "Nm³",
    ["Nm³", "10⁴ Nm³"],
    "semi-coke-gas",
  ),
  fuel("lpg", "LPG", bi("Liquefied petroleum gas", "液化石油氣"), "t", MASS, "lpg"),
  fuel(
    "biomass",
    "Biomass",
    bi("Biomass (wood pellets, wood waste)", "生物質（木顆粒、木廢料）"),
    "t",
    MASS,
    "wood",
    {
      biogenic: true,
      note: bi(
        "Energy counted in A2.1; its CO2 is biogenic and reported apart from the scopes; CH4 and N2O are in Scope 1.",
        "能源計入A2.1；其二氧化碳屬生物源，與各範圍分開匯報；甲烷及氧化亞氮計入範圍1。",
      ),
    },
  ),
  single("water", "Water", bi("Water consumption", "耗水量"), "water", "volume", "m³", ["A2.2"], {
    acceptedUnits: ["m³", "L"],
  }),
  {
    ...single(
      "packaging",
      "Packaging",
      bi("Packaging material by type", "包裝材料（按類型）"),
      "packaging",
      "mass",
      "t",
      ["A2.5"],
      {
        acceptedUnits: MASS,
      },
    ),
    layout: "rows",
    breakdown: "material",
    rowLabels: [bi("Strapping band", "打包帶")],
  },

  // B1 Employment -------------------------------------------------------------------------------
  ...people(
    "headcount",
    "Headcount",
    bi("Employees at year end", "年末僱員人數"),
    "workforce",
    ["B1.1"],
    ["gender", "age", "region", "employment-type", "category"],
  ),
  single(
    "headcount_opening",
    "Headcount_Opening",
    bi("Employees at the start of the year", "年初僱員人數"),
    "workforce",
    "count",
    "person",
    ["B1.2"],
    {
      acceptedUnits: COUNT,
    },
  ),
  ...people(
    "leavers",
    "Leavers",
    bi("Employees who left", "流失僱員人數"),
    "turnover",
    ["B1.2"],
    ["gender", "age", "region"],
    {
      partOf: "headcount",
    },
  ),
  ...people(
    "new_hires",
    "NewHires",
    bi("New hires", "新入職僱員人數"),
    "turnover",
    ["B1.1"],
    ["gender", "age", "region"],
  ),
  single(
    "turnover_rate_stated",
    "TurnoverRate_Stated",
    bi("Turnover rate as stated", "所述僱員流失比率"),
    "turnover",
    "ratio",
    "%",
    ["B1.2"],
    {
      acceptedUnits: ["%"],
      stated: true,
      additive: false,
    },
  ),

  // B2 Health and safety ------------------------------------------------------------------------
  single(
    "fatalities",
    "Fatalities",
    bi("Work-related fatalities", "因工亡故人數"),
    "health-safety",
    "count",
    "person",
    ["B2.1"],
    {
      acceptedUnits: COUNT,
      note: bi(
        "Three years: the reporting year, then the two before it to the right.",
        "三年：匯報年度，其右為之前兩年。",
      ),
    },
  ),
  single(
    "lost_days",
    "LostDays",
    bi("Lost days due to work injury", "因工傷損失工作日數"),
    "health-safety",
    "days",
    "days",
    ["B2.2"],
    {
      acceptedUnits: ["days"],
    },
  ),
  single(
    "hours_worked",
    "HoursWorked",
    bi("Hours worked", "工作時數"),
    "health-safety",
    "hours",
    "hours",
    ["B2.1"],
    {
      acceptedUnits: ["hours"],
    },
  ),

  // B3 Development and training -------------------------------------------------------------------
  ...people(
    "trained",
    "Trained",
    bi("Employees trained", "受訓僱員人數"),
    "training",
    ["B3.1"],
    ["gender", "category"],
    {
      partOf: "headcount",
    },
  ),
  ...(["gender", "category"] as const).map((b) =>
    hoursRows(
      `training_hours_${b}`,
      `TrainingHours_${BREAKDOWN_NAME[b].suffix}`,
      bi("Training hours", "受訓時數"),
      b,
    ),
  ),
  single(
    "trained_share_stated",
    "TrainedShare_Stated",
    bi("Share of employees trained, as stated", "所述受訓僱員百分比"),
    "training",
    "ratio",
    "%",
    ["B3.1"],
    {
      acceptedUnits: ["%"],
      stated: true,
      additive: false,
    },
  ),
  single(
    "trained_female_share_stated",
    "TrainedFemaleShare_Stated",
    bi("Women's share of the trained, as stated", "所述受訓僱員中女性佔比"),
    "training",
    "ratio",
    "%",
    ["B3.1"],
    {
      acceptedUnits: ["%"],
      stated: true,
      additive: false,
    },
  ),
  ...(["gender", "category"] as const).map((b) =>
    hoursRows(
      `avg_hours_${b}_stated`,
      `AvgHours_${BREAKDOWN_NAME[b].suffix}_Stated`,
      bi("Average training hours", "所述平均受訓時數"),
      b,
      {
        stated: true,
        additive: false,
      },
      ", as stated",
    ),
  ),

  // Figures the report states, checked against the counts behind them (checks.ts). A stated cell
  // may keep the report's qualifier as text: "more than 89%", "超過89%", "約7%".
  ...(["gender", "age", "region"] as const).map((b) =>
    statedRates(`turnover_rate_${b}_stated`, `TurnoverRate_${BREAKDOWN_NAME[b].suffix}_Stated`, bi("Turnover rate", "僱員流失比率"), "turnover", "B1.2", b),
  ),
  ...(["gender", "category"] as const).map((b) =>
    statedRates(`trained_share_${b}_stated`, `TrainedShare_${BREAKDOWN_NAME[b].suffix}_Stated`, bi("Share of employees trained", "受訓僱員百分比"), "training", "B3.1", b),
  ),
  ...STATED_INTENSITIES.map((x) =>
    single(x.id, x.name, bi(`${x.label.en}, as stated`, `所述${x.label["zh-HK"]}`), x.group, "intensity", x.unit, [x.kpi], {
      stated: true,
      additive: false,
      note: bi(`Checked against the KPI ${x.result}.`, `與關鍵績效指標 ${x.result} 核對。`),
    }),
  ),

  // B5–B8 -----------------------------------------------------------------------------------------
  {
    ...single(
      "suppliers",
      "Suppliers_Region",
      bi("Major suppliers by region", "主要供應商（按地區）"),
      "supply-chain",
      "count",
      "count",
      ["B5.1"],
      {
        acceptedUnits: ["count"],
      },
    ),
    layout: "rows",
    breakdown: "region",
    rowLabels: REGION,
  },
  single(
    "products_sold",
    "ProductsSold",
    bi("Products sold or shipped", "已售或已運送產品總數"),
    "product",
    "count",
    "count",
    ["B6.1"],
    {
      acceptedUnits: ["count", "t"],
    },
  ),
  single(
    "products_recalled",
    "ProductsRecalled",
    bi("Products recalled for safety and health reasons", "因安全與健康理由回收的產品"),
    "product",
    "count",
    "count",
    ["B6.1"],
    {
      acceptedUnits: ["count", "t"],
      partOf: "products_sold",
    },
  ),
  single(
    "complaints",
    "Complaints",
    bi("Product and service complaints", "產品及服務投訴"),
    "product",
    "count",
    "count",
    ["B6.2"],
    {
      acceptedUnits: ["count"],
    },
  ),
  single(
    "corruption_cases",
    "CorruptionCases",
    bi("Concluded corruption cases", "已審結的貪污訴訟案件"),
    "anti-corruption",
    "count",
    "count",
    ["B7.1"],
    {
      acceptedUnits: ["count"],
    },
  ),
  single(
    "anti_corruption_training_hours",
    "AntiCorruptionTrainingHours",
    bi("Anti-corruption training hours", "反貪污培訓時數"),
    "anti-corruption",
    "hours",
    "hours",
    ["B7.3"],
    {
      acceptedUnits: ["hours"],
    },
  ),
  single(
    "community_investment",
    "CommunityInvestment",
    bi("Community investment", "社區投資"),
    "community",
    "currency",
    "HKD",
    ["B8.2"],
    {
      acceptedUnits: ["HKD", "RMB", "CNY", "USD"],
    },
  ),
  single(
    "volunteer_hours",
    "VolunteerHours",
    bi("Volunteer hours", "義工時數"),
    "community",
    "hours",
    "hours",
    ["B8.2"],
    {
      acceptedUnits: ["hours"],
    },
  ),
];

const BY_ID = new Map(METRICS.map((m) => [m.id, m]));

export function getMetric(id: string): MetricDef {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`unknown metric id: ${id}`);
  return m;
}

export function findMetric(id: string): MetricDef | undefined {
  return BY_ID.get(id);
}

/** The companion name that states a metric's unit. */
export function unitNameOf(name: string): string {
  return `${name}_Unit`;
}

/** Names the engine reads for its own configuration. */
export const CONFIG_NAMES = {
  /** Two columns: metric id | the group's own name for it. */
  mapping: "ESG_Mapping",
  /** Two columns: setting key | value. */
  settings: "ESG_Settings",
  /** Factor table that adds or overrides factors (columns: FACTOR_TABLE_COLUMNS of factor-table.ts). */
  factors: "ESG_Factors",
  /** The group's content-index statements: KPI | status | reason (en, zh-HK) | where in the report (en, zh-HK). */
  disclosures: "ESG_Disclosures",
} as const;
