/**
 * The content index through the real engine: the statuses (Disclosed, Partly disclosed, Not applicable,
 * Explain, Narrative), the group's ESG_Disclosures statements, "N/A" accepted quietly, the rule in force
 * for the reporting year (Guide before FY2025, Code with Part D from FY2025) and nothing of the checks'
 * findings in the printed table.
 */
import type { IndexEntry } from "../../src/esg/disclosures";
import { buildDisclosureSet } from "../../src/esg/disclosures";
import { analyse, runEngine } from "../../src/esg/engine";
import type { CellValue, NamedItem, SheetModel, WorkbookRead } from "../../src/esg/types";
import { item, seedRead } from "../support/seed-read";

/** The seed with some names replaced or added (same sheet, rows far below the seed's). */
function withNames(extra: Record<string, CellValue[][]>, base: WorkbookRead = seedRead()): WorkbookRead {
  const replaced = new Set(Object.keys(extra).map((n) => n.toUpperCase()));
  let row = 200;
  const added: NamedItem[] = Object.entries(extra).map(([name, values]) => {
    const it = item(name, "Data", row, 1, values);
    row += values.length + 1;
    return it;
  });
  return { ...base, names: [...base.names.filter((n) => !replaced.has(n.name.toUpperCase())), ...added] };
}

/** The index breaks long texts into lines to print cleanly: compare texts without their whitespace. */
const squash = (t: string) => t.replace(/\s+/g, "");
const texts = (sheet: SheetModel): string[] => sheet.cells.map((c) => squash(String(c.value ?? "")));
const has = (sheet: SheetModel, text: string) => texts(sheet).includes(squash(text));

function indexOf(read: WorkbookRead, language: "zh-HK" | "en" | "both" = "en") {
  const r = analyse(read, { language });
  const set = buildDisclosureSet(r.snapshot, r.kpis, r.findings, r.options, r.library);
  const byCode = new Map<string, IndexEntry>(set.index.map((e) => [e.kpi.code, e]));
  const sheet = set.sheets.find((s) => s.section === "INDEX")!;
  return { ...set, byCode, sheet, analysed: r };
}

describe("content index statuses", () => {
  const { byCode, sheet, findings } = indexOf(seedRead());

  test("the seed's B1.2 (only the stated overall rate) is partly disclosed, naming the missing breakdowns", () => {
    const b12 = byCode.get("B1.2")!;
    expect(b12.status).toBe("partly");
    expect(b12.missing.map((m) => m.en)).toEqual(["gender", "age group", "geographical region"]);
    expect(has(sheet, "Partly disclosed")).toBe(true);
    expect(has(sheet, "Not disclosed: gender, age group, geographical region.")).toBe(true);
    // The preparer hears it as a finding (info), never in the table.
    expect(findings.some((f) => f.rule === "index.partly" && f.kpi === "B1.2" && f.severity === "info")).toBe(
      true,
    );
  });

  test("the seed's B3.1 with no figure by category is partly disclosed; B2.1 with three years is disclosed", () => {
    expect(byCode.get("B3.1")!.status).toBe("partly");
    expect(byCode.get("B3.1")!.missing.map((m) => m.en)).toEqual(["employee category"]);
    expect(byCode.get("B2.1")!.status).toBe("disclosed");
  });

  test("B2.1 with the reporting year only is partly disclosed (HKEX asks for each of the past three years)", () => {
    const one = indexOf(withNames({ Fatalities: [[0]] }));
    expect(one.byCode.get("B2.1")!.status).toBe("partly");
    expect(one.byCode.get("B2.1")!.missing.map((m) => m.en)).toEqual([
      "the year before last",
      "the prior year",
    ]);
  });

  test("narrative KPIs are Narrative (not Explain); without a report reference the preparer gets an info finding", () => {
    expect(byCode.get("A1.5")!.status).toBe("narrative");
    expect(byCode.get("B2.3")!.status).toBe("narrative");
    expect(findings.some((f) => f.rule === "index.reference-missing" && f.kpi === "A1.5")).toBe(true);
    expect(texts(sheet)).not.toContain("Explain\nA1.5");
  });

  test("KPIs with no figure are Explain, and the missing reason is the preparer's to give", () => {
    expect(byCode.get("B2.2")!.status).toBe("explain");
    expect(byCode.get("B2.2")!.remark.en).toBe("");
    expect(findings.some((f) => f.rule === "index.reason-missing" && f.kpi === "B2.2")).toBe(true);
  });
});

describe("the group's statements (ESG_Disclosures)", () => {
  const header = [
    "KPI",
    "status",
    "reason (English)",
    "reason (Chinese)",
    "where (English)",
    "where (Chinese)",
  ];
  const read = withNames({
    ESG_Disclosures: [
      header,
      ["A1.5", "", "", "", "Environment, p. 8", "環境，第8頁"],
      [
        "B2.2",
        "explain",
        "Lost days were not recorded in 2024; recorded from 2025.",
        "2024年未有記錄損失工作日數；自2025年起記錄。",
        "",
        "",
      ],
      ["B8.2", "n/a", "No community investment in 2024.", "", "", ""],
      ["C9.9", "explain", "", "", "", ""],
      ["B4.1", "maybe", "", "", "", ""],
    ],
  });
  const { byCode, findings, sheet } = indexOf(read, "both");

  test("a narrative KPI with a reference shows where in the report, in both languages", () => {
    expect(byCode.get("A1.5")!.status).toBe("narrative");
    expect(byCode.get("A1.5")!.where).toEqual(["環境，第8頁 Environment, p. 8"]);
    expect(findings.some((f) => f.rule === "index.reference-missing" && f.kpi === "A1.5")).toBe(false);
  });

  test("Explain carries the group's own reason; a status override is honoured; a blank language falls back", () => {
    expect(byCode.get("B2.2")!.status).toBe("explain");
    expect(
      has(
        sheet,
        "2024年未有記錄損失工作日數；自2025年起記錄。\nLost days were not recorded in 2024; recorded from 2025.",
      ),
    ).toBe(true);
    expect(findings.some((f) => f.rule === "index.reason-missing" && f.kpi === "B2.2")).toBe(false);
    expect(byCode.get("B8.2")!.status).toBe("not-applicable");
    expect(byCode.get("B8.2")!.remark["zh-HK"]).toBe("No community investment in 2024.");
  });

  test("rows the engine cannot use are warnings naming the row, and are left out", () => {
    const bad = findings.filter((f) => f.rule === "disclosures.invalid");
    expect(bad.map((f) => f.message.en)).toEqual([
      'ESG_Disclosures row 5: "C9.9" is not a KPI code; the row is not used.',
      'ESG_Disclosures row 6: status "maybe" is not one of the statuses; the row is not used.',
    ]);
    expect(byCode.get("B4.1")!.status).toBe("narrative");
  });
});

describe("not applicable: a metric the group marks N/A", () => {
  test('an "N/A" fuel raises no finding and shows as not applicable beside A2.1; a blank one warns', () => {
    const na = analyse(withNames({ Petrol: [["N/A"]], LPG: [["不適用"]] }));
    expect(na.findings.filter((f) => f.metric === "petrol" || f.metric === "lpg")).toEqual([]);
    expect(na.snapshot.metrics.get("petrol")!.notApplicable).toBe(true);
    const { byCode, sheet } = indexOf(withNames({ Petrol: [["N/A"]], LPG: [["不適用"]] }), "zh-HK");
    expect(byCode.get("A2.1")!.notApplicable.map((m) => m.en)).toEqual([
      "Petrol (gasoline)",
      "Liquefied petroleum gas",
    ]);
    expect(texts(sheet).some((t) => t.includes("不適用：汽油、液化石油氣。"))).toBe(true);

    const blank = analyse(withNames({ Petrol: [[null]] }));
    expect(blank.findings.filter((f) => f.metric === "petrol").map((f) => f.rule)).toEqual(["value.blank"]);
    // Even so, the warning never prints in the index.
    const run = runEngine(withNames({ Petrol: [[null]] }), { language: "en" });
    const index = run.sheets.find((s) => s.section === "INDEX")!;
    expect(texts(index).some((t) => /blank|warning/i.test(t))).toBe(false);
  });

  test("a KPI whose every figure is N/A is Not applicable", () => {
    const { byCode, sheet } = indexOf(withNames({ ProductsRecalled: [["n/a"]] }), "both");
    expect(byCode.get("B6.1")!.status).toBe("not-applicable");
    expect(has(sheet, "不適用\nNot applicable")).toBe(true);
  });
});

describe("the rule in force", () => {
  test("FY2024: titled the ESG Reporting Guide, A4.1 listed, no Part D rows", () => {
    const { byCode, sheet } = indexOf(seedRead(), "en");
    expect(has(sheet, "HKEX ESG Reporting Guide: content index")).toBe(true);
    expect(byCode.has("A4.1")).toBe(true);
    expect([...byCode.keys()].some((c) => c.startsWith("D."))).toBe(false);
  });

  test("FY2025: the ESG Reporting Code with Part D; Scope 1/2 mandatory, Scope 3 comply-or-explain", () => {
    const { byCode, sheet } = indexOf(withNames({ ReportingYear: [[2025]] }), "en");
    expect(has(sheet, "HKEX ESG Reporting Code: content index")).toBe(true);
    expect(byCode.has("A4.1")).toBe(false);
    for (const code of ["D.governance", "D.strategy", "D.risk", "D.metrics"])
      expect(byCode.get(code)!.status).toBe("narrative");
    expect(byCode.get("D.scope1")!.status).toBe("disclosed");
    expect(byCode.get("D.scope2")!.status).toBe("disclosed");
    expect(byCode.get("D.scope3")!.status).toBe("explain");
    const row = (code: string) => {
      const r = sheet.cells.find((c) => c.value === code)!.row;
      return sheet.cells.filter((c) => c.row === r).map((c) => squash(String(c.value)));
    };
    expect(row("D.scope3")).toContain(
      squash("Comply or explain (mandatory for LargeCap issuers from FY2026)"),
    );
    expect(row("D.scope1")).toContain("Mandatory");
    expect(texts(sheet).join("")).not.toMatch(/Optional|Voluntary/);
  });
});
