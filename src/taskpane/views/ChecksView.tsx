import * as React from "react";
import { renderChecksView } from "./renderChecksView";
import { useChecksView } from "./useChecksView";

/** Findings by severity and KPI, each with a link that selects its cell. */
export function ChecksView(): React.JSX.Element {
  return renderChecksView(useChecksView());
}
