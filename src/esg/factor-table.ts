/** The workbook's ESG_Factors table applied over the seeded factor library, with findings for bad rows. */
import { locate } from "../sheet-ref";
import { BASE_LIBRARY, rowsFromTable, withOverrides, type FactorLibrary } from "./factors";
import { CONFIG_NAMES } from "./metrics";
import type { Finding, WorkbookRead } from "./types";

export function workbookFactorLibrary(read: WorkbookRead): { library: FactorLibrary; findings: Finding[] } {
  const item = read.names.find((n) => n.scope === null && n.name.toUpperCase() === CONFIG_NAMES.factors.toUpperCase());
  if (!item?.values) return { library: BASE_LIBRARY, findings: [] };
  const { rows } = rowsFromTable(item.values);
  const { library, problems } = withOverrides(BASE_LIBRARY, rows);
  const findings: Finding[] = problems.map((p) => ({
    rule: "factor.invalid",
    severity: p.severity,
    metric: null,
    kpi: "A1.2",
    // Row 0 of the problems is the first row under the header.
    location: locate(item.sheet, item.address, p.row + 1, 0),
    message: {
      en: `${CONFIG_NAMES.factors} row ${p.row + 2}: ${p.message.en}`,
      "zh-HK": `${CONFIG_NAMES.factors} 第 ${p.row + 2} 行：${p.message["zh-HK"]}`,
    },
    hint: {
      en: "Columns: id, value, unit, gas, kind, key, source, published, data year, geography, series (docs/metrics.md).",
      "zh-HK": "欄位：id、value、unit、gas、kind、key、source、published、data year、geography、series（見 docs/metrics.md）。",
    },
  }));
  return { library, findings };
}
