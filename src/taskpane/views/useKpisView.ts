import * as React from "react";
import { getKpi, KPI_CATALOG } from "../../esg/catalog";
import { readable } from "../../esg/readable";
import { formatNumber, formatPercent } from "../i18n";
import { readableFormula } from "./KpiGroups";
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
      // Catalogue order (A1 → D); within a KPI, the engine's order. Percentages as percentages and
      // per-currency intensities per million (readable.ts); constants in formulas at 5 significant digits.
      [...(analysis?.kpis ?? [])]
        .map((k, i) => ({
          k,
          i,
          at: getKpi(k.kpi) ? KPI_CATALOG.indexOf(getKpi(k.kpi)!) : KPI_CATALOG.length,
        }))
        .sort((a, b) => a.at - b.at || a.i - b.i)
        .map(({ k }) => {
          const shown = readable(k.value, k.unit);
          const prior = readable(k.prior, k.unit);
          return {
            id: k.id,
            kpi: k.kpi,
            label: k.label[lang],
            value:
              k.value === null
                ? (k.reason?.[lang] ?? strings.kpis.notAvailable)
                : formatNumber(shown.value, lang),
            unit: k.value === null ? "" : shown.unit,
            prior: formatNumber(prior.value, lang),
            change: formatPercent(k.change, lang),
            formula: readableFormula(k.formula[lang]),
          };
        }),
    [analysis, lang, strings],
  );
  return { state, classes, rows };
}

export type KpisViewState = ReturnType<typeof useKpisView>;
