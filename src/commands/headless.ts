/**
 * The ribbon's actions carried out in the shared runtime itself, without the task pane: since
 * 23 February 2026 Office ignores `Office.addin.showAsTaskpane()` for add-ins published in the
 * Microsoft Marketplace (docs/develop/show-hide-add-in.md), so a button press cannot count on the pane
 * to do the work or show its result. Each action returns an outcome for the user, in both languages.
 *
 * "Check data" is the engine's analysis of the workbook. "Generate disclosures" runs the generate use
 * case every front end calls, with no options of its own (the workbook's ESG_Settings, else the
 * defaults: every section, both languages), and refuses to write while the data has errors: accepting
 * errors needs a note, which only the pane can take.
 */
import { analyse } from "../esg/analyse";
import type { Finding } from "../esg/types";
import { loadGenerate } from "../use-cases/generate-on-demand";
import type { WorkbookHost } from "../workbook/types";

export type OutcomeKind = "done" | "attention" | "failed";

export interface CommandOutcome {
  readonly kind: OutcomeKind;
  readonly en: string;
  readonly zh: string;
}

const count = (findings: readonly Finding[], severity: Finding["severity"]): number =>
  findings.filter((f) => f.severity === severity).length;

const PANE_EN = "Open the ESG pane (Home tab) to see each finding with its cell.";
const PANE_ZH = "請在「常用」索引標籤開啟 ESG 窗格，查看每項發現及其儲存格。";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Reads the workbook and checks its data. */
export async function checkData(host: WorkbookHost): Promise<CommandOutcome> {
  try {
    const result = analyse(await host.read());
    const errors = count(result.findings, "error");
    const warnings = count(result.findings, "warning");
    if (errors === 0 && warnings === 0) {
      return { kind: "done", en: "Checked: no errors or warnings.", zh: "已檢查：沒有錯誤或警告。" };
    }
    return {
      kind: errors > 0 ? "attention" : "done",
      en: `Checked: ${errors} error(s), ${warnings} warning(s). ${PANE_EN}`,
      zh: `已檢查：${errors} 項錯誤、${warnings} 項警告。${PANE_ZH}`,
    };
  } catch (e) {
    return { kind: "failed", en: `The check failed: ${message(e)}`, zh: `檢查失敗：${message(e)}` };
  }
}

/** At most this many sheet names in the message (the dialog's URL carries it). */
const LISTED_SHEETS = 6;

function sheetList(names: readonly string[]): string {
  const shown = names.slice(0, LISTED_SHEETS).join(", ");
  return names.length > LISTED_SHEETS ? `${shown}, …` : shown;
}

/**
 * The generate use case (src/use-cases/generate.ts) with errors blocking: reads the workbook, computes
 * and writes the disclosure sheets, unless the data has errors.
 */
export async function generateDisclosures(host: WorkbookHost, now: string): Promise<CommandOutcome> {
  try {
    const generate = await loadGenerate();
    const outcome = await generate({ source: host, now, errors: { kind: "block" } });
    if (outcome.kind === "blocked") {
      return {
        kind: "attention",
        en: `Not generated: the data has ${outcome.errors} error(s). Open the ESG pane (Home tab) to fix them, or to accept them with a note.`,
        zh: `未編製：數據有 ${outcome.errors} 項錯誤。請在「常用」索引標籤開啟 ESG 窗格更正，或附註說明後接受。`,
      };
    }
    const { written } = outcome;
    const list = sheetList(written.written);
    return {
      kind: "done",
      en: `Generated ${written.written.length} sheet(s), ${written.replaced.length} replaced: ${list}.`,
      zh: `已編製 ${written.written.length} 張工作表（取代 ${written.replaced.length} 張）：${list}。`,
    };
  } catch (e) {
    return {
      kind: "failed",
      en: `Generation failed; the workbook is as it was: ${message(e)}`,
      zh: `編製失敗，活頁簿維持原狀：${message(e)}`,
    };
  }
}
