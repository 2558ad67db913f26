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
import { METRICS, type MetricDef } from "./metrics";
import type { EngineOptions } from "./options";
import type { MetricValue, Snapshot } from "./snapshot";
import type { Bilingual, Finding, KpiResult } from "./types";

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
      const w = whole.rows.find((x) => x.key === r.key);
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

function ratioMismatch(m: MetricDef, location: string | null, stated: number, computed: number, asPercent: boolean, formula: { en: string; zh: string }): Finding | null {
  if (Math.abs(stated - computed) <= statedTolerance(stated, asPercent) + 1e-12) return null;
  const show = asPercent ? pct : (x: number) => `${Number(x.toPrecision(4))}`;
  return finding("ratio.mismatch", where(m, location), {
    label: m.label,
    stated: show(stated),
    computed: show(computed),
    formula: formula.en,
    formulaZh: formula.zh,
  });
}

/** ratio.mismatch and ratio.average-outside: the report's stated ratios against their counts (B1.2, B3.1, B3.2). */
function statedRatios(s: Snapshot, kpis: readonly KpiResult[], o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  const c = new KpiContext(s, o);
  const loc = (mv: MetricValue | undefined): string | null => mv?.group?.value.location ?? mv?.sites[0]?.value.location ?? null;
  const push = (f: Finding | null) => f && out.push(f);

  const turnover = s.metrics.get("turnover_rate_stated");
  const computedTurnover = kpis.find((k) => k.id === "B1.2.total")?.value ?? null;
  if (turnover?.value != null && computedTurnover !== null)
    push(ratioMismatch(turnover.metric, loc(turnover), turnover.value, computedTurnover, true, { en: "leavers ÷ headcount", zh: "流失人數 ÷ 僱員人數" }));

  const trainedShare = s.metrics.get("trained_share_stated");
  const trained = trainedTotal(c);
  const head = c.value("headcount");
  if (trainedShare?.value != null && trained !== null && head !== null) {
    const r = share(trained, head);
    if (r.ok)
      push(
        ratioMismatch(trainedShare.metric, loc(trainedShare), trainedShare.value, r.value, true, {
          en: `${fmt(trained)} trained ÷ ${fmt(head)} employees`,
          zh: `受訓 ${fmt(trained)} 人 ÷ 僱員 ${fmt(head)} 人`,
        }),
      );
  }

  const femaleShare = s.metrics.get("trained_female_share_stated");
  const femaleRow = s.metrics.get("trained_gender")?.rows.find((r) => /^(female|women|女)/i.test(r.key));
  if (femaleShare?.value != null && femaleRow?.value != null && trained !== null) {
    const r = share(femaleRow.value, trained);
    if (r.ok)
      push(
        ratioMismatch(femaleShare.metric, loc(femaleShare), femaleShare.value, r.value, true, {
          en: `${fmt(femaleRow.value)} women trained ÷ ${fmt(trained)} trained`,
          zh: `受訓女性 ${fmt(femaleRow.value)} 人 ÷ 受訓 ${fmt(trained)} 人`,
        }),
      );
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
    for (const r of stated.rows) {
      const h = c.rowValue(`training_hours_${b}`, r.key);
      const t = c.rowValue(`trained_${b}`, r.key);
      if (r.value === null || h === null || t === null || t === 0) continue;
      push(
        ratioMismatch({ ...stated.metric, label: rowLabel(stated.metric, r.label) }, r.location, r.value, h / t, false, {
          en: `${fmt(h)} hours ÷ ${fmt(t)} trained`,
          zh: `${fmt(h)} 小時 ÷ 受訓 ${fmt(t)} 人`,
        }),
      );
    }
    const values = stated.rows.map((r) => r.value).filter((v): v is number => v !== null);
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
    }
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
  const total = kpis.find((k) => k.id === "B1.2.total");
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
    .filter((k) => k.kpi === "B1.2" && !k.id.endsWith(".share-of-total") && k.id !== "B1.2.stated" && k.value !== null && k.value > 1)
    .map((k) =>
      finding("turnover.over-100", { metric: "leavers", kpi: "B1.2", location: k.inputs[0]?.sources[0]?.location ?? null }, { label: k.label, rate: pct(k.value!) }),
    );
}

/** kpi.no-data: quantitative KPIs with no figure at all: the content index must explain them. */
function kpisWithoutData(s: Snapshot, kpis: readonly KpiResult[]): Finding[] {
  const withData = new Set(kpis.filter((k) => k.value !== null).map((k) => k.kpi));
  // Part D's Scope 1 and 2 are the figures A1.2 computes.
  if (kpis.some((k) => k.id === "A1.2.scope1" && k.value !== null)) withData.add("D.scope1");
  if (kpis.some((k) => k.id === "A1.2.scope2" && k.value !== null)) withData.add("D.scope2");
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
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const k of kpis)
    for (const { year, parts } of k.incomplete ?? [])
      for (const p of parts) {
        const id = `${k.id}|${year}|${p.location ?? p.label.en}`;
        if (seen.has(id)) continue;
        seen.add(id);
        out.push(
          finding(
            "total.incomplete",
            { metric: null, kpi: k.kpi, location: p.location },
            {
              total: k.label,
              year: year < 0 ? { en: "", "zh-HK": "" } : { en: ` (${year + 1} year${year > 0 ? "s" : ""} before)`, "zh-HK": `（${year + 1}年前）` },
              part: p.label,
              why: p.why ?? { en: "", "zh-HK": "" },
              where: p.location ? { en: ` (cell ${p.location})`, "zh-HK": `（儲存格 ${p.location}）` } : { en: "", "zh-HK": "" },
            },
            year < 0 ? "error" : "warning",
          ),
        );
      }
  return out;
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
