/**
 * `esg generate <xlsx>`: check, compute and write the disclosure sheets into a copy of the workbook
 * (every part of the user's workbook kept: charts, pivot tables, shapes, VBA, links), or into the
 * input with --in-place; --sheets-only writes a new workbook holding just the generated sheets.
 * Options are checked before anything is read: each mistake is one line and exit 2. The run itself is
 * the generate use case (src/use-cases/generate.ts).
 */
import { stat } from "fs/promises";
import { extname, resolve } from "path";
import { ALL_SECTIONS } from "../../esg/options";
import type { ReportLang } from "../../esg/types";
import { generateDisclosures, type GenerateStep } from "../../use-cases/generate";
import { XlsxHost } from "../../workbook/xlsx/host";
import { lockNewOutput, lockOutput, realTarget, refuseExisting } from "../../workbook/xlsx/save";
import { print, printJson } from "../output";
import { progress } from "../progress";
import { UsageError } from "../usage";
import { severityCounts } from "./check";

export interface GenerateOptions {
  readonly out?: string;
  readonly lang?: ReportLang;
  readonly sections?: string;
  readonly valuesOnly?: boolean;
  /** False with --no-charts (commander's negated option): the tables without their charts. */
  readonly charts?: boolean;
  readonly sheetsOnly?: boolean;
  readonly inPlace?: boolean;
  /** Replace an existing output file (--out or the default <input>-disclosures.xlsx). */
  readonly force?: boolean;
  readonly json?: boolean;
  /** Time of the run (tests inject it for reproducible output). */
  readonly now?: string;
}

export interface GenerateSummary {
  readonly input: string;
  readonly output: string;
  readonly written: readonly string[];
  readonly replaced: readonly string[];
  readonly findings: { readonly error: number; readonly warning: number; readonly info: number };
}

/** The progress bar's labels for the use case's steps (reading the file is the bar's first step). */
const BAR_LABELS: Record<GenerateStep, string | null> = {
  reading: "checking",
  computing: null,
  recording: "building",
  writing: "writing",
};

/** `book.xlsx` → `book-disclosures.xlsx` (an .xlsm keeps its extension). */
export function defaultOutput(input: string): string {
  const ext = /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
  return input.replace(/(\.xls[xm])?$/i, `-disclosures${ext}`);
}

/** The sections asked for, upper-cased; an unknown one is refused. */
export function parseSections(list: string): string[] {
  const known = new Set<string>(ALL_SECTIONS);
  const asked = list
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknown = asked.filter((s) => !known.has(s));
  if (unknown.length)
    throw new UsageError(
      `unknown section${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} in --sections (known: ${ALL_SECTIONS.join(", ")})`,
    );
  if (!asked.length) throw new UsageError(`--sections is empty (known: ${ALL_SECTIONS.join(", ")})`);
  return [...new Set(asked)];
}

/**
 * --in-place saves by renaming a new file over the input (save.ts), which gives this name a new inode:
 * the input's other hard links (st_nlink > 1, stat(2)) would keep the old workbook, silently. Refused
 * unless --force says that is meant. A file that cannot be looked at is left for opening to report.
 */
async function refuseHardLinked(file: string): Promise<void> {
  const links = await stat(file).then(
    (st) => st.nlink,
    () => 1,
  );
  if (links > 1)
    throw new UsageError(
      `${file} has ${links} hard links: --in-place would write a new file under this name only, ` +
        `the other link${links > 2 ? "s" : ""} would keep the old workbook; add --force to do so anyway, or --out to write a copy`,
    );
}

/** Refuse what the options cannot mean, before reading anything. */
async function checkOptions(
  file: string,
  opts: GenerateOptions,
): Promise<{ output: string; sections?: string[] }> {
  if (opts.inPlace && opts.out !== undefined)
    throw new UsageError("--in-place writes into the input; it cannot be used with --out");
  if (opts.inPlace && opts.sheetsOnly)
    throw new UsageError(
      "--in-place cannot be used with --sheets-only (it would replace the workbook with the generated sheets alone)",
    );
  const output = opts.inPlace ? file : (opts.out ?? defaultOutput(file));
  const ext = extname(output).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm")
    throw new UsageError(`the output ${output} must end in .xlsx (or .xlsm for a workbook with macros)`);
  // An input that cannot be a write's target (a link into a missing folder) is not the output; opening it says why.
  if (!opts.inPlace && (await realTarget(output)) === (await realTarget(file).catch(() => resolve(file))))
    throw new UsageError(`the output ${output} is the input file ${file}: use --in-place to replace it`);
  if (opts.inPlace && !opts.force) await refuseHardLinked(file);
  // Any existing output but the input itself (--in-place) is replaced only with --force, the default
  // <input>-disclosures.xlsx included: it may hold a run the user has edited or printed since.
  if (!opts.inPlace) await refuseExisting(output, opts.force, otherwiseThan(opts));
  return { output, ...(opts.sections !== undefined ? { sections: parseSections(opts.sections) } : {}) };
}

/** What else a user refused an existing default output can do. */
const otherwiseThan = (opts: GenerateOptions): string | undefined =>
  opts.out === undefined ? "or --out to write elsewhere" : undefined;

export async function generate(file: string, opts: GenerateOptions): Promise<GenerateSummary> {
  const { output, sections } = await checkOptions(file, opts);
  const bar = progress(5, !opts.json);
  // Checked again under the lock: a run that held it meanwhile may have written the output.
  const release = opts.inPlace
    ? await lockOutput(output)
    : await lockNewOutput(output, opts.force, otherwiseThan(opts));
  try {
    bar.step("reading");
    const input = await XlsxHost.open(file);
    const macros = input.macroEnabled && !opts.sheetsOnly;
    if (macros !== /\.xlsm$/i.test(output))
      throw new UsageError(
        macros
          ? `${file} holds macros (VBA): the output ${output} must end in .xlsm to keep them`
          : `the output ${output} must end in .xlsx: ${opts.sheetsOnly ? "--sheets-only writes no macros" : `${file} holds no macros`}`,
      );
    const target = opts.sheetsOnly ? XlsxHost.blank(output) : input;
    const outcome = await generateDisclosures({
      source: input,
      target,
      now: opts.now ?? new Date().toISOString(),
      ...(opts.lang ? { language: opts.lang } : {}),
      ...(sections ? { sections } : {}),
      ...(opts.valuesOnly ? { valuesOnly: true } : {}),
      ...(opts.charts === false ? { charts: false } : {}),
      // The command line writes whatever `esg check` reports, and says so in the history.
      errors: {
        kind: "accept",
        note: "generated by esg generate (command line) with errors reported by esg check",
      },
      onStep: (step) => {
        const label = BAR_LABELS[step];
        if (label) bar.step(label);
      },
      beforeWrite: (run) => target.setOptions({ valuesOnly: run.options.valuesOnly }),
      // Tables written away from their named ranges hold values (the engine says so in the notes).
      ...(opts.sheetsOnly ? { options: { valuesFor: "sheets-only" as const } } : {}),
    });
    if (outcome.kind !== "written") throw new Error("generate: a run that accepts errors was blocked");
    const counts = severityCounts(outcome.run.findings);
    const written = outcome.written;
    bar.step("saving");
    await target.save(output);
    return { input: file, output, written: written.written, replaced: written.replaced, findings: counts };
  } finally {
    bar.stop();
    await release();
  }
}

export function printSummary(s: GenerateSummary): void {
  print(
    `${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} notes (esg check ${s.input} lists them)`,
  );
  print(
    `wrote ${s.output}: ${s.written.length} sheets${s.replaced.length ? `, replacing ${s.replaced.length} generated earlier` : ""}`,
  );
  for (const name of s.written) print(`  ${name}`);
}

export async function generateCommand(file: string, opts: GenerateOptions): Promise<number> {
  const summary = await generate(file, opts);
  if (opts.json) printJson(summary);
  else printSummary(summary);
  return 0;
}
