/**
 * The generate use case, the one every front end calls (the `esg generate` command and the task pane):
 * read the workbook → run the engine → gate on errors → the history entry → write.
 *
 * It knows the WorkbookHost contract only, never a host: the command line passes the xlsx host (and a
 * blank one for --sheets-only), the pane whatever host it runs on.
 */
import { runEngine, type EngineResult } from "../esg/engine";
import type { EngineOptions } from "../esg/options";
import type { HistoryEntry, ReportLang, WorkbookRead } from "../esg/types";
import type { WorkbookHost, WriteResult } from "../workbook/types";

/** What errors among the findings do to a run: stop it before anything is written, or let it write with the note in the history. */
export type ErrorGate = { readonly kind: "block" } | { readonly kind: "accept"; readonly note: string };

/** Points of a run a front end shows progress at: before the read, the engine, the history entry and the write. */
export type GenerateStep = "reading" | "computing" | "recording" | "writing";

export interface GenerateRequest {
  /** The workbook read from. */
  readonly source: WorkbookHost;
  /** The workbook written to: the source unless given (the command line's --sheets-only writes a new one). */
  readonly target?: WorkbookHost;
  /** Time of the run: the engine's `now` and the history entry's. */
  readonly now: string;
  /** Options given by the front end; the rest come from the workbook's ESG_Settings, then the defaults. */
  readonly options?: Partial<EngineOptions>;
  readonly sections?: readonly string[];
  readonly language?: ReportLang;
  readonly valuesOnly?: boolean;
  /** False leaves the charts out (issue 14): the sheets exactly as without charts. */
  readonly charts?: boolean;
  readonly errors: ErrorGate;
  /** Called at each step; awaited, so a front end can let its progress bar paint. */
  readonly onStep?: (step: GenerateStep) => void | Promise<void>;
  /** Called with the engine's result just before the write (the xlsx target takes its values-only mode from it). */
  readonly beforeWrite?: (run: EngineResult) => void;
}

export type GenerateOutcome =
  /** Errors were found and not accepted: nothing was written. */
  | {
      readonly kind: "blocked";
      readonly read: WorkbookRead;
      readonly run: EngineResult;
      readonly errors: number;
    }
  | {
      readonly kind: "written";
      readonly read: WorkbookRead;
      readonly run: EngineResult;
      readonly errors: number;
      readonly history: HistoryEntry;
      readonly written: WriteResult;
    };

/** The history row of a run: what was generated, from which names, and the errors accepted with their note. */
export function historyEntry(
  run: EngineResult,
  at: string,
  host: WorkbookHost["kind"],
  errors: number,
  note: string,
): HistoryEntry {
  return {
    at,
    host,
    sections: run.options.sections,
    language: run.options.language,
    valuesOnly: run.options.valuesOnly,
    sheets: run.sheets.map((s) => s.name),
    sourceNames: run.sourceNames,
    ...(errors > 0 ? { acceptedErrors: { count: errors, note } } : {}),
  };
}

export async function generateDisclosures(req: GenerateRequest): Promise<GenerateOutcome> {
  const step = async (s: GenerateStep): Promise<void> => {
    await req.onStep?.(s);
  };
  await step("reading");
  const read = await req.source.read();
  await step("computing");
  const run = runEngine(read, {
    ...req.options,
    now: req.now,
    ...(req.sections !== undefined ? { sections: req.sections } : {}),
    ...(req.language !== undefined ? { language: req.language } : {}),
    ...(req.valuesOnly !== undefined ? { valuesOnly: req.valuesOnly } : {}),
    ...(req.charts !== undefined ? { charts: req.charts } : {}),
  });
  const errors = run.findings.filter((f) => f.severity === "error").length;
  if (errors > 0 && req.errors.kind === "block") return { kind: "blocked", read, run, errors };
  await step("recording");
  const target = req.target ?? req.source;
  const note = req.errors.kind === "accept" ? req.errors.note : "";
  const history = historyEntry(run, req.now, target.kind, errors, note);
  req.beforeWrite?.(run);
  await step("writing");
  const written = await target.write(run.sheets, history);
  return { kind: "written", read, run, errors, history, written };
}
