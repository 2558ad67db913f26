import * as React from "react";
import { renderGridFixes } from "./renderGridFixes";
import { useGridFixes } from "./useGridFixes";

/** The Data view's grid picker: a site's unknown or blank GridRegion, fixed in its cell. */
export function GridFixes(): React.JSX.Element | null {
  return renderGridFixes(useGridFixes());
}
