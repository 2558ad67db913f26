/** `esg check <xlsx> [--json]`: the engine's findings; exit 1 when any is an error. */
import { analyse } from "../../esg/engine";
import type { Finding, Lang } from "../../esg/types";
import { XlsxHost } from "../../workbook/xlsx/host";
import { print, printJson } from "../output";
import { table } from "../table";

export function findingJson(f: Finding): Record<string, unknown> {
  return {
    rule: f.rule,
    severity: f.severity,
    metric: f.metric,
    kpi: f.kpi,
    location: f.location,
    message: { en: f.message.en, "zh-HK": f.message["zh-HK"] },
    hint: f.hint,
  };
}

export function severityCounts(findings: readonly Finding[]): Record<"error" | "warning" | "info", number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function findingsTable(findings: readonly Finding[], lang: Lang): string {
  return table(
    [
      { header: "severity" },
      { header: "rule", max: 28 },
      { header: "where", max: 28 },
      { header: "message", max: 90 },
    ],
    findings.map((f) => [f.severity, f.rule, f.location ?? f.metric ?? "", f.message[lang]]),
  );
}

export async function checkCommand(file: string, opts: { json?: boolean; lang?: Lang }): Promise<number> {
  const host = await XlsxHost.open(file);
  const { findings } = analyse(await host.read());
  const counts = severityCounts(findings);
  if (opts.json) printJson({ findings: findings.map(findingJson) });
  else {
    if (findings.length > 0) print(findingsTable(findings, opts.lang ?? "en") + "\n");
    print(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`);
  }
  return counts.error > 0 ? 1 : 0;
}
