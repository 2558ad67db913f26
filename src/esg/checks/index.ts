/**
 * Cross-checks over a snapshot and its KPIs: breakdowns against totals, parts against wholes, site
 * sheets against group figures, stated ratios against the counts they come from (stated.ts), year-on-year
 * jumps, turnover over 100%, and KPIs with no data. Cell-level problems were found by snapshot/.
 * Checks never throw: every figure they read is a number or null.
 */
import { KPI_CATALOG } from "../catalog";
import { breakdownGap, yoyChange } from "../formulas";
import { effectiveTurnoverMethod, KpiContext, trainedTotal } from "../kpis";
import { KPI_ID } from "../kpis/ids";
import { finding } from "../messages";
import { METRICS } from "../metrics";
import type { EngineOptions } from "../options";
import { findRow, type Snapshot } from "../snapshot";
import type { Bilingual, Finding, KpiResult } from "../types";
import { fmt, pct, rowLabel, where } from "./shared";
import { statedRatios } from "./stated";

export { inputRounding, statedTolerance, type StatedFigure } from "./stated";

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

/** yoy.change: figures that moved more than the tolerance against the prior-year column. */
function yearOnYear(s: Snapshot, o: EngineOptions): Finding[] {
  const out: Finding[] = [];
  const tolerance = `${Math.round(o.yoyTolerance * 100)}%`;
  for (const mv of s.metrics.values()) {
    const m = mv.metric;
    if (m.dimension === "year" || m.dimension === "text") continue;
    // The label of a row is built only for a row that jumped: a long breakdown has 100,000 rows (issue 15).
    const series: Array<{ label: () => Bilingual; value: number | null; prior: number | null; location: string | null }> =
      m.layout === "single"
        ? [{ label: () => m.label, value: mv.value, prior: mv.prior[0] ?? null, location: mv.group?.value.location ?? mv.sites[0]?.value.location ?? null }]
        : mv.rows
            .filter((r) => r.value !== null && (r.prior[0]?.value ?? null) !== null)
            .map((r) => ({ label: () => rowLabel(m, r.label), value: r.value, prior: r.prior[0]?.value ?? null, location: r.location }));
    for (const x of series) {
      if (x.value === null || x.prior === null) continue;
      const ch = yoyChange(x.value, x.prior);
      const jumped = ch.ok ? Math.abs(ch.value) > o.yoyTolerance : x.value !== 0;
      if (!jumped) continue;
      out.push(
        finding("yoy.change", where(m, x.location), {
          label: x.label(),
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
  // Part D's Scope 1 and 2 are the figures A1.2 computes. One pass: a long breakdown has 100,000 results.
  const partD = new Map<string, string>([
    [KPI_ID.scope1, "D.scope1"],
    [KPI_ID.scope2, "D.scope2"],
  ]);
  const withData = new Set<string>();
  for (const k of kpis) {
    if (k.value === null && !k.incomplete?.some((i) => i.year === -1)) continue;
    withData.add(k.kpi);
    const d = partD.get(k.id);
    if (d) withData.add(d);
  }
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
