/** `esg template [--out F]`: a blank input workbook with every default name in its layout, and instructions. */
import { extname } from "path";
import { templateModels } from "../template/layout";
import { XlsxHost } from "../../workbook/xlsx/host";
import { lockNewOutput } from "../../workbook/xlsx/save";
import { print } from "../output";
import { UsageError } from "../usage";

export async function templateCommand(opts: { out?: string; force?: boolean }): Promise<number> {
  const out = opts.out ?? "esg-template.xlsx";
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`the output ${out} must end in .xlsx`);
  const release = await lockNewOutput(out, opts.force);
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
