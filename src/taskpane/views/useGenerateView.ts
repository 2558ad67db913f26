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
  const onCharts = React.useCallback(
    (_e: React.ChangeEvent<HTMLInputElement>, data: CheckboxOnChangeData) =>
      setChoices({ charts: data.checked === true }),
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

  // When generation ends, focus goes from the Generate button (or from <body>, if a ribbon command started
  // it) to the summary, which says what was written or why it failed; focus elsewhere is left alone.
  const buttonRef = React.useRef<HTMLButtonElement>(null);
  const resultRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (phase.kind !== "done" && phase.kind !== "failed") return;
    const active = document.activeElement;
    if (active === null || active === document.body || active === buttonRef.current)
      resultRef.current?.focus();
  }, [phase.kind]);

  const written =
    phase.kind === "done"
      ? phase.result.written.map((name) => ({ name, onSelect: () => selectCell(`${quote(name)}!A1`) }))
      : [];

  const g = state.strings.generate;
  const announcement =
    phase.kind === "working"
      ? g.working
      : phase.kind === "done"
        ? `${g.done(phase.result.written.length)} ${phase.result.written.join(", ")}`
        : phase.kind === "failed"
          ? `${g.failed} ${phase.message}`
          : "";

  return {
    state,
    classes,
    sections,
    buttonRef,
    resultRef,
    announcement,
    onLanguage,
    onMode,
    onCharts,
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
