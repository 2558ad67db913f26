/**
 * The HKEX content index, fit to print: every KPI of the rule in force for the reporting year (the ESG
 * Reporting Guide before FY2025; the ESG Reporting Code with Part D from FY2025 — catalog.ruleFor), once,
 * with one status:
 * - Disclosed: the KPI's figure, every breakdown it asks for and (B2.1) each of the three years are in
 *   the generated tables, at the cells shown;
 * - Partly disclosed: some are, and the remark says what is missing;
 * - Not applicable: the group typed "N/A" / "不適用" where the metric's figure goes, or says so in
 *   ESG_Disclosures;
 * - Explain: no figure; the remark is the group's own reason (ESG_Disclosures);
 * - Narrative: a descriptive KPI, with where in the report the group describes it.
 * The group's ESG_Disclosures row overrides the status and supplies reasons and report references.
 * Findings never print here: open errors stay with the entry for the pane and the history, and what the
 * preparer still has to do (a reason, a reference) comes back as info findings.
 */
import { ruleFor, type KpiDef, type RuleInForce } from "../catalog";
import { finding } from "../messages";
import { METRICS, type Breakdown } from "../metrics";
import type { Bilingual, Finding, SheetModel } from "../types";
import { columnLetter } from "./cells";
import type { BuildContext } from "./context";
import { HEAD, bi, languagesOf, say } from "./labels";
import { wrapTo, type Placement } from "./layout";
import { quoteSheet } from "../../sheet-ref";
import { readStatements, type DisclosureStatement, type IndexStatus } from "./statements";
import { STYLE, type StyleKey } from "./styles";
import { finishSheet, startSheet } from "./sections/common";
import { byGroup, fatalitiesId, KPI_ID, KPI_PREFIX } from "../kpis/ids";

export type { IndexStatus } from "./statements";

/** One line of the index, also returned for hosts and tests. */
export interface IndexEntry {
  readonly kpi: KpiDef;
  readonly status: IndexStatus;
  /** Sheet-qualified cells, e.g. "'ESG A2 資源使用 Resources'!D6:F9", then the group's report reference. */
  readonly where: readonly string[];
  /** What the index prints beside the status: what is missing, what does not apply, the group's reason. */
  readonly remark: Bilingual;
  /** What a partly disclosed KPI lacks (breakdowns, years, intensity), for tests and the pane. */
  readonly missing: readonly Bilingual[];
  /** Metrics or rows of the KPI the group marked not applicable. */
  readonly notApplicable: readonly Bilingual[];
  /** Open errors on the KPI: listed in the pane and the history, never in the printed index. */
  readonly findings: readonly Finding[];
}

/** The catalog codes a result's figure discloses: its own KPI, and Part D for the Scope 1 / 2 figures. */
function codesOf(resultId: string, kpi: string): string[] {
  const codes = [kpi];
  if (resultId === KPI_ID.scope1 || resultId.startsWith(KPI_PREFIX.scope1ByFuel)) codes.push("D.scope1");
  if (resultId === KPI_ID.scope2) codes.push("D.scope2");
  return codes;
}

/** Item or material rows: parts of a total, not the KPI's figure on their own. */
const isPart = (id: string): boolean => /\.(item|material)\./.test(id);

/** Bounding range per sheet of a set of placements: "'Sheet'!C5:D9". */
function describe(places: readonly Placement[]): string[] {
  // One pass, no spread: linear in the placements, and no argument-count limit on a 100,000-row breakdown.
  const bySheet = new Map<string, { top: number; bottom: number; left: number; right: number }>();
  for (const p of places) {
    const b = bySheet.get(p.sheet);
    if (!b) bySheet.set(p.sheet, { top: p.row, bottom: p.row, left: p.col, right: p.col });
    else {
      b.top = Math.min(b.top, p.row);
      b.bottom = Math.max(b.bottom, p.row);
      b.left = Math.min(b.left, p.col);
      b.right = Math.max(b.right, p.col);
    }
  }
  return [...bySheet.entries()].map(([sheet, { top, bottom, left, right }]) => {
    const a = `${columnLetter(left)}${top + 1}`;
    const b = `${columnLetter(right)}${bottom + 1}`;
    return `${quoteSheet(sheet)}!${a === b ? a : `${a}:${b}`}`;
  });
}

/**
 * What a quantitative KPI asks for beyond its headline figure (HKEX Appendix C2 wording): the
 * breakdowns ("by gender, employment type, age group and geographical region"), the intensity where
 * the KPI says "in total and intensity" (A2.1, A2.2; A1.2–A1.4 and A2.5 say "where appropriate"), and
 * B2.1's "each of the past three years including the reporting year".
 */
interface Requirement {
  readonly label: Bilingual;
  /** Result ids (prefixes) whose placement satisfies it. */
  readonly results: readonly string[];
  /** A stated breakdown in the workbook also satisfies it (the tables print stated figures as they are). */
  readonly stated?: Breakdown | "single";
}

const BY = {
  gender: bi("gender", "性別"),
  type: bi("employment type", "僱傭類型"),
  age: bi("age group", "年齡組別"),
  region: bi("geographical region", "地區"),
  category: bi("employee category", "僱員類別"),
  intensity: bi("intensity", "密度"),
} as const;

const REQUIRES: Readonly<Record<string, readonly Requirement[]>> = {
  "A1.2": [
    { label: bi("Scope 1", "範圍1"), results: [KPI_ID.scope1] },
    { label: bi("Scope 2", "範圍2"), results: [KPI_ID.scope2] },
  ],
  "A2.1": [{ label: BY.intensity, results: [KPI_ID.energyIntensity] }],
  "A2.2": [{ label: BY.intensity, results: [KPI_ID.waterIntensity] }],
  "B1.1": [
    { label: BY.gender, results: [byGroup("B1.1", "gender")] },
    { label: BY.type, results: [byGroup("B1.1", "employment-type")] },
    { label: BY.age, results: [byGroup("B1.1", "age")] },
    { label: BY.region, results: [byGroup("B1.1", "region")] },
  ],
  "B1.2": [
    { label: BY.gender, results: [byGroup("B1.2", "gender")] },
    { label: BY.age, results: [byGroup("B1.2", "age")] },
    { label: BY.region, results: [byGroup("B1.2", "region")] },
  ],
  "B2.1": [
    { label: bi("the year before last", "前年"), results: [fatalitiesId(2)] },
    { label: bi("the prior year", "上年度"), results: [fatalitiesId(1)] },
    { label: bi("rate", "比率"), results: [KPI_ID.fatalityRate] },
  ],
  "B3.1": [
    { label: BY.gender, results: [byGroup("B3.1", "gender")], stated: "single" },
    { label: BY.category, results: [byGroup("B3.1", "category")] },
  ],
  "B3.2": [
    { label: BY.gender, results: [byGroup("B3.2", "gender")], stated: "gender" },
    { label: BY.category, results: [byGroup("B3.2", "category")], stated: "category" },
  ],
  "B5.1": [{ label: BY.region, results: [KPI_PREFIX.suppliersByRegion] }],
};

const REQUIREMENT: Readonly<Record<string, Bilingual>> = {
  "comply-or-explain": bi("Comply or explain", "不遵守就解釋"),
  "mandatory-from-FY2025": bi("Mandatory", "強制披露"),
  optional: bi("Voluntary", "自願披露"),
  "D.scope3": bi(
    "Comply or explain (mandatory for LargeCap issuers from FY2026)",
    "不遵守就解釋（大型股發行人自2026財政年度起強制披露）",
  ),
};

const requirementOf = (k: KpiDef): Bilingual => REQUIREMENT[k.code] ?? REQUIREMENT[k.status];

const STATUS_TEXT: Readonly<Record<IndexStatus, Bilingual>> = {
  disclosed: bi("Disclosed", "已披露"),
  partly: bi("Partly disclosed", "部分披露"),
  "not-applicable": bi("Not applicable", "不適用"),
  explain: bi("Explain", "解釋"),
  narrative: bi("Narrative", "描述"),
};

const STATUS_STYLE: Readonly<Record<IndexStatus, StyleKey>> = {
  disclosed: STYLE.disclosed,
  partly: STYLE.partly,
  "not-applicable": STYLE.notApplicable,
  explain: STYLE.explain,
  narrative: STYLE.narrative,
};

function listOf(items: readonly Bilingual[]): Bilingual {
  return bi(items.map((i) => i.en).join(", "), items.map((i) => i["zh-HK"]).join("、"));
}

function sentence(parts: readonly (Bilingual | null)[]): Bilingual {
  const ps = parts.filter((p): p is Bilingual => p !== null && p.en !== "");
  return bi(ps.map((p) => p.en).join(" "), ps.map((p) => p["zh-HK"]).join(""));
}

/** Metrics (and breakdown rows) of a KPI the group marked "N/A" / "不適用". */
function notApplicableOf(ctx: BuildContext, code: string): Bilingual[] {
  const out: Bilingual[] = [];
  for (const m of METRICS) {
    if (!m.kpis.includes(code)) continue;
    const v = ctx.snapshot.metrics.get(m.id);
    if (!v) continue;
    if (v.notApplicable) out.push(m.label);
    else
      for (const r of v.rows)
        if (r.notApplicable) out.push(bi(`${m.label.en} — ${r.label}`, `${m.label["zh-HK"]}——${r.label}`));
  }
  return out;
}

/** True when the workbook holds a stated figure of the KPI for a breakdown (or a single stated figure). */
function statedFor(ctx: BuildContext, code: string, b: Breakdown | "single"): boolean {
  return METRICS.some((m) => {
    if (!m.stated || !m.kpis.includes(code)) return false;
    if (b === "single" ? m.layout !== "single" || !/female|gender/i.test(m.id) : m.breakdown !== b)
      return false;
    const v = ctx.snapshot.metrics.get(m.id);
    return v !== undefined && (v.value !== null || v.rows.some((r) => r.value !== null));
  });
}

interface Placed {
  readonly head: Placement[];
  readonly parts: Placement[];
  readonly ids: Set<string>;
}

function placementsByCode(ctx: BuildContext): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  for (const [id, places] of ctx.placements) {
    const r = ctx.results.get(id);
    if (!r) continue;
    for (const code of codesOf(id, r.kpi)) {
      const e = placed.get(code) ?? { head: [], parts: [], ids: new Set<string>() };
      (isPart(id) ? e.parts : e.head).push(...places);
      if (r.value !== null) e.ids.add(id);
      placed.set(code, e);
    }
  }
  return placed;
}

function missingOf(ctx: BuildContext, k: KpiDef, p: Placed): Bilingual[] {
  const has = (prefix: string) => [...p.ids].some((id) => id === prefix || id.startsWith(prefix));
  return (REQUIRES[k.code] ?? [])
    .filter((req) => !req.results.some(has) && !(req.stated && statedFor(ctx, k.code, req.stated)))
    .map((req) => req.label);
}

/** The index's entries for the rule in force, and what the preparer still has to supply. */
export function indexEntries(
  ctx: BuildContext,
  generated: ReadonlySet<string>,
  rule: RuleInForce = ruleFor(ctx.snapshot.reportingYear),
): { entries: IndexEntry[]; findings: Finding[] } {
  const placed = placementsByCode(ctx);
  const { statements, findings } = readStatements(ctx.snapshot.read);
  const entries = rule.kpis.map((k): IndexEntry => {
    const said: DisclosureStatement | undefined = statements.get(k.code);
    const errors = ctx.findings.filter((f) => f.kpi === k.code && f.severity === "error");
    const p = k.kind === "quantitative" && generated.has(k.aspect) ? placed.get(k.code) : undefined;
    const where = p ? describe([...p.head, ...p.parts]) : [];
    const na = notApplicableOf(ctx, k.code);
    const missing = p && p.head.length > 0 ? missingOf(ctx, k, p) : [];

    let status: IndexStatus;
    if (k.kind === "narrative") status = "narrative";
    else if (p && p.head.length > 0) status = missing.length > 0 ? "partly" : "disclosed";
    else if (p && p.parts.length > 0) status = "partly";
    else if (na.length > 0) status = "not-applicable";
    else status = "explain";
    // A quantitative KPI that also asks for a description (B6.2 "and how they are dealt with").
    if (k.withNarrative && status === "disclosed" && !said?.where) missing.push(bi("description", "描述"));
    if (status === "disclosed" && missing.length > 0) status = "partly";
    if (said?.status) status = said.status;

    const naText =
      na.length > 0 && status !== "not-applicable"
        ? bi(`Not applicable: ${listOf(na).en}.`, `不適用：${listOf(na)["zh-HK"]}。`)
        : null;
    const missingText =
      status === "partly" && missing.length > 0
        ? bi(`Not disclosed: ${listOf(missing).en}.`, `未有披露：${listOf(missing)["zh-HK"]}。`)
        : null;
    const remark = sentence([
      missingText,
      naText,
      said?.reason ?? (status === "not-applicable" && na.length > 0 ? listOf(na) : null),
    ]);
    if (said?.where) where.push(say(said.where, ctx.lang, " "));

    const at = { kpi: k.code };
    if (status === "explain" && !said?.reason)
      findings.push(finding("index.reason-missing", at, { kpi: k.code }));
    if (status === "narrative" && !said?.where)
      findings.push(finding("index.reference-missing", at, { kpi: k.code }));
    if (status === "partly" && missing.length > 0 && !said?.reason)
      findings.push(
        finding("index.partly", at, {
          kpi: k.code,
          missing: listOf(missing).en,
          missingZh: listOf(missing)["zh-HK"],
        }),
      );
    return { kpi: k, status, where, remark, missing, notApplicable: na, findings: errors };
  });
  return { entries, findings };
}

/** The content index sheet, titled by the rule in force, with what the preparer still has to supply. */
export function buildContentIndex(
  ctx: BuildContext,
  name: string,
  generated: ReadonlySet<string>,
): { sheet: SheetModel; entries: IndexEntry[]; findings: Finding[] } {
  const rule = ruleFor(ctx.snapshot.reportingYear);
  const { entries, findings } = indexEntries(ctx, generated, rule);
  const langs = languagesOf(ctx.lang);
  // Code | wording per language | requirement | status | where | remark
  const wordingWidths = langs.map((l) => (l === "en" ? 54 : 40));
  const remarkWidth = ctx.lang === "both" ? 44 : 36;
  const title = bi(`HKEX ${rule.name.en}: content index`, `香港聯交所${rule.name["zh-HK"]}內容索引`);
  const w = startSheet(ctx, "INDEX", name, [], [12, ...wordingWidths, 16, 14, 30, remarkWidth], title);
  const heads = [
    say(HEAD.code, ctx.lang),
    ...langs.map((l) => HEAD.wording[l]),
    ...[HEAD.requirement, HEAD.status, HEAD.where, HEAD.reason].map((h) => say(h, ctx.lang)),
  ];
  const headRow = w.row++;
  heads.forEach((h, i) => w.put(headRow, i, { value: h, style: STYLE.header }));
  // Long texts are broken into lines here (wrapTo), so no "。" or "）" prints on a line of its own.
  for (const e of entries) {
    const r = w.row++;
    let c = 0;
    w.put(r, c++, { value: e.kpi.code, style: STYLE.label });
    langs.forEach((l, i) =>
      w.put(r, c++, { value: wrapTo(e.kpi.wording[l], wordingWidths[i]), style: STYLE.text }),
    );
    w.put(r, c++, {
      value: wrapTo(say(requirementOf(e.kpi), ctx.lang), 16),
      style: e.kpi.status === "mandatory-from-FY2025" ? STYLE.total : STYLE.text,
    });
    w.put(r, c++, { value: say(STATUS_TEXT[e.status], ctx.lang), style: STATUS_STYLE[e.status] });
    w.put(r, c++, { value: e.where.join("\n"), style: STYLE.text });
    w.put(r, c++, {
      value: e.remark.en === "" ? "" : wrapTo(say(e.remark, ctx.lang), remarkWidth),
      style: STYLE.text,
    });
  }
  const notes: Bilingual[] = [
    bi(
      "Disclosed: the figures, with every breakdown the KPI asks for, are in the tables at the cells shown. Partly disclosed: some are; the remark says which are not. Not applicable: the KPI does not apply to the group. Explain: the reason is given. Narrative: described in the report where shown.",
      "已披露：該關鍵績效指標要求的數據及所有分項載於所示儲存格。部分披露：只載有部分，備註列明未有披露的項目。不適用：該指標不適用於本集團。解釋：列明原因。描述：於所示報告位置描述。",
    ),
    rule.code === "code"
      ? bi(
          "Part D: Scope 1 and Scope 2 greenhouse gas emissions are mandatory for financial years beginning on or after 1 January 2025; the other Part D disclosures, Scope 3 included, are comply or explain for Main Board issuers.",
          "D部分：範圍1及範圍2溫室氣體排放自2025年1月1日或之後開始的財政年度起強制披露；其他D部分披露（包括範圍3）對主板發行人而言屬不遵守就解釋。",
        )
      : bi(
          "The ESG Reporting Guide applied to financial years ending on or before 31 December 2024; the ESG Reporting Code, with Part D climate-related disclosures, applies from 1 January 2025.",
          "《環境、社會及管治報告指引》適用於2024年12月31日或之前結束的財政年度；《環境、社會及管治報告守則》（包括D部分氣候相關披露）自2025年1月1日起適用。",
        ),
  ];
  return { sheet: finishSheet(ctx, w, notes, "landscape"), entries, findings };
}
