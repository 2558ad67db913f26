#!/usr/bin/env node
/**
 * The `esg` command line. Exit codes: 0 done; 1 `check` found errors; 2 the workbook could not be
 * read or written (one line on stderr, never a stack trace) or the command line was wrong.
 */
import { Command, CommanderError, Option } from "commander";
import { WorkbookError } from "../workbook/xlsx/errors";
import { checkCommand } from "./commands/check";
import { demoCommand } from "./commands/demo";
import { generateCommand } from "./commands/generate";
import { kpisCommand } from "./commands/kpis";
import { namesCommand } from "./commands/names";
import { templateCommand } from "./commands/template";
import { warn } from "./output";

export const EXIT_BAD_INPUT = 2;

function program(run: (code: Promise<number>) => void): Command {
  const p = new Command("esg")
    .description(
      "Check a workbook's ESG data kept as named ranges, compute the HKEX KPIs and write bilingual disclosure tables.",
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const langMsg = new Option("--lang <lang>", "language of messages").choices(["en", "zh-HK"]).default("en");
  p.command("names <xlsx>")
    .description("list every defined name: scope, refers-to, status, values")
    .option("--json", "machine output on stdout")
    .action((file: string, o: { json?: boolean }) => run(namesCommand(file, o)));
  p.command("check <xlsx>")
    .description("check the data; exit 1 when errors are found")
    .option("--json", "machine output on stdout")
    .addOption(langMsg)
    .action((file: string, o: { json?: boolean; lang?: "en" | "zh-HK" }) => run(checkCommand(file, o)));
  p.command("kpis <xlsx>")
    .description("compute the KPIs with their formulas and sources")
    .option("--json", "machine output on stdout")
    .addOption(new Option("--lang <lang>", "language of labels").choices(["en", "zh-HK"]).default("en"))
    .action((file: string, o: { json?: boolean; lang?: "en" | "zh-HK" }) => run(kpisCommand(file, o)));
  p.command("generate <xlsx>")
    .description("write the disclosure sheets (to <xlsx>-disclosures.xlsx unless --out or --in-place)")
    .option("--out <file>", "output workbook")
    .addOption(new Option("--lang <lang>", "language of the tables").choices(["zh-HK", "en", "both"]))
    .option("--sections <list>", "sections to write, e.g. A1,A2,B1 (the content index is always written)")
    .option("--values-only", "write values, no live formulas")
    .option("--sheets-only", "write a new workbook holding just the generated sheets")
    .option("--in-place", "replace the input file")
    .option("--json", "print the summary as JSON")
    .action((file: string, o: Record<string, unknown>) => run(generateCommand(file, o)));
  p.command("template")
    .description("write a blank input workbook with every default name and bilingual instructions")
    .option("--out <file>", "output workbook", "esg-template.xlsx")
    .action((o: { out?: string }) => run(templateCommand(o)));
  p.command("demo")
    .description("generate from the bundled sample into out/sample-esg-2024-disclosures.xlsx")
    .option("--out <file>", "output workbook")
    .action((o: { out?: string }) => run(demoCommand(o)));
  return p;
}

/** One line for any failure; a WorkbookError is the user's file, anything else a bug in this tool. */
export function describeFailure(e: unknown): string {
  if (e instanceof WorkbookError) return `esg: ${e.message}`;
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

// Run when started as a program: directly (tsx src/cli/main.ts, node dist/cli/main.js) or through bin/esg.js.
if (require.main === module || /[\\/]esg(\.js)?$/.test(process.argv[1] ?? "")) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Nothing is left to wait for; a parser that never settled must not keep the process alive.
      setImmediate(() => process.exit(code));
    },
    (e: unknown) => {
      warn(describeFailure(e));
      process.exit(EXIT_BAD_INPUT);
    },
  );
}
