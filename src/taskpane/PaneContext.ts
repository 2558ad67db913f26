import * as React from "react";
import type { PaneState } from "./Pane.types";

export const PaneContext = React.createContext<PaneState | null>(null);

/** The pane's state, for the views. */
export function usePaneContext(): PaneState {
  const state = React.useContext(PaneContext);
  if (!state) throw new Error("usePaneContext: no <Pane> above this view.");
  return state;
}
