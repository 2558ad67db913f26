/**
 * KPI figures as a reader expects them, for listings (`esg kpis`, the pane): ratios as percentages
 * (0.07 → "7%"), intensities per unit of currency scaled to per million ("t CO2e/HKD" → per HK$ million,
 * as issuers report them), and small figures with significant digits instead of a run of zeros. The
 * result keeps full precision in the engine; only the reading changes.
 */
export interface ReadableFigure {
  readonly value: number | null;
  readonly unit: string;
  readonly text: string;
}

/** Currencies the dictionary accepts for revenue, and how a report names a million of each. */
const PER_MILLION: Readonly<Record<string, string>> = {
  HKD: "HK$ million",
  RMB: "RMB million",
  CNY: "RMB million",
  USD: "US$ million",
};

/** A number with about `digits` significant digits, thousands grouped, never a non-zero shown as 0. */
export function significant(v: number, digits = 4): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 10 ** digits) return v.toLocaleString("en", { maximumFractionDigits: 0 });
  const decimals = Math.max(0, Math.min(12, digits - 1 - Math.floor(Math.log10(a))));
  return v.toLocaleString("en", { maximumFractionDigits: decimals });
}

export function readable(value: number | null, unit: string): ReadableFigure {
  const perCurrency = /^(.*)\/(HKD|RMB|CNY|USD)$/.exec(unit);
  if (perCurrency) {
    const scaled = value === null ? null : value * 1e6;
    const u = `${perCurrency[1]}/${PER_MILLION[perCurrency[2]]}`;
    return { value: scaled, unit: u, text: scaled === null ? "—" : significant(scaled) };
  }
  if (unit === "%") {
    const pct = value === null ? null : value * 100;
    return { value: pct, unit: "%", text: pct === null ? "—" : `${significant(pct, 3)}%` };
  }
  return { value, unit, text: value === null ? "—" : significant(value) };
}
