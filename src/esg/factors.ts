/**
 * Emission and conversion factors. Every factor carries its provenance (source document, publisher,
 * publication date, data year, geography, series): a number without them is never used.
 *
 * Factors are looked up by kind, key (fuel or grid), series and year. The series matters: China's
 * statistical grid factor for 2022 (0.5366 kg CO2/kWh, MEE/NBS) and the national carbon market's 2022
 * grid average (0.5703 t CO2/MWh) are different numbers for different purposes, and mixing them is a
 * classic error, so a lookup never crosses series.
 */
import { coerceNumber } from "./coerce";
import { SEED_FACTORS } from "./factor-data";
import { readGrid } from "./grids";
import type { Bilingual, CellValue } from "./types";
import { parseUnit, type UnitDef } from "./units";

export const GASES = ["CO2", "CH4", "N2O", "CO2e", "energy", "none"] as const;
/** The gas a factor is about; "energy" for calorific values, "none" for densities. */
export type Gas = (typeof GASES)[number];

export const FACTOR_KINDS = ["grid", "ncv", "carbon-content", "oxidation", "fuel-co2", "ipcc", "gwp", "density", "process"] as const;
/**
 * grid — purchased electricity, mass of CO2 per kWh; ncv — net calorific value, energy per fuel unit;
 * carbon-content — t C per GJ; oxidation — fraction of carbon oxidised; fuel-co2 — CO2 per fuel unit
 * (the product NCV × carbon content × oxidation × 44/12); ipcc — IPCC default per TJ; gwp — global
 * warming potential; density — kg per litre; process — a process emission factor (user-supplied).
 */
export type FactorKind = (typeof FACTOR_KINDS)[number];

export interface Factor {
  /** Stable id, e.g. "cn.grid.national.2022". */
  readonly id: string;
  readonly value: number;
  /** e.g. "kg CO2/kWh", "GJ/t", "t C/GJ", "kg CO2/TJ", "fraction". */
  readonly unit: string;
  readonly gas: Gas;
  readonly kind: FactorKind;
  /** Fuel key ("diesel", "natural-gas", …), grid key ("national", "north", "xinjiang", …) or gas ("CH4") for GWPs. */
  readonly key: string;
  readonly label: Bilingual;
  /** Full title of the source document; secondary sources say so. */
  readonly source: string;
  readonly publisher: string;
  /** Publication date as known: "YYYY", "YYYY-MM" or "YYYY-MM-DD", or a text saying what is known. */
  readonly published: string;
  /** The year the factor describes; null when it is not year-specific (defaults, GWPs, conventions). */
  readonly dataYear: number | null;
  readonly geography: string;
  readonly series: string;
  /** Seeded with the product, or added / overridden by the workbook's factor table. */
  readonly origin: "seed" | "workbook";
  readonly note?: string;
}

export interface FactorLibrary {
  readonly factors: readonly Factor[];
}

export const BASE_LIBRARY: FactorLibrary = { factors: SEED_FACTORS };

/** The series a lookup uses when none is given. Grid: the MEE/NBS statistical series, never the carbon market's. */
export const DEFAULT_SERIES: Readonly<Record<FactorKind, string | null>> = {
  grid: "cn-mee-nbs",
  ncv: "cn-guideline",
  "carbon-content": "cn-guideline",
  oxidation: "cn-guideline",
  "fuel-co2": "cn-guideline",
  ipcc: "ipcc-2006",
  gwp: "ipcc-ar6",
  density: "convention",
  process: null,
};

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

/** Lower case, spaces and underscores to hyphens: "Natural gas" → "natural-gas". */
export function normaliseKey(key: string): string {
  return key.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

interface Alias {
  readonly key: string;
  readonly note?: Bilingual;
}

/**
 * Coal whose type is not stated is read as bituminous coal: bituminous steam coal is the bulk of the coal
 * burned in China's industry and power plants, and it is the one coal with an IPCC default in the library.
 * It is not the conservative choice (anthracite has the higher factor, 2.323 against 2.072 t CO2/t): state
 * the type (metric Coal_Anthracite / Coal_Bituminous) when it is known.
 */
const UNSPECIFIED_COAL_NOTE: Bilingual = {
  en: "Coal of unstated type is taken as bituminous coal (the bulk of industrial coal in China); state the type if known.",
  "zh-HK": "未註明種類的煤按煙煤計算（中國工業用煤以煙煤為主）；如知道煤種，請註明。",
};

const FUEL_ALIASES: Readonly<Record<string, Alias>> = {
  coal: { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  "raw-coal": { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  煤: { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  原煤: { key: "bituminous", note: UNSPECIFIED_COAL_NOTE },
  petrol: { key: "gasoline" },
  汽油: { key: "gasoline" },
  柴油: { key: "diesel" },
  "gas/diesel-oil": { key: "diesel" },
  "bituminous-coal": { key: "bituminous" },
  "other-bituminous-coal": { key: "bituminous" },
  煙煤: { key: "bituminous" },
  烟煤: { key: "bituminous" },
  "anthracite-coal": { key: "anthracite" },
  無煙煤: { key: "anthracite" },
  无烟煤: { key: "anthracite" },
  焦炭: { key: "coke" },
  "liquefied-petroleum-gas": { key: "lpg" },
  液化石油氣: { key: "lpg" },
  液化石油气: { key: "lpg" },
  天然氣: { key: "natural-gas" },
  天然气: { key: "natural-gas" },
  "coke-oven-gas": { key: "coke-oven-gas" },
  焦爐煤氣: { key: "coke-oven-gas" },
  焦炉煤气: { key: "coke-oven-gas" },
  "semi-coke-gas": { key: "semi-coke-gas" },
  "blue-coke-gas": { key: "semi-coke-gas" },
  半焦气: { key: "semi-coke-gas" },
  半焦氣: { key: "semi-coke-gas" },
  蘭炭尾氣: { key: "semi-coke-gas" },
  兰炭尾气: { key: "semi-coke-gas" },
  "wood-pellets": { key: "wood" },
  "wood-waste": { key: "wood" },
  "biomass-pellets": { key: "wood" },
  木顆粒: { key: "wood" },
  木颗粒: { key: "wood" },
  生物質顆粒: { key: "wood" },
  生物质颗粒: { key: "wood" },
};

/** The library key a fuel or grid name stands for, with a note when the reading is a choice. */
export function resolveKey(kind: FactorKind, key: string): Alias {
  const k = normaliseKey(key);
  if (kind === "grid") {
    // Grids, power companies and provinces (→ their regional grid) as grids.ts reads them; a blank is
    // the national average; any other key (a factor table's own, "province-xinjiang") is kept as written.
    if (k === "") return { key: "national" };
    const g = readGrid(key);
    return g.ok ? { key: g.grid.key, ...(g.note ? { note: g.note } : {}) } : { key: k };
  }
  // Own keys only: a fuel named "constructor" is text from the workbook, not a property.
  return kind === "gwp" ? { key: k } : ((Object.hasOwn(FUEL_ALIASES, k) ? FUEL_ALIASES[k] : undefined) ?? { key: k });
}

// ---------------------------------------------------------------------------------------------
// Factor units
// ---------------------------------------------------------------------------------------------

/** One side of a factor unit: a unit and, for masses, the species weighed ("CO2", "C", "CH4"). */
export interface FactorUnitPart {
  readonly unit: UnitDef;
  readonly species: string | null;
}

export type FactorUnit =
  | { readonly kind: "fraction" }
  | { readonly kind: "ratio"; readonly numerator: FactorUnitPart; readonly denominator: FactorUnitPart };

const SPECIES = ["CO2e", "CO2", "CH4", "N2O", "C"];

/** "kg CO2" → kg of CO2 (a mass and its species); "10⁴ Nm³" → a unit alone. */
function parsePart(text: string): FactorUnitPart | null {
  const m = /^(.*?\S)\s*(CO2e|CO2|CH4|N2O|C)$/i.exec(text.trim());
  if (m) {
    const species = SPECIES.find((s) => s.toLowerCase() === m[2].toLowerCase()) ?? null;
    const unit = parseUnit(m[1]);
    if (species && unit && unit.dimension === "mass") return { unit, species };
  }
  const whole = parseUnit(text);
  return whole && whole.dimension !== "emissions" ? { unit: whole, species: null } : null;
}

/** Reads a factor unit such as "kg CO2/kWh", "GJ/10⁴ Nm³", "t CO2e/t CH4" or "fraction"; null when unreadable. */
export function parseFactorUnit(text: string): FactorUnit | null {
  const t = text.trim();
  if (/^(fraction|ratio|%)$/i.test(t)) return { kind: "fraction" };
  const slash = t.indexOf("/");
  if (slash <= 0 || slash !== t.lastIndexOf("/")) return null;
  const numerator = parsePart(t.slice(0, slash));
  const denominator = parsePart(t.slice(slash + 1));
  return numerator && denominator ? { kind: "ratio", numerator, denominator } : null;
}

/** What a factor of each kind must measure: numerator and denominator dimensions. */
function unitFitsKind(kind: FactorKind, u: FactorUnit): boolean {
  if (kind === "oxidation") return u.kind === "fraction";
  if (u.kind !== "ratio") return false;
  const n = u.numerator.unit.dimension;
  const d = u.denominator.unit.dimension;
  switch (kind) {
    case "grid":
      return n === "mass" && d === "energy";
    case "ncv":
      return n === "energy" && d !== "energy";
    case "carbon-content":
    case "ipcc":
      return n === "mass" && d === "energy";
    case "fuel-co2":
    case "process":
      return n === "mass" && d !== "energy";
    case "gwp":
      return n === "mass" && d === "mass";
    case "density":
      return n === "mass" && d === "volume";
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------------------------

const indexes = new WeakMap<FactorLibrary, Map<string, Factor>>();

function indexOf(lib: FactorLibrary): Map<string, Factor> {
  let idx = indexes.get(lib);
  if (!idx) {
    idx = new Map(lib.factors.map((f) => [f.id, f]));
    indexes.set(lib, idx);
  }
  return idx;
}

export function getFactor(id: string, lib: FactorLibrary = BASE_LIBRARY): Factor | undefined {
  return indexOf(lib).get(id);
}

export function listFactors(lib: FactorLibrary = BASE_LIBRARY): readonly Factor[] {
  return lib.factors;
}

export interface FactorQuery {
  readonly kind: FactorKind;
  /** Fuel or grid key; aliases are read ("petrol", "Jilin", "煤"). */
  readonly key: string;
  /** Default: DEFAULT_SERIES of the kind. */
  readonly series?: string;
  /** The reporting year: that data year, else the latest data year before it. */
  readonly year?: number;
  readonly geography?: string;
  /** For kinds with one factor per gas (ipcc, gwp). */
  readonly gas?: Gas;
  /**
   * ISO date: only factors published by then count (a year-specific factor whose publication date is
   * known). The report can only use what was public when it was due.
   */
  readonly asOf?: string;
  /** Only the factor of `year` itself, never an earlier year's (Hong Kong's power companies). */
  readonly exactYear?: boolean;
}

/**
 * The date a factor became public, from its `published` text: "2024-04-12" as it is, "2024-04" the
 * month's last day, "2024" the year's last day (the latest it can have been); null when the text gives
 * no date (conventions, "not confirmed").
 */
export function publishedOn(f: Factor): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?!\d)/.exec(f.published.trim());
  if (!m) return null;
  if (m[3]) return `${m[1]}-${m[2]}-${m[3]}`;
  if (m[2]) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}`;
  }
  return `${m[1]}-12-31`;
}

/** True when the factor was public by `asOf` (or its date is not known: it is not held back). */
function publishedBy(f: Factor, asOf: string | undefined): boolean {
  if (asOf === undefined || f.dataYear === null) return true;
  const on = publishedOn(f);
  return on === null || on <= asOf;
}

export type FactorLookup =
  | {
      readonly ok: true;
      readonly factor: Factor;
      readonly note?: Bilingual;
      /** A factor of a later data year in the same series, not used because it was published after `asOf`. */
      readonly newer?: Factor;
    }
  | { readonly ok: false; readonly code: "not-found"; readonly message: Bilingual };

function joinNotes(notes: readonly Bilingual[]): Bilingual | undefined {
  if (notes.length === 0) return undefined;
  return { en: notes.map((n) => n.en).join(" "), "zh-HK": notes.map((n) => n["zh-HK"]).join("") };
}

/** Later in the list wins a tie; a workbook factor beats a seeded one of the same data year. */
function better(a: Factor, b: Factor): boolean {
  const ya = a.dataYear ?? -Infinity;
  const yb = b.dataYear ?? -Infinity;
  if (ya !== yb) return ya > yb;
  if (a.origin !== b.origin) return a.origin === "workbook";
  return true;
}

export function findFactor(query: FactorQuery, lib: FactorLibrary = BASE_LIBRARY): FactorLookup {
  const alias = resolveKey(query.kind, query.key);
  const series = query.series ?? DEFAULT_SERIES[query.kind];
  const geography = query.geography?.trim().toLowerCase();
  const candidates = lib.factors.filter(
    (f) =>
      f.kind === query.kind &&
      normaliseKey(f.key) === alias.key &&
      (series === null || f.series === series) &&
      (geography === undefined || f.geography.toLowerCase() === geography) &&
      (query.gas === undefined || f.gas === query.gas),
  );
  const year = query.year;
  let chosen: Factor | undefined;
  let newer: Factor | undefined;
  for (const f of candidates) {
    if (year !== undefined && f.dataYear !== null && (query.exactYear ? f.dataYear !== year : f.dataYear > year)) continue;
    if (!publishedBy(f, query.asOf)) {
      if (!newer || better(f, newer)) newer = f;
      continue;
    }
    if (!chosen || better(f, chosen)) chosen = f;
  }
  if (newer && chosen && !better(newer, chosen)) newer = undefined;
  const what = `${query.kind} "${query.key}"${query.gas ? ` (${query.gas})` : ""}${series ? `, series ${series}` : ""}`;
  if (!chosen) {
    const later = year !== undefined && candidates.length > 0;
    const asOf = query.asOf ? ` published by ${query.asOf}` : "";
    const asOfZh = query.asOf ? `（於${query.asOf}或之前發布）` : "";
    const span = query.exactYear ? `of ${year}` : `with a data year of ${year} or earlier`;
    const spanZh = query.exactYear ? `${year}年` : `於${year}年或之前`;
    return {
      ok: false,
      code: "not-found",
      message: later
        ? {
            en: `No factor for ${what} ${span}${asOf}.`,
            "zh-HK": `沒有${what}${spanZh}的因子${asOfZh}。`,
          }
        : { en: `No factor for ${what}.`, "zh-HK": `沒有${what}的因子。` },
    };
  }
  const notes: Bilingual[] = alias.note ? [alias.note] : [];
  if (chosen.dataYear !== null) {
    if (year === undefined) {
      notes.push({
        en: `No year asked: the latest data year, ${chosen.dataYear}, is used.`,
        "zh-HK": `未指定年份：採用最新數據年份${chosen.dataYear}年。`,
      });
    } else if (chosen.dataYear !== year) {
      notes.push({
        en: `No ${chosen.series} factor for ${year}: the latest earlier data year, ${chosen.dataYear}, is used.`,
        "zh-HK": `${chosen.series}系列沒有${year}年的因子：採用之前最近的數據年份${chosen.dataYear}年。`,
      });
    }
  }
  const note = joinNotes(notes);
  return { ok: true, factor: chosen, ...(note ? { note } : {}), ...(newer ? { newer } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Workbook factor table
// ---------------------------------------------------------------------------------------------

/**
 * The columns of a workbook's factor table (a named range, header row first). A row whose id is a seeded
 * factor's id replaces it; any other id adds a factor. `data year` may be blank for a factor that is not
 * year-specific; `unit` is "<numerator>/<denominator>" (e.g. "kg CO2/kWh") or "fraction".
 */
export const FACTOR_TABLE_COLUMNS = [
  "id",
  "value",
  "unit",
  "gas",
  "kind",
  "key",
  "source",
  "published",
  "data year",
  "geography",
  "series",
] as const;
export type FactorColumn = (typeof FACTOR_TABLE_COLUMNS)[number];

export type FactorRow = Readonly<Partial<Record<FactorColumn, CellValue>>>;

export interface FactorRowProblem {
  /** Index of the row in the rows given (0-based, header excluded). */
  readonly row: number;
  readonly column: FactorColumn | null;
  /** error: the row is not used; warning: the row is used as read. */
  readonly severity: "error" | "warning";
  readonly message: Bilingual;
}

const COLUMN_LABEL_ZH: Readonly<Record<FactorColumn, string>> = {
  id: "編號",
  value: "數值",
  unit: "單位",
  gas: "氣體",
  kind: "類別",
  key: "燃料／電網",
  source: "來源",
  published: "發布日期",
  "data year": "數據年份",
  geography: "地區",
  series: "系列",
};

function headerKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, "");
}

/** Table values (header row first) → rows keyed by column. Unknown headers are ignored; missing ones reported. */
export function rowsFromTable(values: readonly (readonly CellValue[])[]): { readonly rows: FactorRow[]; readonly missing: FactorColumn[] } {
  if (values.length === 0) return { rows: [], missing: [...FACTOR_TABLE_COLUMNS] };
  const header = values[0];
  const at = new Map<FactorColumn, number>();
  header.forEach((cell, i) => {
    if (typeof cell !== "string") return;
    const h = headerKey(cell);
    const col = FACTOR_TABLE_COLUMNS.find((c) => headerKey(c) === h || (c === "data year" && h === "year"));
    if (col && !at.has(col)) at.set(col, i);
  });
  const rows = values.slice(1).map((line) => {
    const row: Partial<Record<FactorColumn, CellValue>> = {};
    for (const [col, i] of at) row[col] = i < line.length ? line[i] : null;
    return row;
  });
  return { rows, missing: FACTOR_TABLE_COLUMNS.filter((c) => !at.has(c)) };
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function cellText(v: CellValue | undefined): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (v !== null && v !== undefined && typeof v === "object" && v.kind === "date") return v.iso.slice(0, 10);
  return null;
}

class RowReader {
  readonly problems: FactorRowProblem[] = [];
  constructor(
    private readonly row: FactorRow,
    private readonly index: number,
  ) {}

  problem(column: FactorColumn | null, severity: "error" | "warning", en: string, zh: string): void {
    this.problems.push({ row: this.index, column, severity, message: { en, "zh-HK": zh } });
  }

  text(column: FactorColumn): string | null {
    const v = this.row[column];
    const t = cellText(v);
    if (t === null) {
      if (v !== null && v !== undefined && typeof v === "object" && v.kind === "error") {
        this.problem(column, "error", `Column "${column}" holds the error ${v.code}.`, `「${COLUMN_LABEL_ZH[column]}」欄為錯誤值${v.code}。`);
      } else {
        this.problem(column, "error", `Column "${column}" is blank.`, `「${COLUMN_LABEL_ZH[column]}」欄空白。`);
      }
    }
    return t;
  }

  oneOf<T extends string>(column: FactorColumn, allowed: readonly T[]): T | null {
    const t = this.text(column);
    if (t === null) return null;
    const hit = allowed.find((a) => a.toLowerCase() === t.toLowerCase());
    if (!hit) this.problem(column, "error", `"${t}" is not one of ${allowed.join(", ")}.`, `「${t}」不是以下之一：${allowed.join("、")}。`);
    return hit ?? null;
  }

  value(): number | null {
    const c = coerceNumber(this.row.value);
    if (c.kind !== "number") {
      this.problem("value", "error", "The value is not a number.", "數值不是數字。");
      return null;
    }
    if (c.fromText !== undefined) this.problem("value", "warning", `The value "${c.fromText}" is text; read as ${c.value}.`, `數值「${c.fromText}」為文字，已讀作${c.value}。`);
    if (c.value < 0) {
      this.problem("value", "error", "A factor cannot be negative.", "因子不可為負數。");
      return null;
    }
    return c.value;
  }

  dataYear(): number | null | undefined {
    const v = this.row["data year"];
    if (isBlank(v)) return null;
    const c = coerceNumber(v);
    if (c.kind === "number" && Number.isInteger(c.value) && c.value >= 1900 && c.value <= 2100) return c.value;
    this.problem("data year", "error", "The data year must be a year (e.g. 2023) or blank.", "數據年份須為年份（如2023）或留空。");
    return undefined;
  }
}

/** Reads one table row into a factor; problems say what is wrong. Blank rows give neither. */
function readRow(row: FactorRow, index: number): { factor: Factor | null; problems: FactorRowProblem[] } {
  if (FACTOR_TABLE_COLUMNS.every((c) => isBlank(row[c]))) return { factor: null, problems: [] };
  const r = new RowReader(row, index);
  const id = r.text("id");
  if (id !== null && /\s/.test(id)) r.problem("id", "error", "The id must not contain spaces.", "編號不可包含空格。");
  const value = r.value();
  const unit = r.text("unit");
  const gas = r.oneOf("gas", GASES);
  const kind = r.oneOf("kind", FACTOR_KINDS);
  const key = r.text("key");
  const source = r.text("source");
  const published = r.text("published");
  const dataYear = r.dataYear();
  const geography = r.text("geography");
  const series = r.text("series");
  if (unit !== null) {
    const parsed = parseFactorUnit(unit);
    if (!parsed) {
      r.problem("unit", "error", `The unit "${unit}" cannot be read (e.g. "kg CO2/kWh", "GJ/t").`, `無法識別單位「${unit}」（例如「kg CO2/kWh」、「GJ/t」）。`);
    } else if (kind !== null && !unitFitsKind(kind, parsed)) {
      r.problem("unit", "error", `The unit "${unit}" does not fit a factor of kind ${kind}.`, `單位「${unit}」與因子類別${kind}不相符。`);
    }
  }
  if (r.problems.some((p) => p.severity === "error")) return { factor: null, problems: r.problems };
  const factor: Factor = {
    id: id as string,
    value: value as number,
    unit: unit as string,
    gas: gas as Gas,
    kind: kind as FactorKind,
    key: factorKey(kind as FactorKind, key as string),
    label: { en: key as string, "zh-HK": key as string },
    source: source as string,
    publisher: "as stated in the workbook's factor table",
    published: published as string,
    dataYear: dataYear as number | null,
    geography: geography as string,
    series: series as string,
    origin: "workbook",
  };
  return { factor, problems: r.problems };
}

/**
 * The key a factor table row is stored under. A province named on a grid row is that province's own
 * factor ("province-guangdong"), never its regional grid's: a provincial figure must not stand in for
 * the grid's.
 */
function factorKey(kind: FactorKind, key: string): string {
  if (kind === "grid") {
    const g = readGrid(key);
    if (g.ok && g.province) return `province-${normaliseKey(g.province.en)}`;
  }
  return resolveKey(kind, key).key;
}

/**
 * A library with the workbook's factor rows applied: a row with a known id replaces that factor, any
 * other adds one. Rows with errors are left out and reported; nothing throws.
 */
export function withOverrides(
  base: FactorLibrary,
  rows: readonly FactorRow[],
): { readonly library: FactorLibrary; readonly problems: readonly FactorRowProblem[] } {
  const problems: FactorRowProblem[] = [];
  const byId = new Map(base.factors.map((f) => [f.id, f] as const));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const read = readRow(row, i);
    problems.push(...read.problems);
    if (!read.factor) return;
    if (seen.has(read.factor.id)) {
      problems.push({
        row: i,
        column: "id",
        severity: "error",
        message: {
          en: `The id "${read.factor.id}" appears on an earlier row: this row is not used.`,
          "zh-HK": `編號「${read.factor.id}」已在較前的行出現：此行不予採用。`,
        },
      });
      return;
    }
    seen.add(read.factor.id);
    byId.delete(read.factor.id); // re-inserted last, so an override wins ties in findFactor
    byId.set(read.factor.id, read.factor);
  });
  return { library: { factors: [...byId.values()] }, problems };
}

/** Checks a factor the way a table row is checked (used to hold the seeds to the same rules). */
export function factorProblems(f: Factor): string[] {
  const out: string[] = [];
  const parsed = parseFactorUnit(f.unit);
  if (!parsed) out.push(`${f.id}: unit "${f.unit}" unreadable`);
  else if (!unitFitsKind(f.kind, parsed)) out.push(`${f.id}: unit "${f.unit}" does not fit kind ${f.kind}`);
  if (!Number.isFinite(f.value) || f.value < 0) out.push(`${f.id}: value`);
  for (const [name, text] of [
    ["source", f.source],
    ["publisher", f.publisher],
    ["published", f.published],
    ["geography", f.geography],
    ["series", f.series],
    ["key", f.key],
  ] as const) {
    if (text.trim() === "") out.push(`${f.id}: ${name} blank`);
  }
  return out;
}
