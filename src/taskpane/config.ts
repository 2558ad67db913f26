/**
 * What the pane saves in the workbook: the configuration sheet (ESG_Mapping, ESG_Settings) built from
 * the tables as the workbook holds them, with the user's edits applied. Rows the pane does not edit
 * (settings such as fuelMethod typed into ESG_Settings by hand) are kept as they are.
 */
import { CONFIG_SECTION, CONFIG_SHEET, configSheet, type WorkbookConfig } from "../esg/config-sheet";
import { CONFIG_NAMES } from "../esg/metrics";
import { readStatements, type DisclosureStatement } from "../esg/disclosures/statements";
import { keyValueRows } from "../esg/options";
import type { HistoryEntry, NamedItem, SheetModel, WorkbookRead } from "../esg/types";
import type { PaneSettings } from "./Pane.types";

function table(read: WorkbookRead | null, name: string): Record<string, string> {
  const item: NamedItem | undefined = read?.names.find(
    (n) => n.scope === null && n.name.toUpperCase() === name.toUpperCase(),
  );
  return Object.fromEntries(keyValueRows(item).map((r) => [r.key, r.value]));
}

/** The settings as ESG_Settings text: a percentage for the tolerance ("10%"), nothing for the latest grid year. */
function settingsText(settings: PaneSettings, into: Record<string, string>): void {
  if (settings.yoyTolerance !== undefined) {
    into.yoyTolerance = `${Math.round(settings.yoyTolerance * 1e6) / 1e4}%`;
  }
  if (settings.turnoverMethod !== undefined) into.turnoverMethod = settings.turnoverMethod;
  if (settings.trainingReading !== undefined) into.trainingReading = settings.trainingReading;
  if (settings.gridSeries !== undefined) into.gridSeries = settings.gridSeries;
  if (settings.gridYear === null) delete into.gridYear;
  else if (settings.gridYear !== undefined) into.gridYear = String(settings.gridYear);
}

/** The workbook's configuration with the edits: a draft name "" goes back to the default name. */
export function workbookConfig(
  read: WorkbookRead | null,
  drafts: Readonly<Record<string, string>>,
  settings: PaneSettings,
  disclosures?: readonly DisclosureStatement[],
): WorkbookConfig {
  const mapping = table(read, CONFIG_NAMES.mapping);
  for (const [id, name] of Object.entries(drafts)) {
    if (name === "") delete mapping[id];
    else mapping[id] = name;
  }
  const stored = table(read, CONFIG_NAMES.settings);
  settingsText(settings, stored);
  // The group's content-index statements: the pane's edits, else the table as the workbook holds it.
  const statements = disclosures ?? (read ? [...readStatements(read).statements.values()] : []);
  return { mapping, settings: stored, disclosures: statements };
}

/** The write of a save: the configuration sheet, and a history row whose only section is CONFIG. */
export function configWrite(
  config: WorkbookConfig,
  at: string,
  host: HistoryEntry["host"],
): { sheets: SheetModel[]; history: HistoryEntry } {
  const sheet = configSheet(config);
  return {
    sheets: [sheet],
    history: {
      at,
      host,
      sections: [CONFIG_SECTION],
      language: sheet.language,
      valuesOnly: true,
      sheets: [CONFIG_SHEET],
      sourceNames: [],
    },
  };
}
