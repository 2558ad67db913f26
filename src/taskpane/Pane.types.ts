import type { analyse } from "../esg/analyse";
import type { EngineOptions } from "../esg/options";
import type { Lang, ReportLang, WorkbookRead } from "../esg/types";
import type { WriteResult } from "../workbook/types";
import type { PaneHost } from "./host";
import type { Strings } from "./i18n";

export type TabValue = "data" | "checks" | "kpis" | "generate" | "settings";

export const TABS: readonly TabValue[] = ["data", "checks", "kpis", "generate", "settings"];

export type Analysis = ReturnType<typeof analyse>;

/** Settings the user can change in the pane (the rest of EngineOptions comes from the workbook or defaults). */
export type PaneSettings = Partial<
  Pick<EngineOptions, "yoyTolerance" | "turnoverMethod" | "trainingReading" | "gridSeries" | "gridYear">
>;

export interface GenerateChoices {
  readonly sections: readonly string[];
  readonly language: ReportLang;
  readonly valuesOnly: boolean;
  /** Charts over the tables (issue 14); off gives the tables exactly as without charts. */
  readonly charts: boolean;
  /** The user accepts the errors the checks found; needs a note. */
  readonly accepted: boolean;
  readonly note: string;
}

export type GeneratePhase =
  | { readonly kind: "idle" }
  | { readonly kind: "working"; readonly progress: number }
  | { readonly kind: "done"; readonly result: WriteResult }
  | { readonly kind: "failed"; readonly message: string };

/** Saving the configuration (mapping or settings) in the workbook. */
export type ConfigPart = "mapping" | "settings";

export type ConfigSave =
  | { readonly kind: "idle" }
  | { readonly kind: "saving"; readonly part: ConfigPart }
  | { readonly kind: "saved"; readonly part: ConfigPart }
  | { readonly kind: "failed"; readonly part: ConfigPart; readonly message: string };

export interface PaneProps {
  readonly host: PaneHost;
  /** Starting view; the Data view by default. */
  readonly initialTab?: TabValue;
}

export interface PaneState {
  readonly host: PaneHost;
  readonly lang: Lang;
  readonly strings: Strings;
  readonly tab: TabValue;
  readonly read: WorkbookRead | null;
  readonly loadError: string | null;
  readonly analysis: Analysis | null;
  /** Settings changed in the pane: applied to every analysis and generation, kept in the workbook once saved. */
  readonly settings: PaneSettings;
  /**
   * Edits in the Data view not yet saved. The saved mapping is the workbook's (ESG_Mapping on the
   * configuration sheet), as the engine reads it: analysis.snapshot.names.
   */
  readonly draftMapping: Readonly<Record<string, string>>;
  readonly configSave: ConfigSave;
  readonly choices: GenerateChoices;
  readonly phase: GeneratePhase;
  /** Errors among the current findings. */
  readonly errorCount: number;
  /** Generation is allowed: sections chosen and no errors, or errors accepted with a note. */
  readonly canGenerate: boolean;
  readonly actions: PaneActions;
}

export interface PaneActions {
  setTab(tab: TabValue): void;
  toggleLang(): void;
  reload(): Promise<void>;
  setDraftName(metricId: string, name: string): void;
  /** Writes the configuration sheet with the draft mapping (and the workbook's settings), then reads again. */
  saveMapping(): Promise<void>;
  setSettings(patch: PaneSettings): void;
  /** Writes the configuration sheet with the pane's settings (and the workbook's mapping), then reads again. */
  saveSettings(): Promise<void>;
  setChoices(patch: Partial<GenerateChoices>): void;
  generate(): Promise<void>;
  selectCell(location: string): void;
  /** Ribbon "Check data": read again and show the Checks view. */
  checkData(): Promise<void>;
  /** Ribbon "Generate disclosures": show the Generate view and run it (blocked by unaccepted errors). */
  generateDisclosures(): Promise<void>;
}
