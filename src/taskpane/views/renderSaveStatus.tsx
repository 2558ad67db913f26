import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/**
 * The outcome of a save (mapping or settings) as an inline Fluent MessageBar; nothing while idle. A
 * MessageBar without a MessageBarTitle points aria-labelledby at a title that is not there, so it is
 * labelled by its body (`id`, unique in the page).
 */
export function renderSaveStatus(
  id: string,
  saved: boolean,
  savedText: string,
  error: string | null,
): React.JSX.Element | null {
  if (error === null && !saved) return null;
  return (
    <MessageBar intent={error !== null ? "error" : "success"} aria-labelledby={id}>
      <MessageBarBody id={id}>{error ?? savedText}</MessageBarBody>
    </MessageBar>
  );
}
