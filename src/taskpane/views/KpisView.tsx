import * as React from "react";
import { renderKpisView } from "./renderKpisView";
import { useKpisView } from "./useKpisView";

/** Each KPI with its value, unit, prior year, change and formula in words. */
export function KpisView(): React.JSX.Element {
  return renderKpisView(useKpisView());
}
