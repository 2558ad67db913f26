/**
 * The numbered reference list of a sheet, fit to print: each source once, as publisher, document, year
 * and table, in the sheet's language. The factor library keeps the provenance the preparer needs
 * (secondary copies, dates to confirm); none of that is report text, so it comes back as info findings
 * instead (the quantitative principle asks for the source of conversion factors, not for our caveats).
 *
 * Printed forms are kept here per factor series, in both languages, from the reference file
 * (../shared/reference/hkex-esg-kpis.md and grid-factors-verified.md, "Verified after review").
 */
import type { Factor } from "../factors";
import { finding } from "../messages";
import type { Bilingual, Finding } from "../types";
import { bi } from "./labels";

export interface PrintedReference {
  readonly publisher: Bilingual;
  readonly document: Bilingual;
  /** Year of publication, or null where it is not known (then a finding asks the preparer). */
  readonly year: string | null;
  readonly table: Bilingual | null;
}

const MEE_NBS = bi(
  "Ministry of Ecology and Environment and National Bureau of Statistics of the People's Republic of China",
  "中華人民共和國生態環境部、國家統計局",
);
const NDRC = bi(
  "National Development and Reform Commission of the People's Republic of China",
  "中華人民共和國國家發展和改革委員會",
);
const IPCC = bi("Intergovernmental Panel on Climate Change (IPCC)", "政府間氣候變化專門委員會（IPCC）");

/**
 * MEE/NBS announcements of the electricity CO2 emission factors, by data year: announcement number and
 * year published (grid-factors-verified.md: 2021 No. 12 of 2024, 12 April 2024; 2022 No. 33 of 2024,
 * 20 December 2024; 2023 No. 47 of 2025, 31 December 2025, from copies).
 */
const MEE_NBS_ANNOUNCEMENTS: Readonly<Record<number, { no: number; year: string; fromCopies: boolean }>> = {
  2021: { no: 12, year: "2024", fromCopies: false },
  2022: { no: 33, year: "2024", fromCopies: false },
  2023: { no: 47, year: "2025", fromCopies: true },
};

/** A year as the library states it, when it is plainly a year ("2006", "2024-04-12"), else null. */
function plainYear(published: string): string | null {
  const m = /^(\d{4})(?:[-–](\d{2}|\d{4}))?(?:-\d{2})?$/.exec(published.trim());
  return m ? published.trim().slice(0, m[2]?.length === 4 ? 9 : 4) : null;
}

/** Caveat words of the library that never print (they become findings). */
const CAVEAT = /secondary|confirm|approximate|not confirmed|appears/i;

function printedFor(f: Factor): PrintedReference | null {
  switch (f.series) {
    case "cn-mee-nbs": {
      const a = f.dataYear === null ? undefined : MEE_NBS_ANNOUNCEMENTS[f.dataYear];
      return {
        publisher: MEE_NBS,
        document: a
          ? bi(
              `Announcement No. ${a.no} of ${a.year}: electricity CO2 emission factors for ${f.dataYear}`,
              `公告${a.year}年第${a.no}號：${f.dataYear}年電力二氧化碳排放因子`,
            )
          : bi(`Electricity CO2 emission factors for ${f.dataYear}`, `${f.dataYear}年電力二氧化碳排放因子`),
        year: a?.year ?? plainYear(f.published),
        table: bi("national and regional grid average emission factors", "全國及區域電網平均排放因子"),
      };
    }
    case "cn-ets":
      return {
        publisher: bi(
          "Ministry of Ecology and Environment of the People's Republic of China",
          "中華人民共和國生態環境部",
        ),
        document: bi(
          "Notice on greenhouse gas emission reporting of power generation enterprises for 2023–2025",
          "關於做好2023—2025年發電行業企業溫室氣體排放報告管理有關工作的通知",
        ),
        year: "2023",
        table: bi("national grid average emission factor", "全國電網平均排放因子"),
      };
    case "cn-guideline":
      return {
        publisher: NDRC,
        document: bi(
          "Guidelines on accounting methods and reporting of greenhouse gas emissions of enterprises",
          "《企業溫室氣體排放核算方法與報告指南》",
        ),
        year: plainYear(f.published),
        table: bi("default parameters of common fossil fuels", "常見化石燃料特性參數缺省值"),
      };
    case "cn-guideline-older":
      return {
        publisher: NDRC,
        document: bi(
          "Guidelines on accounting methods and reporting of greenhouse gas emissions of enterprises (first to third batches)",
          "《企業溫室氣體排放核算方法與報告指南》（第一至三批）",
        ),
        year: "2013–2015",
        table: bi("default parameters of common fossil fuels", "常見化石燃料特性參數缺省值"),
      };
    case "ipcc-2006":
      return {
        publisher: IPCC,
        document: bi(
          "2006 IPCC Guidelines for National Greenhouse Gas Inventories, Volume 2 (Energy), Chapter 2 (Stationary Combustion)",
          "《2006年IPCC國家溫室氣體清單指南》第2卷（能源）第2章（固定源燃燒）",
        ),
        year: "2006",
        table: bi("default emission factors", "缺省排放因子"),
      };
    case "ipcc-ar6":
      return {
        publisher: IPCC,
        document: bi(
          "Climate Change 2021: The Physical Science Basis (Sixth Assessment Report, Working Group I), Chapter 7",
          "《氣候變化2021：自然科學基礎》（第六次評估報告第一工作組）第7章",
        ),
        year: "2021",
        table: bi("Table 7.15, 100-year global warming potentials", "表7.15，100年全球增溫潛勢"),
      };
    case "cn-guideline-magnesium":
      // The magnesium sector guideline (NDRC, first batch of sector guidelines, 2013): hkex-esg-kpis.md,
      // "Verified after review". Its values and its place in that batch come from copies: the preparer
      // gets a notes.provenance finding that says so (factor-data.ts, MAGNESIUM).
      return {
        publisher: NDRC,
        document: bi(
          "Guidelines on accounting methods and reporting of greenhouse gas emissions of magnesium smelting enterprises",
          "《鎂冶煉企業溫室氣體排放核算方法與報告指南》",
        ),
        year: plainYear(f.published),
        table: bi("default parameters of fuels", "燃料特性參數缺省值"),
      };
    case "hk-power-company":
      // CLP Power Hong Kong and HK Electric publish a factor per unit of electricity sold in their
      // sustainability reports (grid-factors-verified.md).
      return {
        publisher: f.publisher.startsWith("CLP")
          ? bi("CLP Holdings Limited", "中電控股有限公司")
          : bi("HK Electric Investments Limited", "港燈電力投資有限公司"),
        document: bi(
          `Sustainability Report ${f.dataYear ?? ""}`.trim(),
          `可持續發展報告 ${f.dataYear ?? ""}`.trim(),
        ),
        year: plainYear(f.published),
        table: bi("carbon dioxide emissions per unit of electricity sold", "每售出一度電的二氧化碳排放量"),
      };
    case "stoichiometry":
      return {
        publisher: bi(
          "International Union of Pure and Applied Chemistry (IUPAC)",
          "國際純粹與應用化學聯合會（IUPAC）",
        ),
        document: bi(
          "standard atomic weights (stoichiometry of the reaction)",
          "標準原子量（按化學計量計算）",
        ),
        year: null,
        table: null,
      };
    default:
      return null;
  }
}

/** The library's own text without its caveats (a workbook factor's source, or a series not listed here). */
function cleaned(text: string): string {
  return text
    .split(/\s+[—–]\s+|;\s*/)
    .filter((part) => !CAVEAT.test(part))
    .join("; ")
    .replace(/\s*\([^)]*(?:secondary|confirm|approximate)[^)]*\)/gi, "")
    .trim();
}

/** What the library says about a factor's provenance that the preparer should weigh before publishing. */
function caveatOf(f: Factor): string | null {
  const parts = [f.source, f.published, f.note ?? ""].filter((t) => CAVEAT.test(t));
  if (f.series === "cn-mee-nbs" && f.dataYear !== null && MEE_NBS_ANNOUNCEMENTS[f.dataYear]?.fromCopies)
    parts.push(`announcement for ${f.dataYear} known from copies`);
  return parts.length ? parts.join(" | ") : null;
}

/** Conventions (a stated assumption, e.g. diesel density) are factors without a document to cite. */
export const isConvention = (f: Factor): boolean => f.series === "convention";

/** One sheet's numbered references; `number` adds a factor's source once and returns its number. */
export class ReferenceList {
  private readonly refs: PrintedReference[] = [];
  private readonly keys: string[] = [];

  constructor(private readonly preparer: Finding[]) {}

  number(f: Factor): number {
    const printed = printedFor(f) ?? {
      publisher: bi(cleaned(f.publisher), cleaned(f.publisher)),
      document: bi(cleaned(f.source), cleaned(f.source)),
      year: plainYear(f.published),
      table: null,
    };
    const caveat = caveatOf(f);
    if (caveat !== null || printed.year === null) {
      const note = caveat ?? "year of publication not known";
      if (!this.preparer.some((p) => p.rule === "notes.provenance" && p.message.en.includes(`${f.id}:`)))
        this.preparer.push(finding("notes.provenance", {}, { id: f.id, label: f.label, note }));
    }
    const key = `${printed.publisher.en}|${printed.document.en}|${printed.year}|${printed.table?.en ?? ""}`;
    let i = this.keys.indexOf(key);
    if (i < 0) {
      this.keys.push(key);
      this.refs.push(printed);
      i = this.keys.length - 1;
    }
    return i + 1;
  }

  get size(): number {
    return this.refs.length;
  }

  /** "[1] Publisher, Document, Year, table …." per language. */
  lines(): Bilingual[] {
    return this.refs.map((r, i) => {
      const en = [r.publisher.en, r.document.en, r.year, r.table ? r.table.en : null]
        .filter(Boolean)
        .join(", ");
      const zh = [
        r.publisher["zh-HK"],
        r.document["zh-HK"],
        r.year ? `${r.year}年` : null,
        r.table?.["zh-HK"] ?? null,
      ]
        .filter(Boolean)
        .join("，");
      return bi(`[${i + 1}] ${en}.`, `［${i + 1}］${zh}。`);
    });
  }
}
