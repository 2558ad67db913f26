/**
 * Units and dimensional conversion. Each unit belongs to a dimension; within a dimension a value
 * converts through a scale to the dimension's reference. Units of different dimensions never convert:
 * that is an error with a bilingual message, never a silent number.
 *
 * Counts, hours, days, percentages and each currency are dimensions of their own with identity
 * conversion only: lost days (B2.2) are working days, not 24 hours, and the engine holds no exchange rates.
 */
import type { Bilingual } from "./types";

export type Dimension =
  | "energy"
  | "mass"
  | "volume"
  | "gas-volume"
  | "count"
  | "hours"
  | "days"
  | "percent"
  | "area"
  | "emissions"
  | "currency";

export interface UnitDef {
  /** The preferred spelling, e.g. "m³", "10⁴ Nm³", "'000 kWh". */
  readonly symbol: string;
  readonly dimension: Dimension;
  /**
   * The unit a value of this unit converts to canonically, e.g. "kWh" for every energy unit.
   * Two units convert into each other exactly when their canonical units are the same
   * (so HKD and RMB, both currencies, do not).
   */
  readonly canonical: string;
  /** How many canonical units one of this unit is (1 MWh = 1,000 kWh). */
  readonly toCanonical: number;
  readonly label: Bilingual;
  /** Other spellings accepted (matched case-insensitively, ignoring spaces, ³ = 3). */
  readonly aliases: readonly string[];
}

/** Per dimension: the canonical unit and each unit's size in an exact reference (MJ for energy). */
interface UnitSpec {
  readonly symbol: string;
  /** Size in the reference unit of its family; chosen so the table holds exact decimals. */
  readonly scale: number;
  readonly en: string;
  readonly zh: string;
  readonly aliases: readonly string[];
}

interface Family {
  readonly dimension: Dimension;
  readonly canonical: string;
  readonly units: readonly UnitSpec[];
}

// Energy sizes are in MJ so that every entry is an exact decimal: 1 kWh = 3.6 MJ (SI definition).
const ENERGY: Family = {
  dimension: "energy",
  canonical: "kWh",
  units: [
    { symbol: "kWh", scale: 3.6, en: "kilowatt-hour", zh: "千瓦時", aliases: ["kW·h", "kW-h", "kilowatt-hour", "kilowatt hours", "千瓦時", "千瓦时", "度"] },
    { symbol: "MWh", scale: 3600, en: "megawatt-hour", zh: "兆瓦時", aliases: ["megawatt-hour", "兆瓦時", "兆瓦时"] },
    {
      symbol: "'000 kWh",
      scale: 3600,
      en: "thousand kilowatt-hours",
      zh: "千個千瓦時",
      aliases: ["thousand kWh", "kWh '000", "kWh ('000)", "('000 kWh)", "kWh in '000s", "千個千瓦時", "千千瓦時", "千千瓦时", "千個千瓦时"],
    },
    { symbol: "GWh", scale: 3_600_000, en: "gigawatt-hour", zh: "吉瓦時", aliases: ["吉瓦時", "吉瓦时"] },
    { symbol: "MJ", scale: 1, en: "megajoule", zh: "兆焦", aliases: ["megajoule", "兆焦", "兆焦耳"] },
    { symbol: "GJ", scale: 1000, en: "gigajoule", zh: "吉焦", aliases: ["gigajoule", "吉焦", "吉焦耳"] },
    { symbol: "TJ", scale: 1_000_000, en: "terajoule", zh: "太焦", aliases: ["terajoule", "太焦", "太焦耳"] },
  ],
};

// "ton(s)" is read as the metric tonne: reports from Hong Kong and mainland China use it so.
const MASS: Family = {
  dimension: "mass",
  canonical: "t",
  units: [
    { symbol: "t", scale: 1000, en: "tonne", zh: "噸", aliases: ["tonne", "tonnes", "ton", "tons", "metric ton", "噸", "吨", "公噸", "公吨"] },
    { symbol: "kg", scale: 1, en: "kilogram", zh: "千克", aliases: ["kilogram", "kilograms", "kgs", "千克", "公斤"] },
  ],
};

const VOLUME: Family = {
  dimension: "volume",
  canonical: "m³",
  units: [
    { symbol: "m³", scale: 1000, en: "cubic metre", zh: "立方米", aliases: ["m3", "cu m", "cubic metre", "cubic meter", "cubic metres", "cubic meters", "立方米", "立方公尺"] },
    { symbol: "L", scale: 1, en: "litre", zh: "公升", aliases: ["l", "litre", "litres", "liter", "liters", "ltr", "升", "公升"] },
  ],
};

// Gas volume at normal conditions (0 °C, 101.325 kPa), the basis of China's NCVs for gaseous fuels.
// Kept apart from m³ because metered gas is not always at normal conditions.
const GAS_VOLUME: Family = {
  dimension: "gas-volume",
  canonical: "Nm³",
  units: [
    { symbol: "Nm³", scale: 1, en: "normal cubic metre", zh: "標準立方米", aliases: ["Nm3", "N m3", "標準立方米", "标准立方米", "標方", "标方"] },
    {
      symbol: "10⁴ Nm³",
      scale: 10_000,
      en: "ten thousand normal cubic metres",
      zh: "萬標準立方米",
      aliases: ["10^4 Nm3", "10^4 Nm³", "1e4 Nm3", "万Nm³", "萬Nm³", "万Nm3", "萬Nm3", "萬標準立方米", "万标准立方米", "萬標方", "万标方"],
    },
  ],
};

const COUNT: Family = {
  dimension: "count",
  canonical: "count",
  units: [
    { symbol: "count", scale: 1, en: "count", zh: "數目", aliases: ["number", "no.", "數目", "数目", "個", "个", "件", "宗", "次"] },
    { symbol: "person", scale: 1, en: "persons", zh: "人", aliases: ["persons", "people", "employees", "headcount", "人", "名", "人數", "人数"] },
  ],
};

const HOURS: Family = {
  dimension: "hours",
  canonical: "hours",
  units: [{ symbol: "hours", scale: 1, en: "hours", zh: "小時", aliases: ["hour", "h", "hr", "hrs", "小時", "小时"] }],
};

const DAYS: Family = {
  dimension: "days",
  canonical: "days",
  units: [{ symbol: "days", scale: 1, en: "days", zh: "日", aliases: ["day", "d", "日", "天", "日數", "天数"] }],
};

const PERCENT: Family = {
  dimension: "percent",
  canonical: "%",
  units: [{ symbol: "%", scale: 1, en: "per cent", zh: "百分比", aliases: ["percent", "per cent", "pct", "百分比"] }],
};

// 1 ft = 0.3048 m exactly, so 1 ft² = 0.09290304 m² (sq ft is common for Hong Kong floor areas).
const AREA: Family = {
  dimension: "area",
  canonical: "m²",
  units: [
    { symbol: "m²", scale: 1, en: "square metre", zh: "平方米", aliases: ["m2", "sq m", "sqm", "square metre", "square meter", "平方米", "平方公尺"] },
    { symbol: "ft²", scale: 0.09290304, en: "square foot", zh: "平方呎", aliases: ["ft2", "sq ft", "sqft", "square foot", "square feet", "平方呎", "平方英尺"] },
  ],
};

// Emissions in CO2 equivalent. Tonnes of CO2 alone are a family of their own: t CO2 is also t CO2e
// (GWP 1), but a CO2e total is not CO2, so the two never convert silently.
const EMISSIONS_CO2E: Family = {
  dimension: "emissions",
  canonical: "t CO2e",
  units: [
    { symbol: "t CO2e", scale: 1000, en: "tonnes of CO2 equivalent", zh: "噸二氧化碳當量", aliases: ["tCO2e", "t CO2-e", "t CO2eq", "tonnes CO2e", "噸二氧化碳當量", "吨二氧化碳当量"] },
    { symbol: "kg CO2e", scale: 1, en: "kilograms of CO2 equivalent", zh: "千克二氧化碳當量", aliases: ["kgCO2e", "kg CO2-e", "kg CO2eq", "千克二氧化碳當量"] },
  ],
};

const EMISSIONS_CO2: Family = {
  dimension: "emissions",
  canonical: "t CO2",
  units: [
    { symbol: "t CO2", scale: 1000, en: "tonnes of CO2", zh: "噸二氧化碳", aliases: ["tCO2", "tonnes CO2", "噸二氧化碳", "吨二氧化碳"] },
    { symbol: "kg CO2", scale: 1, en: "kilograms of CO2", zh: "千克二氧化碳", aliases: ["kgCO2", "千克二氧化碳"] },
  ],
};

/** Each currency is its own family: no exchange rates in the engine. */
function currency(symbol: string, en: string, zh: string, aliases: readonly string[]): Family {
  return { dimension: "currency", canonical: symbol, units: [{ symbol, scale: 1, en, zh, aliases }] };
}

const FAMILIES: readonly Family[] = [
  ENERGY,
  MASS,
  VOLUME,
  GAS_VOLUME,
  COUNT,
  HOURS,
  DAYS,
  PERCENT,
  AREA,
  EMISSIONS_CO2E,
  EMISSIONS_CO2,
  currency("HKD", "Hong Kong dollar", "港元", ["HK$", "港元", "港幣", "港币"]),
  currency("RMB", "renminbi", "人民幣", ["CNY", "人民幣", "人民币"]),
  currency("USD", "US dollar", "美元", ["US$", "美元"]),
];

interface Entry {
  readonly def: UnitDef;
  /** Size in the family's reference unit. */
  readonly scale: number;
}

function buildEntries(): { readonly bySymbol: Map<string, Entry>; readonly byKey: Map<string, Entry> } {
  const bySymbol = new Map<string, Entry>();
  const byKey = new Map<string, Entry>();
  for (const family of FAMILIES) {
    const canonicalSpec = family.units.find((u) => u.symbol === family.canonical);
    if (!canonicalSpec) throw new Error(`unit table: no canonical unit ${family.canonical}`);
    for (const u of family.units) {
      const def: UnitDef = {
        symbol: u.symbol,
        dimension: family.dimension,
        canonical: family.canonical,
        toCanonical: u.scale / canonicalSpec.scale,
        label: { en: u.en, "zh-HK": u.zh },
        aliases: u.aliases,
      };
      const entry: Entry = { def, scale: u.scale };
      bySymbol.set(u.symbol, entry);
      for (const spelling of [u.symbol, ...u.aliases]) {
        const key = unitKey(spelling);
        const clash = byKey.get(key);
        if (clash && clash.def.symbol !== u.symbol) throw new Error(`unit table: "${spelling}" is both ${clash.def.symbol} and ${u.symbol}`);
        byKey.set(key, entry);
      }
    }
  }
  return { bySymbol, byKey };
}

/**
 * The matching key of a spelling: superscripts to plain digits ("10⁴" → "10^4", "³" → "3"), full-width
 * forms to ASCII, curly quotes straight, lower case, no spaces. Case is safe to drop here: the table holds
 * no pair that differs by case only (no milliwatt-hours or megalitres).
 */
export function unitKey(text: string): string {
  return text
    .replace(/10⁴/g, "10^4")
    .replace(/×/g, "x")
    .replace(/³/g, "3")
    .replace(/²/g, "2")
    .normalize("NFKC")
    .replace(/[‘’`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, "");
}

const { bySymbol, byKey } = buildEntries();

/** The unit a spelling names, or null when the spelling is not known. */
export function parseUnit(text: string): UnitDef | null {
  if (typeof text !== "string") return null;
  const key = unitKey(text);
  if (key === "") return null;
  return byKey.get(key)?.def ?? null;
}

/** The canonical unit of a dimension (emissions: t CO2e; currency: null, since each currency is its own). */
export function canonicalUnit(dimension: Dimension): UnitDef | null {
  if (dimension === "currency") return null;
  const family = FAMILIES.find((f) => f.dimension === dimension);
  return family ? (bySymbol.get(family.canonical)?.def ?? null) : null;
}

/** Whether a value in one unit can be stated in the other. */
export function compatible(a: UnitDef, b: UnitDef): boolean {
  return a.dimension === b.dimension && a.canonical === b.canonical;
}

/** Units per dimension, in table order, for docs and pickers. */
export const UNITS_BY_DIMENSION: Readonly<Record<Dimension, readonly UnitDef[]>> = (() => {
  const out: Record<Dimension, UnitDef[]> = {
    energy: [],
    mass: [],
    volume: [],
    "gas-volume": [],
    count: [],
    hours: [],
    days: [],
    percent: [],
    area: [],
    emissions: [],
    currency: [],
  };
  for (const entry of bySymbol.values()) out[entry.def.dimension].push(entry.def);
  return out;
})();

// ---------------------------------------------------------------------------------------------
// Errors and conversion
// ---------------------------------------------------------------------------------------------

export type UnitErrorCode = "incompatible" | "unknown";

export interface UnitProblem {
  readonly code: UnitErrorCode;
  readonly from: string;
  readonly to: string;
  readonly message: Bilingual;
}

export class UnitError extends Error {
  readonly code: UnitErrorCode;
  readonly from: string;
  readonly to: string;
  readonly messages: Bilingual;

  constructor(problem: UnitProblem) {
    super(problem.message.en);
    this.name = "UnitError";
    this.code = problem.code;
    this.from = problem.from;
    this.to = problem.to;
    this.messages = problem.message;
  }
}

export type ConvertResult =
  | { readonly ok: true; readonly value: number; readonly from: UnitDef; readonly to: UnitDef }
  | { readonly ok: false; readonly problem: UnitProblem };

const DIMENSION_LABEL: Readonly<Record<Dimension, Bilingual>> = {
  energy: { en: "energy", "zh-HK": "能源" },
  mass: { en: "mass", "zh-HK": "質量" },
  volume: { en: "volume", "zh-HK": "體積" },
  "gas-volume": { en: "gas volume at normal conditions", "zh-HK": "標準狀態氣體體積" },
  count: { en: "count", "zh-HK": "數目" },
  hours: { en: "hours", "zh-HK": "小時" },
  days: { en: "days", "zh-HK": "日數" },
  percent: { en: "percentage", "zh-HK": "百分比" },
  area: { en: "area", "zh-HK": "面積" },
  emissions: { en: "emissions", "zh-HK": "排放量" },
  currency: { en: "currency", "zh-HK": "貨幣" },
};

function unknownUnit(text: string, from: string, to: string): UnitProblem {
  return {
    code: "unknown",
    from,
    to,
    message: { en: `Unknown unit "${text}".`, "zh-HK": `無法識別的單位「${text}」。` },
  };
}

function describe(u: UnitDef): Bilingual {
  const d = DIMENSION_LABEL[u.dimension];
  return u.dimension === "currency" || u.dimension === "emissions" ? { en: `${d.en} ${u.symbol}`, "zh-HK": `${d["zh-HK"]}（${u.symbol}）` } : d;
}

/** Converts without throwing: the value in `to`, or the problem. */
export function tryConvert(value: number, from: string | UnitDef, to: string | UnitDef): ConvertResult {
  const fromText = typeof from === "string" ? from : from.symbol;
  const toText = typeof to === "string" ? to : to.symbol;
  const a = typeof from === "string" ? parseUnit(from) : from;
  if (!a) return { ok: false, problem: unknownUnit(fromText, fromText, toText) };
  const b = typeof to === "string" ? parseUnit(to) : to;
  if (!b) return { ok: false, problem: unknownUnit(toText, fromText, toText) };
  if (!compatible(a, b)) {
    const da = describe(a);
    const db = describe(b);
    return {
      ok: false,
      problem: {
        code: "incompatible",
        from: fromText,
        to: toText,
        message: {
          en: `Cannot convert ${a.symbol} (${da.en}) to ${b.symbol} (${db.en}).`,
          "zh-HK": `無法把${a.symbol}（${da["zh-HK"]}）換算為${b.symbol}（${db["zh-HK"]}）。`,
        },
      },
    };
  }
  if (a.symbol === b.symbol) return { ok: true, value, from: a, to: b };
  // Table units convert through their exact reference sizes (MJ for energy); a caller-made UnitDef
  // through its toCanonical.
  const ea = bySymbol.get(a.symbol);
  const eb = bySymbol.get(b.symbol);
  const [sa, sb] = ea && eb ? [ea.scale, eb.scale] : [a.toCanonical, b.toCanonical];
  return { ok: true, value: (value * sa) / sb, from: a, to: b };
}

/** Converts `value` from one unit to another; throws a UnitError for an unknown or incompatible unit. */
export function convert(value: number, from: string | UnitDef, to: string | UnitDef): number {
  const r = tryConvert(value, from, to);
  if (!r.ok) throw new UnitError(r.problem);
  return r.value;
}
