/**
 * docs/metrics.md, generated from the dictionary: the contract a user builds a workbook against.
 * Pure (returns the text); scripts/gen-metrics-doc.ts writes it, a test keeps the file current.
 */
import { KPI_CATALOG } from "./catalog";
import { FACTOR_TABLE_COLUMNS } from "./factors";
import { CONFIG_NAMES, METRICS, unitNameOf, type MetricDef } from "./metrics";
import { defaultEngineOptions, SETTING_KEYS } from "./options";

const esc = (s: string): string => s.replace(/\|/g, "\\|");

function layoutText(m: MetricDef): string {
  if (m.layout === "single") return "one cell; prior years to its right";
  const extra = m.extra?.length ? ` \\| ${m.extra.map((e) => e.en.toLowerCase()).join(" \\| ")}` : "";
  return `rows: label \\| figure${extra} \\| prior years…`;
}

export function metricsMarkdown(): string {
  const lines: string[] = [
    "# Metrics: the named ranges a workbook holds",
    "",
    "Generated from `src/esg/metrics.ts` by `npm run docs:metrics`; do not edit by hand.",
    "",
    "Each metric is read from a defined name (Formulas › Name Manager). The name is the default below unless the",
    `workbook's \`${CONFIG_NAMES.mapping}\` table maps the metric to the group's own name. A name may be workbook-scoped`,
    "(the group's figure) or sheet-scoped on several site sheets (one figure per site; additive metrics are summed,",
    "and a group figure beside site figures is checked against their sum).",
    "",
    "Layouts:",
    "",
    "- **one cell**: the reporting year's figure; optional cells to its right hold prior years, most recent first",
    "  (used for year-on-year checks and the prior-year column).",
    "- **rows**: one row per group or item: its label, its figure, the metric's text columns (e.g. treatment), then",
    "  optional prior-year figures. Labels are matched across sites and breakdowns ignoring case and spacing.",
    "",
    `A figure is in the canonical unit unless a single-cell name \`<name>_Unit\` (e.g. \`${unitNameOf("Electricity")}\`) states`,
    "another accepted unit. Blank cells are not zero: enter 0 where a figure is zero.",
    "",
    "Totals (the sum of site sheets, of a breakdown's rows, total energy, Scope 1, Scope 2, Scope 1 and 2 and the",
    "intensities over them) are complete or absent, in the reporting year and in each prior year: one part without a",
    "figure leaves the total without one, and a finding names the part and its cell. A number stored as text is read",
    "(with a warning), and the tables then write the figures over it as values, saying so in the sheet's notes.",
    "",
    "Stated figures (`…_Stated`) are what the report says, checked against the counts. A stated cell may keep the",
    "report's qualifier as text: `more than 89%`, `at least 90%`, `about 7%`, `less than 5%`, `at most 5%`, `超過89%`,",
    "`逾89%`, `約7%`, `少於5%`, `89%以上`; the check judges the statement as stated. A stated figure with no counts",
    "behind it is noted as one that cannot be verified from the workbook.",
    "",
    "| metric id | default name | label | 中文 | unit | accepted units | layout | HKEX KPI | checks |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const m of METRICS) {
    const checks = [
      m.nonNegative ? "≥ 0" : "",
      m.totalOf ? `Σ rows = ${m.totalOf}` : "",
      m.partOf ? `≤ ${m.partOf}` : "",
      m.stated ? "recomputed from counts" : "",
    ]
      .filter(Boolean)
      .join("; ");
    lines.push(
      `| \`${m.id}\` | \`${m.defaultName}\` | ${esc(m.label.en)} | ${esc(m.label["zh-HK"])} | ${m.unit || "text"} | ${esc(m.acceptedUnits.filter(Boolean).join(", ") || "—")} | ${layoutText(m)} | ${m.kpis.join(", ") || "—"} | ${checks} |`,
    );
  }
  lines.push(
    "",
    "Usual row labels (a workbook may use its own):",
    "",
    ...METRICS.filter((m) => m.rowLabels?.length).map((m) => `- \`${m.defaultName}\`: ${m.rowLabels!.map((l) => `${l.en} / ${l["zh-HK"]}`).join("; ")}`),
    "",
    "## Configuration tables",
    "",
    `- \`${CONFIG_NAMES.mapping}\`: two columns, metric id | the group's own name for it.`,
    `- \`${CONFIG_NAMES.settings}\`: two columns, setting | value. Settings:`,
    "",
    "| setting | default |",
    "|---|---|",
    ...Object.keys(SETTING_KEYS).map((k) => `| \`${k}\` | ${String(defaultEngineOptions[k as keyof typeof defaultEngineOptions])} |`),
    "",
    `- \`${CONFIG_NAMES.factors}\`: a header row, then one factor a row, columns ${FACTOR_TABLE_COLUMNS.map((c) => `\`${c}\``).join(", ")}.`,
    "  A row whose id is a seeded factor's replaces it; any other id adds a factor. Each row needs its source.",
    "",
    "## HKEX KPIs",
    "",
    "| KPI | kind | status | metrics |",
    "|---|---|---|---|",
    ...KPI_CATALOG.map(
      (k) =>
        `| ${k.code} | ${k.kind} | ${k.status} | ${
          METRICS.filter((m) => m.kpis.includes(k.code))
            .map((m) => `\`${m.defaultName}\``)
            .join(", ") || "—"
        } |`,
    ),
    "",
  );
  return lines.join("\n");
}
