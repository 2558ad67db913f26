/** What the checks share: how a finding names a figure's row and cell, and how it shows numbers. */
import type { MetricDef } from "../metrics";
import type { Bilingual } from "../types";

export const rowLabel = (m: MetricDef, row: string): Bilingual => ({ en: `${m.label.en} — ${row}`, "zh-HK": `${m.label["zh-HK"]}——${row}` });
export const fmt = (x: number): string => (Number.isInteger(x) ? x.toLocaleString("en") : Number(x.toPrecision(6)).toLocaleString("en", { maximumFractionDigits: 4 }));
export const pct = (x: number): string => `${Number((x * 100).toPrecision(4))}%`;
export const where = (m: MetricDef, location: string | null) => ({ metric: m.id, kpi: m.kpis[0] ?? null, location });
