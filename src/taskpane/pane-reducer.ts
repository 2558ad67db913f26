/**
 * The pane's state and every change to it, as a pure reducer: usePane.ts runs the effects (reading,
 * the generate use case, saving the configuration) and dispatches what they found.
 */
import { ALL_SECTIONS } from "../esg/options";
import type { Lang, WorkbookRead } from "../esg/types";
import type { WriteResult } from "../workbook/types";
import type {
  ConfigPart,
  ConfigSave,
  GenerateChoices,
  GeneratePhase,
  PaneSettings,
  TabValue,
} from "./Pane.types";

export interface PaneModel {
  readonly lang: Lang;
  readonly tab: TabValue;
  readonly read: WorkbookRead | null;
  readonly loadError: string | null;
  readonly settings: PaneSettings;
  readonly draftMapping: Readonly<Record<string, string>>;
  readonly configSave: ConfigSave;
  readonly choices: GenerateChoices;
  readonly phase: GeneratePhase;
}

export type PaneEvent =
  | { readonly type: "tab"; readonly tab: TabValue }
  | { readonly type: "toggle-lang" }
  /** The workbook was read on request (the Reload button, the ribbon): a load error is cleared. */
  | { readonly type: "loaded"; readonly read: WorkbookRead }
  /** The workbook was read again after a write of the pane's. */
  | { readonly type: "read"; readonly read: WorkbookRead }
  /** Reading, or selecting a cell, failed. */
  | { readonly type: "load-failed"; readonly message: string }
  | { readonly type: "draft-name"; readonly metricId: string; readonly name: string }
  | { readonly type: "settings"; readonly patch: PaneSettings }
  | { readonly type: "choices"; readonly patch: Partial<GenerateChoices> }
  | { readonly type: "config-saving"; readonly part: ConfigPart }
  /** The configuration sheet was written: that part's edits are now the workbook's. */
  | { readonly type: "config-written"; readonly part: ConfigPart }
  | { readonly type: "config-saved"; readonly part: ConfigPart }
  | { readonly type: "config-failed"; readonly part: ConfigPart; readonly message: string }
  | { readonly type: "generate-progress"; readonly progress: number }
  /** Errors were found and not accepted: nothing was written; the view shows the fresh read. */
  | { readonly type: "generate-blocked"; readonly read: WorkbookRead }
  | { readonly type: "generate-done"; readonly result: WriteResult; readonly read: WorkbookRead }
  | { readonly type: "generate-failed"; readonly message: string };

export function initialPaneModel(lang: Lang, tab: TabValue): PaneModel {
  return {
    lang,
    tab,
    read: null,
    loadError: null,
    settings: {},
    draftMapping: {},
    configSave: { kind: "idle" },
    choices: {
      sections: ALL_SECTIONS,
      language: "both",
      valuesOnly: false,
      charts: true,
      accepted: false,
      note: "",
    },
    phase: { kind: "idle" },
  };
}

export function paneReducer(state: PaneModel, event: PaneEvent): PaneModel {
  switch (event.type) {
    case "tab":
      return { ...state, tab: event.tab };
    case "toggle-lang":
      return { ...state, lang: state.lang === "en" ? "zh-HK" : "en" };
    case "loaded":
      return { ...state, read: event.read, loadError: null };
    case "read":
      return { ...state, read: event.read };
    case "load-failed":
      return { ...state, loadError: event.message };
    case "draft-name":
      return {
        ...state,
        draftMapping: { ...state.draftMapping, [event.metricId]: event.name },
        configSave: { kind: "idle" },
      };
    case "settings":
      return { ...state, settings: { ...state.settings, ...event.patch }, configSave: { kind: "idle" } };
    case "choices":
      return { ...state, choices: { ...state.choices, ...event.patch } };
    case "config-saving":
      return { ...state, configSave: { kind: "saving", part: event.part } };
    case "config-written":
      return event.part === "mapping" ? { ...state, draftMapping: {} } : { ...state, settings: {} };
    case "config-saved":
      return { ...state, configSave: { kind: "saved", part: event.part } };
    case "config-failed":
      return { ...state, configSave: { kind: "failed", part: event.part, message: event.message } };
    case "generate-progress":
      return { ...state, phase: { kind: "working", progress: event.progress } };
    case "generate-blocked":
      return { ...state, read: event.read, phase: { kind: "idle" } };
    case "generate-done":
      return { ...state, read: event.read, phase: { kind: "done", result: event.result } };
    case "generate-failed":
      return { ...state, phase: { kind: "failed", message: event.message } };
  }
}
