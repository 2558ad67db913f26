/** `esg kpis <xlsx> [--json]`: the KPIs with their formula, inputs and sources. */
import { analyse } from "../../esg/engine";
import { readable } from "../../esg/readable";
import type { KpiResult, Lang } from "../../esg/types";
import { XlsxHost } from "../../workbook/xlsx/host";
import { print, printJson } from "../output";
import { table } from "../table";

export async function kpisCommand(file: string, opts: { json?: boolean; lang?: Lang }): Promise<number> {
  const host = await XlsxHost.open(file);
  const { kpis } = analyse(await host.read());
  if (opts.json) {
    printJson({ kpis });
    return 0;
  }
  const lang = opts.lang ?? "en";
  print(
    table(
      [
        { header: "KPI" },
        { header: "figure", max: 50 },
        { header: "value", right: true },
        { header: "unit", max: 16 },
        { header: "formula", max: 60 },
      ],
      kpis.map((k: KpiResult) => [
        k.kpi,
        k.label[lang],
        readable(k.value, k.unit).text,
        readable(k.value, k.unit).unit,
        k.value === null && k.reason ? k.reason[lang] : k.formula[lang],
      ]),
    ),
  );
  return 0;
}
