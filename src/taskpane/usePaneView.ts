/**
 * What the pane's frame needs beyond the state: theme, classes, tab handler, the views loaded on demand,
 * and the ribbon's registration.
 */
import * as React from "react";
import {
  webDarkTheme,
  webLightTheme,
  type SelectTabData,
  type SelectTabEvent,
  type Theme,
} from "@fluentui/react-components";
import { registerAction } from "../commands/actions";
import type { PaneState, TabValue } from "./Pane.types";
import { usePaneStaticStyles, usePaneStyles } from "./usePaneStyles.styles";
import { lazyViews, type LazyViews } from "./views/lazy-views";

export interface PaneView {
  readonly theme: Theme;
  readonly classes: ReturnType<typeof usePaneStyles>;
  readonly otherLang: string;
  readonly views: LazyViews;
  onTabSelect(event: SelectTabEvent, data: SelectTabData): void;
  /** After a view failed to load: a fresh set of lazy views, so the next render fetches it again. */
  retryViews(): void;
}

export function usePaneView(state: PaneState): PaneView {
  usePaneStaticStyles();
  const classes = usePaneStyles();
  const { setTab, checkData, generateDisclosures } = state.actions;
  React.useEffect(() => {
    const offCheck = registerAction("checkData", checkData);
    const offGenerate = registerAction("generateDisclosures", generateDisclosures);
    return () => {
      offCheck();
      offGenerate();
    };
  }, [checkData, generateDisclosures]);
  const theme = state.host.theme === "dark" ? webDarkTheme : webLightTheme;
  // The theme's colours on the whole page, not only inside the provider: nothing past the pane's content
  // (overscroll, the area below a short view) shows the browser's white; native controls follow the scheme.
  React.useEffect(() => {
    const page = document.documentElement.style;
    page.backgroundColor = theme.colorNeutralBackground1;
    page.color = theme.colorNeutralForeground1;
    page.colorScheme = theme === webDarkTheme ? "dark" : "light";
  }, [theme]);
  const onTabSelect = React.useCallback(
    (_e: SelectTabEvent, data: SelectTabData) => setTab(data.value as TabValue),
    [setTab],
  );
  const [views, setViews] = React.useState(lazyViews);
  const retryViews = React.useCallback(() => setViews(lazyViews()), []);
  return {
    theme,
    classes,
    otherLang: state.lang === "en" ? "zh-HK" : "en",
    views,
    onTabSelect,
    retryViews,
  };
}
