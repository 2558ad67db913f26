/**
 * The HKEX content index: every KPI of the catalog (Part C A1.1–B8.2 and the Part D GHG metrics), once,
 * either "disclosed" with the sheet and cells where its figures are, or "explain" with the reason — no
 * data in the workbook (naming the ranges that would supply it), a narrative KPI to describe in the
 * report text, a section not generated, or not applicable. A KPI counts as disclosed when its figure is
 * in the generated tables (not merely computable); a breakdown without its total is only partly disclosed.
 */
import { KPI_CATALOG, type KpiDef, type KpiStatus } from "../catalog";
import { METRICS } from "../metrics";
import type { Bilingual, Finding, ReportLang, SheetModel } from "../types";
import { columnLetter } from "./cells";
import { nameOf, type BuildContext } from "./context";
import { HEAD, bi, languagesOf, say } from "./labels";
import type { Placement } from "./layout";
import { quoteSheet } from "../../sheet-ref";
import { STYLE } from "./styles";
import { finishSheet, startSheet } from "./sections/common";

export type IndexStatus = "disclosed" | "explain";
export type ExplainReason =
  "no-data" | "narrative" | "partial" | "not-generated" | "not-applicable" | "not-computed";

/** One line of the index, also returned for hosts and tests. */
export interface IndexEntry {
  readonly kpi: KpiDef;
  readonly status: IndexStatus;
  readonly reason: ExplainReason | null;
  /** Sheet-qualified cells, e.g. "'ESG A2 資源使用 Resources'!D6:F9"; empty when not disclosed. */
  readonly where: readonly string[];
  readonly remark: Bilingual;
  readonly findings: readonly Finding[];
}

/** The catalog codes a result's figure discloses: its own KPI, and Part D for the Scope 1 / 2 figures. */
function codesOf(resultId: string, kpi: string): string[] {
  const codes = [kpi];
  if (resultId === "A1.2.scope1" || resultId.startsWith("A1.2.scope1.")) codes.push("D.scope1");
  if (resultId === "A1.2.scope2") codes.push("D.scope2");
  return codes;
}

/** Item or material rows: parts of a total, not the KPI's figure on their own. */
const isPart = (id: string): boolean => /\.(item|material)\./.test(id);

/** Bounding range per sheet of a set of placements: "'Sheet'!C5:D9". */
function describe(places: readonly Placement[]): string[] {
  const bySheet = new Map<string, Placement[]>();
  for (const p of places) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  return [...bySheet.entries()].map(([sheet, ps]) => {
    const top = Math.min(...ps.map((p) => p.row));
    const bottom = Math.max(...ps.map((p) => p.row));
    const left = Math.min(...ps.map((p) => p.col));
    const right = Math.max(...ps.map((p) => p.col));
    const a = `${columnLetter(left)}${top + 1}`;
    const b = `${columnLetter(right)}${bottom + 1}`;
    return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
  });
}

/** Named ranges that would supply a KPI (the dictionary's metrics feeding it), plus Production for an intensity. */
function supplyingNames(ctx: BuildContext, k: KpiDef): string[] {
  const names = METRICS.filter((m) => m.kpis.includes(k.code) && !m.stated).map((m) => nameOf(ctx, m.id));
  if (k.intensityUnit && names.length > 0) names.push(nameOf(ctx, "production"));
  return [...new Set(names)];
}

/** The section sheet a KPI's figures belong to. */
function sectionOf(k: KpiDef): string {
  return k.aspect;
}

export function indexEntries(ctx: BuildContext, generated: ReadonlySet<string>): IndexEntry[] {
  const placed = new Map<string, { head: Placement[]; parts: Placement[] }>();
  for (const [id, places] of ctx.placements) {
    const r = ctx.results.get(id);
    if (!r) continue;
    for (const code of codesOf(id, r.kpi)) {
      const e = placed.get(code) ?? { head: [], parts: [] };
      (isPart(id) ? e.parts : e.head).push(...places);
      placed.set(code, e);
    }
  }
  const year = ctx.snapshot.reportingYear;
  return KPI_CATALOG.map((k): IndexEntry => {
    const findings = ctx.findings.filter((f) => f.kpi === k.code && f.severity !== "info");
    const p = placed.get(k.code);
    const entry = (
      status: IndexStatus,
      reason: ExplainReason | null,
      remark: Bilingual,
      where: string[] = [],
    ): IndexEntry => ({
      kpi: k,
      status,
      reason,
      where,
      remark,
      findings,
    });
    if (p && p.head.length > 0) {
      const remarks: Bilingual[] = [];
      const intensityShown = [...ctx.placements.keys()].some(
        (id) => (id.startsWith(`${k.code}.`) && id.endsWith(".intensity")) || id === `${k.code}.intensity`,
      );
      if (k.intensityUnit && !intensityShown)
        remarks.push(
          bi(
            `Intensity not shown (needs ${nameOf(ctx, "production")}).`,
            `未列示密度（需要 ${nameOf(ctx, "production")}）。`,
          ),
        );
      if (k.withNarrative)
        remarks.push(bi("Describe the narrative part in the report text.", "描述部分請於報告正文說明。"));
      return entry("disclosed", null, join(remarks), describe([...p.head, ...p.parts]));
    }
    if (p && p.parts.length > 0)
      return entry(
        "explain",
        "partial",
        bi(
          `Partly disclosed: items only; the total is not in the tables (named ranges ${supplyingNames(ctx, k).join(", ")}).`,
          `部分披露：只有分項，表內沒有總量（命名範圍 ${supplyingNames(ctx, k).join("、")}）。`,
        ),
        describe(p.parts),
      );
    if (k.code === "A4.1" && year !== null && year >= 2025)
      return entry(
        "explain",
        "not-applicable",
        bi(
          "Not applicable from FY2025: superseded by the Part D climate-related disclosures.",
          "自2025財政年度起不適用：已由D部分氣候相關披露取代。",
        ),
      );
    if (k.kind === "narrative")
      return entry(
        "explain",
        "narrative",
        bi("Narrative KPI: describe it in the report text.", "描述性關鍵績效指標：請於報告正文說明。"),
      );
    if (k.code === "D.scope3")
      return entry(
        "explain",
        "not-computed",
        bi(
          "Scope 3 is not computed by this tool: report it separately or explain.",
          "本工具不計算範圍3：請另行匯報或解釋。",
        ),
      );
    if (!generated.has(sectionOf(k)))
      return entry(
        "explain",
        "not-generated",
        bi(
          `Section ${sectionOf(k)} was not generated (sections setting).`,
          `未生成${sectionOf(k)}部分（sections 設定）。`,
        ),
      );
    const unresolved = [...ctx.results.values()].find(
      (r) => codesOf(r.id, r.kpi).includes(k.code) && r.value === null && r.reason,
    );
    const names = supplyingNames(ctx, k);
    const notYet =
      k.status === "mandatory-from-FY2025" && year !== null && year < 2025
        ? bi(
            " Part D applies to financial years from 1 January 2025.",
            " D部分適用於2025年1月1日或之後開始的財政年度。",
          )
        : bi("", "");
    return entry(
      "explain",
      "no-data",
      bi(
        `No data in the workbook${names.length ? ` (named ranges ${names.join(", ")})` : ""}.${unresolved?.reason ? ` ${unresolved.reason.en}` : ""}${notYet.en}`,
        `工作簿內無數據${names.length ? `（命名範圍 ${names.join("、")}）` : ""}。${unresolved?.reason ? unresolved.reason["zh-HK"] : ""}${notYet["zh-HK"]}`,
      ),
    );
  });
}

function join(parts: readonly Bilingual[]): Bilingual {
  return bi(parts.map((p) => p.en).join(" "), parts.map((p) => p["zh-HK"]).join(""));
}

const REQUIREMENT: Readonly<Record<KpiStatus, Bilingual>> = {
  "comply-or-explain": bi("Comply or explain", "不遵守就解釋"),
  "mandatory-from-FY2025": bi("Mandatory from FY2025", "自2025財政年度起強制披露"),
  optional: bi("Optional", "自願披露"),
};

const STATUS_TEXT: Readonly<Record<IndexStatus, Bilingual>> = {
  disclosed: bi("Disclosed", "已披露"),
  explain: bi("Explain", "解釋"),
};

function findingsText(fs: readonly Finding[], lang: ReportLang): string {
  if (fs.length === 0) return "";
  const errors = fs.filter((f) => f.severity === "error").length;
  const warnings = fs.length - errors;
  const count = bi(
    [
      errors ? `${errors} error${errors > 1 ? "s" : ""}` : "",
      warnings ? `${warnings} warning${warnings > 1 ? "s" : ""}` : "",
    ]
      .filter(Boolean)
      .join(", "),
    [errors ? `${errors}項錯誤` : "", warnings ? `${warnings}項警告` : ""].filter(Boolean).join("、"),
  );
  const first = fs[0].message;
  return lang === "both"
    ? `${count["zh-HK"]}：${first["zh-HK"]}\n${count.en}: ${first.en}`
    : lang === "en"
      ? `${count.en}: ${first.en}`
      : `${count["zh-HK"]}：${first["zh-HK"]}`;
}

/** The content index sheet. */
export function buildContentIndex(
  ctx: BuildContext,
  name: string,
  generated: ReadonlySet<string>,
): { sheet: SheetModel; entries: IndexEntry[] } {
  const entries = indexEntries(ctx, generated);
  const langs = languagesOf(ctx.lang);
  // Code | wording per language | requirement | status | where | reason / remark | findings
  const wordingWidths = langs.map((l) => (l === "en" ? 60 : 44));
  const w = startSheet(ctx, "INDEX", name, [], [10, ...wordingWidths, 16, 12, 34, 56, 44]);
  const heads = [
    say(HEAD.code, ctx.lang),
    ...langs.map((l) => HEAD.wording[l]),
    ...[HEAD.requirement, HEAD.status, HEAD.where, HEAD.reason, HEAD.findings].map((h) => say(h, ctx.lang)),
  ];
  const headRow = w.row++;
  heads.forEach((h, i) => w.put(headRow, i, { value: h, style: STYLE.header }));
  for (const e of entries) {
    const r = w.row++;
    let c = 0;
    w.put(r, c++, { value: e.kpi.code, style: STYLE.label });
    for (const l of langs) w.put(r, c++, { value: e.kpi.wording[l], style: STYLE.text });
    w.put(r, c++, {
      value: say(REQUIREMENT[e.kpi.status], ctx.lang),
      style: e.kpi.status === "mandatory-from-FY2025" ? STYLE.total : STYLE.text,
    });
    w.put(r, c++, {
      value: say(STATUS_TEXT[e.status], ctx.lang, " "),
      style: e.status === "disclosed" ? STYLE.disclosed : STYLE.explain,
    });
    w.put(r, c++, { value: e.where.join("\n"), style: STYLE.text });
    w.put(r, c++, { value: e.remark.en === "" ? "" : say(e.remark, ctx.lang), style: STYLE.text });
    w.put(r, c++, { value: findingsText(e.findings, ctx.lang), style: STYLE.text });
  }
  const notes: Bilingual[] = [
    bi(
      "Disclosed: the KPI's figures are in the generated tables at the cells shown. Explain: give the reason in the report (comply or explain).",
      "已披露：該關鍵績效指標的數據載於所示儲存格。解釋：請於報告內說明原因（不遵守就解釋）。",
    ),
    bi(
      "Part D Scope 1 and Scope 2 greenhouse gas emissions are mandatory for financial years beginning on or after 1 January 2025.",
      "D部分範圍1及範圍2溫室氣體排放自2025年1月1日或之後開始的財政年度起為強制披露。",
    ),
  ];
  return { sheet: finishSheet(ctx, w, notes, "landscape"), entries };
}
