/**
 * Disclosure sheet models: one sheet per chosen section (A1, A2, B1, B2, B3, B5, B6, B7, B8, D) and the
 * HKEX content index, in the chosen language (zh-HK, en, or both side by side). Pure: both workbook
 * hosts render the returned models.
 *
 * Value cells hold the KPI's native Excel formula over the named ranges (KpiResult.excel) with the
 * computed value as the cached result; the formula keeps full precision and the number format shows the
 * published precision (see cells.ts). With `valuesOnly` the cells hold values only.
 */
import { BASE_LIBRARY, type FactorLibrary } from "../factors";
import { ALL_SECTIONS, type EngineOptions } from "../options";
import type { Snapshot } from "../snapshot";
import type { Finding, KpiResult, SheetModel } from "../types";
import { buildContentIndex, type IndexEntry } from "./content-index";
import { createContext, type BuildContext } from "./context";
import type { SectionCode } from "./labels";
import { sheetNameFor, uniqueSheetNames } from "./sheet-names";
import { buildA1 } from "./sections/a1";
import { buildA2 } from "./sections/a2";
import { buildB1 } from "./sections/b1";
import { buildB2 } from "./sections/b2";
import { buildB3 } from "./sections/b3";
import { buildB5 } from "./sections/b5";
import { buildB6 } from "./sections/b6";
import { buildB7 } from "./sections/b7";
import { buildB8 } from "./sections/b8";
import { buildD } from "./sections/d";

type SectionBuilder = (ctx: BuildContext, name: string) => SheetModel;

const BUILDERS: Readonly<Record<(typeof ALL_SECTIONS)[number], SectionBuilder>> = {
  A1: buildA1,
  A2: buildA2,
  B1: buildB1,
  B2: buildB2,
  B3: buildB3,
  B5: buildB5,
  B6: buildB6,
  B7: buildB7,
  B8: buildB8,
  D: buildD,
};

/** The chosen sections in report order, each once; unknown codes are ignored. */
export function chosenSections(sections: readonly string[]): Array<(typeof ALL_SECTIONS)[number]> {
  const wanted = new Set(sections.map((s) => s.trim().toUpperCase()));
  return ALL_SECTIONS.filter((s) => wanted.has(s));
}

export interface DisclosureBuild {
  readonly sheets: SheetModel[];
  readonly index: IndexEntry[];
  /** For the preparer, never printed: the index's open items (reasons, report references) and notes' caveats. */
  readonly findings: Finding[];
}

/** Sheets and the content index entries (for hosts that report comply-or-explain status). */
export function buildDisclosureSet(
  snapshot: Snapshot,
  kpis: readonly KpiResult[],
  findings: readonly Finding[],
  options: EngineOptions,
  library: FactorLibrary = BASE_LIBRARY,
): DisclosureBuild {
  const ctx = createContext(snapshot, kpis, findings, options, library);
  const sections = chosenSections(options.sections);
  const codes: SectionCode[] = [...sections, "INDEX"];
  const names = uniqueSheetNames(codes.map((c) => sheetNameFor(c, options.language)));
  const sheets = sections.map((s, i) => BUILDERS[s](ctx, names[i]));
  const {
    sheet,
    entries,
    findings: open,
  } = buildContentIndex(ctx, names[names.length - 1], new Set<string>(sections));
  return { sheets: [...sheets, sheet], index: entries, findings: [...ctx.preparer, ...open] };
}

/** One sheet model per chosen section, then the HKEX content index. */
export function buildDisclosures(
  snapshot: Snapshot,
  kpis: readonly KpiResult[],
  findings: readonly Finding[],
  options: EngineOptions,
  library: FactorLibrary = BASE_LIBRARY,
): SheetModel[] {
  return buildDisclosureSet(snapshot, kpis, findings, options, library).sheets;
}

export { SECTION_LABELS, type SectionCode, type SectionLabel } from "./labels";
export { sheetNameFor, cleanSheetName, uniqueSheetNames, MAX_SHEET_NAME } from "./sheet-names";
export type { IndexEntry, IndexStatus } from "./content-index";
export {
  readStatements,
  statementsFromRows,
  DISCLOSURE_COLUMNS,
  STATUS_WORD,
  type DisclosureStatement,
} from "./statements";
export { nativeFormula } from "./cells";
