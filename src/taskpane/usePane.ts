/**
 * The pane's behaviour around its reducer (pane-reducer.ts): reads through the host, generates through
 * the generate use case (src/use-cases/generate.ts, the one the command line runs, fetched on the first
 * Generate: generate-on-demand.ts), saves the configuration, and selects cells through the host.
 */
import * as React from "react";
import { analyse } from "../esg/analyse";
import type { GenerateStep } from "../use-cases/generate";
import { loadGenerate } from "../use-cases/generate-on-demand";
import { paneLanguage, STRINGS } from "./i18n";
import { configWrite, workbookConfig } from "./config";
import { initialPaneModel, paneReducer } from "./pane-reducer";
import type { ConfigPart, GenerateChoices, PaneProps, PaneSettings, PaneState, TabValue } from "./Pane.types";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Lets the event loop paint the progress bar between steps. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Where the progress bar stands when the use case reaches a step (the read starts at 0.1). */
const PROGRESS: Partial<Record<GenerateStep, number>> = { computing: 0.35, recording: 0.6 };

export function usePane(props: PaneProps): PaneState {
  const { host } = props;
  const [state, dispatch] = React.useReducer(paneReducer, undefined, () =>
    initialPaneModel(paneLanguage(host.displayLanguage), props.initialTab ?? "data"),
  );
  const { read, settings, choices, phase, draftMapping } = state;

  // The mapping is not an explicit option: the engine reads the saved one from the workbook (ESG_Mapping).
  const explicit = settings;

  const analysis = React.useMemo(() => (read ? analyse(read, explicit) : null), [read, explicit]);
  const errorCount = analysis ? analysis.findings.filter((f) => f.severity === "error").length : 0;
  const accepted = choices.accepted && choices.note.trim() !== "";
  const canGenerate =
    read !== null &&
    choices.sections.length > 0 &&
    (errorCount === 0 || accepted) &&
    phase.kind !== "working";

  const reload = React.useCallback(async (): Promise<void> => {
    try {
      dispatch({ type: "loaded", read: await host.workbook.read() });
    } catch (e) {
      dispatch({ type: "load-failed", message: message(e) });
    }
  }, [host]);

  React.useEffect(() => {
    void reload();
  }, [reload]);

  // The latest values for the ribbon's handlers, which outlive a render.
  const latest = React.useRef({ choices, explicit, draftMapping });
  latest.current = { choices, explicit, draftMapping };

  const generate = React.useCallback(async (): Promise<void> => {
    const { choices: c, explicit: x } = latest.current;
    dispatch({ type: "generate-progress", progress: 0.1 });
    try {
      await tick();
      const note = c.note.trim();
      const generateDisclosures = await loadGenerate();
      const outcome = await generateDisclosures({
        source: host.workbook,
        now: new Date().toISOString(),
        options: x,
        sections: c.sections,
        language: c.language,
        valuesOnly: c.valuesOnly,
        charts: c.charts,
        errors: c.accepted && note !== "" ? { kind: "accept", note } : { kind: "block" },
        onStep: async (step) => {
          const progress = PROGRESS[step];
          if (progress === undefined) return;
          dispatch({ type: "generate-progress", progress });
          await tick();
        },
      });
      if (outcome.kind === "blocked") {
        dispatch({ type: "generate-blocked", read: outcome.read });
        return;
      }
      // No read after the write: the run changed only the add-in's own sheets, so the pane keeps showing
      // the read the report was computed from (one Generate is the read's syncs and the write's).
      dispatch({ type: "generate-done", result: outcome.written, read: outcome.read });
    } catch (e) {
      dispatch({ type: "generate-failed", message: message(e) });
    }
  }, [host]);

  const setDraftName = React.useCallback((metricId: string, name: string): void => {
    dispatch({ type: "draft-name", metricId, name });
  }, []);

  /**
   * Saves one part of the configuration in the workbook: the tables as read now, with this part's edits,
   * written as the configuration sheet (the history row's section is CONFIG), then read again so the
   * engine takes the mapping and settings from the workbook, as the next user and the command line will.
   */
  const saveConfig = React.useCallback(
    async (part: ConfigPart): Promise<void> => {
      const { draftMapping: drafts, explicit: edits } = latest.current;
      dispatch({ type: "config-saving", part });
      try {
        const fresh = await host.workbook.read();
        const config = workbookConfig(
          fresh,
          part === "mapping" ? drafts : {},
          part === "settings" ? edits : {},
        );
        const { sheets, history } = configWrite(config, new Date().toISOString(), host.workbook.kind);
        await host.workbook.write(sheets, history);
        dispatch({ type: "config-written", part });
        dispatch({ type: "read", read: await host.workbook.read() });
        dispatch({ type: "config-saved", part });
      } catch (e) {
        dispatch({ type: "config-failed", part, message: message(e) });
      }
    },
    [host],
  );
  const saveMapping = React.useCallback((): Promise<void> => saveConfig("mapping"), [saveConfig]);
  const saveSettings = React.useCallback((): Promise<void> => saveConfig("settings"), [saveConfig]);

  const setSettings = React.useCallback(
    (patch: PaneSettings): void => dispatch({ type: "settings", patch }),
    [],
  );
  const setChoices = React.useCallback(
    (patch: Partial<GenerateChoices>): void => dispatch({ type: "choices", patch }),
    [],
  );
  const setTab = React.useCallback((tab: TabValue): void => dispatch({ type: "tab", tab }), []);
  const toggleLang = React.useCallback((): void => dispatch({ type: "toggle-lang" }), []);
  const selectCell = React.useCallback(
    (location: string): void => {
      host.selectCell(location).catch((e: unknown) => dispatch({ type: "load-failed", message: message(e) }));
    },
    [host],
  );
  const checkData = React.useCallback(async (): Promise<void> => {
    setTab("checks");
    await reload();
  }, [reload, setTab]);
  const generateDisclosuresAction = React.useCallback(async (): Promise<void> => {
    setTab("generate");
    await generate();
  }, [generate, setTab]);

  const actions = React.useMemo(
    () => ({
      setTab,
      toggleLang,
      reload,
      setDraftName,
      saveMapping,
      setSettings,
      saveSettings,
      setChoices,
      generate,
      selectCell,
      checkData,
      generateDisclosures: generateDisclosuresAction,
    }),
    [
      setTab,
      toggleLang,
      reload,
      setDraftName,
      saveMapping,
      setSettings,
      saveSettings,
      setChoices,
      generate,
      selectCell,
      checkData,
      generateDisclosuresAction,
    ],
  );

  return {
    host,
    lang: state.lang,
    strings: STRINGS[state.lang],
    tab: state.tab,
    read,
    loadError: state.loadError,
    analysis,
    settings,
    draftMapping,
    configSave: state.configSave,
    choices,
    phase,
    errorCount,
    canGenerate,
    actions,
  };
}
