/**
 * docs/metrics.md, generated from the dictionary: the contract a user builds a workbook against.
 * Pure (returns the text); scripts/gen-metrics-doc.ts writes it, a test keeps the file current.
 */
import { KPI_CATALOG } from "./catalog";
import { FACTOR_TABLE_COLUMNS } from "./factor-table";
import { CONFIG_NAMES, METRICS, unitNameOf, type MetricDef } from "./metrics";
import { GRIDS, gridSpellings, PROVINCES } from "./grids";
import { INDUSTRIES } from "./industries";
import { defaultEngineOptions, SETTING_KEYS } from "./options";
import { SEED_FACTORS } from "./factor-data";

/** What a setting means, where its default alone does not say. */
const SETTING_NOTES: Readonly<Record<string, string>> = {
  factorsAsOf:
    "ISO date (YYYY-MM-DD): only factors published by then are used. Blank: the reporting year's end plus five months (31 May), when HKEX requires the ESG report. A prior year uses the factors published by the same date of its own report year. An info finding says when a newer factor exists.",
  industry: `${INDUSTRIES.map((i) => `\`${i.id}\``).join(", ")}: the industry's process emissions (Scope 1 is incomplete without them) and its sector guideline's fuel parameters.`,
  gridYear: "Data year of the grid factors, overriding factorsAsOf (blank: by factorsAsOf).",
};

function gridSection(): string[] {
  const seeded = (key: string) =>
    [...new Set(SEED_FACTORS.filter((f) => f.kind === "grid" && f.key === key && f.dataYear !== null).map((f) => f.dataYear))].sort().join(", ") || "none";
  return [
    "## Power grids and power companies (`GridRegion`)",
    "",
    "Each site's (or the group's) `GridRegion` names the grid or power company its electricity comes from. Case, spaces",
    "and punctuation do not matter; words such as \"grid\", \"power grid\", 電網/电网, 省, 市 and 自治區 may be added, and",
    "English and Chinese may be written together (\"South China 南方電網\") when both name the same grid. A text that names",
    "nothing below is an error at its cell; a blank uses the national average, with a warning, and the table's note says so.",
    "In Excel, the task pane's Data view lists these values for each site whose `GridRegion` is unknown, \"Hong Kong\" or",
    "blank, and writes the one chosen into that cell.",
    "",
    "| grid or company | accepted spellings | factor years seeded |",
    "|---|---|---|",
    ...GRIDS.map((g) => `| ${g.label.en} / ${g.label["zh-HK"]} | ${gridSpellings(g).map(esc).join(", ")} | ${seeded(g.key)} |`),
    "",
    "Hong Kong: a site names its power company (\"Hong Kong\" alone is an error: two companies, two factors). Only the",
    "company's own factor for the year is used; where none is seeded for the year, an error asks for the company's",
    "published figure in `ESG_Factors` (kind `grid`, key `clp` or `hk-electric`, the data year, series `hk-power-company`).",
    "",
    "Mainland provinces and regions read as their regional grid (regional grids of NDRC's regional grid baseline",
    "notices, as listed in the project's grid-factor reference, a secondary source; Sichuan, Chongqing and Tibet read as",
    "Southwest, which the MEE/NBS 2021–2023 tables carry beside Central: inferred, not confirmed; Inner Mongolia reads as",
    "North China — write Northeast for a site in its east):",
    "",
    "| province | 中文 | grid |",
    "|---|---|---|",
    ...PROVINCES.map((p) => `| ${p.en} | ${p.hant} / ${p.hans} | ${GRIDS.find((g) => g.key === p.grid)!.label.en} |`),
    "",
  ];
}

function industrySection(): string[] {
  return [
    "## Industries and process emissions (`industry`)",
    "",
    "| industry | sector guideline series | process emissions expected from |",
    "|---|---|---|",
    ...INDUSTRIES.map((i) => `| \`${i.id}\` (${esc(i.label.en)}) | ${i.guidelines.join(", ") || "—"} | ${i.processMetrics.map((m) => `\`${METRICS.find((x) => x.id === m)?.defaultName ?? m}\``).join(" or ") || "—"} |`),
    "",
    "`DolomiteCalcined` (t) is turned into CO2 at 0.477 t CO2 per t of pure dolomite (stoichiometry of CaMg(CO3)2 →",
    "CaO·MgO + 2 CO2) unless `ESG_Factors` overrides `stoich.process.dolomite`; `ProcessCO2` is taken as stated (and wins",
    "when both are given). Fuels may be stated in energy ('000 kWh, MWh, kWh, GJ) through `<name>_Unit`: the energy is",
    "counted as stated. `Biomass`: energy counted, CO2 biogenic (shown apart from the scopes), CH4 and N2O in Scope 1.",
    "A fuel the factor library cannot convert is an error, and the totals it belongs to are not shown.",
    "",
  ];
}

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
    "| setting | default | meaning |",
    "|---|---|---|",
    ...Object.keys(SETTING_KEYS).map(
      (k) => `| \`${k}\` | ${k === "factorsAsOf" ? "year end + 5 months" : String(defaultEngineOptions[k as keyof typeof defaultEngineOptions])} | ${esc(SETTING_NOTES[k] ?? "")} |`,
    ),
    "",
    `- \`${CONFIG_NAMES.factors}\`: a header row, then one factor a row, columns ${FACTOR_TABLE_COLUMNS.map((c) => `\`${c}\``).join(", ")}.`,
    "  A row whose id is a seeded factor's replaces it; any other id adds a factor. Each row needs its source.",
    "",
    ...gridSection(),
    ...industrySection(),
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
