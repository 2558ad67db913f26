/**
 * Reads one instance of a name (the group's or a site's range) as the metric's layout says: each cell
 * coerced to a number in the metric's canonical unit, with a finding for anything that is not a usable
 * number (blank, text, error, negative, unit), and each figure's cell.
 */
import { locate, locator } from "../../sheet-ref";
import {
  cellText,
  coerceNumber,
  coerceQualified,
  isNotApplicable,
  labelKey,
  type StatedQualifier,
} from "../coerce";
import { finding } from "../messages";
import type { MetricDef } from "../metrics";
import { unitMultiplier } from "../metric-units";
import { completeSum } from "../totals";
import type { Bilingual, CellValue, Finding, NamedItem, SourceRef } from "../types";
import type { Figure, Instance, RowValue } from "./types";

export const label = (m: MetricDef, site: string | null, row?: string): Bilingual => ({
  en: `${m.label.en}${row ? ` — ${row}` : ""}${site ? ` [${site}]` : ""}`,
  "zh-HK": `${m.label["zh-HK"]}${row ? `——${row}` : ""}${site ? `〔${site}〕` : ""}`,
});

/** The instance's records of cells ("row,col" inside the range) read unlike a formula would read them. */
interface CellMarks {
  readonly coerced: Set<string>;
  readonly qualifiers: Map<string, StatedQualifier>;
}

/**
 * Inputs without which whole tables go blank: a blank one is an error, not a warning (issue 10:
 * a blank Headcount made total employees, turnover and training "–" with only a warning).
 */
const CRITICAL: Readonly<Record<string, Bilingual>> = {
  headcount: {
    en: "total employees, turnover rates, training shares and per-employee figures",
    "zh-HK": "僱員總數、流失比率、受訓比例及每名僱員數字",
  },
  production: { en: "every intensity per tonne of product", "zh-HK": "每噸產品的各項密度" },
};

/** Reads one number cell, pushing the finding for anything that is not a usable number. */
function readNumber(
  cell: CellValue | undefined,
  m: MetricDef,
  where: { location: string | null; site: string | null; row?: string },
  findings: Finding[],
  blankIsFinding = true,
  mark?: CellMarks,
  cellRow = 0,
  cellCol = 0,
): number | null {
  // "N/A" / "不適用": the metric or row does not apply; no figure and nothing to report (the snapshot
  // records it for the content index).
  if (isNotApplicable(cell)) return null;
  const ratio = m.dimension === "ratio";
  const c = (m.stated ? coerceQualified(cell, ratio) : null) ?? coerceNumber(cell, ratio);
  // Only a cell with something to say builds its label and location (most cells have nothing).
  if (c.kind === "number" && c.fromText === undefined && !c.percentPoints && !(m.nonNegative && c.value < 0))
    return c.value;
  if (c.kind === "blank" && !blankIsFinding) return null;
  const w = { metric: m.id, kpi: m.kpis[0] ?? null, location: where.location };
  const lbl = label(m, where.site, where.row);
  switch (c.kind) {
    case "number": {
      // A live formula over this cell would not give this figure: it is written as a value instead.
      if (mark && (c.fromText !== undefined || c.percentPoints)) mark.coerced.add(`${cellRow},${cellCol}`);
      if (c.qualifier) mark?.qualifiers.set(`${cellRow},${cellCol}`, c.qualifier);
      // A statement is text in the report ("10%"): read as such, no warning; it never feeds a formula.
      else if (c.fromText !== undefined && !m.stated)
        findings.push(finding("value.text-number", w, { label: lbl, text: c.fromText, value: c.value }));
      else if (c.percentPoints)
        findings.push(
          finding("value.percent-points", w, {
            label: lbl,
            text: String(cell),
            value: `${(c.value * 100).toFixed(2)}%`,
          }),
        );
      if (m.nonNegative && c.value < 0)
        findings.push(finding("value.negative", w, { label: lbl, value: c.value }));
      return c.value;
    }
    case "blank":
      if (CRITICAL[m.id])
        findings.push(finding("value.blank-critical", w, { label: lbl, needs: CRITICAL[m.id] }));
      else if (blankIsFinding) findings.push(finding("value.blank", w, { label: lbl }));
      return null;
    case "text":
      findings.push(finding("value.text", w, { label: lbl, text: c.text.slice(0, 80) }));
      return null;
    case "error":
      findings.push(finding("value.error", w, { label: lbl, code: c.code }));
      return null;
    case "boolean":
      findings.push(finding("value.boolean", w, { label: lbl, value: String(c.value).toUpperCase() }));
      return null;
    case "date":
      findings.push(finding("value.date", w, { label: lbl, iso: c.iso }));
      return null;
    case "uncached":
      findings.push(finding("value.uncached", w, { label: lbl, formula: c.formula }));
      return null;
    case "not-finite":
      findings.push(finding("value.not-finite", w, { label: lbl, value: String(c.value) }));
      return null;
  }
}

const NO_PRIOR: readonly Figure[] = Object.freeze([]);

const scale = (x: number | null, k: number): number | null => (x === null ? null : x * k);

const LAYOUT_TEXT: Record<MetricDef["layout"], Bilingual> = {
  single: { en: "one cell, prior years to its right", "zh-HK": "一個儲存格，其右為往年數字" },
  rows: { en: "rows of label | figure | prior years", "zh-HK": "每行：標籤 | 數值 | 往年數字" },
};

export function readInstance(
  m: MetricDef,
  item: NamedItem,
  unitItem: NamedItem | undefined,
  findings: Finding[],
): Instance | null {
  const site = item.scope;
  const source: SourceRef = {
    name: item.name,
    scope: item.scope,
    location: locate(item.sheet, item.address),
  };
  const where = { metric: m.id, kpi: m.kpis[0] ?? null, location: source.location };
  if (item.status === "broken") {
    findings.push(finding("name.broken", where, { name: item.name }));
    return null;
  }
  if (item.status === "past-grid") {
    findings.push(finding("name.past-grid", where, { name: item.name, refersTo: item.refersTo }));
    return null;
  }
  if (item.status !== "ok" && item.status !== "constant") {
    findings.push(
      finding("name.unreadable", where, { name: item.name, status: item.status, refersTo: item.refersTo }),
    );
    return null;
  }
  if (!item.values) {
    findings.push(finding("name.too-large", where, { name: item.name, note: item.note ?? "no values" }));
    return null;
  }
  const values = item.values;
  // The unit stated beside the figure, else the canonical unit.
  const stated = unitItem?.values ? cellText(unitItem.values[0]?.[0]) : "";
  const unit = stated === "" ? m.unit : stated;
  let multiplier = 1;
  if (m.dimension !== "text") {
    const k = unitMultiplier(m, unit);
    if (k === null) {
      findings.push(
        finding(
          "unit.not-accepted",
          { ...where, location: unitItem ? locate(unitItem.sheet, unitItem.address) : where.location },
          { label: label(m, site), unit, accepted: m.acceptedUnits.join(", ") },
        ),
      );
      return null;
    }
    multiplier = k;
  }
  const at = locator(item.sheet, item.address);
  const coerced = new Set<string>();
  const qualifiers = new Map<string, StatedQualifier>();
  const marks: CellMarks = { coerced, qualifiers };
  // What every layout's instance carries besides its figures.
  const instance = (
    figures: Pick<Instance, "value" | "prior" | "rows" | "text" | "notApplicable">,
  ): Instance => ({
    site,
    source,
    item,
    unit,
    multiplier,
    coerced,
    qualifiers,
    ...figures,
  });

  if (m.layout === "single") {
    const first = values[0] ?? [];
    if (m.dimension === "text") {
      return instance({
        value: { value: null, location: at(0, 0) },
        prior: [],
        rows: [],
        text: cellText(first[0]),
      });
    }
    const v = scale(
      readNumber(first[0], m, { location: at(0, 0), site }, findings, true, marks, 0, 0),
      multiplier,
    );
    const prior: Figure[] = [];
    for (let c = 1; c < first.length; c++) {
      // Prior-year cells are optional: a blank one is simply no figure.
      prior.push({
        value: scale(
          readNumber(first[c], m, { location: at(0, c), site, row: `${c}` }, findings, false, marks, 0, c),
          multiplier,
        ),
        location: at(0, c),
      });
    }
    return instance({
      value: { value: v, location: at(0, 0) },
      prior,
      rows: [],
      text: "",
      notApplicable: isNotApplicable(first[0]),
    });
  }

  // rows: label | figure | extra… | prior…
  const extraCount = m.extra?.length ?? 0;
  if ((values[0]?.length ?? 0) < 2) {
    findings.push(
      finding("layout.shape", where, {
        name: item.name,
        problem: "a breakdown needs at least two columns (label and figure)",
        problemZh: "分項最少需要兩欄（標籤及數值）",
        layout: LAYOUT_TEXT.rows.en,
        layoutZh: LAYOUT_TEXT.rows["zh-HK"],
      }),
    );
    return null;
  }
  const rows: RowValue[] = [];
  values.forEach((row, r) => {
    const lbl = cellText(row[0]);
    const blankRow = row.every((c) => c === null || (typeof c === "string" && c.trim() === ""));
    if (blankRow) return;
    const location = at(r, 1);
    const v = scale(
      readNumber(row[1], m, { location, site, row: lbl || `row ${r + 1}` }, findings, true, marks, r, 1),
      multiplier,
    );
    const extra: string[] = [];
    for (let e = 0; e < extraCount; e++) extra.push(cellText(row[2 + e]));
    // Most breakdowns have no prior-year columns: their rows share one empty list (100,000 rows, issue 15).
    let prior: readonly Figure[] = NO_PRIOR;
    if (row.length > 2 + extraCount) {
      const list: Figure[] = [];
      for (let c = 2 + extraCount; c < row.length; c++) {
        list.push({
          value: scale(
            readNumber(row[c], m, { location: at(r, c), site, row: lbl }, findings, false, marks, r, c),
            multiplier,
          ),
          location: at(r, c),
        });
      }
      prior = list;
    }
    const notApplicable = isNotApplicable(row[1]);
    rows.push({
      label: lbl,
      key: labelKey(lbl),
      index: r,
      value: v,
      location,
      extra,
      prior,
      notApplicable,
    });
  });
  // The breakdown's total is complete or absent (totals.ts): one blank row leaves it without a figure.
  const total = completeSum(rows.map((r) => r.value));
  return instance({ value: { value: total, location: at(0, 1) }, prior: [], rows, text: "" });
}
