import * as React from "react";
import { renderDataView } from "./renderDataView";
import { useDataView } from "./useDataView";

/** Every metric with the named range it reads, its value, unit and status; the mapping is chosen here. */
export function DataView(): React.JSX.Element {
  return renderDataView(useDataView());
}
