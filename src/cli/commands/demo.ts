/** `esg demo` (= npm run demo): generate from the bundled sample into out/ and print a short summary. */
import { existsSync } from "fs";
import { join, resolve } from "path";
import { WorkbookError } from "../../workbook/xlsx/errors";
import { generate, printSummary } from "./generate";

/** The repository's examples folder, from src/cli/commands or dist/cli/commands. */
export function examplesDir(): string {
  return resolve(__dirname, "..", "..", "..", "examples");
}

export async function demoCommand(opts: { out?: string; charts?: boolean }): Promise<number> {
  const sample = join(examplesDir(), "sample-esg-2024.xlsx");
  if (!existsSync(sample))
    throw new WorkbookError("missing", `${sample}: no such file (run npm run build:sample)`);
  const out = opts.out ?? join("out", "sample-esg-2024-disclosures.xlsx");
  printSummary(await generate(sample, { out, ...(opts.charts === false ? { charts: false } : {}) }));
  return 0;
}
