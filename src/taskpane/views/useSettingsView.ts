import * as React from "react";
import type {
  InputOnChangeData,
  RadioGroupOnChangeData,
  SelectOnChangeData,
} from "@fluentui/react-components";
import { BASE_LIBRARY } from "../../esg/factors";
import type { TrainingReading, TurnoverMethod } from "../../esg/types";
import { usePaneContext } from "../PaneContext";
import { useViewStyles } from "../usePaneStyles.styles";

export function useSettingsView() {
  const state = usePaneContext();
  const classes = useViewStyles();
  const { analysis, settings, configSave, strings } = state;
  const { setSettings, saveSettings } = state.actions;
  const options = analysis?.options;

  const series = React.useMemo(
    () => [...new Set(BASE_LIBRARY.factors.filter((f) => f.kind === "grid").map((f) => f.series))].sort(),
    [],
  );
  const years = React.useMemo(() => {
    const chosen = options?.gridSeries;
    return [
      ...new Set(
        BASE_LIBRARY.factors
          .filter((f) => f.kind === "grid" && f.series === chosen)
          .flatMap((f) => (f.dataYear === null ? [] : [f.dataYear])),
      ),
    ].sort((a, b) => b - a);
  }, [options?.gridSeries]);

  // The tolerance is typed as a percentage and kept as text while the user edits it.
  const [yoyText, setYoyText] = React.useState(() =>
    String(Math.round((options?.yoyTolerance ?? 0.25) * 1000) / 10),
  );
  const yoyInvalid = !/^\d+(\.\d+)?$/.test(yoyText.trim());
  const onYoy = React.useCallback(
    (_e: React.ChangeEvent<HTMLInputElement>, data: InputOnChangeData) => {
      setYoyText(data.value);
      if (/^\d+(\.\d+)?$/.test(data.value.trim())) setSettings({ yoyTolerance: Number(data.value) / 100 });
    },
    [setSettings],
  );
  const onTurnover = React.useCallback(
    (_e: React.FormEvent<HTMLDivElement>, data: RadioGroupOnChangeData) =>
      setSettings({ turnoverMethod: data.value as TurnoverMethod }),
    [setSettings],
  );
  const onTraining = React.useCallback(
    (_e: React.FormEvent<HTMLDivElement>, data: RadioGroupOnChangeData) =>
      setSettings({ trainingReading: data.value as TrainingReading }),
    [setSettings],
  );
  const onSeries = React.useCallback(
    (_e: React.ChangeEvent<HTMLSelectElement>, data: SelectOnChangeData) =>
      setSettings({ gridSeries: data.value, gridYear: null }),
    [setSettings],
  );
  const onYear = React.useCallback(
    (_e: React.ChangeEvent<HTMLSelectElement>, data: SelectOnChangeData) =>
      setSettings({ gridYear: data.value === "" ? null : Number(data.value) }),
    [setSettings],
  );

  const onSave = React.useCallback(() => void saveSettings(), [saveSettings]);
  const mine = configSave.kind !== "idle" && configSave.part === "settings";

  return {
    state,
    classes,
    onSave,
    saving: configSave.kind === "saving",
    saved: mine && configSave.kind === "saved",
    saveError: mine && configSave.kind === "failed" ? strings.saveFailed(configSave.message) : null,
    series,
    years,
    yoyText,
    yoyInvalid,
    turnoverMethod: settings.turnoverMethod ?? options?.turnoverMethod ?? "average",
    trainingReading: settings.trainingReading ?? options?.trainingReading ?? "share-of-category",
    gridSeries: options?.gridSeries ?? "",
    gridYear: options?.gridYear === null || options?.gridYear === undefined ? "" : String(options.gridYear),
    onYoy,
    onTurnover,
    onTraining,
    onSeries,
    onYear,
  };
}

export type SettingsViewState = ReturnType<typeof useSettingsView>;
