/**
 * Emission and conversion factors. Every factor carries its provenance (source document, publisher,
 * publication date, data year, geography, series): a number without them is never used.
 *
 * Factors are looked up by kind, key (fuel or grid), series and year. The series matters: China's
 * statistical grid factor for 2022 (0.5366 kg CO2/kWh, MEE/NBS) and the national carbon market's 2022
 * grid average (0.5703 t CO2/MWh) are different numbers for different purposes, and mixing them is a
 * classic error, so a lookup never crosses series.
 */
import { SEED_FACTORS } from "./factor-data";
import { DEFAULT_SERIES, type Factor, type FactorKind, type FactorLibrary, type Gas } from "./factor-model";
import { normaliseKey, resolveKey } from "./factor-keys";
import type { Bilingual } from "./types";

export * from "./factor-model";
export { normaliseKey, resolveKey } from "./factor-keys";
export { parseFactorUnit, type FactorUnit, type FactorUnitPart } from "./factor-units";

export const BASE_LIBRARY: FactorLibrary = { factors: SEED_FACTORS };

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
