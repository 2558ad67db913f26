#!/usr/bin/env node
/**
 * The `esg` command line. Exit codes: 0 done; 1 `check` found errors; 2 the workbook could not be
 * read or written, or the command line was wrong (one line on stderr, never a stack trace).
 *
 * Start-up is kept short: only commander is loaded up front; each command loads its own modules when
 * it runs (`esg --help` never loads the engine or the workbook reader).
 */
import { Command, CommanderError, Option } from "commander";
import { readFileSync } from "fs";
import { join } from "path";
import { UsageError, EXIT_BAD_INPUT } from "./usage";
import { endQuietlyOnEpipe, warn } from "./output";

export { EXIT_BAD_INPUT };

type Run = (code: Promise<number>) => void;

/**
 * Load a command's module when it runs. A plain require (not import()) so that the TypeScript source
 * run through tsx resolves the same way as the compiled JavaScript.
 */
function load<T>(id: string): Promise<T> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve().then(() => require(id) as T);
}

/** The package version, from package.json two folders up (src/cli or dist/cli). */
function version(): string {
  try {
    return (
      JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }
    ).version;
  } catch {
    return "unknown";
  }
}

function program(run: Run): Command {
  const p = new Command("esg")
    .description(
      "Check a workbook's ESG data kept as named ranges, compute the HKEX KPIs and write bilingual disclosure tables.",
    )
    .version(version(), "-V, --version", "print the version")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const lang = (what: string): Option =>
    new Option("--lang <lang>", what).choices(["en", "zh-HK"]).default("en");
  p.command("names <xlsx>")
    .description("list every defined name: scope, refers-to, status, values")
    .option("--json", "machine output on stdout")
    .action((file: string, o: { json?: boolean }) =>
      run(load<typeof import("./commands/names")>("./commands/names").then((m) => m.namesCommand(file, o))),
    );
  p.command("check <xlsx>")
    .description("check the data; exit 1 when errors are found")
    .option("--json", "machine output on stdout")
    .addOption(lang("language of messages"))
    .action((file: string, o: { json?: boolean; lang?: "en" | "zh-HK" }) =>
      run(load<typeof import("./commands/check")>("./commands/check").then((m) => m.checkCommand(file, o))),
    );
  p.command("kpis <xlsx>")
    .description("compute the KPIs with their formulas and sources")
    .option("--json", "machine output on stdout")
    .addOption(lang("language of labels"))
    .action((file: string, o: { json?: boolean; lang?: "en" | "zh-HK" }) =>
      run(load<typeof import("./commands/kpis")>("./commands/kpis").then((m) => m.kpisCommand(file, o))),
    );
  p.command("generate <xlsx>")
    .description("write the disclosure sheets (to <xlsx>-disclosures.xlsx unless --out or --in-place)")
    .option("--out <file>", "output workbook (.xlsx, or .xlsm for a workbook with macros)")
    .addOption(new Option("--lang <lang>", "language of the tables").choices(["zh-HK", "en", "both"]))
    .option("--sections <list>", "sections to write, e.g. A1,A2,B1 (the content index is always written)")
    .option("--values-only", "write values, no live formulas")
    .option("--no-charts", "leave the charts over the tables out")
    .option("--sheets-only", "write a new workbook holding just the generated sheets")
    .option("--in-place", "replace the input file")
    .option("--force", "replace an existing output file (--out or the default), or an input with other hard links (--in-place)")
    .option("--json", "print the summary as JSON")
    .action((file: string, o: Record<string, unknown>) =>
      run(
        load<typeof import("./commands/generate")>("./commands/generate").then((m) =>
          m.generateCommand(file, o),
        ),
      ),
    );
  p.command("template")
    .description("write a blank input workbook with every default name and bilingual instructions")
    .option("--out <file>", "output workbook", "esg-template.xlsx")
    .option("--force", "replace an existing file")
    .action((o: { out?: string; force?: boolean }) =>
      run(
        load<typeof import("./commands/template")>("./commands/template").then((m) => m.templateCommand(o)),
      ),
    );
  p.command("demo")
    .description("generate from the bundled sample into out/sample-esg-2024-disclosures.xlsx (rebuilt on every run)")
    .option("--out <file>", "output workbook")
    .option("--no-charts", "leave the charts over the tables out")
    .option("--force", "replace an existing --out file")
    .action((o: { out?: string; force?: boolean; charts?: boolean }) =>
      run(load<typeof import("./commands/demo")>("./commands/demo").then((m) => m.demoCommand(o))),
    );
  return p;
}

/** One line for any failure; a WorkbookError or a usage mistake is the user's, anything else a bug in this tool. */
export function describeFailure(e: unknown): string {
  if (e instanceof UsageError) return `esg: ${e.message}`;
  if (e instanceof Error && e.name === "WorkbookError") return `esg: ${e.message}`;
  const text = e instanceof Error ? e.message : String(e);
  return `esg: internal error: ${text.split(/\r?\n/)[0]}`;
}

export async function main(argv: readonly string[]): Promise<number> {
  let pending: Promise<number> = Promise.resolve(0);
  const p = program((code) => {
    pending = code;
  });
  try {
    await p.parseAsync([...argv], { from: "user" });
    return await pending;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; usage mistakes are bad input.
      return e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    }
    warn(describeFailure(e));
    return EXIT_BAD_INPUT;
  }
}

/** Exit once stdout and stderr have been handed to the system (a pipe may still be taking a long --json). */
function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let waiting = 2;
  const done = (): void => {
    if (--waiting === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

// Run when started as a program: directly (tsx src/cli/main.ts, node dist/cli/main.js) or through bin/esg.js.
if (require.main === module || /[\\/]esg(\.js)?$/.test(process.argv[1] ?? "")) {
  endQuietlyOnEpipe(process.stdout, (code) => process.exit(code));
  main(process.argv.slice(2)).then(exitWhenFlushed, (e: unknown) => {
    warn(describeFailure(e));
    exitWhenFlushed(EXIT_BAD_INPUT);
  });
}
