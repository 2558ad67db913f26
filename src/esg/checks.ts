/**
 * Cross-checks over a snapshot and its KPIs: breakdowns against totals, parts against wholes, site
 * sheets against group figures, stated ratios against the counts they come from, year-on-year
 * jumps, turnover over 100%, and KPIs with no data. Cell-level problems were found by snapshot.ts.
 * Checks never throw: every figure they read is a number or null.
 */
import { KPI_CATALOG } from "./catalog";
import { breakdownGap, share, yoyChange } from "./formulas";
import { effectiveTurnoverMethod, hoursTotal, KpiContext, trainedTotal } from "./kpis";
import { finding } from "./messages";
import { METRICS, STATED_INTENSITIES, type MetricDef } from "./metrics";
import type { QualifierKind, StatedQualifier } from "./coerce";
import type { EngineOptions } from "./options";
import { findRow, type MetricValue, type Snapshot } from "./snapshot";
import type { Bilingual, Finding, KpiResult } from "./types";
import { KPI_ID } from "./kpis/ids";

const rowLabel = (m: MetricDef, row: string): Bilingual => ({ en: `${m.label.en} — ${row}`, "zh-HK": `${m.label["zh-HK"]}——${row}` });
const fmt = (x: number): string => (Number.isInteger(x) ? x.toLocaleString("en") : Number(x.toPrecision(6)).toLocaleString("en", { maximumFractionDigits: 4 }));
const pct = (x: number): string => `${Number((x * 100).toPrecision(4))}%`;
const where = (m: MetricDef, location: string | null) => ({ metric: m.id, kpi: m.kpis[0] ?? null, location });

/** breakdown.sum: each breakdown against its total, in the reporting year and every prior-year column. */
function breakdownSums(s: Snapshot, o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  for (const mv of s.metrics.values()) {
    const m = mv.metric;
    if (m.layout !== "rows" || !m.totalOf) continue;
    const total = s.metrics.get(m.totalOf);
    if (!total) continue;
    const years = [-1, ...total.prior.map((_, i) => i)];
    for (const y of years) {
      const t = y < 0 ? total.value : total.prior[y];
      const parts = mv.rows.map((r) => (y < 0 ? r.value : (r.prior[y]?.value ?? null))).filter((v): v is number => v !== null);
      if (t === null || t === undefined || parts.length === 0) continue;
      const gap = breakdownGap(t, parts);
      if (gap.ok && Math.abs(gap.value) > o.breakdownTolerance) {
        const sum = t - gap.value;
        out.push(
          finding("breakdown.sum", where(m, mv.sources[0]?.location ?? null), {
            label: y >= 0 ? { en: `${m.label.en} (${y + 1} year(s) before)`, "zh-HK": `${m.label["zh-HK"]}（${y + 1}年前）` } : m.label,
            sum: fmt(sum),
            total: fmt(t),
            gap: fmt(-gap.value),
          }),
        );
      }
    }
  }
  return out;
}

/** breakdown.part-exceeds: leavers or trained above headcount, recalls above sales; row by row for breakdowns. */
function partsWithinWholes(s: Snapshot, o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  for (const mv of s.metrics.values()) {
    const m = mv.metric;
    if (!m.partOf) continue;
    const whole = s.metrics.get(m.partOf);
    if (!whole) continue;
    if (m.layout === "single") {
      if (mv.value !== null && whole.value !== null && mv.value > whole.value)
        out.push(
          finding("breakdown.part-exceeds", where(m, mv.group?.value.location ?? mv.sources[0]?.location ?? null), {
            label: m.label,
            part: fmt(mv.value),
            whole: fmt(whole.value),
            wholeLabel: whole.metric.label.en.toLowerCase(),
            wholeLabelZh: whole.metric.label["zh-HK"],
          }),
        );
      continue;
    }
    for (const r of mv.rows) {
      const w = findRow(whole.rows, r.key);
      if (!w || r.value === null || w.value === null || r.value <= w.value) continue;
      out.push(
        finding("breakdown.part-exceeds", where(m, r.location), {
          label: rowLabel(m, r.label),
          part: fmt(r.value),
          whole: fmt(w.value),
          wholeLabel: `${whole.metric.label.en.toLowerCase()} (${w.label})`,
          wholeLabelZh: `${whole.metric.label["zh-HK"]}（${w.label}）`,
        }),
      );
    }
  }
  // Trained in total (when only breakdowns are given) against headcount.
  const c = new KpiContext(s, o);
  const trained = trainedTotal(c);
  const head = s.metrics.get("headcount");
  if (!s.metrics.get("trained") && trained !== null && head?.value != null && trained > head.value) {
    const src = s.metrics.get("trained_category") ?? s.metrics.get("trained_gender");
    out.push(
      finding("breakdown.part-exceeds", { metric: src?.metric.id ?? "trained", kpi: "B3.1", location: src?.sources[0]?.location ?? null }, {
        label: { en: "Employees trained", "zh-HK": "受訓僱員人數" },
        part: fmt(trained),
        whole: fmt(head.value),
        wholeLabel: "employees at year end",
        wholeLabelZh: "年末僱員人數",
      }),
    );
  }
  return out;
}

/** sites.sum: a group figure next to site sheets must be their sum. */
function siteSums(s: Snapshot, o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  for (const mv of s.metrics.values()) {
    const m = mv.metric;
    if (!m.additive || !mv.group || mv.sites.length === 0 || mv.group.value.value === null) continue;
    const parts = mv.sites.map((x) => x.value.value).filter((v): v is number => v !== null);
    if (parts.length === 0) continue;
    const gap = breakdownGap(mv.group.value.value, parts);
    if (gap.ok && Math.abs(gap.value) > o.breakdownTolerance)
      out.push(
        finding("sites.sum", where(m, mv.group.value.location), {
          label: m.label,
          total: fmt(mv.group.value.value),
          sum: fmt(mv.group.value.value - gap.value),
        }),
      );
  }
  return out;
}

/**
 * Half a unit of the last digit the statement shows: "89%" allows 88.5–89.5%, "8 hours" 7.5–8.5.
 * A stated figure is taken at the precision it is written with (at most 4 decimals).
 */
export function statedTolerance(stated: number, asPercent: boolean): number {
  const shown = asPercent ? stated * 100 : stated;
  let decimals = 0;
  while (decimals < 4 && Math.abs(Math.round(shown * 10 ** decimals) - shown * 10 ** decimals) > 1e-9) decimals++;
  const half = 0.5 * 10 ** -decimals;
  return asPercent ? half / 100 : half;
}

const QUALIFIER_WORDS: Readonly<Record<QualifierKind, Bilingual>> = {
  "more-than": { en: "more than ", "zh-HK": "超過" },
  "at-least": { en: "at least ", "zh-HK": "至少" },
  about: { en: "about ", "zh-HK": "約" },
  "less-than": { en: "less than ", "zh-HK": "少於" },
  "at-most": { en: "at most ", "zh-HK": "不超過" },
};

/** A stated figure as the report states it: its value, its qualifier if any, and its cell. */
export interface StatedFigure {
  readonly value: number;
  readonly qualifier: StatedQualifier | null;
  readonly location: string | null;
}

/** The stated figure of a single-layout metric (the group's cell, else its only site's). */
function statedSingle(mv: MetricValue | undefined): StatedFigure | null {
  const inst = mv?.group ?? mv?.sites[0];
  if (!inst || inst.value.value === null) return null;
  return { value: inst.value.value, qualifier: inst.qualifiers.get("0,0") ?? null, location: inst.value.location };
}

/** The stated figures of a rows-layout metric, row by row. */
function statedRows(mv: MetricValue | undefined): Array<StatedFigure & { key: string; label: string }> {
  const inst = mv?.group ?? mv?.sites[0];
  if (!inst) return [];
  return inst.rows
    .filter((r) => r.value !== null)
    .map((r) => ({ key: r.key, label: r.label, value: r.value!, qualifier: inst.qualifiers.get(`${r.index},1`) ?? null, location: r.location }));
}

/** The statement as written, in each language: "more than 89%" / "超過89%". */
function quoted(st: StatedFigure, asPercent: boolean): Bilingual {
  const figure = asPercent ? pct(st.value) : fmt(st.value);
  if (!st.qualifier) return { en: figure, "zh-HK": figure };
  const w = QUALIFIER_WORDS[st.qualifier.kind];
  return { en: `${w.en}${figure}`, "zh-HK": `${w["zh-HK"]}${figure}` };
}

/**
 * What the rounding of the printed inputs allows on a figure computed from them: half a unit of each
 * non-integer input's last decimal, relative to the input, carried to the result. Counts are exact.
 */
export function inputRounding(computed: number, inputs: readonly number[]): number {
  let rel = 0;
  for (const x of inputs) {
    if (Number.isInteger(x) || x === 0) continue;
    rel += statedTolerance(x, false) / Math.abs(x);
  }
  return Math.abs(computed) * rel;
}

/**
 * A stated figure judged as stated. Without a qualifier it must match the counts within the rounding
 * of the statement (and of the printed inputs). "More than" / "at least" hold when the counts are not
 * below it; "less than" / "at most" when not above; "about" within twice the rounding. A statement that
 * holds but is far from the figure is an info that it under- or overstates it, never a mismatch.
 */
function judgeStated(
  m: MetricDef,
  label: Bilingual,
  st: StatedFigure,
  computed: number,
  asPercent: boolean,
  formula: { en: string; zh: string },
  inputs: readonly number[] = [],
): Finding | null {
  const tol = statedTolerance(st.value, asPercent) + inputRounding(computed, inputs) + 1e-12;
  const show = asPercent ? pct : (x: number) => `${Number(x.toPrecision(4))}`;
  const params = { label, stated: quoted(st, asPercent), computed: show(computed), formula: formula.en, formulaZh: formula.zh };
  const w = where(m, st.location);
  const d = computed - st.value;
  const kind = st.qualifier?.kind;
  if (kind === undefined) return Math.abs(d) <= tol ? null : finding("ratio.mismatch", w, params);
  if (kind === "about") return Math.abs(d) <= 2 * tol ? null : finding("ratio.qualified-false", w, params);
  const above = kind === "more-than" || kind === "at-least";
  const holds = above ? d >= -tol : d <= tol;
  if (!holds) return finding("ratio.qualified-false", w, params);
  if (Math.abs(d) <= tol) return null;
  return finding("ratio.qualified", w, { ...params, how: above ? "understates" : "overstates", howZh: above ? "低估" : "高估" });
}

/** stated.unverifiable: a stated figure with no counts behind it in the workbook. */
function unverifiable(m: MetricDef, st: StatedFigure, asPercent: boolean, needs: Bilingual, names: string, label: Bilingual = m.label): Finding {
  return finding("stated.unverifiable", where(m, st.location), { label, stated: quoted(st, asPercent), needs: needs.en, needsZh: needs["zh-HK"], names });
}

/** The share interval a qualified statement allows, as fractions of the whole. */
function shareInterval(st: StatedFigure): [number, number] {
  const tol = statedTolerance(st.value, true);
  switch (st.qualifier?.kind) {
    case "more-than":
    case "at-least":
      return [st.value - tol, 1];
    case "less-than":
    case "at-most":
      return [0, st.value + tol];
    case "about":
      return [st.value - 2 * tol, st.value + 2 * tol];
    default:
      return [st.value - tol, st.value + tol];
  }
}

const FEMALE = /^(female|women|woman|f|女)/i;
const MALE = /^(male|men|man|m|男)/i;

/**
 * ratio.implied-count: a stated share of the trained implies counts. "Women are 17% of the 328
 * trained" means 55–57 women and so 271–273 men trained: more than 270 male employees is impossible.
 */
function impliedCounts(s: Snapshot, st: StatedFigure, trained: number, m: MetricDef): Finding[] {
  const heads = s.metrics.get("headcount_gender")?.rows ?? [];
  const women = heads.find((r) => FEMALE.test(r.key) && !MALE.test(r.key));
  const men = heads.find((r) => MALE.test(r.key));
  const [lo, hi] = shareInterval(st);
  const wMin = Math.max(0, Math.ceil(lo * trained - 1e-9));
  const wMax = Math.min(trained, Math.floor(hi * trained + 1e-9));
  const out: Finding[] = [];
  const params = (implied: number, who: Bilingual, limit: number, limitWho: Bilingual, at: string | null) => ({
    label: m.label,
    stated: quoted(st, true),
    base: fmt(trained),
    implied: fmt(implied),
    who: who.en,
    whoZh: who["zh-HK"],
    limit: fmt(limit),
    limitWho: limitWho.en,
    limitWhoZh: limitWho["zh-HK"],
    limitWhere: at ?? "Headcount_Gender",
  });
  if (men?.value != null && trained - wMax > men.value)
    out.push(
      finding(
        "ratio.implied-count",
        where(m, st.location),
        params(trained - Math.round(st.value * trained), { en: "men trained", "zh-HK": "受訓男性" }, men.value, { en: "male employees", "zh-HK": "男性僱員" }, men.location),
      ),
    );
  if (women?.value != null && wMin > women.value)
    out.push(
      finding(
        "ratio.implied-count",
        where(m, st.location),
        params(Math.round(st.value * trained), { en: "women trained", "zh-HK": "受訓女性" }, women.value, { en: "female employees", "zh-HK": "女性僱員" }, women.location),
      ),
    );
  return out;
}

/** ratio.* and stated.unverifiable: the report's stated figures against the counts they come from (B1.2, B3.1, B3.2, intensities). */
function statedRatios(s: Snapshot, kpis: readonly KpiResult[], o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  const c = new KpiContext(s, o);
  const loc = (mv: MetricValue | undefined): string | null => mv?.group?.value.location ?? mv?.sites[0]?.value.location ?? null;
  const push = (f: Finding | null) => f && out.push(f);
  const result = (id: string) => kpis.find((k) => k.id === id);
  const name = (id: string) => s.names.get(id) ?? id;

  const turnover = s.metrics.get("turnover_rate_stated");
  const turnoverSt = statedSingle(turnover);
  const computedTurnover = result(KPI_ID.turnover)?.value ?? null;
  if (turnover && turnoverSt) {
    if (computedTurnover !== null)
      push(judgeStated(turnover.metric, turnover.metric.label, turnoverSt, computedTurnover, true, { en: "leavers ÷ headcount", zh: "流失人數 ÷ 僱員人數" }));
    else push(unverifiable(turnover.metric, turnoverSt, true, { en: "leavers", "zh-HK": "流失人數" }, name("leavers")));
  }

  const trainedShare = s.metrics.get("trained_share_stated");
  const trainedShareSt = statedSingle(trainedShare);
  const trained = trainedTotal(c);
  const head = c.value("headcount");
  if (trainedShare && trainedShareSt) {
    const r = trained !== null && head !== null ? share(trained, head) : null;
    if (r?.ok)
      push(
        judgeStated(trainedShare.metric, trainedShare.metric.label, trainedShareSt, r.value, true, {
          en: `${fmt(trained!)} trained ÷ ${fmt(head!)} employees`,
          zh: `受訓 ${fmt(trained!)} 人 ÷ 僱員 ${fmt(head!)} 人`,
        }),
      );
    else push(unverifiable(trainedShare.metric, trainedShareSt, true, { en: "employees trained and headcount", "zh-HK": "受訓人數及僱員人數" }, `${name("trained")}, ${name("headcount")}`));
  }

  const femaleShare = s.metrics.get("trained_female_share_stated");
  const femaleSt = statedSingle(femaleShare);
  const femaleRow = s.metrics.get("trained_gender")?.rows.find((r) => FEMALE.test(r.key) && !MALE.test(r.key));
  if (femaleShare && femaleSt) {
    const r = femaleRow?.value != null && trained !== null ? share(femaleRow.value, trained) : null;
    if (r?.ok)
      push(
        judgeStated(femaleShare.metric, femaleShare.metric.label, femaleSt, r.value, true, {
          en: `${fmt(femaleRow!.value!)} women trained ÷ ${fmt(trained!)} trained`,
          zh: `受訓女性 ${fmt(femaleRow!.value!)} 人 ÷ 受訓 ${fmt(trained!)} 人`,
        }),
      );
    if (trained !== null) out.push(...impliedCounts(s, femaleSt, trained, femaleShare.metric));
    if (!r?.ok && trained === null)
      push(unverifiable(femaleShare.metric, femaleSt, true, { en: "employees trained by gender", "zh-HK": "按性別劃分的受訓人數" }, name("trained_gender")));
  }

  // Stated group rates: a group's own rate (HKEX) or its leavers as a share of total headcount (the
  // reading whose shares add up to the overall rate): either reading is accepted as stated.
  for (const b of ["gender", "age", "region"] as const) {
    const mv = s.metrics.get(`turnover_rate_${b}_stated`);
    for (const st of statedRows(mv)) {
      const label = rowLabel(mv!.metric, st.label);
      const own = result(`B1.2.${b}.${st.key}`)?.value ?? null;
      const ofTotal = result(`B1.2.${b}.${st.key}.share-of-total`)?.value ?? null;
      if (own === null && ofTotal === null) {
        push(unverifiable(mv!.metric, st, true, { en: `leavers in the group ${st.label}`, "zh-HK": `「${st.label}」組別的流失人數` }, name(`leavers_${b}`), label));
        continue;
      }
      const candidates = [own, ofTotal].filter((x): x is number => x !== null);
      const judged = candidates.map((x) => judgeStated(mv!.metric, label, st, x, true, { en: "leavers in the group ÷ headcount (of the group, or in total)", zh: "組別流失人數 ÷（該組別或全體）僱員人數" }));
      if (judged.every((f) => f !== null)) push(judged[0]);
    }
  }
  for (const b of ["gender", "category"] as const) {
    const mv = s.metrics.get(`trained_share_${b}_stated`);
    for (const st of statedRows(mv)) {
      const label = rowLabel(mv!.metric, st.label);
      const t = c.rowValue(`trained_${b}`, st.key);
      const h = c.rowValue(`headcount_${b}`, st.key);
      const candidates = [t !== null && h ? t / h : null, t !== null && trained ? t / trained : null].filter((x): x is number => x !== null);
      if (candidates.length === 0) {
        push(unverifiable(mv!.metric, st, true, { en: `employees trained in the group ${st.label}`, "zh-HK": `「${st.label}」組別的受訓人數` }, name(`trained_${b}`), label));
        continue;
      }
      const judged = candidates.map((x) => judgeStated(mv!.metric, label, st, x, true, { en: "trained in the group ÷ employees in the group (or ÷ all trained)", zh: "組別受訓人數 ÷ 組別僱員人數（或 ÷ 受訓總人數）" }));
      if (judged.every((f) => f !== null)) push(judged[0]);
    }
  }

  // Stated intensities against the KPI they correspond to, allowing for the rounding of the inputs.
  for (const x of STATED_INTENSITIES) {
    const mv = s.metrics.get(x.id);
    const st = statedSingle(mv);
    if (!mv || !st) continue;
    const r = result(x.result);
    if (r?.value == null) {
      push(unverifiable(mv.metric, st, false, { en: `the figures of ${x.result}`, "zh-HK": `${x.result} 的數據` }, r ? r.inputs.map((i) => i.sources[0]?.name ?? i.id).join(", ") : x.result));
      continue;
    }
    push(judgeStated(mv.metric, mv.metric.label, st, r.value, false, { en: r.formula.en, zh: r.formula["zh-HK"] }, r.inputs.map((i) => i.value)));
  }

  // Stated average hours by group against hours ÷ trained of the same group, and the law that an
  // overall average lies between its groups' averages.
  const overall = (() => {
    const h = hoursTotal(c);
    return h !== null && trained !== null && trained > 0 ? h / trained : null;
  })();
  for (const b of ["gender", "category"] as const) {
    const stated = s.metrics.get(`avg_hours_${b}_stated`);
    if (!stated) continue;
    let unverified = 0;
    for (const st of statedRows(stated)) {
      const h = c.rowValue(`training_hours_${b}`, st.key);
      const t = c.rowValue(`trained_${b}`, st.key);
      if (h === null || t === null || t === 0) {
        unverified++;
        continue;
      }
      push(
        judgeStated(stated.metric, rowLabel(stated.metric, st.label), st, h / t, false, {
          en: `${fmt(h)} hours ÷ ${fmt(t)} trained`,
          zh: `${fmt(h)} 小時 ÷ 受訓 ${fmt(t)} 人`,
        }),
      );
    }
    const rows = statedRows(stated);
    const values = rows.map((r) => r.value);
    if (overall !== null && values.length > 0) {
      const min = Math.min(...values);
      const max = Math.max(...values);
      // A weighted average lies between its groups' averages. The overall figure is compared at one
      // decimal, as reports state averages; the stated group figures are taken as stated.
      const shown = Number(overall.toFixed(1));
      if (shown < min || shown > max)
        out.push(
          finding("ratio.average-outside", where(stated.metric, loc(stated) ?? stated.rows[0]?.location ?? null), {
            label: stated.metric.label,
            min: fmt(min),
            max: fmt(max),
            overall: fmt(Number(overall.toFixed(1))),
          }),
        );
      unverified = 0;
    }
    if (unverified > 0 && rows[0])
      push(
        unverifiable(stated.metric, rows[0], false, { en: `training hours and employees trained by ${b}`, "zh-HK": "按組別劃分的受訓時數及受訓人數" }, `${name(`training_hours_${b}`)}, ${name(`trained_${b}`)}`),
      );
  }
  return out;
}

/** yoy.change: figures that moved more than the tolerance against the prior-year column. */
function yearOnYear(s: Snapshot, o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  const tolerance = `${Math.round(o.yoyTolerance * 100)}%`;
  for (const mv of s.metrics.values()) {
    const m = mv.metric;
    if (m.dimension === "year" || m.dimension === "text") continue;
    const series: Array<{ label: Bilingual; value: number | null; prior: number | null; location: string | null }> =
      m.layout === "single"
        ? [{ label: m.label, value: mv.value, prior: mv.prior[0] ?? null, location: mv.group?.value.location ?? mv.sites[0]?.value.location ?? null }]
        : mv.rows.map((r) => ({ label: rowLabel(m, r.label), value: r.value, prior: r.prior[0]?.value ?? null, location: r.location }));
    for (const x of series) {
      if (x.value === null || x.prior === null) continue;
      const ch = yoyChange(x.value, x.prior);
      const jumped = ch.ok ? Math.abs(ch.value) > o.yoyTolerance : x.value !== 0;
      if (!jumped) continue;
      out.push(
        finding("yoy.change", where(m, x.location), {
          label: x.label,
          change: ch.ok ? `${ch.value > 0 ? "+" : ""}${pct(ch.value)}` : "from 0",
          prior: fmt(x.prior),
          value: fmt(x.value),
          tolerance,
        }),
      );
    }
  }
  return out;
}

/** turnover.closing-used: the average method was chosen but there is no opening headcount, so the closing one is used. */
function turnoverMethodUsed(s: Snapshot, kpis: readonly KpiResult[], o: EngineOptions): Finding[] {
  const total = kpis.find((k) => k.id === KPI_ID.turnover);
  if (!total || o.turnoverMethod !== "average" || effectiveTurnoverMethod(new KpiContext(s, o)) === "average") return [];
  const head = s.metrics.get("headcount");
  return [
    finding("turnover.closing-used", { metric: "headcount", kpi: "B1.2", location: head?.group?.value.location ?? head?.sources[0]?.location ?? null }, {
      label: total.label,
      name: s.names.get("headcount_opening") ?? "Headcount_Opening",
    }),
  ];
}

function turnoverOver100(kpis: readonly KpiResult[]): Finding[] {
  return kpis
    .filter((k) => k.kpi === "B1.2" && !k.id.endsWith(".share-of-total") && k.id !== KPI_ID.turnoverStated && k.value !== null && k.value > 1)
    .map((k) =>
      finding("turnover.over-100", { metric: "leavers", kpi: "B1.2", location: k.inputs[0]?.sources[0]?.location ?? null }, { label: k.label, rate: pct(k.value!) }),
    );
}

/** kpi.no-data: quantitative KPIs with no figure at all: the content index must explain them. */
function kpisWithoutData(s: Snapshot, kpis: readonly KpiResult[]): Finding[] {
  // A KPI whose total is incomplete has data: its total.incomplete finding says what is missing.
  const withData = new Set(kpis.filter((k) => k.value !== null || k.incomplete?.some((i) => i.year === -1)).map((k) => k.kpi));
  if (kpis.some((k) => k.id === KPI_ID.scope1 && k.incomplete?.some((i) => i.year === -1))) withData.add("D.scope1");
  if (kpis.some((k) => k.id === KPI_ID.scope2 && k.incomplete?.some((i) => i.year === -1))) withData.add("D.scope2");
  // Part D's Scope 1 and 2 are the figures A1.2 computes.
  if (kpis.some((k) => k.id === KPI_ID.scope1 && k.value !== null)) withData.add("D.scope1");
  if (kpis.some((k) => k.id === KPI_ID.scope2 && k.value !== null)) withData.add("D.scope2");
  const out: Finding[] = [];
  for (const k of KPI_CATALOG) {
    if (k.kind !== "quantitative" || k.status === "optional" || withData.has(k.code)) continue;
    const names = METRICS.filter((m) => m.kpis.includes(k.code) && !m.stated).map((m) => s.names.get(m.id) ?? m.defaultName);
    out.push(finding("kpi.no-data", { kpi: k.code }, { kpi: k.code, names: names.length ? names.join(", ") : "—" }));
  }
  return out;
}

/**
 * total.incomplete: a total the tables would show with a part missing is absent instead (totals.ts);
 * each missing part is named at its cell. An error in the reporting year (a published figure), a
 * warning for a prior year (shown as "–" while its parts are incomplete).
 */
function incompleteTotals(kpis: readonly KpiResult[]): Finding[] {
  // One finding per missing part and year, naming every total it leaves without a figure.
  const byPart = new Map<string, { year: -1 | 0 | 1; kpi: string; part: { label: Bilingual; location: string | null; why?: Bilingual }; totals: Bilingual[] }>();
  for (const k of kpis)
    for (const { year, parts } of k.incomplete ?? [])
      for (const p of parts) {
        const id = `${year}|${p.location ?? p.label.en}`;
        const entry = byPart.get(id);
        if (entry) {
          if (!entry.totals.some((t) => t.en === k.label.en)) entry.totals.push(k.label);
        } else byPart.set(id, { year, kpi: k.kpi, part: p, totals: [k.label] });
      }
  const none = { en: "", "zh-HK": "" };
  return [...byPart.values()].map(({ year, kpi, part, totals }) =>
    finding(
      "total.incomplete",
      { metric: null, kpi, location: part.location },
      {
        total: { en: totals.map((t) => t.en).join("; "), "zh-HK": totals.map((t) => t["zh-HK"]).join("；") },
        year: year < 0 ? none : { en: ` (${year + 1} year${year > 0 ? "s" : ""} before)`, "zh-HK": `（${year + 1}年前）` },
        part: part.label,
        why: part.why ?? none,
        where: part.location ? { en: ` (cell ${part.location})`, "zh-HK": `（儲存格 ${part.location}）` } : none,
      },
      year < 0 ? "error" : "warning",
    ),
  );
}

export function runChecks(s: Snapshot, kpis: readonly KpiResult[], o: EngineOptions): Finding[] {
  return [
    ...breakdownSums(s, o),
    ...partsWithinWholes(s, o),
    ...siteSums(s, o),
    ...statedRatios(s, kpis, o),
    ...yearOnYear(s, o),
    ...turnoverOver100(kpis),
    ...turnoverMethodUsed(s, kpis, o),
    ...kpisWithoutData(s, kpis),
    ...incompleteTotals(kpis),
  ];
}
