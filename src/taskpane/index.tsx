/**
 * Task pane entry (placeholder until the task pane issue replaces it): mounts React with the Fluent
 * theme and shows a loading state while Office.js starts. It shows no data of its own.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";

function mount(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Spinner label="Loading ESG disclosures… 正在載入 ESG 披露…" labelPosition="below" />
    </FluentProvider>,
  );
}

// Inside Office, wait for Office.js; in a plain browser (no Office global) mount at once.
if (typeof Office !== "undefined") void Office.onReady(() => mount());
else mount();
