import * as React from "react";
import type { PaneProps } from "./Pane.types";
import { renderPane } from "./renderPane";
import { usePane } from "./usePane";
import { usePaneView } from "./usePaneView";

/** The task pane: one TabList over the Data, Checks, KPIs, Generate and Settings views. */
export function Pane(props: PaneProps): React.JSX.Element {
  const state = usePane(props);
  const view = usePaneView(state);
  return renderPane(state, view);
}
