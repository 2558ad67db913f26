import * as React from "react";
import type { SelectOnChangeData } from "@fluentui/react-components";
import { gridOptions, type GridOption } from "../../esg/grids";
import type { Finding } from "../../esg/types";
import { splitSheetRef } from "../../sheet-ref";
import { usePaneContext } from "../PaneContext";
import { useViewStyles } from "../usePaneStyles.styles";

/**
 * The grid picker of the Data view (issue 10): every site whose GridRegion the engine cannot read — text
 * that names no grid (grid.unknown), "Hong Kong" without its power company (grid.hong-kong), or a blank
 * cell (grid.blank) — gets a list of the accepted values (src/esg/grids.ts, as in docs/metrics.md).
 * The value chosen is written into that one cell through the host (one sync), then the pane reads the
 * workbook again, so the finding goes when the cell is right. Only a host that can write a cell (the
 * Office host) offers it; a finding with no cell (the name itself is absent) stays in the Checks view.
 */
const FIXABLE = new Set(["grid.unknown", "grid.hong-kong", "grid.blank"]);

export interface GridFix {
  /** "'Hami 哈密'!B4", as the finding gives it. */
  readonly location: string;
  readonly sheet: string;
  readonly cell: string;
  /** What the cell holds now ("" when blank). */
  readonly text: string;
  readonly finding: Finding;
}

export type GridWrite =
  | { readonly kind: "idle" }
  | { readonly kind: "writing"; readonly location: string }
  | { readonly kind: "written"; readonly location: string; readonly value: string }
  | { readonly kind: "failed"; readonly location: string; readonly message: string };

/** The cells the picker can fix, once each, in the order of the findings. */
export function gridFixes(findings: readonly Finding[], textAt: (location: string) => string): GridFix[] {
  const seen = new Set<string>();
  const out: GridFix[] = [];
  for (const f of findings) {
    if (!FIXABLE.has(f.rule) || f.location === null || seen.has(f.location)) continue;
    const split = splitSheetRef(f.location);
    if (!split) continue;
    seen.add(f.location);
    out.push({
      location: f.location,
      sheet: split.sheet,
      cell: split.area,
      text: textAt(f.location),
      finding: f,
    });
  }
  return out;
}

const OPTIONS: readonly GridOption[] = gridOptions();
const GROUPS = ["grid", "hong-kong", "province"] as const;

export function useGridFixes() {
  const state = usePaneContext();
  const classes = useViewStyles();
  const { analysis, host, lang, strings, actions } = state;
  const canWrite = typeof host.workbook.writeCell === "function";
  const [chosen, setChosen] = React.useState<Readonly<Record<string, string>>>({});
  const [write, setWrite] = React.useState<GridWrite>({ kind: "idle" });
  const status = React.useRef<HTMLDivElement>(null);

  const fixes = React.useMemo(() => {
    if (!analysis || !canWrite) return [];
    // The GridRegion texts as the engine read them, by cell.
    const texts = new Map<string, string>();
    const grid = analysis.snapshot.metrics.get("grid_region");
    for (const inst of grid ? [grid.group, ...grid.sites] : [])
      if (inst?.value.location) texts.set(inst.value.location, inst.text ?? "");
    return gridFixes(analysis.findings, (location) => texts.get(location) ?? "");
  }, [analysis, canWrite]);

  const groups = React.useMemo(
    () =>
      GROUPS.map((g) => ({
        key: g,
        label: strings.gridFix.groups[g],
        options: OPTIONS.filter((o) => o.group === g).map((o) => ({ value: o.value, text: o.label[lang] })),
      })),
    [lang, strings],
  );

  const onSelect = React.useCallback(
    (location: string) => (_e: React.ChangeEvent<HTMLSelectElement>, data: SelectOnChangeData) => {
      if (data.value !== "") setChosen((c) => ({ ...c, [location]: data.value }));
    },
    [],
  );

  const onWrite = React.useCallback(
    async (location: string): Promise<void> => {
      const value = chosen[location];
      if (value === undefined || !host.workbook.writeCell) return;
      setWrite({ kind: "writing", location });
      try {
        await host.workbook.writeCell(location, value);
        await actions.reload();
        setChosen(({ [location]: _done, ...rest }) => rest);
        setWrite({ kind: "written", location, value });
        // The card goes with its finding: focus moves to the outcome rather than to the page.
        status.current?.focus();
      } catch (e) {
        setWrite({ kind: "failed", location, message: e instanceof Error ? e.message : String(e) });
      }
    },
    [chosen, host, actions],
  );

  return { state, classes, fixes, groups, chosen, onSelect, onWrite, write, status };
}

export type GridFixesState = ReturnType<typeof useGridFixes>;
