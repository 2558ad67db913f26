/** Process emissions (the industry's, e.g. the Pidgeon process) and each site's Scope 2 as parts of the totals. */
import { locate } from "../../sheet-ref";
import { formatConstant, siteValueExpr } from "../excel-refs";
import { findFactor, type Factor } from "../factors";
import { HK_POWER_SERIES, scope2Location } from "../ghg";
import { GRIDS, readGrid } from "../grids";
import { industryOf } from "../industries";
import { finding } from "../messages";
import { CONFIG_NAMES, METRICS } from "../metrics";
import type { Instance } from "../snapshot";
import { factorsAsOfFor, keyValueRows } from "../options";
import type { Finding } from "../types";
import { bi } from "../bilingual";
import type { KpiContext, YearIndex } from "./context";
import { KPI_PREFIX } from "./ids";
import { cellOf, hasFigure, instanceCells, instanceValue, PROCESS, type GhgPart } from "./ghg-part";


/** Process emissions: ProcessCO2 as stated, else a process metric × its factor; or a finding when the industry must have them. */
export function processParts(c: KpiContext, findings: Finding[]): GhgPart[] {
  const industry = industryOf(c.options.industry);
  if (c.value("process_co2") !== null) {
    if (PROCESS.some((m) => c.value(m.id) !== null))
      findings.push(
        finding("process.both", { metric: "process_co2", kpi: "A1.2", location: cellOf(c, "process_co2") }),
      );
    return [
      {
        id: `${KPI_PREFIX.scope1ByFuel}process_co2`,
        total: "scope1",
        label: bi("Scope 1 — process emissions", "範圍1——工業過程排放"),
        metric: "process_co2",
        location: cellOf(c, "process_co2"),
        value: (y) => c.value("process_co2", y),
        cells: c.total("process_co2"),
        excel: c.excel("process_co2"),
        factors: [],
      },
    ];
  }
  const out: GhgPart[] = [];
  for (const m of PROCESS) {
    if (c.value(m.id) === null) continue;
    const r = findFactor({ kind: "process", key: m.process! }, c.library);
    const location = cellOf(c, m.id);
    if (!r.ok) {
      const problem = finding(
        "fuel.no-factor",
        { metric: m.id, kpi: "A1.2", location },
        { label: m.label, problem: r.message.en, problemZh: r.message["zh-HK"] },
      );
      out.push({
        id: `${KPI_PREFIX.scope1ByFuel}${m.id}`,
        total: "scope1",
        label: m.label,
        metric: m.id,
        location,
        value: () => null,
        excel: null,
        factors: [],
        problem,
      });
      continue;
    }
    const k = r.factor.value; // t CO2 per t: the metric is kept in t
    out.push({
      id: `${KPI_PREFIX.scope1ByFuel}${m.id}`,
      total: "scope1",
      label: m.label,
      metric: m.id,
      location,
      value: (y) => (c.value(m.id, y) === null ? null : c.value(m.id, y)! * k),
      excel: c.excel(m.id) && `${c.excel(m.id)}*${formatConstant(k)}`,
      factors: [r.factor.id],
    });
  }
  if (out.length === 0 && industry.processMetrics.length > 0) {
    const names = industry.processMetrics
      .map((id) => c.snapshot.names.get(id) ?? METRICS.find((m) => m.id === id)?.defaultName ?? id)
      .join(" / ");
    const problem = finding(
      "process.missing",
      { metric: "process_co2", kpi: "D.scope1", location: settingCell(c, "industry") },
      {
        industry: industry.label.en,
        industryZh: industry.label["zh-HK"],
        process: industry.process!.en,
        processZh: industry.process!["zh-HK"],
        names,
      },
    );
    out.push({
      id: `${KPI_PREFIX.scope1ByFuel}process`,
      total: "scope1",
      label: bi(
        `Process emissions (${industry.process!.en}): not in the workbook`,
        `工業過程排放（${industry.process!["zh-HK"]}）：活頁簿未有數據`,
      ),
      metric: "process_co2",
      location: null,
      value: () => null,
      excel: null,
      factors: [],
      problem,
    });
  }
  return out;
}

/** The cell of a setting in the workbook's ESG_Settings table (where the industry was chosen), if there is one. */
function settingCell(c: KpiContext, key: string): string | null {
  const table = c.snapshot.read.names.find(
    (n) => n.scope === null && n.name.toUpperCase() === CONFIG_NAMES.settings.toUpperCase(),
  );
  const row = keyValueRows(table).find((r) => r.key === key);
  return table && row ? locate(table.sheet, table.address, row.row, 1) : null;
}

const ACCEPTED_GRIDS = GRIDS.map((g) => (g.key === "south" ? "South China" : g.label.en)).join(", ");

/** Scope 2, location-based: each site's electricity at its own grid and the factor that applied to each year. */
export function scope2Parts(c: KpiContext, findings: Finding[]): GhgPart[] {
  const elec = c.metric("electricity");
  const reportingYear = c.snapshot.reportingYear;
  if (!elec || !hasFigure(c, "electricity") || reportingYear === null) return [];
  const grid = c.metric("grid_region");
  const siteGrid = (site: string | null): { text: string; location: string | null } => {
    const s = site !== null ? grid?.sites.find((g) => g.site === site) : undefined;
    const inst = s ?? grid?.group ?? null;
    return { text: inst?.text ?? "", location: inst?.value.location ?? null };
  };
  const bySite: Array<{ site: string | null; inst: Instance | null }> =
    elec.consolidated === "sites"
      ? elec.sites.map((s) => ({ site: s.site, inst: s }))
      : [{ site: null, inst: null }];
  const out: GhgPart[] = [];
  const newerSeen = new Set<string>();
  for (const { site, inst } of bySite) {
    const label =
      site === null
        ? bi("Purchased electricity", "外購電力")
        : bi(`Purchased electricity — ${site}`, `外購電力——${site}`);
    const id = `A1.2.scope2.${site ?? "group"}`;
    const location = inst ? inst.value.location : cellOf(c, "electricity");
    const g = siteGrid(site);
    const kwh = (y: YearIndex): number | null =>
      inst === null ? c.value("electricity", y) : instanceValue(inst, y);
    const broken = (problem: Finding): GhgPart => ({
      id,
      total: "scope2",
      label,
      metric: "electricity",
      location,
      value: () => null,
      excel: null,
      factors: [],
      problem,
    });
    const reading = readGrid(g.text);
    if (!reading.ok && reading.reason !== "blank") {
      const rule = reading.reason === "hong-kong" ? "grid.hong-kong" : "grid.unknown";
      out.push(
        broken(
          finding(
            rule,
            { metric: "grid_region", kpi: "D.scope2", location: g.location },
            { label, text: g.text, accepted: ACCEPTED_GRIDS },
          ),
        ),
      );
      continue;
    }
    if (reading.ok && reading.note)
      findings.push(
        finding(
          "grid.province",
          { metric: "grid_region", kpi: "D.scope2", location: g.location },
          { label, note: reading.note },
        ),
      );
    // No GridRegion cell to point at when the name is absent: the finding names the metric instead.
    if (!reading.ok)
      findings.push(
        finding("grid.blank", { metric: "grid_region", kpi: "D.scope2", location: g.location }, { label }),
      );
    const gridDef = reading.ok ? reading.grid : GRIDS[0];
    // The data year each year index takes, and the date its factors are taken as of.
    const dataYear = (y: YearIndex) => (c.options.gridYear ?? reportingYear) - 1 - y;
    const asOf = (y: YearIndex) =>
      c.options.gridYear === null
        ? factorsAsOfFor(c.options, reportingYear, reportingYear - 1 - y)
        : undefined;
    const factorOf = (y: YearIndex) =>
      scope2Location(
        1,
        {
          grid: g.text,
          year: dataYear(y),
          series: c.options.gridSeries,
          ...(asOf(y) ? { asOf: asOf(y) } : {}),
        },
        c.library,
      );
    const now = factorOf(-1);
    if (!now.ok) {
      const why = asOf(-1)
        ? bi(`none published by ${asOf(-1)}`, `${asOf(-1)}前未有公布`)
        : bi("none in the factor library", "因子庫沒有");
      out.push(
        broken(
          finding(
            "grid.no-factor",
            { metric: "grid_region", kpi: "D.scope2", location: g.location ?? location },
            {
              label,
              grid: gridDef.label.en,
              gridZh: gridDef.label["zh-HK"],
              year: dataYear(-1),
              key: gridDef.key,
              series: gridDef.kind === "hk-company" ? HK_POWER_SERIES : c.options.gridSeries,
              why: why.en,
              whyZh: why["zh-HK"],
            },
          ),
        ),
      );
      continue;
    }
    const k = (y: YearIndex): number | null => {
      const r = y < 0 ? now : factorOf(y);
      return r.ok ? r.result.value : null;
    };
    const newer: Factor | undefined = now.result.newer;
    if (newer && !newerSeen.has(gridDef.key)) {
      newerSeen.add(gridDef.key);
      const used = c.library.factors.find((f) => f.id === now.result.factors[0]);
      findings.push(
        finding(
          "factor.newer",
          { metric: "grid_region", kpi: "D.scope2", location: g.location },
          {
            grid: gridDef.label.en,
            gridZh: gridDef.label["zh-HK"],
            usedYear: now.result.dataYear ?? "—",
            usedValue: used ? `${used.value} ${used.unit}` : "—",
            asOf: asOf(-1) ?? "—",
            newYear: newer.dataYear ?? "—",
            newValue: `${newer.value} ${newer.unit}`,
            newPublished: newer.published,
          },
        ),
      );
    }
    const excelKwh = inst === null ? c.excel("electricity") : siteValueExpr(inst);
    // The factors of the prior years shown too (each the one that applied to its year), for the notes.
    const priorFactors = ([0, 1] as const).flatMap((y) => {
      const r = kwh(y) === null ? null : factorOf(y);
      return r?.ok ? r.result.factors : [];
    });
    out.push({
      id,
      total: "scope2",
      label,
      metric: "electricity",
      location,
      cells: inst === null ? c.total("electricity") : instanceCells(label, inst, excelKwh),
      value: (y) => {
        const e = kwh(y);
        const f = k(y);
        return e === null || f === null ? null : e * f;
      },
      excel: excelKwh && `${excelKwh}*${formatConstant(now.result.value)}`,
      factors: [...new Set([...now.result.factors, ...priorFactors])],
    });
  }
  return out;
}
