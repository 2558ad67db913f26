/** The pane's state and behaviour: reads through the host, analyses with the engine, writes what it generates. */
import * as React from "react";
import { analyse, runEngine } from "../esg/engine";
import { ALL_SECTIONS } from "../esg/options";
import type { HistoryEntry, Lang, WorkbookRead } from "../esg/types";
import { paneLanguage, STRINGS } from "./i18n";
import { configWrite, workbookConfig } from "./config";
import type {
  ConfigPart,
  ConfigSave,
  GenerateChoices,
  GeneratePhase,
  PaneProps,
  PaneSettings,
  PaneState,
  TabValue,
} from "./Pane.types";

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Lets the event loop paint the progress bar between steps. */
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function usePane(props: PaneProps): PaneState {
  const { host } = props;
  const [lang, setLang] = React.useState<Lang>(() => paneLanguage(host.displayLanguage));
  const [tab, setTab] = React.useState<TabValue>(props.initialTab ?? "data");
  const [read, setRead] = React.useState<WorkbookRead | null>(null);
  const [loadError, setLoadError] = React.useState<string | null>(null);
  const [settings, setSettingsState] = React.useState<PaneSettings>({});
  const [draftMapping, setDraftMapping] = React.useState<Readonly<Record<string, string>>>({});
  const [configSave, setConfigSave] = React.useState<ConfigSave>({ kind: "idle" });
  const [choices, setChoicesState] = React.useState<GenerateChoices>({
    sections: ALL_SECTIONS,
    language: "both",
    valuesOnly: false,
    accepted: false,
    note: "",
  });
  const [phase, setPhase] = React.useState<GeneratePhase>({ kind: "idle" });

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
      const next = await host.workbook.read();
      setRead(next);
      setLoadError(null);
    } catch (e) {
      setLoadError(message(e));
    }
  }, [host]);

  React.useEffect(() => {
    void reload();
  }, [reload]);

  // The latest values for the ribbon's handlers, which outlive a render.
  const latest = React.useRef({ choices, explicit, canGenerate, draftMapping });
  latest.current = { choices, explicit, canGenerate, draftMapping };

  const generate = React.useCallback(async (): Promise<void> => {
    const { choices: c, explicit: x } = latest.current;
    setPhase({ kind: "working", progress: 0.1 });
    try {
      await tick();
      const fresh = await host.workbook.read();
      setPhase({ kind: "working", progress: 0.35 });
      await tick();
      const now = new Date().toISOString();
      const result = runEngine(fresh, {
        ...x,
        sections: c.sections,
        language: c.language,
        valuesOnly: c.valuesOnly,
        now,
      });
      const errors = result.findings.filter((f) => f.severity === "error").length;
      const note = c.note.trim();
      if (errors > 0 && !(c.accepted && note !== "")) {
        setRead(fresh);
        setPhase({ kind: "idle" });
        return;
      }
      setPhase({ kind: "working", progress: 0.6 });
      await tick();
      const history: HistoryEntry = {
        at: now,
        host: host.workbook.kind,
        sections: c.sections,
        language: c.language,
        valuesOnly: c.valuesOnly,
        sheets: result.sheets.map((s) => s.name),
        sourceNames: result.sourceNames,
        ...(errors > 0 ? { acceptedErrors: { count: errors, note } } : {}),
      };
      const written = await host.workbook.write(result.sheets, history);
      setPhase({ kind: "working", progress: 0.9 });
      setRead(await host.workbook.read());
      setPhase({ kind: "done", result: written });
    } catch (e) {
      setPhase({ kind: "failed", message: message(e) });
    }
  }, [host]);

  const setDraftName = React.useCallback((metricId: string, name: string): void => {
    setDraftMapping((d) => ({ ...d, [metricId]: name }));
    setConfigSave({ kind: "idle" });
  }, []);

  /**
   * Saves one part of the configuration in the workbook: the tables as read now, with this part's edits,
   * written as the configuration sheet (the history row's section is CONFIG), then read again so the
   * engine takes the mapping and settings from the workbook, as the next user and the command line will.
   */
  const saveConfig = React.useCallback(
    async (part: ConfigPart): Promise<void> => {
      const { draftMapping: drafts, explicit: edits } = latest.current;
      setConfigSave({ kind: "saving", part });
      try {
        const fresh = await host.workbook.read();
        const config = workbookConfig(
          fresh,
          part === "mapping" ? drafts : {},
          part === "settings" ? edits : {},
        );
        const { sheets, history } = configWrite(config, new Date().toISOString(), host.workbook.kind);
        await host.workbook.write(sheets, history);
        if (part === "mapping") setDraftMapping({});
        else setSettingsState({});
        setRead(await host.workbook.read());
        setConfigSave({ kind: "saved", part });
      } catch (e) {
        setConfigSave({ kind: "failed", part, message: message(e) });
      }
    },
    [host],
  );
  const saveMapping = React.useCallback((): Promise<void> => saveConfig("mapping"), [saveConfig]);
  const saveSettings = React.useCallback((): Promise<void> => saveConfig("settings"), [saveConfig]);

  const setSettings = React.useCallback((patch: PaneSettings): void => {
    setSettingsState((s) => ({ ...s, ...patch }));
    setConfigSave({ kind: "idle" });
  }, []);
  const setChoices = React.useCallback(
    (patch: Partial<GenerateChoices>): void => setChoicesState((c) => ({ ...c, ...patch })),
    [],
  );
  const toggleLang = React.useCallback((): void => setLang((l) => (l === "en" ? "zh-HK" : "en")), []);
  const selectCell = React.useCallback(
    (location: string): void => {
      host.selectCell(location).catch((e: unknown) => setLoadError(message(e)));
    },
    [host],
  );
  const checkData = React.useCallback(async (): Promise<void> => {
    setTab("checks");
    await reload();
  }, [reload]);
  const generateDisclosures = React.useCallback(async (): Promise<void> => {
    setTab("generate");
    await generate();
  }, [generate]);

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
      generateDisclosures,
    }),
    [
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
      generateDisclosures,
    ],
  );

  return {
    host,
    lang,
    strings: STRINGS[lang],
    tab,
    read,
    loadError,
    analysis,
    settings,
    draftMapping,
    configSave,
    choices,
    phase,
    errorCount,
    canGenerate,
    actions,
  };
}
