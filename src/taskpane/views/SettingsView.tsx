import * as React from "react";
import { renderSettingsView } from "./renderSettingsView";
import { useSettingsView } from "./useSettingsView";

/** Year-on-year tolerance, turnover method, training reading, grid factor series and year. */
export function SettingsView(): React.JSX.Element {
  return renderSettingsView(useSettingsView());
}
