/**
 * The group's configuration kept inside the workbook, so the next user and the command line see it:
 * a hidden, marked sheet "ESG_Config" with tables the engine reads back through defined names —
 * ESG_Mapping (metric id | the group's own name), ESG_Settings (setting | value) and ESG_Disclosures
 * (KPI | status | reason in English and Chinese | where in the report in English and Chinese), the
 * group's own word in the content index (disclosures/statements.ts).
 */
import { cellAddress } from "../sheet-ref";
import { DISCLOSURE_COLUMNS, STATUS_WORD, type DisclosureStatement } from "./disclosures/statements";
import { CONFIG_NAMES, findMetric } from "./metrics";
import { SETTING_KEYS } from "./options";
import type { CellModel, SheetModel } from "./types";

export const CONFIG_SHEET = "ESG_Config";
export const CONFIG_SECTION = "CONFIG";

export interface WorkbookConfig {
  /** metric id → the group's own name (only where it differs from the default). */
  readonly mapping: Readonly<Record<string, string>>;
  /** setting key → value, as text (keys of SETTING_KEYS). */
  readonly settings: Readonly<Record<string, string>>;
  /** The group's content-index statements, one per KPI (absent: none). */
  readonly disclosures?: readonly DisclosureStatement[];
}

/** A statement as the six text cells of its ESG_Disclosures row. */
export function statementCells(s: DisclosureStatement): string[] {
  return [
    s.kpi,
    s.status ? STATUS_WORD[s.status] : "",
    s.reason?.en ?? "",
    s.reason?.["zh-HK"] ?? "",
    s.where?.en ?? "",
    s.where?.["zh-HK"] ?? "",
  ];
}

const text = (row: number, col: number, value: string, style?: string): CellModel => ({ row, col, value, text: true, ...(style ? { style } : {}) });

export function configSheet(config: WorkbookConfig): SheetModel {
  const mapping = Object.entries(config.mapping).filter(([id, name]) => typeof name === "string" && findMetric(id) && name.trim() !== "" && name !== findMetric(id)!.defaultName);
  const settings = Object.entries(config.settings).filter(([k]) => Object.hasOwn(SETTING_KEYS, k));
  const cells: CellModel[] = [
    text(0, 0, "ESG add-in configuration 設定（由增益集寫入；可於此修改）", "title"),
    text(1, 0, "Mapping: metric id → the workbook's own name 指標對應：指標編號 → 本活頁簿名稱", "note"),
    text(2, 0, "metric id 指標編號", "header"),
    text(2, 1, "name 名稱", "header"),
  ];
  // A table needs at least one row for its name to be a range: an empty one holds a blank row.
  const mapRows = mapping.length ? mapping : [["", ""]];
  mapRows.forEach(([id, name], i) => cells.push(text(3 + i, 0, id), text(3 + i, 1, name)));
  const settingsTop = 3 + mapRows.length + 2;
  cells.push(text(settingsTop - 1, 0, "setting 設定", "header"), text(settingsTop - 1, 1, "value 數值", "header"));
  const setRows = settings.length ? settings : [["", ""]];
  setRows.forEach(([k, v], i) => cells.push(text(settingsTop + i, 0, k), text(settingsTop + i, 1, v)));
  const range = (top: number, n: number, width = 2) => `${cellAddress(top, 0)}:${cellAddress(top + n - 1, width - 1)}`;
  const disclosuresTop = settingsTop + setRows.length + 2;
  DISCLOSURE_COLUMNS.forEach((h, c) => cells.push(text(disclosuresTop - 1, c, `${h.en} ${h["zh-HK"]}`, "header")));
  const statementRows = (config.disclosures ?? []).map(statementCells);
  const disRows = statementRows.length ? statementRows : [DISCLOSURE_COLUMNS.map(() => "")];
  disRows.forEach((row, i) => row.forEach((v, c) => cells.push(text(disclosuresTop + i, c, v))));
  return {
    name: CONFIG_SHEET,
    section: CONFIG_SECTION,
    language: "both",
    font: { name: "Microsoft JhengHei", size: 10 },
    columns: [34, 34, 40, 40, 30, 30],
    cells,
    merges: [],
    styles: {
      title: { font: { bold: true, size: 12 } },
      note: { font: { italic: true, color: "595959" } },
      header: { font: { bold: true }, fill: "D9E1F2", border: { bottom: "thin" } },
    },
    print: { paper: "A4", orientation: "portrait", fitToWidth: true },
    hidden: true,
    definedNames: [
      { name: CONFIG_NAMES.mapping, address: range(3, mapRows.length) },
      { name: CONFIG_NAMES.settings, address: range(settingsTop, setRows.length) },
      { name: CONFIG_NAMES.disclosures, address: range(disclosuresTop, disRows.length, DISCLOSURE_COLUMNS.length) },
    ],
  };
}
