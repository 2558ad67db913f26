import * as React from "react";
import type { Finding, Severity } from "../../esg/types";
import { usePaneContext } from "../PaneContext";
import { useViewStyles } from "../usePaneStyles.styles";

export interface FindingItem {
  readonly key: string;
  readonly message: string;
  readonly hint: string;
  readonly location: string | null;
  readonly goTo: string;
  readonly onSelect: () => void;
}

export interface KpiGroup {
  readonly kpi: string;
  readonly title: string;
  readonly items: readonly FindingItem[];
}

export interface SeverityGroup {
  readonly severity: Severity;
  readonly title: string;
  readonly intent: "error" | "warning" | "info";
  readonly groups: readonly KpiGroup[];
}

const ORDER: readonly Severity[] = ["error", "warning", "info"];

export function useChecksView() {
  const state = usePaneContext();
  const classes = useViewStyles();
  const { analysis, lang, strings } = state;
  const { selectCell } = state.actions;

  const severities: SeverityGroup[] = React.useMemo(() => {
    const findings: readonly Finding[] = analysis?.findings ?? [];
    return ORDER.map((severity) => {
      const byKpi = new Map<string, FindingItem[]>();
      findings
        .filter((f) => f.severity === severity)
        .forEach((f, i) => {
          const kpi = f.kpi ?? "";
          const list = byKpi.get(kpi) ?? [];
          const location = f.location;
          list.push({
            key: `${f.rule}:${f.metric ?? ""}:${location ?? ""}:${i}`,
            message: f.message[lang],
            hint: f.hint[lang],
            location,
            goTo: location ? strings.checks.goTo(location) : "",
            onSelect: () => {
              if (location) selectCell(location);
            },
          });
          byKpi.set(kpi, list);
        });
      const groups = [...byKpi.entries()]
        .sort(([a], [b]) => (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)))
        .map(([kpi, items]) => ({ kpi, title: kpi === "" ? strings.checks.general : kpi, items }));
      return { severity, title: strings.checks.severity[severity], intent: severity, groups };
    }).filter((g) => g.groups.length > 0);
  }, [analysis, lang, strings, selectCell]);

  const count = (s: Severity): number => (analysis?.findings ?? []).filter((f) => f.severity === s).length;
  const summary = strings.checks.summary(count("error"), count("warning"), count("info"));
  const summaryIntent: "error" | "warning" | "success" =
    count("error") > 0 ? "error" : count("warning") > 0 ? "warning" : "success";

  const { reload } = state.actions;
  const onReload = React.useCallback(() => void reload(), [reload]);

  return { state, classes, severities, summary, summaryIntent, onReload };
}

export type ChecksViewState = ReturnType<typeof useChecksView>;
