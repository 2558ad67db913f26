/** `esg demo` (= npm run demo): generate from the bundled sample into out/ and print a short summary. */
import { existsSync } from "fs";
import { join, resolve } from "path";
import { WorkbookError } from "../../workbook/xlsx/errors";
import { generate, printSummary } from "./generate";

/** The repository's examples folder, from src/cli/commands or dist/cli/commands. */
export function examplesDir(): string {
  return resolve(__dirname, "..", "..", "..", "examples");
}

/** Where the demo writes unless told: the git-ignored scratch folder out/. */
export const DEMO_OUTPUT = join("out", "sample-esg-2024-disclosures.xlsx");

export async function demoCommand(opts: { out?: string; force?: boolean; charts?: boolean }): Promise<number> {
  const sample = join(examplesDir(), "sample-esg-2024.xlsx");
  if (!existsSync(sample))
    throw new WorkbookError("missing", `${sample}: no such file (run npm run build:sample)`);
  const out = opts.out ?? DEMO_OUTPUT;
  // The demo's own file in out/ is rebuilt from the bundled sample on every run (so `npm run demo`
  // works twice in a row and nothing of the user's is lost); a path the user names needs --force.
  const force = opts.out === undefined || opts.force === true;
  printSummary(await generate(sample, { out, force, ...(opts.charts === false ? { charts: false } : {}) }));
  return 0;
}
