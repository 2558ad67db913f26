/**
 * Around the shown view: a labelled spinner while a view loaded on demand (views/lazy-views.ts) is
 * fetched, and, if fetching or showing it fails, a message naming the error with "Try again" instead of
 * an empty pane. Error boundaries are class components only (React 18:
 * https://react.dev/reference/react/Component#catching-rendering-errors-with-an-error-boundary).
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import type { Strings } from "./i18n";

export interface ViewBoundaryProps {
  readonly strings: Strings;
  /** Called before showing the view again, to replace views whose load failed (lazyViews()). */
  readonly onRetry: () => void;
  readonly children: React.ReactNode;
}

interface ViewBoundaryState {
  readonly failure: string | null;
}

export class ViewBoundary extends React.Component<ViewBoundaryProps, ViewBoundaryState> {
  override state: ViewBoundaryState = { failure: null };

  static getDerivedStateFromError(error: unknown): ViewBoundaryState {
    return { failure: error instanceof Error ? error.message : String(error) };
  }

  private readonly retry = (): void => {
    this.props.onRetry();
    this.setState({ failure: null });
  };

  override render(): React.ReactNode {
    const s = this.props.strings;
    if (this.state.failure !== null)
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {s.viewFailed(this.state.failure)}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={this.retry}>{s.tryAgain}</Button>
          </MessageBarActions>
        </MessageBar>
      );
    return (
      <React.Suspense fallback={<Spinner label={s.viewLoading} />}>{this.props.children}</React.Suspense>
    );
  }
}
