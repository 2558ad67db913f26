/** `esg template [--out F]`: a blank input workbook with every default name in its layout, and instructions. */
import { extname } from "path";
import { templateModels } from "../template/layout";
import { XlsxHost } from "../../workbook/xlsx/host";
import { lockOutput, refuseExisting } from "../../workbook/xlsx/save";
import { print } from "../output";
import { UsageError } from "../usage";

export async function templateCommand(opts: { out?: string; force?: boolean }): Promise<number> {
  const out = opts.out ?? "esg-template.xlsx";
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`the output ${out} must end in .xlsx`);
  await refuseExisting(out, opts.force);
  const release = await lockOutput(out);
  try {
    const host = XlsxHost.blank(out);
    await host.writeInput(templateModels());
    await host.save(out);
  } finally {
    await release();
  }
  print(`wrote ${out}`);
  return 0;
}
