/**
 * A synthetic group (made-up figures, labelled as such in the workbook): one sheet per site holding the
 * same sheet-scoped names, which the engine adds up. Figures come from a seeded generator, so the file
 * is reproducible; `full` fills every numeric metric (the 200-site benchmark workbook, 10,000+ names).
 */
import { METRICS } from "../src/esg/metrics";
import { dataSheet, instructionsSheet, type MetricInput } from "../src/cli/template/layout";
import type { SheetModel } from "../src/esg/types";

/** Park–Miller minimal standard generator: deterministic, no dependency. */
function generator(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

const SUBSET = [
  "production",
  "electricity",
  "coal",
  "diesel",
  "water",
  "headcount",
  "headcount_gender",
  "trained_category",
  "training_hours_category",
  "non_hazardous_waste",
];

function siteValues(site: number, full: boolean): Record<string, MetricInput> {
  const rnd = generator(site * 7919 + 17);
  const n = (lo: number, hi: number): number => Math.round(lo + rnd() * (hi - lo));
  const headcount = n(40, 400);
  const female = Math.round(headcount * (0.15 + rnd() * 0.2));
  const managers = Math.round(headcount * 0.1);
  const out: Record<string, MetricInput> = {};
  for (const m of METRICS) {
    if (!full && !SUBSET.includes(m.id)) continue;
    if (m.dimension === "text" || m.stated || m.id === "reporting_year") continue;
    if (m.id === "headcount") out[m.id] = { value: headcount, prior: [headcount - n(0, 20)] };
    else if (m.id === "headcount_gender")
      out[m.id] = {
        rows: [
          { label: "Female", value: female },
          { label: "Male", value: headcount - female },
        ],
      };
    else if (m.id === "trained_category")
      out[m.id] = {
        rows: [
          { label: "Managers and senior management", value: managers },
          { label: "General staff", value: headcount - managers - n(0, 10) },
        ],
      };
    else if (m.id === "training_hours_category")
      out[m.id] = {
        rows: [
          { label: "Managers and senior management", value: managers * 6 },
          { label: "General staff", value: (headcount - managers) * 8 },
        ],
      };
    else if (m.layout === "rows") {
      const labels = m.rowLabels?.map((l) => l.en) ?? ["Item 1", "Item 2"];
      const extra = m.extra ? ["Synthetic treatment 合成"] : undefined;
      // People breakdowns must add up to the headcount; other rows are free.
      const values =
        m.breakdown && m.unit === "person"
          ? split(m.id.startsWith("headcount") ? headcount : Math.round(headcount * 0.1), labels.length, rnd)
          : labels.map(() => n(1, 500));
      out[m.id] = {
        rows: labels.map((label, i) => ({ label, value: values[i], ...(extra ? { extra } : {}) })),
      };
    } else
      out[m.id] = {
        value: n(m.unit === "person" ? 0 : 100, m.unit === "person" ? 20 : 1_000_000),
        prior: [n(100, 1_000_000)],
      };
  }
  return out;
}

function split(total: number, parts: number, rnd: () => number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < parts - 1; i++) {
    const v = Math.round(left * (0.3 + rnd() * 0.4));
    out.push(v);
    left -= v;
  }
  out.push(left);
  return out;
}

/** Instructions, then one data sheet per site; every site's names are scoped to its sheet. */
export function syntheticSitesModels(sites: number, full = false): SheetModel[] {
  const models: SheetModel[] = [instructionsSheet()];
  for (let i = 1; i <= sites; i++) {
    const name = `Site ${String(i).padStart(sites >= 100 ? 3 : 2, "0")} (synthetic)`;
    models.push(
      dataSheet({
        values: siteValues(i, full),
        onlyGiven: true,
        dataSheet: name,
        title: `SYNTHETIC DATA — not a real company 合成數據——並非真實公司 (${name})`,
      }),
    );
  }
  return models;
}

/** Sheets whose names are scoped to themselves (every site sheet). */
export function siteSheets(models: readonly SheetModel[]): Set<string> {
  return new Set(models.filter((m) => m.name.startsWith("Site ")).map((m) => m.name));
}
