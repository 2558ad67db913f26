/**
 * `npm run build:sample`: writes the example workbooks from data in this repository —
 * examples/sample-esg-2024.xlsx (the seed report's published 2024 figures under the default names) and
 * examples/synthetic-sites.xlsx (clearly synthetic: site sheets with sheet-scoped names to consolidate).
 * tests/cli/sample.test.ts rebuilds both and compares their content with the committed files.
 */
import { join, resolve } from "path";
import { dataSheet, instructionsSheet } from "../src/cli/template/layout";
import { configSheet } from "../src/esg/config-sheet";
import { XlsxHost } from "../src/workbook/xlsx/host";
import { SAMPLE_2024 } from "./sample-data";
import { siteSheets, syntheticSitesModels } from "./synthetic-sites";

export const EXAMPLES = resolve(__dirname, "..", "examples");

export async function buildSample(): Promise<Buffer> {
  const host = XlsxHost.blank("sample-esg-2024.xlsx");
  await host.writeInput([
    instructionsSheet(),
    dataSheet({
      values: SAMPLE_2024,
      onlyGiven: true,
      priorYears: 0,
      title: "2024 ESG data as published (seed report) 2024年環境、社會及管治數據（按已發佈報告）",
    }),
    // The seed is a magnesium producer (Pidgeon process): its Scope 1 must hold dolomite calcination.
    configSheet({ mapping: {}, settings: { industry: "magnesium-pidgeon" } }),
  ]);
  return host.toBuffer();
}

export async function buildSyntheticSites(sites = 3, full = false): Promise<Buffer> {
  const host = XlsxHost.blank("synthetic-sites.xlsx");
  const models = syntheticSitesModels(sites, full);
  await host.writeInput(models, { sheetScoped: siteSheets(models) });
  return host.toBuffer();
}

async function main(): Promise<void> {
  const { writeFile } = await import("fs/promises");
  await writeFile(join(EXAMPLES, "sample-esg-2024.xlsx"), await buildSample());
  await writeFile(join(EXAMPLES, "synthetic-sites.xlsx"), await buildSyntheticSites());
  process.stdout.write(`wrote ${join(EXAMPLES, "sample-esg-2024.xlsx")} and synthetic-sites.xlsx\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
