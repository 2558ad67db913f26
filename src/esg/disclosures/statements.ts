/**
 * The group's own word in the content index: the workbook table ESG_Disclosures, one row per KPI —
 * KPI | status | reason (English) | reason (中文) | where in the report (English) | where (中文).
 * A status overrides what the index would work out; the reason explains an "Explain" or a "Not
 * applicable"; "where in the report" is the page or section of a narrative KPI. Either language may be
 * left blank (the other is shown). Pure: read from the named item like ESG_Mapping.
 */
import { getKpi } from "../catalog";
import { cellText } from "../coerce";
import { finding } from "../messages";
import { CONFIG_NAMES } from "../metrics";
import type { Bilingual, CellValue, Finding, WorkbookRead } from "../types";

/** What the index can say about a KPI (HKEX comply-or-explain, with the group's narrative and N/A). */
export type IndexStatus = "disclosed" | "partly" | "not-applicable" | "explain" | "narrative";

export interface DisclosureStatement {
  /** Catalog code, e.g. "B4.1", "D.governance". */
  readonly kpi: string;
  /** The group's status, or null to let the index work it out. */
  readonly status: IndexStatus | null;
  readonly reason: Bilingual | null;
  readonly where: Bilingual | null;
}

/** The table's columns, in order (also the header the configuration sheet writes). */
export const DISCLOSURE_COLUMNS: readonly Bilingual[] = [
  { en: "KPI", "zh-HK": "關鍵績效指標" },
  { en: "status", "zh-HK": "狀態" },
  { en: "reason (English)", "zh-HK": "原因（英文）" },
  { en: "reason (Chinese)", "zh-HK": "原因（中文）" },
  { en: "where in the report (English)", "zh-HK": "報告位置（英文）" },
  { en: "where in the report (Chinese)", "zh-HK": "報告位置（中文）" },
];

/** Status words a group may type, in either language (case and spacing ignored). */
const STATUS_WORDS: Readonly<Record<string, IndexStatus>> = {
  disclosed: "disclosed",
  已披露: "disclosed",
  partly: "partly",
  "partly disclosed": "partly",
  部分披露: "partly",
  "n/a": "not-applicable",
  na: "not-applicable",
  "not applicable": "not-applicable",
  不適用: "not-applicable",
  explain: "explain",
  解釋: "explain",
  narrative: "narrative",
  描述: "narrative",
  敘述: "narrative",
};

/** The status a text names, "" for none, or undefined when it names none of them. */
export function parseStatus(text: string): IndexStatus | null | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "") return null;
  return STATUS_WORDS[t];
}

/** The word written back for a status (the table is read by people as well as the engine). */
export const STATUS_WORD: Readonly<Record<IndexStatus, string>> = {
  disclosed: "disclosed",
  partly: "partly",
  "not-applicable": "n/a",
  explain: "explain",
  narrative: "narrative",
};

function both(en: string, zh: string): Bilingual | null {
  if (en === "" && zh === "") return null;
  return { en: en || zh, "zh-HK": zh || en };
}

/** Reads the statements from the rows of the table; a header row ("KPI …") is skipped. */
export function statementsFromRows(rows: readonly (readonly CellValue[])[]): {
  statements: DisclosureStatement[];
  findings: Finding[];
} {
  const statements: DisclosureStatement[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const [code, status, reasonEn, reasonZh, whereEn, whereZh] = [0, 1, 2, 3, 4, 5].map((c) =>
      cellText(row[c]),
    );
    if ([code, status, reasonEn, reasonZh, whereEn, whereZh].every((t) => t === "")) return;
    if (i === 0 && /^(kpi|關鍵績效指標)/i.test(code)) return;
    const bad = (problem: string, problemZh: string) =>
      findings.push(finding("disclosures.invalid", { kpi: null }, { row: i + 1, problem, problemZh }));
    const kpi = getKpi(code);
    if (!kpi) return bad(`"${code}" is not a KPI code`, `「${code}」不是關鍵績效指標編號`);
    const parsed = parseStatus(status);
    if (parsed === undefined)
      return bad(`status "${status}" is not one of the statuses`, `狀態「${status}」無效`);
    if (seen.has(kpi.code)) return bad(`${kpi.code} is listed twice`, `${kpi.code} 重複列出`);
    seen.add(kpi.code);
    statements.push({
      kpi: kpi.code,
      status: parsed,
      reason: both(reasonEn, reasonZh),
      where: both(whereEn, whereZh),
    });
  });
  return { statements, findings };
}

/** The workbook's ESG_Disclosures table (workbook scope), by KPI code. */
export function readStatements(read: WorkbookRead): {
  statements: ReadonlyMap<string, DisclosureStatement>;
  findings: Finding[];
} {
  const item = read.names.find(
    (n) => n.scope === null && n.name.toUpperCase() === CONFIG_NAMES.disclosures.toUpperCase(),
  );
  const { statements, findings } = statementsFromRows(item?.values ?? []);
  return { statements: new Map(statements.map((s) => [s.kpi, s])), findings };
}
