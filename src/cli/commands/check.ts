/**
 * `esg check <xlsx> [--json]`: the engine's findings; exit 1 when any is an error. On a terminal each
 * finding is a heading line (severity, rule, where) with its message and hint wrapped to the terminal's
 * width; in a pipe the width is 100 columns.
 */
import { analyse } from "../../esg/engine";
import type { Finding, Lang } from "../../esg/types";
import { XlsxHost } from "../../workbook/xlsx/host";
import { print, printJson } from "../output";
import { wrap } from "../table";

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

/** Columns to wrap to: the terminal's, or 100 when stdout is not a terminal. */
export function outputWidth(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(40, cols ?? 100);
}

const HINT_LABEL: Record<Lang, string> = { en: "hint: ", "zh-HK": "提示：" };

/** Each finding as a heading line, then its message and hint indented and wrapped to `width`. */
export function findingsText(findings: readonly Finding[], lang: Lang, width = outputWidth()): string {
  const blocks = findings.map((f) => {
    const where = f.location ?? f.metric ?? "";
    const lines = [`${f.severity.padEnd(7)} ${f.rule}${where ? `  ${where}` : ""}`];
    lines.push(...wrap(f.message[lang], width - 4).map((l) => `    ${l}`));
    const hint = f.hint[lang];
    if (hint) {
      const label = HINT_LABEL[lang];
      wrap(hint, width - 4 - label.length).forEach((l, i) =>
        lines.push(`    ${i === 0 ? label : " ".repeat(label.length)}${l}`),
      );
    }
    return lines.join("\n");
  });
  return blocks.join("\n\n");
}

export async function checkCommand(file: string, opts: { json?: boolean; lang?: Lang }): Promise<number> {
  const host = await XlsxHost.open(file);
  const { findings } = analyse(await host.read());
  const counts = severityCounts(findings);
  if (opts.json) printJson({ findings: findings.map(findingJson) });
  else {
    if (findings.length > 0) print(findingsText(findings, opts.lang ?? "en") + "\n");
    print(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`);
  }
  return counts.error > 0 ? 1 : 0;
}
