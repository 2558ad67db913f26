/**
 * The report's stated figures judged against the counts they come from (B1.2, B3.1, B3.2, intensities):
 * as stated, with their qualifiers ("more than", "about", 超過 …), within the rounding of the statement.
 * A statement the workbook has no counts for is an info (stated.unverifiable).
 */
import { share } from "../formulas";
import { hoursTotal, KpiContext, trainedTotal } from "../kpis";
import { KPI_ID } from "../kpis/ids";
import { finding } from "../messages";
import { STATED_INTENSITIES, type MetricDef } from "../metrics";
import type { QualifierKind, StatedQualifier } from "../coerce";
import type { EngineOptions } from "../options";
import type { MetricValue, Snapshot } from "../snapshot";
import type { Bilingual, Finding, KpiResult } from "../types";
import { fmt, pct, rowLabel, where } from "./shared";

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
export function statedRatios(s: Snapshot, kpis: readonly KpiResult[], o: EngineOptions): Finding[] {
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

