/**
 * Engine options: what a user can choose (task pane Settings, CLI flags, or the workbook's
 * ESG_Settings table). Precedence: explicit options › workbook settings › defaults.
 */
import { cellText, coerceNumber } from "./coerce";
import { INDUSTRIES } from "./industries";
import { finding } from "./messages";
import type { Finding, NamedItem, ReportLang, TrainingReading, TurnoverMethod } from "./types";

export interface EngineOptions {
  /** Year-on-year change that raises a finding (0.25 = ±25%, a common review threshold). */
  readonly yoyTolerance: number;
  /** A breakdown may differ from its total by this much (absolute, in the metric's unit) before it is an error. */
  readonly breakdownTolerance: number;
  readonly turnoverMethod: TurnoverMethod;
  readonly trainingReading: TrainingReading;
  /** Grid factor series for Scope 2 (location-based): the MEE/NBS statistics unless chosen otherwise. */
  readonly gridSeries: string;
  /** Data year of the grid factor; null takes the latest published year not after the reporting year. */
  readonly gridYear: number | null;
  /**
   * ISO date the factors are taken as of: only factors published by then are used. null: the reporting
   * year's end plus five months, when HKEX requires the ESG report (Main Board Rule 13.91, from FY2020/21).
   */
  readonly factorsAsOf: string | null;
  /** The group's industry (industries.ts): its process emissions and its sector guideline's fuel defaults. */
  readonly industry: string;
  /** Fuel combustion method for Scope 1: China accounting guidelines or IPCC 2006 defaults. */
  readonly fuelMethod: "china-guideline" | "ipcc";
  /** Fatality rate basis: per 200,000 hours worked when hours are given. */
  readonly fatalityBasis: number;
  readonly language: ReportLang;
  /** Sections to generate: "A1", "A2", "B1", "B2", "B3", "B5", "B6", "B7", "B8", "D"; the content index is always written. */
  readonly sections: readonly string[];
  /** Write values only, no live formulas. */
  readonly valuesOnly: boolean;
  /**
   * Why the tables are written as values whatever valuesOnly says: "sheets-only" when they go to a
   * workbook of just the generated sheets, where the named ranges a formula would read do not exist
   * (a formula there would recalculate to #NAME?). Null: the tables sit beside their data.
   */
  readonly valuesFor: "sheets-only" | null;
  /** Charts over the generated tables (issue 14); false leaves them out and the sheets as without charts. */
  readonly charts: boolean;
  /** metric id → the group's own name; overrides the workbook's ESG_Mapping. */
  readonly mapping: Readonly<Record<string, string>>;
  /** ISO time of the run (recorded in the history and the index); injected so outputs are reproducible. */
  readonly now: string;
}

export const ALL_SECTIONS = ["A1", "A2", "B1", "B2", "B3", "B5", "B6", "B7", "B8", "D"] as const;

export const defaultEngineOptions: EngineOptions = {
  yoyTolerance: 0.25,
  breakdownTolerance: 0.5,
  turnoverMethod: "average",
  trainingReading: "share-of-category",
  gridSeries: "cn-mee-nbs",
  gridYear: null,
  factorsAsOf: null,
  industry: "general",
  fuelMethod: "china-guideline",
  fatalityBasis: 200000,
  language: "both",
  sections: ALL_SECTIONS,
  valuesOnly: false,
  valuesFor: null,
  charts: true,
  mapping: {},
  now: "1970-01-01T00:00:00.000Z",
};

type Setter = (raw: string, o: Record<string, unknown>) => boolean;

const num =
  (key: keyof EngineOptions, min: number, max: number): Setter =>
  (raw, o) => {
    const c = coerceNumber(raw, key === "yoyTolerance");
    if (c.kind !== "number" || c.value < min || c.value > max) return false;
    o[key] = c.value;
    return true;
  };
const oneOf =
  (key: keyof EngineOptions, values: readonly string[]): Setter =>
  (raw, o) => {
    if (!values.includes(raw)) return false;
    o[key] = raw;
    return true;
  };

/** Keys of the ESG_Settings table (column A) and how each is read. */
export const SETTING_KEYS: Record<string, Setter> = {
  yoyTolerance: num("yoyTolerance", 0, 100),
  breakdownTolerance: num("breakdownTolerance", 0, 1e12),
  turnoverMethod: oneOf("turnoverMethod", ["average", "closing"]),
  trainingReading: oneOf("trainingReading", ["share-of-category", "split-of-trained"]),
  gridSeries: (raw, o) => {
    if (raw === "") return false;
    o.gridSeries = raw;
    return true;
  },
  gridYear: num("gridYear", 1990, 2100),
  factorsAsOf: (raw, o) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(raw.trim());
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCMonth() !== Number(m[2]) - 1) return false;
    o.factorsAsOf = `${m[1]}-${m[2]}-${m[3]}`;
    return true;
  },
  industry: oneOf("industry", INDUSTRIES.map((i) => i.id)),
  fuelMethod: oneOf("fuelMethod", ["china-guideline", "ipcc"]),
  fatalityBasis: num("fatalityBasis", 1, 1e9),
  language: oneOf("language", ["zh-HK", "en", "both"]),
};

/** Reads a two-column key/value table (ESG_Settings, ESG_Mapping) from a named item's values. */
export function keyValueRows(item: NamedItem | undefined): Array<{ key: string; value: string; row: number }> {
  if (!item?.values) return [];
  const out: Array<{ key: string; value: string; row: number }> = [];
  item.values.forEach((row, i) => {
    const key = cellText(row[0]);
    if (key !== "") out.push({ key, value: cellText(row[1]), row: i });
  });
  return out;
}

/** Options from the workbook's ESG_Settings, with a finding for each value it could not use. */
export function settingsFromWorkbook(item: NamedItem | undefined): { options: Partial<EngineOptions>; findings: Finding[] } {
  const o: Record<string, unknown> = {};
  const findings: Finding[] = [];
  for (const { key, value } of keyValueRows(item)) {
    // Own keys only: a key such as "constructor" or "__proto__" is workbook text, not a setting.
    const set = Object.hasOwn(SETTING_KEYS, key) ? SETTING_KEYS[key] : undefined;
    if (!set) continue;
    if (!set(value, o)) {
      const fallback = String(defaultEngineOptions[key as keyof EngineOptions]);
      findings.push(finding("settings.invalid", {}, { key, value, fallback }));
    }
  }
  return { options: o as Partial<EngineOptions>, findings };
}

/**
 * The date factors are taken as of for data year `year` of a report on `reportingYear`: the setting,
 * else that year's end plus five months (31 May of the next year). A prior year is taken as of its own
 * report's date, so it keeps the factor that applied to it.
 */
export function factorsAsOfFor(o: EngineOptions, reportingYear: number, year: number = reportingYear): string {
  if (o.factorsAsOf !== null) {
    const shift = reportingYear - year;
    return `${Number(o.factorsAsOf.slice(0, 4)) - shift}${o.factorsAsOf.slice(4)}`.replace(/-02-29$/, "-02-28");
  }
  return `${year + 1}-05-31`;
}
