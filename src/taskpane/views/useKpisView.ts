import * as React from "react";
import { formatNumber, formatPercent } from "../i18n";
import { usePaneContext } from "../PaneContext";
import { useViewStyles } from "../usePaneStyles.styles";

export interface KpiRow {
  readonly id: string;
  readonly kpi: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly prior: string;
  readonly change: string;
  readonly formula: string;
}

export function useKpisView() {
  const state = usePaneContext();
  const classes = useViewStyles();
  const { analysis, lang, strings } = state;
  const rows: KpiRow[] = React.useMemo(
    () =>
      (analysis?.kpis ?? []).map((k) => ({
        id: k.id,
        kpi: k.kpi,
        label: k.label[lang],
        value:
          k.value === null ? (k.reason?.[lang] ?? strings.kpis.notAvailable) : formatNumber(k.value, lang),
        unit: k.value === null ? "" : k.unit,
        prior: formatNumber(k.prior, lang),
        change: formatPercent(k.change, lang),
        formula: k.formula[lang],
      })),
    [analysis, lang, strings],
  );
  return { state, classes, rows };
}

export type KpisViewState = ReturnType<typeof useKpisView>;
