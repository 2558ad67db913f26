import * as React from "react";
import { mergeClasses, type SelectOnChangeData } from "@fluentui/react-components";
import { CONFIG_NAMES, METRICS } from "../../esg/metrics";
import type { Lang, Severity } from "../../esg/types";
import { formatNumber } from "../i18n";
import { usePaneContext } from "../PaneContext";
import { rankNames } from "../similarity";
import { useViewStyles } from "../usePaneStyles.styles";

export type MetricStatus = "ok" | "missing" | "optional" | Severity;

/** Metrics a group may leave out without a gap in any KPI: intensity denominators other than production. */
const isOptional = (m: { readonly group: string; readonly id: string }): boolean =>
  m.group === "denominators" && m.id !== "production";

export interface MetricRow {
  readonly id: string;
  readonly label: string;
  readonly defaultName: string;
  /** The name chosen (draft or saved); "" = the default name. */
  readonly chosen: string;
  readonly suggested: readonly string[];
  readonly others: readonly string[];
  readonly value: string;
  readonly unit: string;
  readonly status: MetricStatus;
  readonly statusText: string;
  readonly onChange: (event: React.ChangeEvent<HTMLSelectElement>, data: SelectOnChangeData) => void;
}

function displayValue(dimension: string, value: number | null, text: string, lang: Lang): string {
  if (dimension === "text") return text || "—";
  if (dimension === "year") return value === null ? "—" : String(value);
  return formatNumber(value, lang);
}

const CONFIG = new Set(Object.values(CONFIG_NAMES).map((n) => n.toUpperCase()));

export function useDataView() {
  const state = usePaneContext();
  const classes = useViewStyles();
  const { analysis, read, lang, strings, draftMapping, configSave } = state;
  const { setDraftName } = state.actions;

  const names = React.useMemo(() => {
    const list = (read?.names ?? [])
      .filter((n) => !n.builtIn && !n.hidden && !CONFIG.has(n.name.toUpperCase()) && !/_Unit$/i.test(n.name))
      .map((n) => n.name);
    return [...new Set(list)].sort((a, b) => a.localeCompare(b));
  }, [read]);

  const rows: MetricRow[] = React.useMemo(() => {
    if (!analysis) return [];
    return METRICS.map((m) => {
      const mv = analysis.snapshot.metrics.get(m.id);
      const worst = analysis.findings.find((f) => f.metric === m.id && f.severity !== "info")?.severity;
      const text = mv?.group?.text ?? "";
      const status: MetricStatus =
        worst ??
        (mv && (mv.value !== null || text !== "" || mv.rows.length > 0)
          ? "ok"
          : isOptional(m)
            ? "optional"
            : "missing");
      // The saved mapping comes back from the workbook through the engine (snapshot.names).
      const chosen = draftMapping[m.id] ?? analysis.snapshot.names.get(m.id) ?? "";
      const suggested = rankNames([m.defaultName, m.label.en], names)
        .map((s) => s.name)
        .filter((n) => n !== m.defaultName);
      // A saved name the workbook no longer defines is still shown as chosen (its status says Missing).
      const listed =
        chosen === "" || chosen === m.defaultName || names.includes(chosen) ? names : [...names, chosen];
      const others = listed.filter((n) => n !== m.defaultName && !suggested.includes(n));
      const statusText = {
        ok: strings.data.statusOk,
        missing: strings.data.statusMissing,
        optional: strings.data.statusOptional,
        error: strings.data.statusError,
        warning: strings.data.statusWarning,
        info: strings.data.statusOk,
      }[status];
      return {
        id: m.id,
        label: m.label[lang],
        defaultName: m.defaultName,
        chosen: chosen === m.defaultName ? "" : chosen,
        suggested,
        others,
        value: displayValue(m.dimension, mv?.value ?? null, text, lang),
        unit: m.dimension === "text" || m.dimension === "year" ? "" : m.unit,
        status,
        statusText,
        onChange: (_e: React.ChangeEvent<HTMLSelectElement>, data: SelectOnChangeData) =>
          setDraftName(m.id, data.value),
      };
    });
  }, [analysis, names, draftMapping, lang, strings, setDraftName]);

  const tone = (s: MetricStatus): "ok" | "warn" | "bad" =>
    s === "ok" || s === "info" || s === "optional" ? "ok" : s === "warning" ? "warn" : "bad";
  const statusClass = (s: MetricStatus): string => mergeClasses(classes.status, classes[tone(s)]);
  const cardClass = (s: MetricStatus): string =>
    mergeClasses(classes.item, classes.card, classes[`${tone(s)}Edge`]);

  const { reload, saveMapping } = state.actions;
  const onReload = React.useCallback(() => void reload(), [reload]);
  const onSave = React.useCallback(() => void saveMapping(), [saveMapping]);
  const mine = configSave.kind !== "idle" && configSave.part === "mapping";

  return {
    state,
    classes,
    rows,
    statusClass,
    cardClass,
    onReload,
    onSave,
    saving: configSave.kind === "saving",
    saved: mine && configSave.kind === "saved",
    saveError: mine && configSave.kind === "failed" ? strings.saveFailed(configSave.message) : null,
  };
}

export type DataViewState = ReturnType<typeof useDataView>;
