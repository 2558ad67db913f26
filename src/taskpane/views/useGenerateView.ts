import * as React from "react";
import type {
  CheckboxOnChangeData,
  RadioGroupOnChangeData,
  TextareaOnChangeData,
} from "@fluentui/react-components";
import { ASPECTS } from "../../esg/catalog";
import { ALL_SECTIONS } from "../../esg/options";
import type { ReportLang } from "../../esg/types";
import { usePaneContext } from "../PaneContext";
import { useViewStyles } from "../usePaneStyles.styles";

export interface SectionChoice {
  readonly code: string;
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (event: React.ChangeEvent<HTMLInputElement>, data: CheckboxOnChangeData) => void;
}

const quote = (sheet: string): string =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

export function useGenerateView() {
  const state = usePaneContext();
  const classes = useViewStyles();
  const { choices, lang, phase, errorCount } = state;
  const { setChoices, generate, selectCell } = state.actions;

  const sections: SectionChoice[] = ALL_SECTIONS.map((code) => {
    const title = ASPECTS.find((a) => a.code === code)?.title[lang] ?? code;
    return {
      code,
      label: `${code} ${title}`,
      checked: choices.sections.includes(code),
      onChange: (_e, data) =>
        setChoices({
          sections: ALL_SECTIONS.filter((c) =>
            c === code ? data.checked === true : choices.sections.includes(c),
          ),
        }),
    };
  });

  const onLanguage = React.useCallback(
    (_e: React.FormEvent<HTMLDivElement>, data: RadioGroupOnChangeData) =>
      setChoices({ language: data.value as ReportLang }),
    [setChoices],
  );
  const onMode = React.useCallback(
    (_e: React.FormEvent<HTMLDivElement>, data: RadioGroupOnChangeData) =>
      setChoices({ valuesOnly: data.value === "values" }),
    [setChoices],
  );
  const onAccept = React.useCallback(
    (_e: React.ChangeEvent<HTMLInputElement>, data: CheckboxOnChangeData) =>
      setChoices({ accepted: data.checked === true }),
    [setChoices],
  );
  const onNote = React.useCallback(
    (_e: React.ChangeEvent<HTMLTextAreaElement>, data: TextareaOnChangeData) =>
      setChoices({ note: data.value }),
    [setChoices],
  );
  const onGenerate = React.useCallback(() => void generate(), [generate]);

  const written =
    phase.kind === "done"
      ? phase.result.written.map((name) => ({ name, onSelect: () => selectCell(`${quote(name)}!A1`) }))
      : [];

  return {
    state,
    classes,
    sections,
    onLanguage,
    onMode,
    onAccept,
    onNote,
    onGenerate,
    blocked: errorCount > 0,
    working: phase.kind === "working",
    progress: phase.kind === "working" ? phase.progress : phase.kind === "done" ? 1 : 0,
    written,
    replacedCount: phase.kind === "done" ? phase.result.replaced.length : 0,
    failure: phase.kind === "failed" ? phase.message : null,
    noSections: choices.sections.length === 0,
  };
}

export type GenerateViewState = ReturnType<typeof useGenerateView>;
