import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/** The outcome of a save (mapping or settings) as an inline Fluent MessageBar; nothing while idle. */
export function renderSaveStatus(
  saved: boolean,
  savedText: string,
  error: string | null,
): React.JSX.Element | null {
  if (error !== null)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!saved) return null;
  return (
    <MessageBar intent="success">
      <MessageBarBody>{savedText}</MessageBarBody>
    </MessageBar>
  );
}
