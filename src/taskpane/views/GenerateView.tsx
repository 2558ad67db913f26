import * as React from "react";
import { renderGenerateView } from "./renderGenerateView";
import { useGenerateView } from "./useGenerateView";

/** Sections, language and mode, one button, a progress bar and the sheets written. */
export function GenerateView(): React.JSX.Element {
  return renderGenerateView(useGenerateView());
}
