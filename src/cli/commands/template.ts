/** `esg template [--out F]`: a blank input workbook with every default name in its layout, and instructions. */
import { templateModels } from "../template/layout";
import { XlsxHost } from "../../workbook/xlsx/host";
import { print } from "../output";

export async function templateCommand(opts: { out?: string }): Promise<number> {
  const out = opts.out ?? "esg-template.xlsx";
  const host = XlsxHost.blank(out);
  await host.writeInput(templateModels());
  await host.save(out);
  print(`wrote ${out}`);
  return 0;
}
