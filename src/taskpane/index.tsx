/**
 * The task pane's entry: connect to the host and render the pane. The ribbon's commands (src/commands)
 * request the pane's actions through src/commands/actions.ts, where the mounted pane registers them.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { connectHost } from "./host";
import { Pane } from "./Pane";

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  try {
    const host = await connectHost();
    createRoot(container).render(<Pane host={host} />);
  } catch (e) {
    container.textContent = e instanceof Error ? e.message : String(e);
  }
}

void start();
