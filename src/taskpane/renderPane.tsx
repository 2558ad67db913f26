import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
} from "@fluentui/react-components";
import { PaneContext } from "./PaneContext";
import type { PaneState } from "./Pane.types";
import { TABS } from "./Pane.types";
import type { PaneView } from "./usePaneView";
import { ViewBoundary } from "./ViewBoundary";
import { DataView } from "./views/DataView";

export function renderPane(state: PaneState, view: PaneView): React.JSX.Element {
  const s = state.strings;
  // Data is the first view and in the first load; the others come on demand (views/lazy-views.ts).
  const { checks: ChecksView, kpis: KpisView, generate: GenerateView, settings: SettingsView } = view.views;
  return (
    <FluentProvider theme={view.theme} lang={state.lang}>
      <PaneContext.Provider value={state}>
        <div className={view.classes.root}>
          {/* The banner holds the title, the language switch and the tab row (so the tabs are in a landmark). */}
          <header className={view.classes.banner}>
            <div className={view.classes.header}>
              <h1 className={view.classes.title}>{s.title}</h1>
              <Button
                appearance="subtle"
                size="small"
                lang={view.otherLang}
                onClick={state.actions.toggleLang}
              >
                {s.languageSwitch}
              </Button>
            </div>
            <TabList
              className={view.classes.tabs}
              selectedValue={state.tab}
              onTabSelect={view.onTabSelect}
              size="small"
            >
              {TABS.map((t) => (
                <Tab
                  key={t}
                  value={t}
                  id={`tab-${t}`}
                  // Only the selected tab's panel is in the page: the others would point at nothing.
                  aria-controls={t === state.tab ? `panel-${t}` : undefined}
                >
                  {s.views[t]}
                </Tab>
              ))}
            </TabList>
          </header>
          <main className={view.classes.panel}>
            <div role="tabpanel" id={`panel-${state.tab}`} aria-labelledby={`tab-${state.tab}`}>
              {state.loadError !== null && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
                    {state.loadError}
                  </MessageBarBody>
                </MessageBar>
              )}
              {state.analysis === null ? (
                state.loadError === null && <Spinner label={s.loading} />
              ) : (
                // Keyed by tab: a view that failed leaves its message behind when another tab is chosen.
                <ViewBoundary key={state.tab} strings={s} onRetry={view.retryViews}>
                  {state.tab === "data" && <DataView />}
                  {state.tab === "checks" && <ChecksView />}
                  {state.tab === "kpis" && <KpisView />}
                  {state.tab === "generate" && <GenerateView />}
                  {state.tab === "settings" && <SettingsView />}
                </ViewBoundary>
              )}
            </div>
          </main>
        </div>
      </PaneContext.Provider>
    </FluentProvider>
  );
}
