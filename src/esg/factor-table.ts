/**
 * The workbook's ESG_Factors table (a named range, header row first) read on coerce.ts and applied
 * over the seeded factor library, with findings for bad rows.
 */
import { locate } from "../sheet-ref";
import { cellText, coerceNumber } from "./coerce";
import { FACTOR_KINDS, GASES, type Factor, type FactorKind, type FactorLibrary, type Gas } from "./factor-model";
import { normaliseKey, resolveKey } from "./factor-keys";
import { parseFactorUnit, unitFitsKind } from "./factor-units";
import { BASE_LIBRARY } from "./factors";
import { readGrid } from "./grids";
import { CONFIG_NAMES } from "./metrics";
import type { Bilingual, CellValue, Finding, WorkbookRead } from "./types";

export function workbookFactorLibrary(read: WorkbookRead): { library: FactorLibrary; findings: Finding[] } {
  const item = read.names.find((n) => n.scope === null && n.name.toUpperCase() === CONFIG_NAMES.factors.toUpperCase());
  if (!item?.values) return { library: BASE_LIBRARY, findings: [] };
  const { rows } = rowsFromTable(item.values);
  const { library, problems } = withOverrides(BASE_LIBRARY, rows);
  const findings: Finding[] = problems.map((p) => ({
    rule: "factor.invalid",
    severity: p.severity,
    metric: null,
    kpi: "A1.2",
    // Row 0 of the problems is the first row under the header.
    location: locate(item.sheet, item.address, p.row + 1, 0),
    message: {
      en: `${CONFIG_NAMES.factors} row ${p.row + 2}: ${p.message.en}`,
      "zh-HK": `${CONFIG_NAMES.factors} 第 ${p.row + 2} 行：${p.message["zh-HK"]}`,
    },
    hint: {
      en: "Columns: id, value, unit, gas, kind, key, source, published, data year, geography, series (docs/metrics.md).",
      "zh-HK": "欄位：id、value、unit、gas、kind、key、source、published、data year、geography、series（見 docs/metrics.md）。",
    },
  }));
  return { library, findings };
}

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

/** A text cell of the table (coerce.ts's reading), or null for a blank, an error, a boolean or a non-finite number; a date as its day. */
function tableText(v: CellValue | undefined): string | null {
  if (typeof v === "boolean" || (typeof v === "number" && !Number.isFinite(v))) return null;
  const t = cellText(v);
  if (t === "") return null;
  return typeof v === "object" && v !== null && v.kind === "date" ? t.slice(0, 10) : t;
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
    const t = tableText(v);
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
